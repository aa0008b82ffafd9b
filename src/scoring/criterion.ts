import { evaluateCondition, F, T, type FactReader, type Node, type Truth } from "../evaluation/index.js";
import type { Criterion } from "../rules/index.js";
import { adjustmentPoints, compileAdjustment, sumAdjustments } from "./adjustments.js";
import { toPoints, ZERO, type Points } from "./points.js";
import { styleOf, type BaseVerdict, type CompileContext, type CriterionStatus, type Row } from "./styles/index.js";

/** The values of a criterion's bonus or deductions, in order (undefined: unknown). */
type Values = readonly (Points | undefined)[];

/** The verdict on one criterion for one profile: integers in hundredths of a point. */
export interface CriterionVerdict {
  readonly status: CriterionStatus;
  /** Points of the scoring style, before bonus and deductions. */
  readonly base: Points;
  readonly bonus: Points;
  readonly deduction: Points;
  /** Final points: base + bonus − deduction, never below the floor (nor lifted to it). */
  readonly points: Points;
  /** Final points if every unknown fact resolved favourably. */
  readonly potential: Points;
  /** Index of the tier that counted (tiered criteria; undefined otherwise). */
  readonly tier: number | undefined;
  /** A knock-out criterion whose event occurred. */
  readonly knocked: boolean;
  /** Some part (base, bonus, deduction, applicability) is unknown: the criterion lists its missing facts. */
  readonly unsettled: boolean;
}

const NOT_APPLICABLE: CriterionVerdict = Object.freeze({ status: "not_applicable", base: ZERO, bonus: ZERO, deduction: ZERO, points: ZERO, potential: ZERO, tier: undefined, knocked: false, unsettled: false });

/** Deductions never take a criterion below its floor (nor lift it to the floor). */
function withFloor(gross: Points, deduction: Points, floor: Points): Points {
  const net = gross - deduction;
  const f = Math.min(floor, gross);
  return Math.max(net, f) as Points;
}

/**
 * A base verdict left unknown by missing facts, as the criterion's `unknownAs` says it counts:
 * `unknown` (the default) keeps it unknown; `zero` takes what is proven (nothing more: a knock-out
 * did not occur); `cap` takes the best case (a knock-out occurred). Both settle the criterion.
 */
export function unknownAsBase(c: Criterion, b: BaseVerdict): BaseVerdict {
  if (b.status !== "unknown" || c.unknownAs === undefined || c.unknownAs === "unknown") return b;
  const cap = c.unknownAs === "cap";
  if (c.knockout) return { status: cap ? "met" : "not_met", base: ZERO, potential: ZERO, knocked: cap };
  const points = cap ? b.potential : b.base;
  const tier = cap ? b.potentialTier : b.tier;
  const max = toPoints(c.maxPoints);
  return { status: points === 0 ? "not_met" : points >= max ? "met" : "partial", base: points, potential: points, ...(tier !== undefined && { tier }) };
}

/**
 * How a criterion's points come about — the specification the two evaluation paths share (a
 * criterion not in force as of the date, or whose `appliesWhen` fails, is {@link NOT_APPLICABLE}):
 * - its scoring style gives base points (now and in the best case), an unknown one counted as
 *   `unknownAs` says (see {@link unknownAsBase});
 * - bonus and deductions are added (see `sumAdjustments`), and deductions stop at the floor;
 * - when we do not know whether it applies, it counts as unknown with nothing proven yet.
 */
export function criterionVerdict(c: Criterion, applies: true | "unknown", style: BaseVerdict, bonusValues: Values, deductionValues: Values): CriterionVerdict {
  const b = unknownAsBase(c, style);
  const floor = toPoints(c.floor ?? 0);
  const bonus = sumAdjustments(c.bonus ?? [], bonusValues, "bonus");
  const ded = sumAdjustments(c.deductions ?? [], deductionValues, "deduction");
  const tier = b.tier;
  if (applies === "unknown") {
    const potential = withFloor((Math.max(b.base, b.potential) + bonus.best) as Points, ded.best, floor);
    return { status: "unknown", base: ZERO, bonus: ZERO, deduction: ZERO, points: ZERO, potential, tier, knocked: false, unsettled: true };
  }
  return {
    status: b.status,
    base: b.base,
    bonus: bonus.now,
    deduction: ded.now,
    points: withFloor((b.base + bonus.now) as Points, ded.now, floor),
    potential: withFloor((b.potential + bonus.best) as Points, ded.best, floor),
    tier,
    knocked: b.knocked === true,
    unsettled: b.status === "unknown" || bonus.unknown || ded.unknown,
  };
}

const inForce = (c: Criterion, asOf: string) => (c.effectiveFrom === undefined || c.effectiveFrom <= asOf) && (c.effectiveTo === undefined || asOf <= c.effectiveTo);

const NONE: readonly never[] = [];

/** The plain evaluation of a criterion: each part through the reference interpreter. */
export function evaluateCriterion(c: Criterion, read: FactReader, asOf: string): CriterionVerdict {
  const applies = c.appliesWhen ? evaluateCondition(c.appliesWhen, read) : true;
  if (!inForce(c, asOf) || applies === false) return NOT_APPLICABLE;
  const adjust = (list: Criterion["bonus"]) => (list ?? NONE).map((a) => adjustmentPoints(a, read));
  return criterionVerdict(c, applies, styleOf(c).evaluate(c, read), adjust(c.bonus), adjust(c.deductions));
}

/** At most this many combinations remembered by one compiled criterion (see {@link combinedOnce}). */
const COMBINED_PER_CRITERION = 16;

/** The values of a criterion's compiled bonus or deductions for a row (undefined: unknown). */
function valuesOf(list: readonly ((row: Row) => Points | undefined)[], row: Row): Values {
  if (list.length === 0) return NONE;
  const out: (Points | undefined)[] = [];
  for (let i = 0; i < list.length; i++) out.push(list[i]!(row));
  return out;
}

/** Two lists of adjustment values, equal item by item. */
function sameValues(a: Values, b: Values): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** A verdict combined once: the base verdict (by identity) and the adjustments' values it was made of. */
interface Combination {
  readonly base: BaseVerdict;
  readonly bonus: Values;
  readonly deductions: Values;
  readonly verdict: CriterionVerdict;
}

/**
 * The verdict of a criterion that applies, combined once for each base verdict and adjustments'
 * values: compiled styles give the same few frozen base verdicts again and again (a condition's
 * three, a tier's), and an adjustment's value is one of a few, so a short list holds their
 * combinations, searched in order (at most {@link COMBINED_PER_CRITERION}; past it, each is combined
 * afresh). Every compiled style gives frozen base verdicts; one that did not (made for one unit alone)
 * would be combined afresh, its verdict not shared.
 */
function combinedOnce(c: Criterion): (b: BaseVerdict, bonus: Values, deductions: Values) => CriterionVerdict {
  const made: Combination[] = [];
  return (b, bonus, deductions) => {
    for (let i = 0; i < made.length; i++) {
      const m = made[i]!;
      if (m.base === b && sameValues(m.bonus, bonus) && sameValues(m.deductions, deductions)) return m.verdict;
    }
    if (!Object.isFrozen(b) || made.length === COMBINED_PER_CRITERION) return criterionVerdict(c, true, b, bonus, deductions);
    const verdict = Object.freeze(criterionVerdict(c, true, b, bonus, deductions));
    made.push({ base: b, bonus, deductions, verdict });
    return verdict;
  };
}

/**
 * The accelerated evaluation of a criterion over dense rows: compiled parts, the same combination.
 * The verdict of a criterion that applies depends on its base verdict and its adjustments' values
 * alone: combined once and shared, frozen (see {@link combinedOnce}).
 */
export function compileCriterion(c: Criterion, ctx: CompileContext): (row: Row, asOf: string) => CriterionVerdict {
  const applies: Node<Row> | undefined = c.appliesWhen && ctx.condition(c.appliesWhen, ["appliesWhen"]);
  const base = styleOf(c).compile(c, ctx);
  const bonus = (c.bonus ?? []).map((a, i) => compileAdjustment(a, ctx, ["bonus", i]));
  const deductions = (c.deductions ?? []).map((a, i) => compileAdjustment(a, ctx, ["deductions", i]));
  const combine = combinedOnce(c);
  const dated = c.effectiveFrom !== undefined || c.effectiveTo !== undefined;
  return (row, asOf) => {
    const t = applies ? applies(row) : T;
    if ((dated && !inForce(c, asOf)) || t === F) return NOT_APPLICABLE;
    if (t === T) return combine(base(row), valuesOf(bonus, row), valuesOf(deductions, row));
    return criterionVerdict(c, "unknown", base(row), valuesOf(bonus, row), valuesOf(deductions, row));
  };
}
