import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileCondition, traceCondition } from "thidua/conditions";
import { referenceEngine } from "../support/jre.js";

/** A small typed fact universe; conditions are generated over it, sometimes with ill-typed values on purpose. */
const FACTS = {
  n: fc.integer({ min: -5, max: 30 }),
  r: fc.constantFrom(0, 0.25, 0.5, 0.7, 1),
  b: fc.boolean(),
  e: fc.constantFrom("a", "b", "c"),
  s: fc.subarray(["x", "y", "z"]),
  d: fc.constantFrom("2025-01-15", "2025-03-31", "2025-04-01", "2026-01-01"),
  o: fc.record({ k: fc.integer({ min: 0, max: 10 }), f: fc.boolean() }),
  // keys that need quoting in a path, and a list that is never empty (json-rules-engine reads `$[*]` of [] as undefined)
  q: fc.record({ "a.b": fc.integer({ min: 0, max: 10 }), "c-d": fc.integer({ min: 0, max: 10 }) }),
  t: fc.subarray(["x", "y", "z", "a"], { minLength: 1 }),
};
const factsArb = fc.record(FACTS);
const partialFactsArb = fc.record(FACTS, { requiredKeys: [] });

const scalar = fc.oneof(fc.integer({ min: -5, max: 30 }), fc.constantFrom(0.5, 0.7, "a", "b", "x", true, false, "2025-03-31", null));
const leafArb = fc.oneof(
  fc.record({ fact: fc.constantFrom("n", "r", "d"), operator: fc.constantFrom("lessThan", "lessThanInclusive", "greaterThan", "greaterThanInclusive", "equal", "notEqual"), value: scalar }),
  fc.record({ fact: fc.constantFrom("e", "n", "b"), operator: fc.constantFrom("in", "notIn"), value: fc.array(scalar, { minLength: 1, maxLength: 3 }) }),
  fc.record({ fact: fc.constantFrom("s", "e"), operator: fc.constantFrom("contains", "doesNotContain"), value: scalar }),
  fc.record({ fact: fc.constantFrom("b", "e"), operator: fc.constantFrom("equal", "notEqual"), value: scalar }),
  fc.record({ fact: fc.constant("o"), path: fc.constantFrom("$.k", "$.f"), operator: fc.constantFrom("equal", "greaterThan", "lessThanInclusive"), value: scalar }),
  // wildcard paths and quoted keys, as json-rules-engine (jsonpath-plus, wrap: false) reads them
  fc.record({ fact: fc.constantFrom("o", "q", "t"), path: fc.constantFrom("$[*]", "$.*"), operator: fc.constantFrom("contains", "doesNotContain", "equal", "notEqual"), value: scalar }),
  fc.record({ fact: fc.constantFrom("o", "q", "t"), path: fc.constantFrom("$[*]", "$.*"), operator: fc.constantFrom("in", "notIn"), value: fc.array(scalar, { minLength: 1, maxLength: 2 }) }),
  fc.record({ fact: fc.constant("q"), path: fc.constantFrom("$['a.b']", '$["c-d"]', "$['c-d']"), operator: fc.constantFrom("equal", "greaterThan", "lessThanInclusive"), value: scalar }),
  // fact-to-fact comparisons: value { fact, path? } (in / notIn against a list-valued fact: json-rules-engine throws on any other)
  fc.record({
    fact: fc.constantFrom("n", "r", "d", "e", "b"),
    operator: fc.constantFrom("lessThan", "lessThanInclusive", "greaterThan", "greaterThanInclusive", "equal", "notEqual"),
    value: fc.constantFrom({ fact: "n" }, { fact: "r" }, { fact: "o", path: "$.k" }, { fact: "q", path: "$['a.b']" }, { fact: "d" }, { fact: "e" }, { fact: "b" }, { fact: "t", path: "$[*]" }),
  }),
  fc.record({ fact: fc.constantFrom("e", "n"), operator: fc.constantFrom("in", "notIn"), value: fc.constantFrom({ fact: "s" }, { fact: "t" }, { fact: "t", path: "$[*]" }, { fact: "q", path: "$[*]" }) }),
  fc.record({ fact: fc.constantFrom("s", "t"), operator: fc.constantFrom("contains", "doesNotContain"), value: fc.constantFrom({ fact: "e" }, { fact: "o", path: "$.f" }, { fact: "n" }) }),
  fc.record({ fact: fc.constantFrom("o", "q", "t"), path: fc.constant("$[*]"), operator: fc.constantFrom("contains", "doesNotContain"), value: fc.constantFrom({ fact: "e" }, { fact: "o", path: "$.k" }, { fact: "n" }) }),
);
const condArb: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  node: fc.oneof({ maxDepth: 4, depthIdentifier: "c" }, leafArb, leafArb, fc.record({ all: fc.array(tie("node"), { minLength: 1, maxLength: 4 }) }), fc.record({ any: fc.array(tie("node"), { minLength: 1, maxLength: 4 }) }), fc.record({ not: tie("node") })),
})).node;

describe("compiled evaluator vs json-rules-engine (random conditions)", () => {
  it("agrees on every condition when all facts are present", async () => {
    await fc.assert(
      fc.asyncProperty(condArb, factsArb, async (cond, facts) => {
        const ours = compileCondition(cond as never)(facts);
        const ref = await referenceEngine([{ id: "c", cond }])(facts);
        expect(ours).toBe(ref.get("c"));
      }),
      { numRuns: 1500, seed: 20251106 },
    );
  });
});

describe("compiled evaluator vs tracing interpreter", () => {
  it("give the same verdict, unknowns included", () => {
    fc.assert(
      fc.property(condArb, partialFactsArb, (cond, facts) => {
        const ours = compileCondition(cond as never)(facts);
        const trace = traceCondition(cond as never, (id) => (facts as Record<string, unknown>)[id]);
        expect(trace.result).toBe(ours);
      }),
      { numRuns: 3000, seed: 7 },
    );
  });

  it("filling a missing fact only turns unknown into true/false, never flips a settled verdict", () => {
    fc.assert(
      fc.property(condArb, factsArb, fc.constantFrom(...Object.keys(FACTS)), (cond, facts, drop) => {
        const full = compileCondition(cond as never)(facts);
        const partial = { ...facts } as Record<string, unknown>;
        delete partial[drop];
        const p = compileCondition(cond as never)(partial);
        if (p !== "unknown") expect(p).toBe(full);
      }),
      { numRuns: 3000, seed: 11 },
    );
  });

  it("double negation and De Morgan hold in three-valued logic", () => {
    fc.assert(
      fc.property(condArb, condArb, partialFactsArb, (a, b, facts) => {
        const ev = (c: unknown) => compileCondition(c as never)(facts);
        expect(ev({ not: { not: a } })).toBe(ev(a));
        expect(ev({ not: { all: [a, b] } })).toBe(ev({ any: [{ not: a }, { not: b }] }));
        expect(ev({ all: [a, b] })).toBe(ev({ all: [b, a] }));
      }),
      { numRuns: 2000, seed: 3 },
    );
  });
});
