import { parsePath, type Basis, type Condition, type LeafCondition } from "../rules/index.js";
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
  /** The value compared with: the threshold, or the value of the other fact (`valueFact`; absent when that fact is missing). */
  readonly expected?: unknown;
  /** The other fact a fact-to-fact comparison reads (`value: { fact, path? }`), and its path. */
  readonly valueFact?: string;
  readonly valuePath?: string;
  /** The fact value read (absent when missing). */
  readonly actual?: unknown;
  /** The fact (or the other fact) is missing: the leaf is unknown. */
  readonly missing: boolean;
  readonly result: Truth;
  readonly basis?: Basis;
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

/** Kleene conjunction of two values (as {@link and} of the pair, without a list). */
export const and2 = (a: Truth, b: Truth): Truth => (a === false || b === false ? false : a === "unknown" || b === "unknown" ? "unknown" : true);

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

/** A value `{ fact, path? }` names another fact (json-rules-engine's fact-to-fact comparison). */
export const isFactValue = (v: unknown): v is { readonly fact: string; readonly path?: string } =>
  v !== null && typeof v === "object" && !Array.isArray(v) && typeof (v as { fact?: unknown }).fact === "string";

/** A fact (and path into it) as a leaf reads it: MISSING when absent, or when the path does not parse (loading refuses such a path first). */
function readAt(read: FactReader, fact: string, path: string | undefined): unknown {
  const p = path === undefined ? undefined : parsePath(path);
  return p && !p.ok ? MISSING : readPath(read(fact), p?.segments);
}

function traceLeaf(leaf: LeafCondition, read: FactReader): LeafTrace {
  const actual = readAt(read, leaf.fact, leaf.path);
  const other = isFactValue(leaf.value) ? leaf.value : undefined;
  const expected = other ? readAt(read, other.fact, other.path) : leaf.value;
  const missing = actual === MISSING || expected === MISSING;
  const result: Truth = missing ? "unknown" : compare(leaf.operator, actual, expected);
  return {
    kind: "leaf",
    fact: leaf.fact,
    operator: leaf.operator,
    ...(expected !== MISSING && { expected }),
    missing,
    result,
    ...(leaf.id !== undefined && { id: leaf.id }),
    ...(leaf.path !== undefined && { path: leaf.path }),
    ...(leaf.basis !== undefined && { basis: leaf.basis }),
    ...(leaf.ref !== undefined && { ref: leaf.ref }),
    ...(other && { valueFact: other.fact }),
    ...(other?.path !== undefined && { valuePath: other.path }),
    ...(actual !== MISSING && { actual }),
  };
}

/** Leaves of a trace in file order. */
export function traceLeaves(t: TraceNode): LeafTrace[] {
  if (t.kind === "leaf") return [t];
  if (t.kind === "not") return traceLeaves(t.child);
  return t.children.flatMap(traceLeaves);
}
