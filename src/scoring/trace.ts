import { traceCondition, type TraceNode } from "../evaluation/index.js";
import type { Criterion } from "../rules/index.js";
import { getterOfPath, onceIfFrozen, MISSING } from "../evaluation/index.js";

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

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

type PerUnit = NonNullable<Criterion["perUnit"]>;
/** The getter of a per-unit count's path, worked out once per rule of a loaded rule set (a trace runs for every unit). */
const perUnitGetters = new WeakMap<PerUnit, (v: unknown) => unknown>();
const perUnitGetter = (pu: PerUnit) => getterOfPath(pu.path);

function perUnitTrace(pu: PerUnit, read: (factId: string) => unknown, cap: number): PerUnitTrace {
  const v = onceIfFrozen(perUnitGetters, pu, perUnitGetter)(read(pu.fact));
  // fields added in this order, without object spreads (they cost most of a traced unit's time); the cast is
  // only for the order — missing, pointsPerUnit and cap are all set below, before `t` is returned
  const t = { fact: pu.fact } as Mutable<PerUnitTrace>;
  if (pu.path !== undefined) t.path = pu.path;
  if (v !== MISSING) t.actual = v;
  t.missing = v === MISSING;
  t.pointsPerUnit = pu.pointsPerUnit;
  t.cap = pu.cap ?? cap;
  return t;
}

/** Re-runs one criterion through the tree-walking interpreter and records what decided it. */
export function traceCriterion(c: Criterion, facts: Readonly<Record<string, unknown>>): CriterionTrace {
  return traceCriterionWith(c, (id) => (Object.prototype.hasOwnProperty.call(facts, id) ? facts[id] : undefined));
}

/** {@link traceCriterion} over a fact reader (scoring reads the profile's dense row; no facts object is built). */
export function traceCriterionWith(c: Criterion, read: (factId: string) => unknown): CriterionTrace {
  const adj = (list: NonNullable<Criterion["bonus"]>) =>
    list.map((a) => {
      const t: Mutable<AdjustmentTrace> = { id: a.id };
      if (a.conditions) t.conditions = traceCondition(a.conditions, read);
      if (a.perUnit) t.perUnit = perUnitTrace(a.perUnit, read, a.cap);
      return t;
    });
  // fields in this order: appliesWhen, conditions, tiers, perUnit, bonus, deductions
  const t: Mutable<CriterionTrace> = {};
  if (c.appliesWhen) t.appliesWhen = traceCondition(c.appliesWhen, read);
  if (c.conditions) t.conditions = traceCondition(c.conditions, read);
  if (c.tiers) t.tiers = c.tiers.map((x) => ({ points: x.points, conditions: traceCondition(x.conditions, read) }));
  if (c.perUnit) t.perUnit = perUnitTrace(c.perUnit, read, c.maxPoints);
  if (c.bonus) t.bonus = adj(c.bonus);
  if (c.deductions) t.deductions = adj(c.deductions);
  return t;
}
