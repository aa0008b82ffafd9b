import { describe, expect, it } from "vitest";
import { compileCondition, safeCompileCondition } from "./compile.js";
import { traceCondition } from "./interpret.js";
import { ThiduaError } from "../errors/index.js";

const leaf = (fact: string, operator: string, value: unknown, path?: string) => ({ fact, operator, value, ...(path && { path }) }) as never;

describe("compileCondition", () => {
  it("applies json-rules-engine operators", () => {
    const f = { n: 5, s: "b", arr: ["x", "y"], d: "2025-03-31" };
    const cases: [string, unknown, string, boolean][] = [
      ["n", 5, "equal", true], ["n", "5", "equal", false], ["n", 4, "notEqual", true],
      ["n", 5, "lessThan", false], ["n", 5, "lessThanInclusive", true], ["n", 4, "greaterThan", true], ["n", 6, "greaterThanInclusive", false],
      ["s", ["a", "b"], "in", true], ["s", ["a"], "notIn", true], ["arr", "x", "contains", true], ["arr", "z", "doesNotContain", true],
      ["s", "s", "contains", false], // guard: contains needs an array fact
      ["d", "2025-04-01", "lessThan", true], // ISO dates compare as strings, as in json-rules-engine
    ];
    for (const [fact, value, op, want] of cases) {
      expect(compileCondition({ all: [leaf(fact, op, value)] })(f), `${fact} ${op} ${JSON.stringify(value)}`).toBe(want);
    }
  });

  it("numeric operators are false on non-numeric facts (json-rules-engine's guard)", () => {
    expect(compileCondition(leaf("b", "greaterThan", 0))({ b: true })).toBe(false);
    expect(compileCondition(leaf("b", "lessThan", 10))({ b: "abc" })).toBe(false);
  });

  it("treats absent, null and undefined facts as unknown, never false", () => {
    const c = compileCondition(leaf("x", "notEqual", 1));
    expect(c({})).toBe("unknown");
    expect(c({ x: null })).toBe("unknown");
    expect(c({ x: undefined })).toBe("unknown");
    expect(c({ x: 2 })).toBe(true);
  });

  it("follows Kleene logic in all / any / not", () => {
    const t = leaf("t", "equal", true);
    const f = leaf("f", "equal", true);
    const u = leaf("u", "equal", true);
    const facts = { t: true, f: false };
    const ev = (c: unknown) => compileCondition(c as never)(facts);
    expect(ev({ all: [t, u] })).toBe("unknown");
    expect(ev({ all: [u, f] })).toBe(false);
    expect(ev({ any: [u, t] })).toBe(true);
    expect(ev({ any: [u, f] })).toBe("unknown");
    expect(ev({ not: u })).toBe("unknown");
    expect(ev({ not: f })).toBe(true);
    expect(ev({ not: { not: t } })).toBe(true);
  });

  it("reads paths into object facts, own properties only", () => {
    const c = compileCondition(leaf("g", "greaterThanInclusive", 10, "$.members"));
    expect(c({ g: { members: 12 } })).toBe(true);
    expect(c({ g: { count: 1 } })).toBe("unknown");
    expect(compileCondition(leaf("g", "equal", 3, "$.list[1]"))({ g: { list: [1, 3] } })).toBe(true);
    expect(compileCondition(leaf("g", "equal", "x", "$.toString"))({ g: {} })).toBe("unknown");
  });

  it("does not read inherited properties as facts", () => {
    expect(compileCondition(leaf("constructor", "equal", 1))({})).toBe("unknown");
  });

  it("rejects malformed conditions with issues, not crashes", () => {
    const bad = safeCompileCondition({ all: [leaf("x", "matches", 1), leaf("y", "equal", 1, "$..a"), { condition: "shared" } as never] });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.issues.map((i) => i.code)).toEqual(["rules.unknown_operator", "rules.bad_path", "rules.unsupported_condition"]);
    expect(() => compileCondition(leaf("x", "regex", "a"))).toThrow(ThiduaError);
    expect(safeCompileCondition(leaf("x", "equal", { other: "y" })).ok).toBe(false);
  });

  it("compares two facts (json-rules-engine's value: { fact, path? }), unknown when either is missing", () => {
    const ge = compileCondition(leaf("a", "greaterThanInclusive", { fact: "b", path: "$.n" }));
    expect(ge({ a: 7, b: { n: 7 } })).toBe(true);
    expect(ge({ a: 6, b: { n: 7 } })).toBe(false);
    expect(ge({ a: 6 })).toBe("unknown");
    expect(ge({ b: { n: 1 } })).toBe("unknown");
    expect(compileCondition(leaf("s", "contains", { fact: "e" }))({ s: ["x", "y"], e: "y" })).toBe(true);
  });

  it("reads wildcard paths and quoted keys as json-rules-engine does", () => {
    expect(compileCondition(leaf("o", "contains", 2, "$[*]"))({ o: { a: 1, b: 2 } })).toBe(true);
    expect(compileCondition(leaf("o", "contains", 3, "$.*"))({ o: { a: 1, b: 2 } })).toBe(false);
    expect(compileCondition(leaf("o", "contains", 3, "$[*]"))({ o: {} })).toBe("unknown"); // nothing selected
    expect(compileCondition(leaf("s", "doesNotContain", "x", "$[*]"))({ s: [] })).toBe(true); // a known empty set
    expect(compileCondition(leaf("o", "equal", 5, "$['a.b']"))({ o: { "a.b": 5 } })).toBe(true);
    expect(compileCondition(leaf("o", "equal", 5, "$[\"a-b\"]"))({ o: { "a-b": 5 } })).toBe(true);
  });
});

describe("traceCondition", () => {
  it("records each leaf with expected, actual and outcome in file order", () => {
    const t = traceCondition({ all: [leaf("a", "greaterThanInclusive", 3), leaf("b", "equal", true)] } as never, (id: string) => ({ a: 2 } as Record<string, unknown>)[id]);
    expect(t).toEqual({
      kind: "all",
      result: false,
      children: [
        { kind: "leaf", fact: "a", operator: "greaterThanInclusive", expected: 3, actual: 2, missing: false, result: false },
        { kind: "leaf", fact: "b", operator: "equal", expected: true, missing: true, result: "unknown" },
      ],
    });
  });

  it("sees a caller's edits to an unfrozen condition between two traces (no stale per-leaf cache)", () => {
    const cond = leaf("a", "greaterThanInclusive", 3) as { fact: string; operator: string; value: unknown; path?: string };
    const read = (id: string) => ({ a: 5, o: { n: 1 } } as Record<string, unknown>)[id];
    expect(traceCondition(cond as never, read)).toMatchObject({ result: true, actual: 5 });
    cond.value = 9;
    expect(traceCondition(cond as never, read)).toMatchObject({ result: false, expected: 9 });
    cond.fact = "o";
    cond.path = "$.n";
    cond.value = 1;
    expect(traceCondition(cond as never, read)).toMatchObject({ result: true, actual: 1, path: "$.n" });
  });

  it("gives the same trace for a frozen condition on every call (cached plan)", () => {
    const cond = Object.freeze(leaf("a", "lessThan", 3));
    const read = (id: string) => ({ a: 2 } as Record<string, unknown>)[id];
    const first = traceCondition(cond as never, read);
    expect(first).toMatchObject({ result: true, actual: 2 });
    expect(traceCondition(cond as never, read)).toEqual(first);
    expect(traceCondition(cond as never, () => 7)).toMatchObject({ result: false, actual: 7 });
  });
});
