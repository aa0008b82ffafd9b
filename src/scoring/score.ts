import { F, MISSING, T, U, type Tri } from "../evaluation/index.js";
import type { CompiledAdjustment, CompiledCriterion, CompiledPerUnit, Row } from "./compile.js";
import { Dec } from "./decimal.js";

/** Status of a criterion: full points (`met`), some (`partial`), none (`not_met`), not decidable without missing facts (`unknown`), or not for this profile (`not_applicable`). */
export type CriterionStatus = "met" | "partial" | "not_met" | "unknown" | "not_applicable";

/** The fast-path verdict of one criterion: integers in hundredths, no strings, no trace. */
export interface CriterionVerdict {
  status: CriterionStatus;
  /** Base points (before bonus/deductions). */
  base: number;
  bonus: number;
  deduction: number;
  /** Final points: max(min(floor, base + bonus), base + bonus − deduction). */
  points: number;
  /** Best case if every unknown resolved favourably. */
  potential: number;
  /** Index of the tier that counted (tiers only), -1 if none. */
  tier: number;
  /** A knock-out criterion whose event occurred. */
  knocked: boolean;
  /** Some part (base, bonus, deduction, applicability) is unknown. */
  anyUnknown: boolean;
}

function perUnitPoints(pu: CompiledPerUnit, row: Row): number {
  const v = pu.get(row[pu.slot]);
  if (v === MISSING || typeof v !== "number") return -1;
  const raw = Number.isInteger(v) ? v * pu.ppu : new Dec(v).mul(pu.ppu).toDecimalPlaces(0, Dec.ROUND_HALF_UP).toNumber();
  return raw <= 0 ? 0 : raw > pu.cap ? pu.cap : raw;
}

/** Points of one adjustment, or -1 when unknown. */
function adjustment(a: CompiledAdjustment, row: Row): number {
  if (a.perUnit) return perUnitPoints(a.perUnit, row);
  const t = a.node!(row);
  if (t === U) return -1;
  return t === T ? (a.points > a.cap ? a.cap : a.points) : 0;
}

/**
 * Sums adjustments. Unknown bonus counts 0 now and its cap in the best case; an unknown deduction
 * counts its cap now (the score is what the evidence proves) and 0 in the best case.
 */
const sums = { now: 0, best: 0 };
function sumAdjustments(list: readonly CompiledAdjustment[], row: Row, v: CriterionVerdict, isBonus: boolean): { now: number; best: number } {
  let now = 0;
  let best = 0;
  if (list.length === 0) {
    sums.now = sums.best = 0;
    return sums;
  }
  for (let i = 0; i < list.length; i++) {
    const a = list[i]!;
    const p = adjustment(a, row);
    if (p < 0) {
      v.anyUnknown = true;
      if (isBonus) best += a.cap;
      else now += a.cap;
    } else {
      now += p;
      best += p;
    }
  }
  sums.now = now;
  sums.best = best;
  return sums;
}

function baseVerdict(c: CompiledCriterion, row: Row, v: CriterionVerdict): void {
  if (c.kind === "conditions") {
    const t: Tri = c.node!(row);
    if (c.knockout) {
      v.knocked = t === T;
      v.status = t === T ? "met" : t === F ? "not_met" : "unknown";
      return;
    }
    v.base = t === T ? c.max : 0;
    v.potential = t === F ? 0 : c.max;
    v.status = t === T ? "met" : t === F ? "not_met" : "unknown";
    return;
  }
  if (c.kind === "perUnit") {
    const p = perUnitPoints(c.perUnit!, row);
    if (p < 0) {
      v.status = "unknown";
      v.potential = c.perUnit!.cap;
      return;
    }
    v.base = v.potential = p;
    v.status = p === 0 ? "not_met" : p >= c.max ? "met" : "partial";
    return;
  }
  // tiers are sorted by points, highest first: the first true tier is the best one, and only the
  // unknown tiers above it can still raise the points — the rest need not be evaluated
  let best = -1;
  let bestIdx = -1;
  let bestUnknown = -1;
  const tiers = c.tiers!;
  for (let i = 0; i < tiers.length; i++) {
    const tier = tiers[i]!;
    const t = tier.node(row);
    if (t === T) {
      best = tier.points;
      bestIdx = tier.index;
      break;
    }
    if (t === U && tier.points > bestUnknown) bestUnknown = tier.points;
  }
  v.tier = bestIdx;
  v.base = best < 0 ? 0 : best;
  v.potential = bestUnknown > v.base ? bestUnknown : v.base;
  v.status = bestUnknown > v.base ? "unknown" : v.base === 0 ? "not_met" : v.base >= c.max ? "met" : "partial";
}

/** Deductions never take a criterion below its floor (nor lift it to the floor). */
function withFloor(gross: number, deduction: number, floor: number): number {
  const net = gross - deduction;
  const f = floor < gross ? floor : gross;
  return net > f ? net : f;
}

export const newVerdict = (): CriterionVerdict => ({ status: "not_applicable", base: 0, bonus: 0, deduction: 0, points: 0, potential: 0, tier: -1, knocked: false, anyUnknown: false });

/**
 * Scores one criterion on a dense row (fast path). Writes into `v` (reused by batch callers, so the
 * hot loop allocates nothing) and returns it.
 */
export function scoreCriterion(c: CompiledCriterion, row: Row, inForce: boolean, v: CriterionVerdict = newVerdict()): CriterionVerdict {
  v.status = "not_applicable";
  v.base = v.bonus = v.deduction = v.points = v.potential = 0;
  v.tier = -1;
  v.knocked = v.anyUnknown = false;
  if (!inForce) return v;
  const applies = c.applies ? c.applies(row) : T;
  if (applies === F) return v;
  baseVerdict(c, row, v);
  if (applies === U) {
    // We do not know whether the criterion applies: count it, unknown, with no points yet.
    v.status = "unknown";
    v.knocked = false;
    v.potential = v.base > v.potential ? v.base : v.potential;
    v.base = 0;
  }
  if (v.status === "unknown") v.anyUnknown = true;
  const bonus = sumAdjustments(c.bonus, row, v, true);
  const bonusNow = bonus.now;
  const bonusBest = bonus.best;
  const ded = sumAdjustments(c.deductions, row, v, false);
  v.bonus = bonusNow;
  v.deduction = ded.now;
  v.points = withFloor(v.base + bonusNow, ded.now, c.floor);
  v.potential = withFloor(v.potential + bonusBest, ded.best, c.floor);
  if (applies === U) {
    // It may not apply at all: nothing is proven yet, neither points nor deductions.
    v.points = v.bonus = v.deduction = 0;
  }
  return v;
}
