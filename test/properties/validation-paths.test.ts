import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createProfileValidator } from "../../src/profiles/index.js";
import { GROUPS } from "thidua";
import { factArb, partialFactsArb } from "../support/arbitraries.js";
import { loadNational } from "../support/rules.js";

const rs = loadNational();
const v = createProfileValidator(rs);
const factIds = rs.facts.map((f) => f.id);

/** Profiles near the boundary of validity: valid ones, and ones with one field or fact broken. */
const nearValid = fc.constantFrom(...GROUPS).chain((group) =>
  fc.record({
    id: fc.oneof(fc.string({ minLength: 1, maxLength: 8 }), fc.constantFrom("", "x".repeat(129))),
    name: fc.oneof(fc.constant("Đơn vị"), fc.constantFrom("", 5 as unknown as string)),
    group: fc.oneof(fc.constant(group), fc.constantFrom("district", "ministry", "individual")),
    year: fc.oneof(fc.constant(2025), fc.constantFrom(1900, 2025.5, Number.NaN, "2025" as unknown as number)),
    cohort: fc.option(fc.oneof(fc.constant("cum-1"), fc.constantFrom("", 7 as unknown as string)), { nil: undefined }),
    facts: fc.oneof(
      partialFactsArb(rs, group),
      fc.tuple(partialFactsArb(rs, group), fc.constantFrom(...factIds, "x.y", "constructor"), fc.oneof(fc.anything({ maxDepth: 1 }), ...rs.facts.slice(0, 30).map(factArb))).map(([f, k, val]) => ({ ...f, [k]: val })),
    ),
    history: fc.option(fc.array(fc.record({ year: fc.integer({ min: 1940, max: 2030 }), awards: fc.array(fc.constantFrom("award.giay-khen", "x"), { maxLength: 2 }) }), { maxLength: 3 }), { nil: undefined }),
  }, { requiredKeys: ["id", "name", "group", "year", "facts"] }),
);

describe("profile validation: hand-compiled fast path vs zod schema", () => {
  it("accept exactly the same profiles", () => {
    fc.assert(
      fc.property(fc.oneof(nearValid, fc.anything({ maxDepth: 3 })), (p) => {
        expect(v.fastAccepts(p)).toBe(v.slowAccepts(p));
      }),
      { numRuns: 20_000, seed: 99 },
    );
  });
});
