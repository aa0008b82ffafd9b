import { WILDCARD, type PathSegment } from "../rules/index.js";
import { MISSING, type Truth } from "./tri.js";

/**
 * json-rules-engine's default operators, reproduced exactly (CacheControl/json-rules-engine:
 * src/engine-default-operators.js): same comparison, same fact-type guard. When the guard fails the
 * operator is false, as in json-rules-engine. A missing fact never reaches an operator: it is unknown.
 */
export interface OperatorDef {
  readonly name: string;
  readonly fn: (fact: unknown, value: unknown) => boolean;
  readonly guard?: (fact: unknown) => boolean;
}

const numberGuard = (a: unknown) => Number.parseFloat(a as string).toString() !== "NaN";
const indexOf = (hay: unknown, needle: unknown) =>
  hay != null && typeof (hay as { indexOf?: unknown }).indexOf === "function" ? (hay as unknown[]).indexOf(needle) : -1;
const has = Object.prototype.hasOwnProperty;

export const OPERATOR_TABLE: Readonly<Record<string, OperatorDef>> = Object.freeze({
  equal: { name: "equal", fn: (a, b) => a === b },
  notEqual: { name: "notEqual", fn: (a, b) => a !== b },
  in: { name: "in", fn: (a, b) => indexOf(b, a) > -1 },
  notIn: { name: "notIn", fn: (a, b) => indexOf(b, a) === -1 },
  contains: { name: "contains", fn: (a, b) => indexOf(a, b) > -1, guard: Array.isArray },
  doesNotContain: { name: "doesNotContain", fn: (a, b) => indexOf(a, b) === -1, guard: Array.isArray },
  lessThan: { name: "lessThan", fn: (a, b) => (a as number) < (b as number), guard: numberGuard },
  lessThanInclusive: { name: "lessThanInclusive", fn: (a, b) => (a as number) <= (b as number), guard: numberGuard },
  greaterThan: { name: "greaterThan", fn: (a, b) => (a as number) > (b as number), guard: numberGuard },
  greaterThanInclusive: { name: "greaterThanInclusive", fn: (a, b) => (a as number) >= (b as number), guard: numberGuard },
});

/** The definition of an operator by name (own properties only), or undefined. */
export const operatorDef = (operator: string): OperatorDef | undefined => (has.call(OPERATOR_TABLE, operator) ? OPERATOR_TABLE[operator] : undefined);

/** A fact value compared with a threshold: the guard, then the operator; an unknown operator is unknown. */
export function compare(operator: string, actual: unknown, expected: unknown): Truth {
  const op = operatorDef(operator);
  if (!op) return "unknown";
  if (op.guard && !op.guard(actual)) return false;
  return op.fn(actual, expected);
}

/**
 * The value a path selects in a fact value: own properties only, MISSING on `null`/`undefined` or an
 * absent step, never a throw. Like json-rules-engine, a path applied to a non-object value yields the
 * value itself. A path with a wildcard (`$[*]`) selects a list, as jsonpath-plus does with
 * `wrap: false`: the members of a list, or the values of an object's fields (in key order), and the
 * rest of the path applied to each; a list of nothing is MISSING — except the members of an empty
 * list, which are known to be none (json-rules-engine reads `undefined` there).
 */
export function readPath(value: unknown, segments: readonly PathSegment[] | undefined): unknown {
  if (value === undefined || value === null) return MISSING;
  if (!segments || segments.length === 0 || typeof value !== "object") return value;
  if (!segments.includes(WILDCARD)) {
    let cur: unknown = value;
    for (const seg of segments) {
      if (cur === null || typeof cur !== "object" || !has.call(cur, seg as string | number)) return MISSING;
      cur = (cur as Record<string | number, unknown>)[seg as string | number];
    }
    return cur === undefined || cur === null ? MISSING : cur;
  }
  if (segments.length === 1 && Array.isArray(value)) return value;
  const found: unknown[] = [];
  collect(value, segments, 0, found);
  return found.length ? found : MISSING;
}

/** The values a path with wildcards selects below `cur`, in document order (jsonpath-plus's order). */
function collect(cur: unknown, segments: readonly PathSegment[], i: number, out: unknown[]): void {
  if (i === segments.length) {
    if (cur !== undefined) out.push(cur);
    return;
  }
  if (cur === null || typeof cur !== "object") return;
  const seg = segments[i]!;
  if (seg === WILDCARD) {
    for (const v of Array.isArray(cur) ? cur : Object.values(cur)) collect(v, segments, i + 1, out);
  } else if (has.call(cur, seg as string | number)) collect((cur as Record<string | number, unknown>)[seg as string | number], segments, i + 1, out);
}

/**
 * A comparison closed over its threshold, for the compiled evaluator: `(factValue) => boolean`, guard
 * included — the same verdicts as {@link compare}, with the numeric cases written out.
 */
export function comparator(operator: string, value: unknown): ((a: unknown) => boolean) | undefined {
  const op = operatorDef(operator);
  if (!op) return undefined;
  const { fn, guard } = op;
  if (typeof value === "number" && guard === numberGuard) {
    const b = value;
    switch (operator) {
      case "lessThan":
        return (a) => (typeof a === "number" ? a < b : guard(a) && fn(a, b));
      case "lessThanInclusive":
        return (a) => (typeof a === "number" ? a <= b : guard(a) && fn(a, b));
      case "greaterThan":
        return (a) => (typeof a === "number" ? a > b : guard(a) && fn(a, b));
      case "greaterThanInclusive":
        return (a) => (typeof a === "number" ? a >= b : guard(a) && fn(a, b));
    }
  }
  if (operator === "equal") return (a) => a === value;
  return guard ? (a) => guard(a) && fn(a, value) : (a) => fn(a, value);
}

/** {@link readPath} closed over its segments, for the compiled evaluator. */
export const pathGetter =
  (segments: readonly PathSegment[] | undefined) =>
  (v: unknown): unknown =>
    readPath(v, segments);
