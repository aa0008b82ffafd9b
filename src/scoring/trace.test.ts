import { describe, expect, it } from "vitest";
import { traceCriterion } from "./trace.js";

// a minimal criterion: only the fields traceCriterion reads
const criterion = (perUnit: { fact: string; path?: string; pointsPerUnit: number; cap?: number }) => ({ id: "t.1", maxPoints: 10, perUnit }) as never;

describe("traceCriterion per-unit counts", () => {
  it("records the count read, the rate and the cap (the criterion's maxPoints when the count has none)", () => {
    const t = traceCriterion(criterion({ fact: "n", pointsPerUnit: 2 }), { n: 3 });
    expect(t).toEqual({ perUnit: { fact: "n", actual: 3, missing: false, pointsPerUnit: 2, cap: 10 } });
    expect(Object.keys(t.perUnit!)).toEqual(["fact", "actual", "missing", "pointsPerUnit", "cap"]);
  });

  it("marks a missing count without an actual value", () => {
    const t = traceCriterion(criterion({ fact: "n", path: "$.k", pointsPerUnit: 1, cap: 4 }), { n: { other: 1 } });
    expect(t.perUnit).toEqual({ fact: "n", path: "$.k", missing: true, pointsPerUnit: 1, cap: 4 });
  });

  it("sees a caller's edit to an unfrozen per-unit path between two traces", () => {
    const pu: { fact: string; path?: string; pointsPerUnit: number } = { fact: "n", path: "$.a", pointsPerUnit: 1 };
    const facts = { n: { a: 1, b: 2 } };
    expect(traceCriterion(criterion(pu), facts).perUnit?.actual).toBe(1);
    pu.path = "$.b";
    expect(traceCriterion(criterion(pu), facts).perUnit?.actual).toBe(2);
  });
});
