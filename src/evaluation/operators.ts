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

/** A comparison closed over its threshold: `(factValue) => boolean`, guard included. */
export function comparator(operator: string, value: unknown): ((a: unknown) => boolean) | undefined {
  const op = Object.prototype.hasOwnProperty.call(OPERATOR_TABLE, operator) ? OPERATOR_TABLE[operator] : undefined;
  if (!op) return undefined;
  const { fn, guard } = op;
  if (typeof value === "number" && guard === numberGuard) {
    // Same verdicts as the guarded form, without the string round trip for numeric facts.
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
