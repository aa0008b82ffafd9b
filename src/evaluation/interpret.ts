import { parsePath, type Condition, type LeafCondition } from "../rules/index.js";
import { compare, readPath } from "./operators.js";
import { MISSING, type Truth } from "./tri.js";

/** Reads a fact of a profile by id; `undefined` (or `null`) when the profile does not give it. */
export type FactReader = (factId: string) => unknown;

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

/** Kleene conjunction: false if any is false, else unknown if any is unknown, else true. */
export function and(values: Iterable<Truth>): Truth {
  let out: Truth = true;
  for (const v of values) {
    if (v === false) return false;
    if (v === "unknown") out = "unknown";
  }
  return out;
}

/** Kleene disjunction: true if any is true, else unknown if any is unknown, else false. */
export function or(values: Iterable<Truth>): Truth {
  let out: Truth = false;
  for (const v of values) {
    if (v === true) return true;
    if (v === "unknown") out = "unknown";
  }
  return out;
}

/** Kleene negation: swaps true and false, keeps unknown. */
export const not = (v: Truth): Truth => (v === "unknown" ? v : !v);

/**
 * The reference interpreter, and the specification of what a condition means: it walks the tree in
 * file order and evaluates every child (no short-circuit, so the trace is complete).
 * - `all` is the Kleene conjunction of its children, `any` the disjunction, `not` the negation;
 * - a leaf reads its fact (and `path` into it); an absent or `null` value is *unknown*, never false;
 * - otherwise the leaf applies json-rules-engine's operator, with its guard on the fact's type.
 * The compiled evaluator (`compile.ts`) must give the same verdicts; a property test checks it.
 */
export function traceCondition(cond: Condition, read: FactReader): TraceNode {
  if ("all" in cond) {
    const children = cond.all.map((c) => traceCondition(c, read));
    return { kind: "all", result: and(children.map((c) => c.result)), children };
  }
  if ("any" in cond) {
    const children = cond.any.map((c) => traceCondition(c, read));
    return { kind: "any", result: or(children.map((c) => c.result)), children };
  }
  if ("not" in cond) {
    const child = traceCondition(cond.not, read);
    return { kind: "not", result: not(child.result), child };
  }
  return traceLeaf(cond, read);
}

/** The verdict of a condition for a profile's facts (the result of its trace). */
export const evaluateCondition = (cond: Condition, read: FactReader): Truth => traceCondition(cond, read).result;

function traceLeaf(leaf: LeafCondition, read: FactReader): LeafTrace {
  const path = leaf.path === undefined ? undefined : parsePath(leaf.path);
  // a path that does not parse reads as missing (loading a rule set refuses such a path first)
  const actual = path && !path.ok ? MISSING : readPath(read(leaf.fact), path?.segments);
  const missing = actual === MISSING;
  const result: Truth = missing ? "unknown" : compare(leaf.operator, actual, leaf.value);
  return {
    kind: "leaf",
    fact: leaf.fact,
    operator: leaf.operator,
    expected: leaf.value,
    missing,
    result,
    ...(leaf.id !== undefined && { id: leaf.id }),
    ...(leaf.path !== undefined && { path: leaf.path }),
    ...(leaf.basis !== undefined && { basis: leaf.basis }),
    ...(leaf.ref !== undefined && { ref: leaf.ref }),
    ...(!missing && { actual }),
  };
}

/** Leaves of a trace in file order. */
export function traceLeaves(t: TraceNode): LeafTrace[] {
  if (t.kind === "leaf") return [t];
  if (t.kind === "not") return traceLeaves(t.child);
  return t.children.flatMap(traceLeaves);
}
