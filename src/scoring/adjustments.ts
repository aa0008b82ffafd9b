import { evaluateCondition, T, F, traceCondition, type FactReader, type TraceNode } from "../evaluation/index.js";
import type { Criterion } from "../rules/index.js";
import { toPoints, ZERO, type Points } from "./points.js";
import { perUnitCount, perUnitPoints, perUnitReader, perUnitTrace, type CompileContext, type PerUnitTrace, type Row } from "./styles/index.js";

/** A bonus (điểm thưởng) or deduction (điểm trừ) of a criterion. */
export type Adjustment = NonNullable<Criterion["bonus"]>[number];

export interface AdjustmentTrace {
  readonly id: string;
  readonly conditions?: TraceNode;
  readonly perUnit?: PerUnitTrace;
}

/**
 * Points of one adjustment, or undefined when unknown: fixed `points` (at most `cap`) when its
 * conditions hold, or points per unit of a count fact up to `cap`.
 */
export function adjustmentPoints(a: Adjustment, read: FactReader): Points | undefined {
  const cap = toPoints(a.cap);
  if (a.perUnit) {
    const count = perUnitCount(a.perUnit, read);
    return count === undefined ? undefined : perUnitPoints(a.perUnit, count, cap);
  }
  const t = evaluateCondition(a.conditions!, read);
  return t === "unknown" ? undefined : t ? (Math.min(toPoints(a.points ?? 0), cap) as Points) : ZERO;
}

/** {@link adjustmentPoints} compiled over dense rows. */
export function compileAdjustment(a: Adjustment, ctx: CompileContext, at: readonly (string | number)[]): (row: Row) => Points | undefined {
  const cap = toPoints(a.cap);
  if (a.perUnit) {
    const pu = a.perUnit;
    const count = perUnitReader(pu, ctx.slot);
    return (row) => {
      const n = count(row);
      return n === undefined ? undefined : perUnitPoints(pu, n, cap);
    };
  }
  const node = ctx.condition(a.conditions!, [...at, "conditions"]);
  const points = Math.min(toPoints(a.points ?? 0), cap) as Points;
  return (row) => {
    const t = node(row);
    return t === T ? points : t === F ? ZERO : undefined;
  };
}

export function adjustmentTrace(a: Adjustment, read: FactReader): AdjustmentTrace {
  return {
    id: a.id,
    ...(a.conditions && { conditions: traceCondition(a.conditions, read) }),
    ...(a.perUnit && { perUnit: perUnitTrace(a.perUnit, read, a.cap) }),
  };
}

/**
 * The sum of a list of adjustments now and in the best case. By default (`unknownAs: "unknown"`)
 * what the evidence does not prove is not counted in the unit's favour: an unknown bonus counts 0
 * now and its cap in the best case; an unknown deduction counts its cap now and 0 in the best case.
 * A scheme may say how a blank counts instead: `zero` (nothing, settled) or `cap` (in full, settled).
 */
export function sumAdjustments(list: readonly Adjustment[], values: readonly (Points | undefined)[], kind: "bonus" | "deduction"): { now: Points; best: Points; unknown: boolean } {
  let now = 0;
  let best = 0;
  let unknown = false;
  for (let i = 0; i < list.length; i++) {
    const a = list[i]!;
    const v = values[i];
    const settled = v !== undefined ? v : a.unknownAs === "zero" ? 0 : a.unknownAs === "cap" ? toPoints(a.cap) : undefined;
    if (settled !== undefined) {
      now += settled;
      best += settled;
      continue;
    }
    unknown = true;
    if (kind === "bonus") best += toPoints(a.cap);
    else now += toPoints(a.cap);
  }
  return { now: now as Points, best: best as Points, unknown };
}
