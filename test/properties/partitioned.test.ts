import fc from "fast-check";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createEngine } from "thidua";
import { partitionKey, recommendPartitioned, type CohortDecision, type IndexedProfile, type PartitionRows } from "thidua/stream";
import { fullFactsArb, partialFactsArb } from "../support/arbitraries.js";
import { loadLocal } from "../support/rules.js";

/**
 * Partitioning invariance: however the input is split (any number of partitions, any assignment of
 * cohorts to them, any order, each partition in one iterable or grouped by cohort), `recommendPartitioned` and its public steps give exactly what
 * `recommend` gives on the whole input — every unit, cohort summary, run-wide quota and rejected row.
 */
// Khánh Hòa's set: it extends the national one and switches on the 15% and 20% quotas, so quotas are exercised
const rs = loadLocal();
const engine = createEngine(rs);
const provinces = JSON.parse(readFileSync(new URL("../../fixtures/profiles/province.json", import.meta.url), "utf8"));
const strong = provinces.find((p: { id: string }) => p.id === "pv-quang-ninh");

const unitArb = fc.oneof(
  fc.record({ group: fc.constant("province" as const), facts: fullFactsArb(rs, "province") }),
  fc.record({ group: fc.constant("enterprise" as const), facts: partialFactsArb(rs, "enterprise") }),
  fc.record({ group: fc.constant("individual" as const), facts: fullFactsArb(rs, "individual") }),
  { arbitrary: fc.constant({ group: "province" as const, facts: strong.facts, history: strong.history }), weight: 4 }, // a Government-flag candidate
  fc.constant({ group: "front" as const, facts: { notAFact: 1 } }), // rejected
);
const inputArb = fc.array(fc.record({ unit: unitArb, id: fc.integer({ min: 0, max: 40 }), cohort: fc.constantFrom("cum-1", "cum-2", "cum-3", "Cụm Tây Nguyên".normalize("NFD"), "Cụm Tây Nguyên") }), { minLength: 1, maxLength: 60 }).map((rows) =>
  rows.map(({ unit, id, cohort }) => ({ id: `u-${id}`, name: `Đơn vị ${id}`, year: 2025, cohort, ...unit })),
);

describe("recommendPartitioned", () => {
  it("gives recommend's results for any partitioning", () => {
    let withCandidates = 0;
    fc.assert(
      fc.property(inputArb, fc.integer({ min: 1, max: 6 }), fc.integer(), fc.boolean(), fc.boolean(), (profiles, k, salt, reverse, grouped) => {
        const opts = { asOf: "2025-12-31" };
        const whole = engine.recommend(profiles, opts);
        if ((whole.runQuotas[0]?.candidates ?? 0) > 1) withCandidates++;
        // cohorts to partitions by a salted hash of their key; partitions in either order
        const parts: IndexedProfile[][] = Array.from({ length: k }, () => []);
        profiles.forEach((profile, index) => {
          let h = salt;
          for (const ch of partitionKey(profile)) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0;
          parts[Math.abs(h) % k]!.push({ index, profile });
        });
        if (reverse) parts.reverse();
        // or each partition given cohort by cohort (CohortGroups), its groups in reverse order of first appearance
        const groupedParts = parts.map((rows): PartitionRows => {
          if (!grouped) return rows;
          const groups = new Map<string, IndexedProfile[]>();
          for (const r of rows) groups.set(partitionKey(r.profile), [...(groups.get(partitionKey(r.profile)) ?? []), r]);
          return { groups: [...groups.values()].reverse() };
        });
        const byKey = new Map<string, CohortDecision>();
        const run = recommendPartitioned(engine, () => groupedParts, (c) => {
          expect(byKey.has(c.summary.key)).toBe(false); // each cohort handed over once
          byKey.set(c.summary.key, c);
        }, opts);
        expect(run.cohorts).toEqual(whole.cohorts);
        expect(run.runQuotas).toEqual(whole.runQuotas);
        expect(run.rejected).toEqual(whole.rejected);
        expect(run.scored).toBe(whole.results.length);
        expect(JSON.stringify(run.cohorts.flatMap((c) => byKey.get(c.key)!.results))).toBe(JSON.stringify(whole.results));
      }),
      { numRuns: Number(process.env["FUZZ_RUNS"] ?? 40), seed: 2447 },
    );
    expect(withCandidates).toBeGreaterThan(10); // the run-wide quota's revisit pass was exercised
  });
});
