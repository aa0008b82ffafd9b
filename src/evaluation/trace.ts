import { parsePath, type Condition, type LeafCondition } from "../rules/index.js";
import { pathGetter } from "./getter.js";
import { comparator } from "./operators.js";
import { F, MISSING, T, U, toTruth, type Tri, type Truth } from "./tri.js";

/** Trace of one leaf: what was compared, with what, and the outcome. Data only: no sentences. */
export interface LeafTrace {
  readonly kind: "leaf";
  readonly id?: string;
  readonly fact: string;
  readonly path?: string;
  readonly operator: string;
  readonly expected: unknown;
  /** The fact value read (absent when missing). */
  readonly actual?: unknown;
  readonly missing: boolean;
  readonly result: Truth;
  readonly basis?: "law" | "policy-default";
  readonly ref?: LeafCondition["ref"];
}
export interface GroupTrace {
  readonly kind: "all" | "any";
  readonly result: Truth;
  readonly children: readonly TraceNode[];
}
export interface NotTrace {
  readonly kind: "not";
  readonly result: Truth;
  readonly child: TraceNode;
}
/** A node of a condition trace: a leaf, an `all`/`any` group with its children, or a `not`. */
export type TraceNode = LeafTrace | GroupTrace | NotTrace;

const fromT = (t: Truth): Tri => (t === true ? T : t === false ? F : U);

/**
 * The reference interpreter: walks the condition tree in file order, evaluates every child (no
 * short-circuit, so the trace is complete) and records a trace. It shares the operator table and
 * path getters with the compiled evaluator; a property test asserts both give the same verdicts.
 */
export function traceCondition(cond: Condition, read: (factId: string) => unknown): TraceNode {
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

/** Leaves of a trace in file order. */
export function traceLeaves(t: TraceNode): LeafTrace[] {
  if (t.kind === "leaf") return [t];
  if (t.kind === "not") return traceLeaves(t.child);
  return t.children.flatMap(traceLeaves);
}
