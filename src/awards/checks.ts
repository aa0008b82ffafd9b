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

// The three truth values as this module's own constants: they are read per check in the award
// pass's hottest loops, where an imported binding costs a getter call when the sources run
// unbundled (tsx, vitest); bundled, the two are the same.
const TRUE: Tri = T;
const FALSE: Tri = F;
const UNKNOWN: Tri = U;

export const toTruth = (t: Tri): Truth => (t === TRUE ? true : t === FALSE ? false : "unknown");

/** Kleene conjunction of check results. */
export function combine(checks: readonly AwardCheck[]): Tri {
  let r: Tri = TRUE;
  for (const c of checks) {
    if (c.result === true) continue;
    if (c.result === false) return FALSE;
    r = UNKNOWN;
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


/** A class whose constructor returns the object it is given: a subclass's private fields are then added to that object. */
class Adopt {
  constructor(o: object) {
    return o;
  }
}

/**
 * The private state of a lazy conditions check, added to the plain check object (it keeps
 * Object.prototype and exactly its own properties), and the one getter all such checks share:
 * an object literal with a getter of its own is a new closure each time, which V8 keeps as a
 * dictionary-mode object, about four times as slow to make as this.
 */
class LazyUnmet extends Adopt {
  #award: CompiledAward;
  #profile: ValidProfile;
  #unmet: LeafTrace[] | undefined;
  constructor(check: object, a: CompiledAward, p: ValidProfile) {
    super(check);
    this.#award = a;
    this.#profile = p;
  }
  /** The `unmet` property of every lazy conditions check: enumerable and configurable, as an object literal's getter is. */
  static readonly property: PropertyDescriptor = {
    get(this: LazyUnmet): LeafTrace[] {
      const p = this.#profile;
      return (this.#unmet ??= traceLeaves(traceCondition(this.#award.def.eligibility.conditions!, (id) => p.facts[id])).filter((l) => l.result !== true));
    },
    enumerable: true,
    configurable: true,
  };
}

/**
 * The conditions check of an award the unit does not (yet) meet. Which leaves failed, and whether
 * only unchangeable facts bar it, come from the tracing interpreter — run on first read, since most
 * such checks are never shown (data stays plain: the getter is enumerable and serialises).
 */
function lazyConditions(a: CompiledAward, p: ValidProfile, result: Truth): AwardCheck {
  // barred by unchangeable facts: the compiled twin that reads only those facts is false
  const fixedBar = result === false && a.fixedOnly !== undefined && a.fixedOnly(p.row) === FALSE;
  // own properties in this order: kind, result, unmet (the getter), fixedBar
  const check = { kind: "conditions", result } as { kind: "conditions"; result: Truth; readonly unmet: readonly LeafTrace[]; fixedBar: boolean };
  Object.defineProperty(check, "unmet", LazyUnmet.property);
  check.fixedBar = fixedBar;
  new LazyUnmet(check, a, p);
  return check;
}

/** A criterion an award requires: its id, where the unit's results last had it, and its check per status (shared: data only). */
interface CriterionCheckPlan {
  readonly id: string;
  at: number;
  readonly byStatus: Map<CriterionStatus, AwardCheck>;
}

/**
 * What the score checks of one award need that does not depend on the unit, built once per cohort
 * group: the class rank and share its `minClass` needs, and the slot (in a unit's `shared` array,
 * see {@link scoreChecksInto}) where the knock-out, class and percentage checks are kept, since
 * several awards of a unit ask for the same ones.
 */
export interface AwardCheckPlan {
  readonly award: CompiledAward;
  readonly ranks: ReadonlyMap<string, number>;
  readonly minClass?: { readonly id: string; readonly need: number; readonly percent: number | undefined; readonly slot: number };
  readonly minPercent?: { readonly value: number; readonly slot: number };
  readonly criteria: readonly CriterionCheckPlan[];
  /** How many score checks the award has (the same for every unit). */
  readonly count: number;
}

/** The knock-out check's slot in a unit's shared checks: the same for every award. */
const KNOCKOUT_SLOT = 0;

/** Plans the score checks of some awards; `slots` is the length of the shared array their units need. */
export function planScoreChecks(rs: RuleSet, awards: readonly CompiledAward[]): { plans: AwardCheckPlan[]; slots: number } {
  const ranks = classRanks(rs);
  const slotOf = new Map<string, number>([["knockout", KNOCKOUT_SLOT]]);
  const slot = (key: string) => {
    let s = slotOf.get(key);
    if (s === undefined) slotOf.set(key, (s = slotOf.size));
    return s;
  };
  const plans = awards.map((award): AwardCheckPlan => {
    const e = award.def.eligibility;
    const min = e.minClass;
    return {
      award,
      ranks,
      ...(min !== undefined && { minClass: { id: min, need: ranks.get(min) ?? -1, percent: rs.classes.find((x) => x.id === min)?.minPercent, slot: slot(`class|${min}`) } }),
      ...(e.minPercent !== undefined && { minPercent: { value: e.minPercent, slot: slot(`percent|${e.minPercent}`) } }),
      criteria: (e.criteria ?? []).map((id) => ({ id, at: -1, byStatus: new Map() })),
      count: (e.noKnockout ? 1 : 0) + (min !== undefined ? 1 : 0) + (e.minPercent !== undefined ? 1 : 0) + (e.criteria?.length ?? 0) + (award.conditions ? 1 : 0),
    };
  });
  return { plans, slots: slotOf.size };
}

/** A met conditions check: the same for every unit and award (frozen: it is shared). */
const CONDITIONS_MET: AwardCheck = Object.freeze({ kind: "conditions", result: true, unmet: Object.freeze([]), fixedBar: false });

function knockoutCheck(r: ScoreResult): AwardCheck {
  const result: Truth = r.knockedOut ? false : r.knockoutsUnknown.length ? "unknown" : true;
  return { kind: "knockout", result, criteria: r.knockedOut ? r.knockouts.map((k) => k.criterion) : r.knockoutsUnknown };
}

/** A class's rank (-1: none, or not in the catalog). */
function rankOf(ranks: ReadonlyMap<string, number>, id: string | null | undefined): number {
  return id == null ? -1 : (ranks.get(id) ?? -1);
}

function minClassCheck(m: NonNullable<AwardCheckPlan["minClass"]>, ranks: ReadonlyMap<string, number>, r: ScoreResult): AwardCheck {
  const now = rankOf(ranks, r.classification?.id);
  const result: Truth = now >= m.need ? true : rankOf(ranks, r.potentialClassification) >= m.need ? "unknown" : false;
  const short = result === true || m.percent === undefined ? undefined : pointsShort(r, m.percent);
  const actual = r.classification?.id ?? null;
  return short
    ? { kind: "minClass", result, required: m.id, actual, potential: r.potentialClassification, pointsShort: short }
    : { kind: "minClass", result, required: m.id, actual, potential: r.potentialClassification };
}

function minPercentCheck(minPercent: number, r: ScoreResult): AwardCheck {
  const ok = pointsOf(r.percent) >= Math.round(minPercent * 100);
  const potentialOk = pointsOf(r.potentialScore) * 10000 >= pointsOf(r.nominalMax) * Math.round(minPercent * 100);
  const short = ok ? undefined : pointsShort(r, minPercent);
  const result: Truth = ok ? true : potentialOk ? "unknown" : false;
  return short ? { kind: "minPercent", result, required: minPercent, actual: r.percent, pointsShort: short } : { kind: "minPercent", result, required: minPercent, actual: r.percent };
}

function criterionCheck(c: CriterionCheckPlan, r: ScoreResult): AwardCheck {
  // the results of a group list their criteria in one order: where the last unit had it is a good guess
  let found = r.criteria[c.at];
  if (found?.id !== c.id) {
    c.at = r.criteria.findIndex((x) => x.id === c.id);
    found = r.criteria[c.at];
  }
  const status = found?.status ?? "not_applicable";
  let check = c.byStatus.get(status);
  if (!check) c.byStatus.set(status, (check = Object.freeze({ kind: "criterion", criterion: c.id, status, result: status === "met" ? true : status === "unknown" ? "unknown" : false })));
  return check;
}

/**
 * Checks that depend only on this year's score and facts (not on history or other units), from an
 * award's plan: written into `out` from index 0 (`plan.count` of them). `out` may be made with room
 * for the checks the caller adds after them (`new Array(n)`: an array of its final length is the
 * smallest). `shared` is the unit's: checks several awards ask for alike (knock-out, class,
 * percentage) are made once per unit and kept there — the caller gives each unit a cleared one.
 */
export function scoreChecksInto(plan: AwardCheckPlan, r: ScoreResult, p: ValidProfile, shared: (AwardCheck | undefined)[], out: AwardCheck[]): void {
  const a = plan.award;
  let j = 0;
  if (a.def.eligibility.noKnockout) out[j++] = shared[KNOCKOUT_SLOT] ??= knockoutCheck(r);
  const m = plan.minClass;
  if (m) out[j++] = shared[m.slot] ??= minClassCheck(m, plan.ranks, r);
  const mp = plan.minPercent;
  if (mp) out[j++] = shared[mp.slot] ??= minPercentCheck(mp.value, r);
  for (const c of plan.criteria) out[j++] = criterionCheck(c, r);
  if (a.conditions) {
    const t = a.conditions(p.row);
    out[j++] = t === TRUE ? CONDITIONS_MET : lazyConditions(a, p, toTruth(t));
  }
}

/** Checks that depend only on this year's score and facts (not on history or other units). */
export function scoreChecks(a: CompiledAward, rs: RuleSet, r: ScoreResult, p: ValidProfile): AwardCheck[] {
  const { plans, slots } = planScoreChecks(rs, [a]);
  const checks: AwardCheck[] = [];
  scoreChecksInto(plans[0]!, r, p, new Array(slots), checks);
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
  return historyCheckIn(h, p, pastAwards(p), grantedThisYear);
}

/** The awards of each past year the profile lists (a year listed twice: the later entry). */
export const pastAwards = (p: ValidProfile): ReadonlyMap<number, readonly string[]> => new Map((p.history ?? []).filter((x) => x.year < p.year).map((x) => [x.year, x.awards]));

/** Whether a year's awards include one of those a requirement names (a year not listed: no). */
const holdsOne = (wanted: readonly string[], awards: readonly string[] | undefined) => awards !== undefined && wanted.some((a) => awards.includes(a));

/** {@link historyCheck} with the profile's past years given (`pastAwards`: a unit's are made once for all its awards). */
export function historyCheckIn(h: HistoryReq, p: ValidProfile, byYear: ReadonlyMap<number, readonly string[]>, grantedThisYear: (id: string) => Truth): AwardCheck {
  if (h.kind === "freshInitiatives") return initiativeCheck(h, p);
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
      if (!holdsOne(h.awards, list)) break;
      past++;
    }
    const found = past + (current === true ? 1 : 0);
    const couldReach = missingYears.length > 0 || none || (current === "unknown" && past + 1 >= h.times);
    const result: Truth = found >= h.times ? true : couldReach ? "unknown" : false;
    return { kind: "history", requirement: h, found, missingYears, result };
  }
  const window = h.kind === "prior" && h.withinYears !== undefined ? h.withinYears : undefined;
  const years = [...byYear.keys()].filter((y) => window === undefined || y >= p.year - window);
  const found = years.filter((y) => holdsOne(h.awards, byYear.get(y))).length;
  const missingYears: number[] = [];
  if (window !== undefined) for (let y = p.year - window; y < p.year; y++) if (!byYear.has(y)) missingYears.push(y);
  if (h.kind === "never") {
    return { kind: "history", requirement: h, found, missingYears, result: found > 0 ? false : none ? "unknown" : true };
  }
  const result: Truth = found > 0 ? true : none || missingYears.length ? "unknown" : false;
  return { kind: "history", requirement: h, found, missingYears, result };
}
