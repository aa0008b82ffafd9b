import { readPath, traceCondition, MISSING, type FactReader } from "../evaluation/index.js";
import { missingInputs, ROW, traceFormula, type DeriveReader, type ValidProfile } from "../profiles/index.js";
import { factsById, rulesetAsOf, type Criterion, type Fact, type Localized, type RuleSet } from "../rules/index.js";
import { adjustmentTrace } from "./adjustments.js";
import { evaluateCriterion, type CriterionVerdict } from "./criterion.js";
import { groupRules, type ClassRule, type FactRead, type GroupRules } from "./group.js";
import { formatPoints, percentOf, toPoints, ZERO, type Percent, type Points, type RoundingMode } from "./points.js";
import { styleOf } from "./styles/index.js";
import type { AssessedScore, CriterionResult, CriterionTrace, DerivedValue, ScoreOptions, ScoreResult } from "./types.js";

/** A scored unit as ranking and awards read it: its result, and its totals as exact integers. */
export interface ScoredUnit {
  readonly profile: ValidProfile;
  readonly result: ScoreResult;
  readonly score: Points;
  readonly potentialScore: Points;
  readonly nominalMax: Points;
  readonly percent: Percent;
  /** The self-assessed score, for a profile with assessments. */
  readonly selfScore?: Points;
  /** Nothing of the unit is known: it is in the rule set's unscored class. */
  readonly unscored?: true;
}

const has = Object.prototype.hasOwnProperty;
type Mutable<T> = { -readonly [K in keyof T]: T[K] };
/** A profile's facts read by id (own properties only). */
export const factReader = (p: ValidProfile): FactReader => (id) => (has.call(p.facts, id) ? p.facts[id] : undefined);
/** A profile's facts read by id from its dense row (`slots`: fact id → slot), as the compiled paths read them. */
export const rowReader =
  (slots: ReadonlyMap<string, number>) =>
  (p: ValidProfile): FactReader =>
  (id) => {
    const s = slots.get(id);
    return s === undefined ? undefined : p[ROW][s];
  };

/**
 * Scores a validated profile: the reference path, and the specification of a score. Each criterion
 * of the profile's group is evaluated by the reference interpreter (`evaluateCriterion`), then
 * {@link scoreFromVerdicts} adds them up. Pure; same input → same output.
 */
export function scoreProfile(ruleset: RuleSet, p: ValidProfile, opts: ScoreOptions): ScoredUnit {
  const rs = rulesetAsOf(ruleset, opts.asOf);
  const rules = groupRules(rs, p.group);
  const read = factReader(p);
  const verdicts = rules.criteria.map((c) => evaluateCriterion(c, read, opts.asOf));
  const unit = scoreFromVerdicts(rs, rules, p, verdicts, read, opts);
  return p.assessed ? withAssessment(unit, scoreProfile(ruleset, p.assessed.self, { ...opts, trace: false }), p.assessed) : unit;
}

const assessedScore = (u: ScoredUnit): AssessedScore => ({ score: u.result.score, percent: u.result.percent, classification: u.result.classification ?? null });

/**
 * An official score with the self-assessed one beside it (both paths score a profile with
 * assessments twice, the same way): the summary in the result, the self score for ranking.
 */
export function withAssessment(official: ScoredUnit, self: ScoredUnit, assessed: NonNullable<ValidProfile["assessed"]>): ScoredUnit {
  const assessment = { official: assessed.official, self: assessedScore(self), officialScore: assessedScore(official), changes: assessed.changes };
  return { ...official, result: { ...official.result, assessment }, selfScore: self.score };
}

/** The sum of `value(i)` over a group's criteria, with the group caps applied (a cap counts its members' points at most up to it). */
function cappedTotal(rules: GroupRules, value: (i: number) => Points): Points {
  let total = 0;
  for (let i = 0; i < rules.criteria.length; i++) total += value(i);
  for (const cap of rules.caps) {
    let raw = 0;
    for (const i of cap.members) raw += value(i);
    if (raw > cap.cap) total -= raw - cap.cap;
  }
  return total as Points;
}

/**
 * The first class (highest rank first) reached with a score and its percentage: its threshold (a
 * percentage or points), no knock-out if it excludes them, and the minimum points of the criteria it
 * requires (where they apply), now or in the best case.
 */
function classify(classes: readonly ClassRule[], score: Points, percent: Percent, verdicts: readonly CriterionVerdict[], bestCase: boolean, knockedOut: boolean): ClassRule | null {
  const points = (v: CriterionVerdict) => (bestCase ? v.potential : v.points);
  for (const k of classes) {
    const reaches = k.minPoints !== undefined ? score >= k.minPoints : percent >= k.minPercent!;
    if (!reaches || (k.noKnockout && knockedOut)) continue;
    if (k.requires.every((r) => verdicts[r.index]!.status === "not_applicable" || points(verdicts[r.index]!) >= r.minPoints)) return k;
  }
  return null;
}

/** The unscored class, when the rule set has one and the profile gives none of the facts the group's criteria read. */
function unscoredClass(rules: GroupRules, read: FactReader): ClassRule | undefined {
  const u = rules.unscored;
  return u && rules.inputs.every((f) => read(f) === undefined || read(f) === null) ? u : undefined;
}

/** Whether a fact the criterion reads is missing from the profile (or the field it reads of it). */
const isMissing = (r: FactRead, read: FactReader) => readPath(read(r.fact), r.path) === MISSING;

/** A fact reader as formulas read facts (a field of an object fact by name). */
const deriveReader = (read: FactReader): DeriveReader => (fact, field) => {
  const v = read(fact);
  return field === undefined || v === null || typeof v !== "object" ? (field === undefined ? v : undefined) : has.call(v, field) ? (v as Record<string, unknown>)[field] : undefined;
};

/** Facts a criterion reads that the profile does not give, each once, in catalog order; an unknown derived fact stands for the inputs it lacks. */
function missingOf(reads: readonly FactRead[], read: FactReader, catalog: ReadonlyMap<string, Fact>): string[] {
  const out: string[] = [];
  let derived = false;
  for (const r of reads) {
    if (out.includes(r.fact) || !isMissing(r, read)) continue;
    const formula = catalog.get(r.fact)?.formula;
    if (formula === undefined) out.push(r.fact);
    else {
      derived = true;
      for (const id of missingInputs(formula, deriveReader(read), catalog)) if (!out.includes(id)) out.push(id);
    }
  }
  if (!derived) return out;
  const order = [...catalog.keys()];
  return out.sort((a, b) => order.indexOf(a) - order.indexOf(b));
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

/** The derived facts of a group as computed for a profile, each with the trace of its formula. */
function derivedValues(rules: GroupRules, read: FactReader, catalog: ReadonlyMap<string, Fact>): DerivedValue[] {
  return rules.derived.map((f) => {
    const v = read(f.id);
    return { fact: f.id, ...((typeof v === "number" || typeof v === "boolean") && { value: v }), trace: traceFormula(f.formula!, deriveReader(read), catalog) };
  });
}

/** Builds a criterion's result (without its trace) from its verdict and missing facts. */
export type ResultMaker = (index: number, c: Criterion, v: CriterionVerdict, missingFacts: readonly string[]) => CriterionResult;

/** A criterion's result: its points as decimal strings; a criterion that does not apply has a maximum of 0. */
export const criterionResult: ResultMaker = (_index, c, v, missingFacts) => {
  const r: Mutable<CriterionResult> = {
    id: c.id,
    status: v.status,
    points: formatPoints(v.points),
    maxPoints: v.status === "not_applicable" ? "0" : formatPoints(toPoints(c.maxPoints)),
    bonus: formatPoints(v.bonus),
    deduction: formatPoints(v.deduction),
    missingFacts,
  };
  if (v.tier !== undefined) r.tier = v.tier;
  if (c.knockout === true) r.knockout = true;
  return r;
};

const NONE: readonly string[] = Object.freeze([]);

/** What a group's verdicts add up to: the totals under the group caps, the knock-outs, points per content and per group cap. */
export interface Summary {
  /** Score now, in the best case, the nominal scale and the highest reachable score, group caps applied. */
  readonly now: Points;
  readonly best: Points;
  readonly nominal: Points;
  readonly maxScore: Points;
  readonly knockouts: ScoreResult["knockouts"];
  readonly knockoutsUnknown: ScoreResult["knockoutsUnknown"];
  readonly contents: ScoreResult["contents"];
  readonly groupCaps: ScoreResult["groupCaps"];
}

/** Points per emulation content, over the criteria that apply. */
function contentsOf(rules: GroupRules, verdicts: readonly CriterionVerdict[]): ScoreResult["contents"] {
  const out: { content: number; points: string; maxPoints: string }[] = [];
  for (const { content, members } of rules.contents) {
    let points = 0;
    let max = 0;
    let used = false;
    for (const i of members) {
      if (verdicts[i]!.status === "not_applicable") continue;
      used = true;
      points += verdicts[i]!.points;
      max += rules.max[i]!;
    }
    if (used) out.push({ content, points: formatPoints(points), maxPoints: formatPoints(max) });
  }
  return out;
}

/** Each group cap: the points of its members before the cap, and whether it took any off. */
function groupCapsOf(rules: GroupRules, verdicts: readonly CriterionVerdict[]): ScoreResult["groupCaps"] {
  return rules.caps.map((cap) => {
    let raw = 0;
    for (const i of cap.members) raw += verdicts[i]!.points;
    return { id: cap.id, points: formatPoints(raw), cap: formatPoints(cap.cap), applied: raw > cap.cap };
  });
}

/**
 * The summary of a group's verdicts, plainly: the specification the compiled scorer's per-group
 * plans are held to. Knock-outs are the events that occurred, and the knock-out criteria still unknown.
 */
export function summarise(rules: GroupRules, verdicts: readonly CriterionVerdict[]): Summary {
  const applies = (i: number) => verdicts[i]!.status !== "not_applicable";
  const knockouts: { criterion: string; reason: Localized }[] = [];
  const knockoutsUnknown: string[] = [];
  rules.criteria.forEach((c, i) => {
    if (verdicts[i]!.knocked) knockouts.push({ criterion: c.id, reason: c.knockoutReason ?? c.title });
    if (c.knockout && verdicts[i]!.status === "unknown") knockoutsUnknown.push(c.id);
  });
  return {
    now: cappedTotal(rules, (i) => verdicts[i]!.points),
    best: cappedTotal(rules, (i) => verdicts[i]!.potential),
    nominal: cappedTotal(rules, (i) => (applies(i) ? rules.max[i]! : ZERO)),
    maxScore: cappedTotal(rules, (i) => (applies(i) ? ((rules.max[i]! + rules.maxBonus[i]!) as Points) : ZERO)),
    knockouts,
    knockoutsUnknown,
    contents: contentsOf(rules, verdicts),
    groupCaps: groupCapsOf(rules, verdicts),
  };
}

/**
 * How {@link scoreFromVerdicts} makes its parts: plainly by default; the compiled scorer passes its
 * faster equals (criterion results shared between units, summaries from per-group plans, numbers
 * formatted once).
 */
export interface ScoreParts {
  readonly make: ResultMaker;
  readonly summarise: (rules: GroupRules, verdicts: readonly CriterionVerdict[]) => Summary;
  /** Points or a percentage (hundredths) as a decimal string: {@link formatPoints}. */
  readonly text: (hundredths: number) => string;
}

const PLAIN: ScoreParts = { make: criterionResult, summarise, text: formatPoints };

/** The criteria's results (with traces when asked) and the facts they miss, each once in catalog order. */
function criterionResults(rs: RuleSet, rules: GroupRules, verdicts: readonly CriterionVerdict[], read: FactReader, opts: ScoreOptions, make: ResultMaker): { criteria: CriterionResult[]; missingFacts: readonly string[] } {
  const catalog = factsById(rs);
  const criteria = rules.criteria.map((c, i): CriterionResult => {
    const v = verdicts[i]!;
    const r = make(i, c, v, v.unsettled ? missingOf(rules.reads[i]!, read, catalog) : NONE);
    return opts.trace && v.status !== "not_applicable" ? { ...r, trace: traceCriterion(c, read) } : r;
  });
  return { criteria, missingFacts: missingOfAll(rules, criteria) };
}

/** The facts the criteria miss, each once, in catalog order (one criterion's list is in that order already). */
function missingOfAll(rules: GroupRules, criteria: readonly CriterionResult[]): readonly string[] {
  const lists = criteria.filter((c) => c.missingFacts.length > 0).map((c) => c.missingFacts);
  if (lists.length <= 1) return lists[0] ?? [];
  return [...new Set(lists.flat())].sort((a, b) => rules.order.get(a)! - rules.order.get(b)!);
}

/**
 * A score from the verdicts on a group's criteria (however they were evaluated): totals under the
 * group caps, the percentage of the nominal scale, knock-outs, the class now and in the best case
 * (an unknown knock-out bars "no knock-out" classes now; the best case assumes it did not happen),
 * per-content points and the facts still missing.
 */
export function scoreFromVerdicts(rs: RuleSet, rules: GroupRules, p: ValidProfile, verdicts: readonly CriterionVerdict[], read: FactReader, opts: ScoreOptions, parts: ScoreParts = PLAIN): ScoredUnit {
  const mode = rs.manifest.rounding as RoundingMode;
  const t = parts.summarise(rules, verdicts);
  const percent = percentOf(t.now, t.nominal, mode);
  const knockedOut = t.knockouts.length > 0;
  const klass = unscoredClass(rules, read) ?? classify(rules.classes, t.now, percent, verdicts, false, knockedOut || t.knockoutsUnknown.length > 0);
  const best = classify(rules.classes, t.best, percentOf(t.best, t.nominal, mode), verdicts, true, knockedOut);
  const { criteria, missingFacts } = criterionResults(rs, rules, verdicts, read, opts, parts.make);
  const text = parts.text;
  const result: Mutable<ScoreResult> = {
    unitId: p.id,
    name: p.name,
    group: p.group,
    cohort: p.cohort ?? null,
    year: p.year,
    asOf: opts.asOf,
    score: text(t.now),
    maxScore: text(t.maxScore),
    nominalMax: text(t.nominal),
    percent: text(percent),
    potentialScore: text(t.best),
    classification: klass ? klass.def.id : null,
    potentialClassification: best?.def.id ?? null,
    knockedOut,
    knockouts: t.knockouts,
    knockoutsUnknown: t.knockoutsUnknown,
    contents: t.contents,
    groupCaps: t.groupCaps,
    criteria,
    missingFacts,
  };
  if (opts.trace && rules.derived.length > 0) result.derived = derivedValues(rules, read, factsById(rs));
  const unit: ScoredUnit = { profile: p, result, score: t.now, potentialScore: t.best, nominalMax: t.nominal, percent };
  return klass !== null && klass === rules.unscored ? { ...unit, unscored: true } : unit;
}
