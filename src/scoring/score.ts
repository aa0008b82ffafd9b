import { readPath, traceCondition, MISSING, type FactReader } from "../evaluation/index.js";
import type { ValidProfile } from "../profiles/index.js";
import type { Criterion, RuleSet } from "../rules/index.js";
import { adjustmentTrace } from "./adjustments.js";
import { evaluateCriterion, type CriterionVerdict } from "./criterion.js";
import { groupRules, type ClassRule, type FactRead, type GroupRules } from "./group.js";
import { formatPoints, percentOf, sum, toPoints, ZERO, type Percent, type Points, type RoundingMode } from "./points.js";
import { styleOf } from "./styles/index.js";
import type { CriterionResult, CriterionTrace, ScoreOptions, ScoreResult } from "./types.js";

/** A scored unit as ranking and awards read it: its result, and its totals as exact integers. */
export interface ScoredUnit {
  readonly profile: ValidProfile;
  readonly result: ScoreResult;
  readonly score: Points;
  readonly potentialScore: Points;
  readonly nominalMax: Points;
  readonly percent: Percent;
}

const has = Object.prototype.hasOwnProperty;
/** A profile's facts read by id (own properties only). */
export const factReader = (p: ValidProfile): FactReader => (id) => (has.call(p.facts, id) ? p.facts[id] : undefined);

/**
 * Scores a validated profile: the reference path, and the specification of a score. Each criterion
 * of the profile's group is evaluated by the reference interpreter (`evaluateCriterion`), then
 * {@link scoreFromVerdicts} adds them up. Pure; same input → same output.
 */
export function scoreProfile(rs: RuleSet, p: ValidProfile, opts: ScoreOptions): ScoredUnit {
  const rules = groupRules(rs, p.group);
  const read = factReader(p);
  const verdicts = rules.criteria.map((c) => evaluateCriterion(c, read, opts.asOf));
  return scoreFromVerdicts(rs, rules, p, verdicts, read, opts);
}

/** The points of several criteria together, with the group caps applied. */
function cappedTotal(rules: GroupRules, values: readonly Points[]): Points {
  let total = sum(values);
  for (const cap of rules.caps) {
    const raw = sum(cap.members.map((i) => values[i]!));
    if (raw > cap.cap) total = (total - (raw - cap.cap)) as Points;
  }
  return total;
}

/**
 * The first class (highest rank first) reached with a percentage: its threshold, no knock-out if it
 * excludes them, and the minimum points of the criteria it requires (where they apply).
 */
function classify(classes: readonly ClassRule[], percent: Percent, points: readonly Points[], verdicts: readonly CriterionVerdict[], knockedOut: boolean): ClassRule | null {
  return (
    classes.find(
      (k) =>
        percent >= k.minPercent &&
        !(k.noKnockout && knockedOut) &&
        k.requires.every((r) => verdicts[r.index]!.status === "not_applicable" || points[r.index]! >= r.minPoints),
    ) ?? null
  );
}

/** Whether a fact the criterion reads is missing from the profile (or the field it reads of it). */
const isMissing = (r: FactRead, read: FactReader) => readPath(read(r.fact), r.path) === MISSING;

/** Facts a criterion reads that the profile does not give, each once, in catalog order. */
function missingOf(reads: readonly FactRead[], read: FactReader): string[] {
  const out: string[] = [];
  for (const r of reads) if (!out.includes(r.fact) && isMissing(r, read)) out.push(r.fact);
  return out;
}

/** Re-runs one criterion through the reference interpreter and records what decided it. */
export function traceCriterion(c: Criterion, read: FactReader): CriterionTrace {
  return {
    ...(c.appliesWhen && { appliesWhen: traceCondition(c.appliesWhen, read) }),
    ...styleOf(c).trace(c, read),
    ...(c.bonus && { bonus: c.bonus.map((a) => adjustmentTrace(a, read)) }),
    ...(c.deductions && { deductions: c.deductions.map((a) => adjustmentTrace(a, read)) }),
  };
}

function criterionResult(c: Criterion, v: CriterionVerdict, reads: readonly FactRead[], read: FactReader, trace: boolean): CriterionResult {
  const applicable = v.status !== "not_applicable";
  return {
    id: c.id,
    status: v.status,
    points: formatPoints(v.points),
    maxPoints: applicable ? formatPoints(toPoints(c.maxPoints)) : "0",
    bonus: formatPoints(v.bonus),
    deduction: formatPoints(v.deduction),
    ...(v.tier !== undefined && { tier: v.tier }),
    ...(c.knockout === true && { knockout: true as const }),
    missingFacts: v.unsettled ? missingOf(reads, read) : [],
    ...(trace && applicable && { trace: traceCriterion(c, read) }),
  };
}

/** Totals of a group's verdicts: now, best case, nominal scale and highest reachable score, group caps applied. */
function totals(rules: GroupRules, verdicts: readonly CriterionVerdict[]) {
  const applies = (i: number) => verdicts[i]!.status !== "not_applicable";
  const max = (c: Criterion) => toPoints(c.maxPoints);
  const maxBonus = (c: Criterion) => sum((c.bonus ?? []).map((a) => toPoints(a.cap)));
  return {
    now: cappedTotal(rules, verdicts.map((v) => v.points)),
    best: cappedTotal(rules, verdicts.map((v) => v.potential)),
    nominal: cappedTotal(rules, rules.criteria.map((c, i) => (applies(i) ? max(c) : ZERO))),
    maxScore: cappedTotal(rules, rules.criteria.map((c, i) => (applies(i) ? ((max(c) + maxBonus(c)) as Points) : ZERO))),
  };
}

/** Points per emulation content, over the criteria that apply. */
function contentsOf(rules: GroupRules, verdicts: readonly CriterionVerdict[]): ScoreResult["contents"] {
  return rules.contents.flatMap(({ content, members }) => {
    const used = members.filter((i) => verdicts[i]!.status !== "not_applicable");
    if (!used.length) return [];
    const points = sum(used.map((i) => verdicts[i]!.points));
    const maxPoints = sum(used.map((i) => toPoints(rules.criteria[i]!.maxPoints)));
    return [{ content, points: formatPoints(points), maxPoints: formatPoints(maxPoints) }];
  });
}

/**
 * A score from the verdicts on a group's criteria (however they were evaluated): totals under the
 * group caps, the percentage of the nominal scale, knock-outs, the class now and in the best case
 * (an unknown knock-out bars "no knock-out" classes now; the best case assumes it did not happen),
 * per-content points and the facts still missing.
 */
export function scoreFromVerdicts(rs: RuleSet, rules: GroupRules, p: ValidProfile, verdicts: readonly CriterionVerdict[], read: FactReader, opts: ScoreOptions): ScoredUnit {
  const mode = rs.manifest.rounding as RoundingMode;
  const t = totals(rules, verdicts);
  const percent = percentOf(t.now, t.nominal, mode);
  const knockouts = rules.criteria.flatMap((c, i) => (verdicts[i]!.knocked ? [{ criterion: c.id, reason: c.knockoutReason ?? c.title }] : []));
  const knockoutsUnknown = rules.criteria.flatMap((c, i) => (c.knockout && verdicts[i]!.status === "unknown" ? [c.id] : []));
  const klass = classify(rules.classes, percent, verdicts.map((v) => v.points), verdicts, knockouts.length > 0 || knockoutsUnknown.length > 0);
  const best = classify(rules.classes, percentOf(t.best, t.nominal, mode), verdicts.map((v) => v.potential), verdicts, knockouts.length > 0);
  const criteria = rules.criteria.map((c, i) => criterionResult(c, verdicts[i]!, rules.reads[i]!, read, opts.trace));
  const missing = new Set(criteria.flatMap((c) => c.missingFacts));
  const result: ScoreResult = {
    unitId: p.id,
    name: p.name,
    group: p.group,
    cohort: p.cohort ?? null,
    year: p.year,
    asOf: opts.asOf,
    score: formatPoints(t.now),
    maxScore: formatPoints(t.maxScore),
    nominalMax: formatPoints(t.nominal),
    percent: formatPoints(percent),
    potentialScore: formatPoints(t.best),
    classification: klass ? klass.classification : null,
    potentialClassification: best?.def.id ?? null,
    knockedOut: knockouts.length > 0,
    knockouts,
    knockoutsUnknown,
    contents: contentsOf(rules, verdicts),
    groupCaps: rules.caps.map((cap) => {
      const raw = sum(cap.members.map((i) => verdicts[i]!.points));
      return { id: cap.id, points: formatPoints(raw), cap: formatPoints(cap.cap), applied: raw > cap.cap };
    }),
    criteria,
    missingFacts: rs.facts.filter((f) => missing.has(f.id)).map((f) => f.id),
  };
  return { profile: p, result, score: t.now, potentialScore: t.best, nominalMax: t.nominal, percent };
}
