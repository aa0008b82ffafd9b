import { parsePath, type Condition, type LeafCondition } from "../rules/index.js";
import { onceIfFrozen, pathGetter } from "./getter.js";
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

/** What a leaf needs to be evaluated, worked out once per leaf of a loaded rule set (a trace re-walks the tree for every unit). */
interface LeafPlan {
  readonly get: (v: unknown) => unknown;
  readonly cmp: ((a: unknown) => boolean) | undefined;
  /** The path does not parse: the fact reads as missing. */
  readonly badPath: boolean;
}
const leafPlans = new WeakMap<LeafCondition, LeafPlan>();

function makeLeafPlan(leaf: LeafCondition): LeafPlan {
  const p = leaf.path !== undefined ? parsePath(leaf.path) : undefined;
  return { get: pathGetter(p && p.ok ? p.segments : undefined), cmp: comparator(leaf.operator, leaf.value), badPath: p !== undefined && !p.ok };
}

function traceLeaf(leaf: LeafCondition, read: (factId: string) => unknown): LeafTrace {
  const { get, cmp, badPath } = onceIfFrozen(leafPlans, leaf, makeLeafPlan);
  const a = badPath ? MISSING : get(read(leaf.fact));
  const missing = a === MISSING;
  const result: Truth = missing || !cmp ? "unknown" : cmp(a);
  // fields added one by one, in this order (object spreads here were most of a traced unit's time)
  const t: { -readonly [K in keyof LeafTrace]: LeafTrace[K] } = { kind: "leaf", fact: leaf.fact, operator: leaf.operator, expected: leaf.value, missing, result };
  if (leaf.id !== undefined) t.id = leaf.id;
  if (leaf.path !== undefined) t.path = leaf.path;
  if (leaf.basis !== undefined) t.basis = leaf.basis;
  if (leaf.ref !== undefined) t.ref = leaf.ref;
  if (!missing) t.actual = a;
  return t;
}

/** Leaves of a trace in file order. */
export function traceLeaves(t: TraceNode): LeafTrace[] {
  if (t.kind === "leaf") return [t];
  if (t.kind === "not") return traceLeaves(t.child);
  return t.children.flatMap(traceLeaves);
}
