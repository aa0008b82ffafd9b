import { issue, ThiduaError, type Issue, type Result } from "../errors/index.js";
import { OPERATORS, parsePath, type Condition, type PathSegment } from "../rules/index.js";
import { comparator, operatorDef, pathGetter, readPath } from "./operators.js";
import { F, MISSING, T, U, toTruth, type Tri, type Truth } from "./tri.js";

/** A compiled condition over a row (a dense array in the engine, a facts object for `compileCondition`). */
export type Node<R> = (row: R) => Tri;
/**
 * Turns a fact id into a reader of that fact from a row; resolved once at compile time. A reader
 * that carries `slot` reads `row[slot]` of a dense array, which lets leaves skip the call.
 */
export type ReaderFactory<R> = (factId: string) => ((row: R) => unknown) & { readonly slot?: number };

const MAX_DEPTH = 64;
const has = Object.prototype.hasOwnProperty;

/**
 * Compiles a json-rules-engine condition into synchronous closures with Kleene logic: `all` stops
 * at the first F (a U keeps scanning), `any` stops at the first T, `not` swaps T/F and keeps U, and
 * a leaf whose fact (or path) is missing is U. Nothing is allocated per evaluation.
 */
export function compileNode<R>(cond: Condition, reader: ReaderFactory<R>, issues: Issue[], path: (string | number)[] = [], depth = 0): Node<R> {
  if (depth > MAX_DEPTH) {
    issues.push(issue("rules.depth_limit", path, `condition deeper than ${MAX_DEPTH}`));
    return () => U;
  }
  if (cond === null || typeof cond !== "object" || Array.isArray(cond)) {
    issues.push(issue("rules.unsupported_condition", path, "a condition must be an object with all, any, not or fact"));
    return () => U;
  }
  if ("all" in cond || "any" in cond) {
    const isAll = "all" in cond;
    const list = isAll ? (cond as { all: Condition[] }).all : (cond as { any: Condition[] }).any;
    if (!Array.isArray(list)) {
      issues.push(issue("rules.unsupported_condition", [...path, isAll ? "all" : "any"], "all/any takes an array of conditions"));
      return () => U;
    }
    const kids = list.map((c, i) => compileNode(c, reader, issues, [...path, isAll ? "all" : "any", i], depth + 1));
    return isAll ? junction(kids, F, T) : junction(kids, T, F);
  }
  if ("not" in cond) {
    const kid = compileNode(cond.not, reader, issues, [...path, "not"], depth + 1);
    return (row) => {
      const v = kid(row);
      return v === U ? U : v === T ? F : T;
    };
  }
  return compileLeaf(cond, reader, issues, path);
}

/**
 * `all` (stops at F, else T) and `any` (stops at T, else F) are one Kleene junction: the first child
 * equal to `stop` decides; otherwise U if some child is U, else `rest`. One and two children run
 * without a loop (most conditions of the rule sets).
 */
function junction<R>(kids: readonly Node<R>[], stop: Tri, rest: Tri): Node<R> {
  const n = kids.length;
  if (n === 1) return kids[0]!;
  if (n === 2) {
    const [a, b] = kids as [Node<R>, Node<R>];
    return (row) => {
      const x = a(row);
      if (x === stop) return stop;
      const y = b(row);
      return y === stop ? stop : x === U || y === U ? U : rest;
    };
  }
  return (row) => {
    let r: Tri = rest;
    for (let i = 0; i < n; i++) {
      const v = kids[i]!(row);
      if (v === stop) return stop;
      if (v === U) r = U;
    }
    return r;
  };
}

function compileLeaf<R>(cond: Condition, reader: ReaderFactory<R>, issues: Issue[], path: (string | number)[]): Node<R> {
  const leaf = cond as { fact?: unknown; operator?: unknown; value?: unknown; path?: unknown; condition?: unknown };
  if (typeof leaf.fact !== "string" || typeof leaf.operator !== "string" || !("value" in leaf)) {
    const what = "condition" in leaf ? "shared condition references are not supported" : "a leaf needs fact, operator and value";
    issues.push(issue("rules.unsupported_condition", path, what));
    return () => U;
  }
  const v = leaf.value;
  if (v !== null && typeof v === "object" && !Array.isArray(v)) {
    if (typeof (v as { fact?: unknown }).fact === "string") return factToFact(leaf as FactLeaf, reader, issues, path);
    issues.push(issue("rules.unsupported_condition", [...path, "value"], "a value that is an object must name another fact: { fact, path? }"));
    return () => U;
  }
  const cmp = comparator(leaf.operator, v);
  if (!cmp) {
    issues.push(issue("rules.unknown_operator", [...path, "operator"], `unknown operator ${leaf.operator}; allowed: ${OPERATORS.join(", ")}`, { operator: leaf.operator }));
    return () => U;
  }
  const segments = segmentsOf(leaf.path, issues, [...path, "path"]);
  if (segments === null) return () => U;
  const read = reader(leaf.fact);
  const slot = read.slot;
  if (segments === undefined && slot !== undefined) {
    const fused = slotLeaf(leaf.operator, v, slot, cmp);
    if (fused) return fused as unknown as Node<R>;
    return (row) => {
      const a = (row as unknown as readonly unknown[])[slot];
      return a === undefined || a === null ? U : cmp(a) ? T : F;
    };
  }
  if (segments !== undefined && segments.length === 1 && typeof segments[0] === "string" && slot !== undefined) {
    // `$.field` of an object fact in a dense row: one own-property read (json-rules-engine semantics:
    // a path on a non-object value yields the value itself)
    const key = segments[0];
    return (row) => {
      const o = (row as unknown as readonly unknown[])[slot];
      if (o === undefined || o === null) return U;
      const a = typeof o !== "object" ? o : has.call(o, key) ? (o as Record<string, unknown>)[key] : undefined;
      return a === undefined || a === null ? U : cmp(a) ? T : F;
    };
  }
  const get = pathGetter(segments);
  return (row) => {
    const a = get(read(row));
    return a === MISSING ? U : cmp(a) ? T : F;
  };
}

/** The segments of a leaf's path (undefined: no path; null: a bad path, reported). */
function segmentsOf(p: unknown, issues: Issue[], at: (string | number)[]): readonly PathSegment[] | undefined | null {
  if (p === undefined) return undefined;
  const r = typeof p === "string" ? parsePath(p) : { ok: false as const, reason: "path must be a string" };
  if (r.ok) return r.segments;
  issues.push(issue("rules.bad_path", at, r.reason));
  return null;
}

type FactLeaf = { fact: string; operator: string; path?: unknown; value: { fact: string; path?: unknown } };

/**
 * A comparison of two facts (json-rules-engine's `value: { fact, path? }`): unknown when either is
 * missing, else the operator with its guard on the first fact's value, as in json-rules-engine.
 */
function factToFact<R>(leaf: FactLeaf, reader: ReaderFactory<R>, issues: Issue[], path: (string | number)[]): Node<R> {
  const op = operatorDef(leaf.operator);
  if (!op) {
    issues.push(issue("rules.unknown_operator", [...path, "operator"], `unknown operator ${leaf.operator}; allowed: ${OPERATORS.join(", ")}`, { operator: leaf.operator }));
    return () => U;
  }
  const left = segmentsOf(leaf.path, issues, [...path, "path"]);
  const right = segmentsOf(leaf.value.path, issues, [...path, "value", "path"]);
  if (left === null || right === null) return () => U;
  const readA = reader(leaf.fact);
  const readB = reader(leaf.value.fact);
  const { fn, guard } = op;
  return (row) => {
    const a = readPath(readA(row), left);
    const b = readPath(readB(row), right);
    if (a === MISSING || b === MISSING) return U;
    return guard && !guard(a) ? F : fn(a, b) ? T : F;
  };
}

/**
 * Leaves on a dense-row slot with the comparison written in (one closure call less per leaf): a
 * number threshold with a numeric operator, or `equal`. Other fact types fall back to `cmp`, which
 * holds json-rules-engine's guard, so the verdicts are those of the generic leaf.
 */
function slotLeaf(operator: string, v: unknown, slot: number, cmp: (a: unknown) => boolean): Node<readonly unknown[]> | undefined {
  if (operator === "equal") {
    return (row) => {
      const a = row[slot];
      return a === undefined || a === null ? U : a === v ? T : F;
    };
  }
  if (typeof v !== "number") return undefined;
  const b = v;
  switch (operator) {
    case "greaterThanInclusive":
      return (row) => {
        const a = row[slot];
        return a === undefined || a === null ? U : typeof a === "number" ? (a >= b ? T : F) : cmp(a) ? T : F;
      };
    case "greaterThan":
      return (row) => {
        const a = row[slot];
        return a === undefined || a === null ? U : typeof a === "number" ? (a > b ? T : F) : cmp(a) ? T : F;
      };
    case "lessThanInclusive":
      return (row) => {
        const a = row[slot];
        return a === undefined || a === null ? U : typeof a === "number" ? (a <= b ? T : F) : cmp(a) ? T : F;
      };
    case "lessThan":
      return (row) => {
        const a = row[slot];
        return a === undefined || a === null ? U : typeof a === "number" ? (a < b ? T : F) : cmp(a) ? T : F;
      };
    default:
      return undefined;
  }
}

const objectReader: ReaderFactory<Readonly<Record<string, unknown>>> = (id) => (facts) => (has.call(facts, id) ? facts[id] : undefined);

/** Like {@link compileCondition}, returning issues instead of throwing. */
export function safeCompileCondition(condition: Condition): Result<(facts: Readonly<Record<string, unknown>>) => Truth> {
  const issues: Issue[] = [];
  const node = compileNode(condition, objectReader, issues);
  if (issues.length) return { ok: false, issues };
  return { ok: true, value: (facts) => toTruth(node(facts)) };
}

/**
 * Compiles any json-rules-engine condition (all/any/not, fact/operator/value, optional `path`) into
 * a synchronous function `(facts) => true | false | "unknown"`. A fact that is absent, `null` or
 * `undefined` makes its leaf unknown. Throws a {@link ThiduaError} for a malformed condition.
 */
export function compileCondition(condition: Condition): (facts: Readonly<Record<string, unknown>>) => Truth {
  const r = safeCompileCondition(condition);
  if (!r.ok) throw new ThiduaError("invalid condition", r.issues);
  return r.value;
}
