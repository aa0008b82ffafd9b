import { traceCondition, type TraceNode } from "../evaluation/index.js";
import { parsePath, type Criterion } from "../rules/index.js";
import { pathGetter, MISSING } from "../evaluation/index.js";

/** Trace of a per-unit computation: the count read, the rate and the cap. */
export interface PerUnitTrace {
  readonly fact: string;
  readonly path?: string;
  readonly actual?: unknown;
  readonly missing: boolean;
  readonly pointsPerUnit: number;
  readonly cap: number;
}
export interface AdjustmentTrace {
  readonly id: string;
  readonly conditions?: TraceNode;
  readonly perUnit?: PerUnitTrace;
}
/** Everything the reference interpreter saw for one criterion; ids and values, never sentences. */
export interface CriterionTrace {
  readonly appliesWhen?: TraceNode;
  readonly conditions?: TraceNode;
  readonly tiers?: readonly { readonly points: number; readonly conditions: TraceNode }[];
  readonly perUnit?: PerUnitTrace;
  readonly bonus?: readonly AdjustmentTrace[];
  readonly deductions?: readonly AdjustmentTrace[];
}

function perUnitTrace(pu: NonNullable<Criterion["perUnit"]>, facts: Readonly<Record<string, unknown>>, cap: number): PerUnitTrace {
  const p = pu.path !== undefined ? parsePath(pu.path) : undefined;
  const v = pathGetter(p && p.ok ? p.segments : undefined)(Object.prototype.hasOwnProperty.call(facts, pu.fact) ? facts[pu.fact] : undefined);
  return {
    fact: pu.fact,
    ...(pu.path !== undefined && { path: pu.path }),
    ...(v !== MISSING && { actual: v }),
    missing: v === MISSING,
    pointsPerUnit: pu.pointsPerUnit,
    cap: pu.cap ?? cap,
  };
}

/** Re-runs one criterion through the tree-walking interpreter and records what decided it. */
export function traceCriterion(c: Criterion, facts: Readonly<Record<string, unknown>>): CriterionTrace {
  const read = (id: string) => (Object.prototype.hasOwnProperty.call(facts, id) ? facts[id] : undefined);
  const adj = (list: Criterion["bonus"]) =>
    list?.map((a) => ({
      id: a.id,
      ...(a.conditions && { conditions: traceCondition(a.conditions, read) }),
      ...(a.perUnit && { perUnit: perUnitTrace(a.perUnit, facts, a.cap) }),
    }));
  const bonus = adj(c.bonus);
  const deductions = adj(c.deductions);
  return {
    ...(c.appliesWhen && { appliesWhen: traceCondition(c.appliesWhen, read) }),
    ...(c.conditions && { conditions: traceCondition(c.conditions, read) }),
    ...(c.tiers && { tiers: c.tiers.map((t) => ({ points: t.points, conditions: traceCondition(t.conditions, read) })) }),
    ...(c.perUnit && { perUnit: perUnitTrace(c.perUnit, facts, c.maxPoints) }),
    ...(bonus && { bonus }),
    ...(deductions && { deductions }),
  };
}
