import { MISSING } from "../evaluation/index.js";
import type { ValidProfile } from "../profiles/index.js";
import { classesByRank, type ClassDef, type Group, type Localized, type RuleSet } from "../rules/index.js";
import { compiledGroup, type CompiledCriterion, type CompiledGroup, type CompiledRuleSet, type Row } from "./compile.js";
import { divRound, type RoundingMode } from "./decimal.js";
import { units } from "./format.js";
import { newVerdict, scoreCriterion, type CriterionStatus, type CriterionVerdict } from "./score.js";
import { traceCriterionWith, type CriterionTrace } from "./trace.js";

/** The result of one criterion for one profile: status, points (decimal strings), bonus, deduction, missing facts, trace. */
export interface CriterionResult {
  readonly id: string;
  readonly status: CriterionStatus;
  /** Final points as a decimal string ("12.5"). */
  readonly points: string;
  readonly maxPoints: string;
  readonly bonus: string;
  readonly deduction: string;
  /** Index of the tier that counted, for tiered criteria. */
  readonly tier?: number;
  readonly knockout?: true;
  /** Facts this criterion reads that the profile does not give (only when the result is not settled). */
  readonly missingFacts: readonly string[];
  readonly trace?: CriterionTrace;
}

/** The score of one profile: totals as exact decimal strings, percent, class, knock-outs, per-content and per-criterion results, missing facts. */
export interface ScoreResult {
  readonly unitId: string;
  readonly name: string;
  readonly group: Group;
  readonly cohort: string | null;
  readonly year: number;
  readonly asOf: string;
  /** Total points (bonus included, deductions and group caps applied), decimal string. */
  readonly score: string;
  /** Highest score reachable, bonus caps included. */
  readonly maxScore: string;
  /** The nominal scale (sum of maxPoints under group caps, bonus excluded): the base of `percent`. */
  readonly nominalMax: string;
  /** score / nominalMax × 100, 2 decimals, rounded as the manifest says. May exceed 100 with bonus. */
  readonly percent: string;
  /** Score if every unknown criterion resolved favourably. */
  readonly potentialScore: string;
  readonly classification: { readonly id: string; readonly title: Localized } | null;
  readonly potentialClassification: string | null;
  readonly knockedOut: boolean;
  readonly knockouts: readonly { readonly criterion: string; readonly reason: Localized }[];
  /** Knock-out criteria whose facts are missing: until they are known no class that excludes knock-outs is reached. */
  readonly knockoutsUnknown: readonly string[];
  readonly contents: readonly { readonly content: number; readonly points: string; readonly maxPoints: string }[];
  readonly groupCaps: readonly { readonly id: string; readonly points: string; readonly cap: string; readonly applied: boolean }[];
  readonly criteria: readonly CriterionResult[];
  readonly missingFacts: readonly string[];
}

const inForce = (from: string | undefined, to: string | undefined, asOf: string) => (from === undefined || from <= asOf) && (to === undefined || asOf <= to);

const NONE: readonly string[] = Object.freeze([]);
const NO_SLOTS: readonly number[] = Object.freeze([]);

/** Codes of the statuses in an interning key. */
function statusCode(s: CriterionStatus): number {
  switch (s) {
    case "not_applicable":
      return 0;
    case "met":
      return 1;
    case "partial":
      return 2;
    case "not_met":
      return 3;
    case "unknown":
      return 4;
  }
}

/** At most this many interned results per criterion: a per-unit criterion may take many values, the rest get fresh objects. */
const INTERNED_MAX = 256;

/**
 * One criterion as `scoreProfile` handles it. Without a trace, a result is fully determined by its
 * verdict's status, points, bonus, deduction and tier and by which of the criterion's facts are
 * missing: the same few combinations recur on every unit, so each is built once and shared, frozen
 * (results are read-only data; being frozen, a shared one cannot be changed through one unit's
 * result behind another's back).
 */
interface CriterionPlan {
  readonly c: CompiledCriterion;
  /** Missing facts are a bit mask over `c.slots` (bit k: `c.slots[k]`): at most 30 slots, and every path read among them. */
  readonly maskable: boolean;
  /** Bit of each of `c.pathReads` in a mask. */
  readonly pathBits: readonly number[];
  /** Bound (exclusive) of a mask in an interning key. */
  readonly masks: number;
  /** `maxPoints` of an applicable result. */
  readonly maxPoints: string;
  /** Bound (exclusive) of points, bonus and deduction in an interning key. */
  readonly radix: number;
  /** Bound (exclusive) of tier + 1 in an interning key. */
  readonly tiers: number;
  readonly interned: Map<number, CriterionResult>;
  /** The entry of `knockouts` when the knock-out event occurred (shared, frozen). */
  readonly knockout: { readonly criterion: string; readonly reason: Localized };
}

function criterionPlan(c: CompiledCriterion): CriterionPlan {
  const deductions = c.deductions.reduce((s, d) => s + d.cap, 0);
  const radix = Math.max(c.max + c.maxBonus, deductions, 0) + 1;
  const tiers = (c.tiers?.length ?? 0) + 1;
  const pathBits = c.pathReads.map((r) => c.slots.indexOf(r.slot));
  const maskable = c.slots.length <= 30 && pathBits.every((b) => b >= 0);
  const masks = maskable ? 2 ** c.slots.length : 1;
  const knockout = Object.freeze({ criterion: c.def.id, reason: c.def.knockoutReason ?? c.def.title });
  return { c, maskable, pathBits, masks, maxPoints: units(c.max), radix, tiers, interned: new Map(), knockout };
}

/** A fresh result; one object literal per optional-key shape keeps the keys in the interface's order. */
function freshResult(cp: CriterionPlan, v: CriterionVerdict, missingFacts: readonly string[]): CriterionResult {
  const id = cp.c.def.id;
  const status = v.status;
  const points = units(v.points);
  const maxPoints = status === "not_applicable" ? "0" : cp.maxPoints;
  const bonus = units(v.bonus);
  const deduction = units(v.deduction);
  if (v.tier >= 0) {
    const tier = v.tier;
    return cp.c.knockout
      ? { id, status, points, maxPoints, bonus, deduction, tier, knockout: true, missingFacts }
      : { id, status, points, maxPoints, bonus, deduction, tier, missingFacts };
  }
  return cp.c.knockout ? { id, status, points, maxPoints, bonus, deduction, knockout: true, missingFacts } : { id, status, points, maxPoints, bonus, deduction, missingFacts };
}

const inKey = (x: number, radix: number) => Number.isInteger(x) && x >= 0 && x < radix;

/**
 * The shared result for a verdict and its missing facts (`mask`, 0 for none; only for a maskable
 * criterion) — a fresh one when its key is out of range or the cache is full.
 */
function internedResult(cp: CriterionPlan, v: CriterionVerdict, mask: number, facts: RuleSet["facts"]): CriterionResult {
  const r = cp.radix;
  if (!(inKey(v.points, r) && inKey(v.bonus, r) && inKey(v.deduction, r) && inKey(v.tier + 1, cp.tiers))) return freshResult(cp, v, missingFactsOf(cp, mask, facts));
  // every digit below its bound: distinct verdicts give distinct keys, exact while the key is a safe integer
  const key = ((((statusCode(v.status) * cp.tiers + v.tier + 1) * r + v.points) * r + v.bonus) * r + v.deduction) * cp.masks + mask;
  if (key > Number.MAX_SAFE_INTEGER) return freshResult(cp, v, missingFactsOf(cp, mask, facts));
  let out = cp.interned.get(key);
  if (out === undefined) {
    out = Object.freeze(freshResult(cp, v, mask === 0 ? NONE : Object.freeze(missingFactsOf(cp, mask, facts))));
    if (cp.interned.size < INTERNED_MAX) cp.interned.set(key, out);
  }
  return out;
}

/** Facts a maskable criterion reads that the row lacks, or object facts lacking a field it reads, as a bit mask over its slots. */
function missingMask(cp: CriterionPlan, row: Row): number {
  const slots = cp.c.slots;
  let mask = 0;
  for (let k = 0; k < slots.length; k++) if (row[slots[k]!] === undefined) mask |= 1 << k;
  const paths = cp.c.pathReads;
  for (let j = 0; j < paths.length; j++) {
    const r = paths[j]!;
    if (row[r.slot] !== undefined && r.get(row[r.slot]) === MISSING) mask |= 1 << cp.pathBits[j]!;
  }
  return mask;
}

/** The ids of the facts of a mask, in slot order (the order of `missingSlots`). */
function missingFactsOf(cp: CriterionPlan, mask: number, facts: RuleSet["facts"]): string[] | readonly string[] {
  if (mask === 0) return NONE;
  const out: string[] = [];
  for (let k = 0; k < cp.c.slots.length; k++) if (mask & (1 << k)) out.push(facts[cp.c.slots[k]!]!.id);
  return out;
}

type ContentResult = ScoreResult["contents"][number];

/** An emulation content of a group: its criteria, and its results interned like criteria's (by points and maximum). */
interface ContentPlan {
  readonly content: number;
  readonly members: readonly number[];
  /** Bound (exclusive) of points and maximum in an interning key; 0 when keys could exceed the safe integers. */
  readonly radix: number;
  readonly interned: Map<number, ContentResult>;
}

function contentPlan(x: CompiledGroup["contents"][number], g: CompiledGroup): ContentPlan {
  const radix = x.members.reduce((s, i) => s + g.criteria[i]!.max + g.criteria[i]!.maxBonus, 0) + 1;
  return { content: x.content, members: x.members, radix: Number.isSafeInteger(radix * radix) ? radix : 0, interned: new Map() };
}

function contentResult(cp: ContentPlan, points: number, max: number): ContentResult {
  if (!(inKey(points, cp.radix) && inKey(max, cp.radix))) return { content: cp.content, points: units(points), maxPoints: units(max) };
  const key = points * cp.radix + max;
  let out = cp.interned.get(key);
  if (out === undefined) {
    out = Object.freeze({ content: cp.content, points: units(points), maxPoints: units(max) });
    if (cp.interned.size < INTERNED_MAX) cp.interned.set(key, out);
  }
  return out;
}

/** A class as tried on one group's profiles: thresholds in hundredths, required criteria by position. */
interface ClassPlan {
  readonly def: ClassDef;
  /** The result's `classification` for this class (shared, frozen). */
  readonly classification: { readonly id: string; readonly title: Localized };
  readonly minPercent: number;
  readonly noKnockout: boolean;
  /** Positions of the required criteria of this group (a requirement binds only where its criterion exists). */
  readonly requires: readonly number[];
  /** Minimum points of each required criterion, in hundredths. */
  readonly minPoints: readonly number[];
}

/**
 * What `scoreProfile` derives once per compiled group and reuses on every profile: the criteria's
 * plans, the classes, and scratch space (verdicts, per-criterion sums) overwritten by each call —
 * nothing of it outlives the call that fills it.
 */
interface GroupPlan {
  readonly g: CompiledGroup;
  readonly criteria: readonly CriterionPlan[];
  readonly contents: readonly ContentPlan[];
  readonly classes: readonly ClassPlan[];
  readonly verdicts: readonly CriterionVerdict[];
  readonly now: Float64Array;
  readonly best: Float64Array;
  readonly nominals: Float64Array;
  readonly maxima: Float64Array;
  /** Which criteria are in force as of `asOf` (recomputed when a call brings another date). */
  asOf: string | undefined;
  readonly inForce: boolean[];
  /** Fact slots already counted as missing in the current call (cleared before it returns). */
  readonly seen: Uint8Array;
}

function groupPlan(cr: CompiledRuleSet, g: CompiledGroup): GroupPlan {
  const n = g.criteria.length;
  const classes = classesByRank(cr.ruleset).map((k): ClassPlan => {
    const reqs = (k.requires ?? []).flatMap((r) => {
      const i = g.index.get(r.criterion);
      return i === undefined ? [] : [{ i, min: Math.round(r.minPoints * 100) }];
    });
    return { def: k, classification: Object.freeze({ id: k.id, title: k.title }), minPercent: Math.round(k.minPercent * 100), noKnockout: Boolean(k.noKnockout), requires: reqs.map((r) => r.i), minPoints: reqs.map((r) => r.min) };
  });
  return {
    g,
    criteria: g.criteria.map(criterionPlan),
    contents: g.contents.map((x) => contentPlan(x, g)),
    classes,
    verdicts: g.criteria.map(newVerdict),
    now: new Float64Array(n),
    best: new Float64Array(n),
    nominals: new Float64Array(n),
    maxima: new Float64Array(n),
    asOf: undefined,
    inForce: new Array<boolean>(n).fill(false),
    seen: new Uint8Array(cr.ruleset.facts.length),
  };
}

const plans = new WeakMap<CompiledRuleSet, Map<Group, GroupPlan>>();
function planFor(cr: CompiledRuleSet, group: Group): GroupPlan {
  let byGroup = plans.get(cr);
  if (byGroup === undefined) plans.set(cr, (byGroup = new Map()));
  let plan = byGroup.get(group);
  if (plan === undefined) byGroup.set(group, (plan = groupPlan(cr, cr.groups.get(group) ?? compiledGroup(group, []))));
  return plan;
}

function inForceAsOf(plan: GroupPlan, asOf: string): readonly boolean[] {
  if (plan.asOf !== asOf) {
    for (let i = 0; i < plan.criteria.length; i++) {
      const d = plan.criteria[i]!.c.def;
      plan.inForce[i] = inForce(d.effectiveFrom, d.effectiveTo, asOf);
    }
    plan.asOf = asOf;
  }
  return plan.inForce;
}

/** Sum of `values` with the group caps applied. */
function cappedTotal(g: CompiledGroup, values: Float64Array): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i]!;
  for (const cap of g.caps) {
    const raw = capRaw(cap.members, values);
    if (raw > cap.cap) total -= raw - cap.cap;
  }
  return total;
}

function capRaw(members: readonly number[], values: Float64Array): number {
  let raw = 0;
  for (const m of members) raw += values[m]!;
  return raw;
}

/**
 * The first class (highest rank first) reached with `percent` (hundredths of a percent) and each
 * applicable criterion's points, now (`best` false) or in the best case.
 */
function classify(classes: readonly ClassPlan[], percent: number, verdicts: readonly CriterionVerdict[], best: boolean, knockedOut: boolean): ClassPlan | null {
  for (const k of classes) {
    if (percent < k.minPercent) continue;
    if (k.noKnockout && knockedOut) continue;
    if (!meetsRequirements(k, verdicts, best)) continue;
    return k;
  }
  return null;
}

/** A requirement binds only profiles for which its criterion applies (its group, in force, applicable). */
function meetsRequirements(k: ClassPlan, verdicts: readonly CriterionVerdict[], best: boolean): boolean {
  for (let j = 0; j < k.requires.length; j++) {
    const v = verdicts[k.requires[j]!]!;
    if (v.status !== "not_applicable" && (best ? v.potential : v.points) < k.minPoints[j]!) return false;
  }
  return true;
}

/** Facts a criterion reads that the row lacks, or object facts lacking a field the criterion reads, by slot. */
function missingSlots(c: CompiledCriterion, row: Row): readonly number[] {
  let out: number[] | undefined;
  for (const s of c.slots) if (row[s] === undefined) (out ??= []).push(s);
  let added = false;
  for (const r of c.pathReads) {
    if (row[r.slot] !== undefined && r.get(row[r.slot]) === MISSING && !out?.includes(r.slot)) {
      (out ??= []).push(r.slot);
      added = true;
    }
  }
  // c.slots is sorted: only slots found through a path can be out of order
  if (added) out!.sort((a, b) => a - b);
  return out ?? NO_SLOTS;
}

export interface ScoreOptions {
  readonly asOf: string;
  readonly trace: boolean;
}

/** Scores a validated profile with the compiled rule set. Pure; same input → same output. */
export function scoreProfile(cr: CompiledRuleSet, p: ValidProfile, opts: ScoreOptions): ScoreResult {
  const rs = cr.ruleset;
  const plan = planFor(cr, p.group);
  const { g, verdicts, now, best, nominals, maxima } = plan;
  const n = g.criteria.length;
  const inForceNow = inForceAsOf(plan, opts.asOf);
  // read once: the row is read for every criterion
  const row = p.row;
  let anyKnocked = false;
  let anyKnockoutUnknown = false;
  for (let i = 0; i < n; i++) {
    const c = g.criteria[i]!;
    const v = scoreCriterion(c, row, inForceNow[i]!, verdicts[i]);
    const applies = v.status !== "not_applicable";
    now[i] = v.points;
    best[i] = v.potential;
    nominals[i] = applies ? c.max : 0;
    maxima[i] = applies ? c.max + c.maxBonus : 0;
    if (v.knocked) anyKnocked = true;
    if (c.knockout && v.status === "unknown") anyKnockoutUnknown = true;
  }
  const total = cappedTotal(g, now);
  const potentialTotal = cappedTotal(g, best);
  const nominal = cappedTotal(g, nominals);
  const maxScore = cappedTotal(g, maxima);
  const mode = rs.manifest.rounding as RoundingMode;
  // score × 100 / nominal, in hundredths of a percent, exact integer rounding (Decimal-free hot path)
  const percent = nominal === 0 ? 0 : divRound(total * 10000, nominal, mode);
  const potentialPercent = nominal === 0 ? 0 : divRound(potentialTotal * 10000, nominal, mode);
  const knockouts: { criterion: string; reason: Localized }[] = [];
  const knockoutsUnknown: string[] = [];
  if (anyKnocked || anyKnockoutUnknown) {
    for (let i = 0; i < n; i++) {
      const c = g.criteria[i]!;
      if (verdicts[i]!.knocked) knockouts.push(plan.criteria[i]!.knockout);
      if (c.knockout && verdicts[i]!.status === "unknown") knockoutsUnknown.push(c.def.id);
    }
  }
  const knockedOut = knockouts.length > 0;
  // an unknown knock-out bars "noKnockout" classes now; the best case assumes it did not happen
  const klass = classify(plan.classes, percent, verdicts, false, knockedOut || knockoutsUnknown.length > 0);
  const potentialClass = classify(plan.classes, potentialPercent, verdicts, true, knockedOut);
  const missing: number[] = [];
  const criteria: CriterionResult[] = new Array(n);
  // traces read facts from the dense row (what the profile's lazy `facts` object is built from)
  const read = opts.trace ? (id: string) => { const s = cr.slots.get(id); return s === undefined ? undefined : row[s]; } : undefined;
  for (let i = 0; i < n; i++) {
    const cp = plan.criteria[i]!;
    const v = verdicts[i]!;
    const traced = read !== undefined && v.status !== "not_applicable";
    if (cp.maskable) {
      const mask = v.anyUnknown ? missingMask(cp, row) : 0;
      for (let k = 0; mask >>> k !== 0; k++) {
        const s = cp.c.slots[k]!;
        if (mask & (1 << k) && plan.seen[s] === 0) {
          plan.seen[s] = 1;
          missing.push(s);
        }
      }
      criteria[i] = traced ? { ...freshResult(cp, v, missingFactsOf(cp, mask, rs.facts)), trace: traceCriterionWith(cp.c.def, read) } : internedResult(cp, v, mask, rs.facts);
      continue;
    }
    const miss = v.anyUnknown ? missingSlots(cp.c, row) : NO_SLOTS;
    if (miss.length === 0 && !traced) {
      criteria[i] = internedResult(cp, v, 0, rs.facts);
      continue;
    }
    for (const s of miss) {
      if (plan.seen[s] === 0) {
        plan.seen[s] = 1;
        missing.push(s);
      }
    }
    const r = freshResult(cp, v, miss.length ? miss.map((s) => rs.facts[s]!.id) : NONE);
    criteria[i] = traced ? { ...r, trace: traceCriterionWith(cp.c.def, read) } : r;
  }
  for (const s of missing) plan.seen[s] = 0;
  const contents: ContentResult[] = [];
  for (const cp of plan.contents) {
    const members = cp.members;
    let pts = 0;
    let max = 0;
    let used = false;
    for (const i of members) {
      const v = verdicts[i]!;
      if (v.status === "not_applicable") continue;
      used = true;
      pts += v.points;
      max += g.criteria[i]!.max;
    }
    if (used) contents.push(contentResult(cp, pts, max));
  }
  return {
    unitId: p.id,
    name: p.name,
    group: p.group,
    cohort: p.cohort ?? null,
    year: p.year,
    asOf: opts.asOf,
    score: units(total),
    maxScore: units(maxScore),
    nominalMax: units(nominal),
    percent: units(percent),
    potentialScore: units(potentialTotal),
    classification: klass ? klass.classification : null,
    potentialClassification: potentialClass?.def.id ?? null,
    knockedOut,
    knockouts,
    knockoutsUnknown,
    contents,
    groupCaps: g.caps.length ? g.caps.map((c) => groupCap(c, now)) : [],
    criteria,
    missingFacts: missing.length ? missing.sort((a, b) => a - b).map((s) => rs.facts[s]!.id) : [],
  };
}

function groupCap(cap: CompiledGroup["caps"][number], now: Float64Array): { id: string; points: string; cap: string; applied: boolean } {
  const raw = capRaw(cap.members, now);
  return { id: cap.id, points: units(raw), cap: units(cap.cap), applied: raw > cap.cap };
}
