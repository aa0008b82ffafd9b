/**
 * The reference for `scoreProfile`: the straightforward implementation it replaced, kept verbatim
 * (fresh objects for every result, closures, `.some` over each class's requirements), so that a
 * property test can hold the optimised one to the same bytes.
 */
import { MISSING } from "../../src/evaluation/index.js";
import type { ValidProfile } from "../../src/profiles/index.js";
import { classesByRank, type ClassDef, type Localized, type RuleSet } from "../../src/rules/index.js";
import { compiledGroup, type CompiledGroup, type CompiledRuleSet } from "../../src/scoring/compile.js";
import { divRound, type RoundingMode } from "../../src/scoring/decimal.js";
import { units } from "../../src/scoring/format.js";
import type { CriterionResult, ScoreOptions, ScoreResult } from "../../src/scoring/index.js";
import { scoreCriterion, type CriterionVerdict } from "../../src/scoring/score.js";
import { referenceTraceCriterion as traceCriterion } from "./trace-reference.js";

const inForce = (from: string | undefined, to: string | undefined, asOf: string) => (from === undefined || from <= asOf) && (to === undefined || asOf <= to);

const NO_CAPS: { id: string; raw: number; cap: number }[] = [];
function applyCaps(g: CompiledGroup, values: readonly number[]): { total: number; caps: { id: string; raw: number; cap: number }[] } {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i]!;
  if (g.caps.length === 0) return { total, caps: NO_CAPS };
  const caps = g.caps.map((cap) => {
    let raw = 0;
    for (const m of cap.members) raw += values[m]!;
    if (raw > cap.cap) total -= raw - cap.cap;
    return { id: cap.id, raw, cap: cap.cap };
  });
  return { total, caps };
}


/**
 * percent in hundredths of a percent (7250 = 72.5%); `points(id)` gives a criterion's points, or
 * undefined when it does not apply to the profile.
 */
function classify(rs: RuleSet, percent: number, points: (criterion: string) => number | undefined, knockedOut: boolean): ClassDef | null {
  for (const k of classesByRank(rs)) {
    if (percent < Math.round(k.minPercent * 100)) continue;
    if (k.noKnockout && knockedOut) continue;
    // A requirement binds only profiles for which its criterion applies (its group, in force, applicable).
    if ((k.requires ?? []).some((r) => {
      const p = points(r.criterion);
      return p !== undefined && p < Math.round(r.minPoints * 100);
    })) continue;
    return k;
  }
  return null;
}

const NONE: readonly string[] = Object.freeze([]);
const NO_SLOTS: readonly number[] = Object.freeze([]);

/** Facts a criterion reads that the row lacks, or object facts lacking a field the criterion reads. */
function missingSlots(c: CompiledGroup["criteria"][number], row: readonly unknown[]): readonly number[] {
  const out = c.slots.filter((s) => row[s] === undefined);
  for (const r of c.pathReads) {
    if (row[r.slot] !== undefined && r.get(row[r.slot]) === MISSING && !out.includes(r.slot)) out.push(r.slot);
  }
  return out.sort((a, b) => a - b);
}

/** `scoreProfile` as it was before its results were interned and its scratch space reused (commit 7771a1c). */
export function referenceScoreProfile(cr: CompiledRuleSet, p: ValidProfile, opts: ScoreOptions): ScoreResult {
  const rs = cr.ruleset;
  const g = cr.groups.get(p.group) ?? compiledGroup(p.group, []);
  const n = g.criteria.length;
  const verdicts: CriterionVerdict[] = new Array(n);
  const pointsNow: number[] = new Array(n);
  const pointsBest: number[] = new Array(n);
  const nominals: number[] = new Array(n);
  const maxima: number[] = new Array(n);
  let anyKnocked = false;
  let anyKnockoutUnknown = false;
  for (let i = 0; i < n; i++) {
    const c = g.criteria[i]!;
    const v = scoreCriterion(c, p.row, inForce(c.def.effectiveFrom, c.def.effectiveTo, opts.asOf));
    verdicts[i] = v;
    const applies = v.status !== "not_applicable";
    pointsNow[i] = v.points;
    pointsBest[i] = v.potential;
    nominals[i] = applies ? c.max : 0;
    maxima[i] = applies ? c.max + c.maxBonus : 0;
    if (v.knocked) anyKnocked = true;
    if (c.knockout && v.status === "unknown") anyKnockoutUnknown = true;
  }
  const actual = applyCaps(g, pointsNow);
  const potential = applyCaps(g, pointsBest);
  const nominal = applyCaps(g, nominals).total;
  const maxScore = applyCaps(g, maxima).total;
  const mode = rs.manifest.rounding as RoundingMode;
  // score × 100 / nominal, in hundredths of a percent, exact integer rounding (Decimal-free hot path)
  const pct = (u: number) => (nominal === 0 ? 0 : divRound(u * 10000, nominal, mode));
  const percent = pct(actual.total);
  const pointsOfCriterion = (id: string) => {
    const i = g.index.get(id);
    return i === undefined || verdicts[i]!.status === "not_applicable" ? undefined : verdicts[i]!.points;
  };
  const potentialOfCriterion = (id: string) => {
    const i = g.index.get(id);
    return i === undefined || verdicts[i]!.status === "not_applicable" ? undefined : verdicts[i]!.potential;
  };
  const knockouts: { criterion: string; reason: Localized }[] = [];
  const knockoutsUnknown: string[] = [];
  if (anyKnocked || anyKnockoutUnknown) {
    for (let i = 0; i < n; i++) {
      const c = g.criteria[i]!;
      if (verdicts[i]!.knocked) knockouts.push({ criterion: c.def.id, reason: c.def.knockoutReason ?? c.def.title });
      if (c.knockout && verdicts[i]!.status === "unknown") knockoutsUnknown.push(c.def.id);
    }
  }
  const knockedOut = knockouts.length > 0;
  // an unknown knock-out bars "noKnockout" classes now; the best case assumes it did not happen
  const klass = classify(rs, percent, pointsOfCriterion, knockedOut || knockoutsUnknown.length > 0);
  const potentialClass = classify(rs, pct(potential.total), potentialOfCriterion, knockedOut);
  let missing: Set<number> | undefined;
  const criteria: CriterionResult[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const c = g.criteria[i]!;
    const v = verdicts[i]!;
    const miss = v.anyUnknown ? missingSlots(c, p.row) : NO_SLOTS;
    if (miss.length) {
      missing ??= new Set();
      for (const s of miss) missing.add(s);
    }
    const r: CriterionResult = {
      id: c.def.id,
      status: v.status,
      points: units(v.points),
      maxPoints: units(v.status === "not_applicable" ? 0 : c.max),
      bonus: units(v.bonus),
      deduction: units(v.deduction),
      ...(v.tier >= 0 && { tier: v.tier }),
      ...(c.knockout && { knockout: true as const }),
      missingFacts: miss.length ? miss.map((s) => rs.facts[s]!.id) : NONE,
    };
    criteria[i] = opts.trace && v.status !== "not_applicable" ? { ...r, trace: traceCriterion(c.def, p.facts) } : r;
  }
  const applicable = (i: number) => verdicts[i]!.status !== "not_applicable";
  const contents: { content: number; points: string; maxPoints: string }[] = [];
  for (const { content, members } of g.contents) {
    let pts = 0;
    let max = 0;
    let used = false;
    for (const i of members) {
      if (!applicable(i)) continue;
      used = true;
      pts += verdicts[i]!.points;
      max += g.criteria[i]!.max;
    }
    if (used) contents.push({ content, points: units(pts), maxPoints: units(max) });
  }
  return {
    unitId: p.id,
    name: p.name,
    group: p.group,
    cohort: p.cohort ?? null,
    year: p.year,
    asOf: opts.asOf,
    score: units(actual.total),
    maxScore: units(maxScore),
    nominalMax: units(nominal),
    percent: units(percent),
    potentialScore: units(potential.total),
    classification: klass ? { id: klass.id, title: klass.title } : null,
    potentialClassification: potentialClass?.id ?? null,
    knockedOut,
    knockouts,
    knockoutsUnknown,
    contents,
    groupCaps: actual.caps.length ? actual.caps.map((c) => ({ id: c.id, points: units(c.raw), cap: units(c.cap), applied: c.raw > c.cap })) : [],
    criteria,
    missingFacts: missing ? [...missing].sort((a, b) => a - b).map((s) => rs.facts[s]!.id) : [],
  };
}
