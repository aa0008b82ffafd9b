/**
 * The condition and criterion traces as they were written before traces read facts from the dense
 * row and stopped using object spreads (kept verbatim but for the imports): the reference the
 * scoring differential test (`score-interning.test.ts`) compares traced results with, bytes and key
 * order included.
 */
import { comparator, MISSING, pathGetter, type LeafTrace, type TraceNode } from "../../src/evaluation/index.js";
import { F, T, U, toTruth, type Tri, type Truth } from "../../src/evaluation/tri.js";
import { parsePath, type Condition, type Criterion, type LeafCondition } from "../../src/rules/index.js";
import type { CriterionTrace, PerUnitTrace } from "../../src/scoring/index.js";

const fromT = (t: Truth): Tri => (t === true ? T : t === false ? F : U);

function traceCondition(cond: Condition, read: (factId: string) => unknown): TraceNode {
  if ("all" in cond || "any" in cond) {
    const isAll = "all" in cond;
    const children = (isAll ? cond.all : (cond as { any: Condition[] }).any).map((c) => traceCondition(c, read));
    let r: Tri = isAll ? T : F;
    for (const c of children) {
      const v = fromT(c.result);
      if (isAll ? v === F : v === T) { r = v; break; }
      if (v === U) r = U;
    }
    return { kind: isAll ? "all" : "any", result: toTruth(r), children };
  }
  if ("not" in cond) {
    const child = traceCondition(cond.not, read);
    const v = fromT(child.result);
    return { kind: "not", result: toTruth(v === U ? U : v === T ? F : T), child };
  }
  return traceLeaf(cond, read);
}

function traceLeaf(leaf: LeafCondition, read: (factId: string) => unknown): LeafTrace {
  const p = leaf.path !== undefined ? parsePath(leaf.path) : undefined;
  const get = pathGetter(p && p.ok ? p.segments : undefined);
  const cmp = comparator(leaf.operator, leaf.value);
  const a = p && !p.ok ? MISSING : get(read(leaf.fact));
  const missing = a === MISSING;
  const result: Truth = missing || !cmp ? "unknown" : cmp(a);
  const base = {
    kind: "leaf" as const,
    fact: leaf.fact,
    operator: leaf.operator,
    expected: leaf.value,
    missing,
    result,
    ...(leaf.id !== undefined && { id: leaf.id }),
    ...(leaf.path !== undefined && { path: leaf.path }),
    ...(leaf.basis !== undefined && { basis: leaf.basis }),
    ...(leaf.ref !== undefined && { ref: leaf.ref }),
  };
  return missing ? base : { ...base, actual: a };
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
export function referenceTraceCriterion(c: Criterion, facts: Readonly<Record<string, unknown>>): CriterionTrace {
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
