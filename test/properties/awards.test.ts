import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createEngine, type Fact, type Group } from "thidua";
import { fullFactsArb, partialFactsArb } from "../support/arbitraries.js";
import { loadNational } from "../support/rules.js";

const rs = loadNational();
const engine = createEngine(rs);
const individualAwards = rs.awards.filter((a) => a.groups.includes("individual")).map((a) => a.id);
const collectiveAwards = rs.awards.filter((a) => a.groups.includes("enterprise")).map((a) => a.id);

const historyArb = (ids: string[]) =>
  fc.option(fc.uniqueArray(fc.record({ year: fc.integer({ min: 2019, max: 2024 }), awards: fc.subarray(ids, { maxLength: 3 }) }), { selector: (h) => h.year, maxLength: 6 }), { nil: undefined });

const cohortArb = (group: Group, partial = false) =>
  fc.uniqueArray(
    fc.record({
      id: fc.stringMatching(/^u[0-9]{1,3}$/),
      facts: partial ? partialFactsArb(rs, group) : fullFactsArb(rs, group),
      history: historyArb(group === "individual" ? individualAwards : collectiveAwards),
      cohort: fc.constantFrom("cum-1", "cum-2"),
    }),
    { selector: (p) => p.id, minLength: 2, maxLength: 14 },
  ).map((list) => list.map((p) => ({ id: p.id, name: `Đơn vị ${p.id}`, group, year: 2025, cohort: p.cohort, facts: p.facts, ...(p.history && { history: p.history }) })));

const anyCohort = fc.oneof(cohortArb("individual"), cohortArb("enterprise"), cohortArb("individual", true), cohortArb("front"));
const canon = (r: ReturnType<typeof engine.recommend>) => JSON.stringify(r.results);

function improve(f: Fact, v: unknown): unknown {
  if (f.better === "none") return undefined;
  const up = f.better === "higher";
  if (f.type === "boolean") return v === !up ? up : undefined;
  if (f.type === "integer") {
    const n = up ? Math.min((v as number) + 3, f.max ?? Infinity) : Math.max(0, f.min ?? 0);
    return n === v ? undefined : n;
  }
  if (f.type === "ratio") return up ? 1 : 0;
  return undefined;
}

describe("awards and ranking invariants", () => {
  it("a quota is never exceeded", () => {
    fc.assert(
      fc.property(anyCohort, (profiles) => {
        const r = engine.recommend(profiles, { asOf: "2025-12-31" });
        for (const c of r.cohorts) {
          for (const q of c.quotas) {
            const holders = r.results.filter((x) => x.cohort === c.cohort && x.eligibility.some((e) => e.award === q.award && e.granted));
            expect(holders.length, q.award).toBeLessThanOrEqual(q.allowed);
            expect(holders.length).toBe(q.granted);
          }
        }
      }),
      { numRuns: 300, seed: 51 },
    );
  });

  it("permuting the input changes nothing (byte for byte)", () => {
    fc.assert(
      fc.property(anyCohort.chain((p) => fc.tuple(fc.constant(p), fc.shuffledSubarray(p, { minLength: p.length, maxLength: p.length }))), ([a, b]) => {
        expect(canon(engine.recommend(b, { asOf: "2025-12-31" }))).toBe(canon(engine.recommend(a, { asOf: "2025-12-31" })));
      }),
      { numRuns: 200, seed: 52 },
    );
  });

  it("ties always break the same way: ranks are 1..n, and equal scores are ordered by the documented chain", () => {
    fc.assert(
      fc.property(anyCohort, (profiles) => {
        const r = engine.recommend(profiles, { asOf: "2025-12-31" });
        for (const c of r.cohorts) {
          const list = r.results.filter((x) => x.cohort === c.cohort);
          expect(list.map((x) => x.rank)).toEqual(list.map((_, i) => i + 1));
          list.forEach((x, i) => {
            if (i === 0) return expect(x.decidedBy).toBeNull();
            const prev = list[i - 1]!;
            expect(Number(prev.score)).toBeGreaterThanOrEqual(Number(x.score));
            if (prev.score !== x.score) expect(x.decidedBy).toBe("score");
            else expect(x.decidedBy).not.toBe("score");
            if (x.decidedBy === "unitId") expect(prev.unitId < x.unitId).toBe(true);
          });
        }
      }),
      { numRuns: 200, seed: 53 },
    );
  });

  it("raising one unit's score never lowers its rank or its award", () => {
    const precedence = new Map(rs.awards.map((a) => [a.id, a.precedence]));
    fc.assert(
      fc.property(fc.oneof(cohortArb("individual"), cohortArb("enterprise")), fc.nat(), fc.nat(), (profiles, who, pick) => {
        const p = profiles[who % profiles.length]!;
        const facts = rs.facts.filter((f) => f.groups.includes(p.group) && improve(f, p.facts[f.id]) !== undefined);
        fc.pre(facts.length > 0);
        const f = facts[pick % facts.length]!;
        const better = { ...p, facts: { ...p.facts, [f.id]: improve(f, p.facts[f.id]) } };
        const before = engine.recommend(profiles, { asOf: "2025-12-31" }).results.find((x) => x.unitId === p.id)!;
        const after = engine.recommend(profiles.map((x) => (x === p ? better : x)), { asOf: "2025-12-31" }).results.find((x) => x.unitId === p.id)!;
        fc.pre(Number(after.score) > Number(before.score));
        expect(after.rank, f.id).toBeLessThanOrEqual(before.rank);
        const prec = (r: typeof before) => (r.award ? precedence.get(r.award.id)! : -1);
        expect(prec(after), f.id).toBeGreaterThanOrEqual(prec(before));
      }),
      { numRuns: 400, seed: 54 },
    );
  });
});
