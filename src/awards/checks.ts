import { compileNode, F, T, traceCondition, traceLeaves, U, type LeafTrace, type Node, type Tri, type Truth } from "../evaluation/index.js";
import type { ValidProfile } from "../profiles/index.js";
import { classRanks, perRuleSet, walkCondition, type Award, type RuleSet } from "../rules/index.js";
import { divRound, unitsToDecimalString, type CriterionStatus, type ScoreResult } from "../scoring/index.js";
import { pointsOf } from "../ranking/index.js";

type HistoryReq = NonNullable<Award["history"]>[number];

/** One check of an award's eligibility; data only (ids, values), rendered by `explain`. */
export type AwardCheck =
  | { readonly kind: "knockout"; readonly result: Truth; readonly criteria: readonly string[] }
  | { readonly kind: "minClass"; readonly result: Truth; readonly required: string; readonly actual: string | null; readonly potential: string | null; readonly pointsShort?: string }
  | { readonly kind: "minPercent"; readonly result: Truth; readonly required: number; readonly actual: string; readonly pointsShort?: string }
  | { readonly kind: "criterion"; readonly result: Truth; readonly criterion: string; readonly status: CriterionStatus }
  | { readonly kind: "conditions"; readonly result: Truth; readonly unmet: readonly LeafTrace[]; readonly fixedBar: boolean }
  | { readonly kind: "history"; readonly result: Truth; readonly requirement: HistoryReq; readonly found: number; readonly missingYears: readonly number[] }
  | { readonly kind: "requiresThisYear"; readonly result: Truth; readonly award: string }
  | { readonly kind: "quota"; readonly result: Truth; readonly allowed: number; readonly base: number; readonly position: number };

export const toTruth = (t: Tri): Truth => (t === T ? true : t === F ? false : "unknown");
const tri = (t: Truth): Tri => (t === true ? T : t === false ? F : U);

/** Kleene conjunction of check results. */
export function combine(checks: readonly AwardCheck[]): Tri {
  let r: Tri = T;
  for (const c of checks) {
    const v = tri(c.result);
    if (v === F) return F;
    if (v === U) r = U;
  }
  return r;
}

export interface CompiledAward {
  readonly def: Award;
  readonly conditions?: Node<readonly unknown[]>;
  /**
   * The same conditions with every fact that can improve read as unknown: F means the award is barred
   * by facts that cannot change (a person's category, sex, an organisation's kind), whatever else does.
   */
  readonly fixedOnly?: Node<readonly unknown[]>;
  /** Row slots of the facts the conditions read (for missing evidence). */
  readonly slots: readonly { readonly slot: number; readonly fact: string }[];
}

export function compileAwards(rs: RuleSet, slots: ReadonlyMap<string, number>): CompiledAward[] {
  const fixed = fixedFacts(rs);
  const reader = (onlyFixed: boolean) => (id: string) => {
    const s = slots.get(id);
    if (s === undefined || (onlyFixed && !fixed.has(id))) return () => undefined;
    return Object.assign((row: readonly unknown[]) => row[s], { slot: s });
  };
  return rs.awards.map((def) => {
    const cond = def.eligibility.conditions;
    const read = new Map<number, string>();
    if (cond) walkCondition(cond, (leaf) => void (slots.has(leaf.fact) && read.set(slots.get(leaf.fact)!, leaf.fact)));
    return {
      def,
      ...(cond && { conditions: compileNode(cond, reader(false), []), fixedOnly: compileNode(cond, reader(true), []) }),
      slots: [...read].sort((a, b) => a[0] - b[0]).map(([slot, fact]) => ({ slot, fact })),
    };
  });
}

/** Points (hundredths) a share of the nominal maximum needs, rounded up: exact integer arithmetic. */
const needFor = (nominal: number, percent: number) => divRound(nominal * Math.round(percent * 100), 10000, "ceil");

function pointsShort(r: ScoreResult, percent: number): string | undefined {
  const short = needFor(pointsOf(r.nominalMax), percent) - pointsOf(r.score);
  return short > 0 ? unitsToDecimalString(short) : undefined;
}

/** Facts that cannot improve (`better: "none"`): a person's category, sex, an organisation's kind. */
const fixedFacts = perRuleSet((rs): ReadonlySet<string> => new Set(rs.facts.filter((f) => f.better === "none").map((f) => f.id)));


/**
 * The conditions check of an award the unit does not (yet) meet. Which leaves failed, and whether
 * only unchangeable facts bar it, come from the tracing interpreter — run on first read, since most
 * such checks are never shown (data stays plain: the getters are enumerable and serialise).
 */
function lazyConditions(a: CompiledAward, p: ValidProfile, result: Truth): AwardCheck {
  let unmet: LeafTrace[] | undefined;
  // barred by unchangeable facts: the compiled twin that reads only those facts is false
  const fixedBar = result === false && a.fixedOnly !== undefined && a.fixedOnly(p.row) === F;
  return {
    kind: "conditions",
    result,
    get unmet() {
      return (unmet ??= traceLeaves(traceCondition(a.def.eligibility.conditions!, (id) => p.facts[id])).filter((l) => l.result !== true));
    },
    fixedBar,
  };
}

/** Checks that depend only on this year's score and facts (not on history or other units). */
export function scoreChecks(a: CompiledAward, rs: RuleSet, r: ScoreResult, p: ValidProfile): AwardCheck[] {
  const e = a.def.eligibility;
  const checks: AwardCheck[] = [];
  if (e.noKnockout) {
    const result: Truth = r.knockedOut ? false : r.knockoutsUnknown.length ? "unknown" : true;
    checks.push({ kind: "knockout", result, criteria: r.knockedOut ? r.knockouts.map((k) => k.criterion) : r.knockoutsUnknown });
  }
  if (e.minClass !== undefined) {
    const ranks = classRanks(rs);
    const rank = (id: string | null | undefined) => (id == null ? -1 : (ranks.get(id) ?? -1));
    const need = rank(e.minClass);
    const now = rank(r.classification?.id);
    const result: Truth = now >= need ? true : rank(r.potentialClassification) >= need ? "unknown" : false;
    const k = rs.classes.find((x) => x.id === e.minClass);
    const short = result === true || !k ? undefined : pointsShort(r, k.minPercent);
    checks.push({ kind: "minClass", result, required: e.minClass, actual: r.classification?.id ?? null, potential: r.potentialClassification, ...(short && { pointsShort: short }) });
  }
  if (e.minPercent !== undefined) {
    const ok = pointsOf(r.percent) >= Math.round(e.minPercent * 100);
    const potentialOk = pointsOf(r.potentialScore) * 10000 >= pointsOf(r.nominalMax) * Math.round(e.minPercent * 100);
    const short = ok ? undefined : pointsShort(r, e.minPercent);
    checks.push({ kind: "minPercent", result: ok ? true : potentialOk ? "unknown" : false, required: e.minPercent, actual: r.percent, ...(short && { pointsShort: short }) });
  }
  for (const id of e.criteria ?? []) {
    const c = r.criteria.find((x) => x.id === id);
    const status = c?.status ?? "not_applicable";
    checks.push({ kind: "criterion", criterion: id, status, result: status === "met" ? true : status === "unknown" ? "unknown" : false });
  }
  if (a.conditions) {
    const t = a.conditions(p.row);
    checks.push(t === T ? { kind: "conditions", result: true, unmet: [], fixedBar: false } : lazyConditions(a, p, toTruth(t)));
  }
  return checks;
}

/**
 * "An initiative counts once": the initiatives the profile presents this year that no earlier award
 * relied on (history entries list the initiatives their decisions used). Unknown when the profile
 * gives no initiatives list, or gives them but no history to check against.
 */
function initiativeCheck(h: Extract<HistoryReq, { kind: "freshInitiatives" }>, p: ValidProfile): AwardCheck {
  const used = new Set((p.history ?? []).filter((x) => x.year < p.year).flatMap((x) => x.initiatives ?? []));
  const found = (p.initiatives ?? []).filter((id) => !used.has(id)).length;
  // too few initiatives is a definite no; enough of them is settled only against a record of past awards
  const result: Truth = p.initiatives === undefined ? "unknown" : found < h.min ? false : p.history === undefined ? "unknown" : true;
  return { kind: "history", requirement: h, found, missingYears: [], result };
}

/**
 * History prerequisites over the profile's record. A profile without `history` is unknown on every
 * history check; with one, a year it does not list is unknown (never assumed empty).
 */
export function historyCheck(h: HistoryReq, p: ValidProfile, grantedThisYear: (id: string) => Truth): AwardCheck {
  if (h.kind === "freshInitiatives") return initiativeCheck(h, p);
  const byYear = new Map((p.history ?? []).filter((x) => x.year < p.year).map((x) => [x.year, x.awards]));
  const holds = (awards: readonly string[] | undefined) => awards !== undefined && h.awards.some((a) => awards.includes(a));
  const none = p.history === undefined;
  if (h.kind === "consecutive") {
    // this year's title, three-valued: granted, not granted, or not known yet (its evidence is missing)
    const current: Truth = !h.includeCurrentYear ? false : h.awards.some((a) => grantedThisYear(a) === true) ? true : h.awards.some((a) => grantedThisYear(a) === "unknown") ? "unknown" : false;
    let past = 0;
    const missingYears: number[] = [];
    for (let y = p.year - 1; past < h.times && y >= p.year - h.times - 1; y--) {
      const list = byYear.get(y);
      if (list === undefined) {
        missingYears.push(y);
        break;
      }
      if (!holds(list)) break;
      past++;
    }
    const found = past + (current === true ? 1 : 0);
    const couldReach = missingYears.length > 0 || none || (current === "unknown" && past + 1 >= h.times);
    const result: Truth = found >= h.times ? true : couldReach ? "unknown" : false;
    return { kind: "history", requirement: h, found, missingYears, result };
  }
  const window = h.kind === "prior" && h.withinYears !== undefined ? h.withinYears : undefined;
  const years = [...byYear.keys()].filter((y) => window === undefined || y >= p.year - window);
  const found = years.filter((y) => holds(byYear.get(y))).length;
  const missingYears: number[] = [];
  if (window !== undefined) for (let y = p.year - window; y < p.year; y++) if (!byYear.has(y)) missingYears.push(y);
  if (h.kind === "never") {
    return { kind: "history", requirement: h, found, missingYears, result: found > 0 ? false : none ? "unknown" : true };
  }
  const result: Truth = found > 0 ? true : none || missingYears.length ? "unknown" : false;
  return { kind: "history", requirement: h, found, missingYears, result };
}
