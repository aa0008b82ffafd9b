import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createEngine, GROUPS, type Fact, type Group, type ScoreResult } from "thidua";
import { fullFactsArb, partialFactsArb, profileArb } from "../support/arbitraries.js";
import { loadNational } from "../support/rules.js";

const rs = loadNational();
const engine = createEngine(rs);
const num = (s: string) => Number(s);
const evalFacts = (group: Group, facts: Record<string, unknown>): ScoreResult =>
  engine.score({ id: "p", name: "Đơn vị", group, year: 2025, facts }, { trace: false });
const groupArb = fc.constantFrom(...GROUPS);

/** A strictly better value in the fact's `better` direction, or undefined if there is none. */
function improve(f: Fact, v: unknown): unknown {
  if (f.better === "none") return undefined;
  const up = f.better === "higher";
  if (f.type === "boolean") return v === !up ? up : undefined;
  if (f.type === "integer" || f.type === "number") {
    const n = (v as number) + (up ? 1 : -1);
    return (f.min !== undefined && n < f.min) || (f.max !== undefined && n > f.max) ? undefined : n;
  }
  if (f.type === "ratio") {
    const n = Math.round(((v as number) + (up ? 0.1 : -0.1)) * 100) / 100;
    return n < 0 || n > 1 ? undefined : n;
  }
  return undefined;
}

describe("scoring invariants (national rule set)", () => {
  it("0 ≤ score ≤ potentialScore ≤ maxScore, and points stay within each criterion", () => {
    fc.assert(
      fc.property(groupArb.chain((g) => fc.tuple(fc.constant(g), partialFactsArb(rs, g))), ([g, facts]) => {
        const r = evalFacts(g, facts);
        expect(num(r.score)).toBeGreaterThanOrEqual(0);
        expect(num(r.score)).toBeLessThanOrEqual(num(r.potentialScore));
        expect(num(r.potentialScore)).toBeLessThanOrEqual(num(r.maxScore));
        expect(num(r.nominalMax)).toBeLessThanOrEqual(num(r.maxScore));
        for (const c of r.criteria) {
          expect(num(c.points)).toBeGreaterThanOrEqual(0);
          if (num(c.bonus) === 0) expect(num(c.points), c.id).toBeLessThanOrEqual(num(c.maxPoints));
        }
      }),
      { numRuns: 1500, seed: 1 },
    );
  });

  it("improving a fact in its `better` direction never lowers the score", () => {
    fc.assert(
      fc.property(groupArb.chain((g) => fc.tuple(fc.constant(g), fullFactsArb(rs, g), fc.nat())), ([g, facts, pick]) => {
        const candidates = rs.facts.filter((f) => f.groups.includes(g) && improve(f, facts[f.id]) !== undefined);
        fc.pre(candidates.length > 0);
        const f = candidates[pick % candidates.length]!;
        const before = evalFacts(g, facts);
        const after = evalFacts(g, { ...facts, [f.id]: improve(f, facts[f.id]) });
        expect(num(after.score), `${f.id}: ${JSON.stringify(facts[f.id])} → ${JSON.stringify(improve(f, facts[f.id]))}`).toBeGreaterThanOrEqual(num(before.score));
      }),
      { numRuns: 3000, seed: 2 },
    );
  });

  it("removing a fact only turns settled statuses into unknown, and the score is a lower bound of the complete one", () => {
    fc.assert(
      fc.property(groupArb.chain((g) => fc.tuple(fc.constant(g), fullFactsArb(rs, g), fc.nat())), ([g, facts, pick]) => {
        const keys = Object.keys(facts);
        const drop = keys[pick % keys.length]!;
        const full = evalFacts(g, facts);
        const partial = { ...facts };
        delete partial[drop];
        const part = evalFacts(g, partial);
        part.criteria.forEach((c, i) => {
          const was = full.criteria[i]!;
          if (c.status !== "unknown") expect(c.status, `${c.id} without ${drop}`).toBe(was.status);
          if (was.status === "not_met") expect(c.status).not.toBe("met");
        });
        expect(num(part.score)).toBeLessThanOrEqual(num(full.score));
        expect(num(part.potentialScore)).toBeGreaterThanOrEqual(num(full.score));
        if (!full.missingFacts.length) expect(full.potentialScore).toBe(full.score);
      }),
      { numRuns: 3000, seed: 3 },
    );
  });

  it("key order and profile order never change a result; the same input gives byte-identical output", () => {
    fc.assert(
      fc.property(groupArb.chain((g) => fc.array(profileArb(rs, g), { minLength: 1, maxLength: 6 })), (profiles) => {
        const unique = profiles.map((p, i) => ({ ...p, id: `${p.id}-${i}` }));
        const reversedKeys = unique.map((p) => ({ ...p, facts: Object.fromEntries(Object.entries(p.facts).reverse()) }));
        const a = engine.scoreMany(unique, { asOf: "2025-12-31" });
        const b = engine.scoreMany([...reversedKeys].reverse(), { asOf: "2025-12-31" });
        const byId = (x: typeof a) => JSON.stringify([...x.results].sort((p, q) => (p.unitId < q.unitId ? -1 : 1)));
        expect(byId(b)).toBe(byId(a));
        expect(JSON.stringify(engine.scoreMany(unique, { asOf: "2025-12-31" }))).toBe(JSON.stringify(a));
      }),
      { numRuns: 300, seed: 4 },
    );
  });

  it("the fast path and the tracing interpreter agree on every criterion", () => {
    fc.assert(
      fc.property(groupArb.chain((g) => fc.tuple(fc.constant(g), partialFactsArb(rs, g))), ([g, facts]) => {
        const r = engine.score({ id: "p", name: "x", group: g, year: 2025, facts });
        for (const c of r.criteria) {
          if (!c.trace || c.trace.appliesWhen?.result === "unknown") continue;
          const def = rs.criteria.find((x) => x.id === c.id)!;
          const t = c.trace;
          if (t.conditions) {
            const want = t.conditions.result === true ? "met" : t.conditions.result === false ? "not_met" : "unknown";
            expect(c.status, c.id).toBe(want);
          }
          if (t.tiers && !def.bonus && !def.deductions) {
            const best = t.tiers.reduce((m, tier) => (tier.conditions.result === true ? Math.max(m, tier.points) : m), 0);
            expect(num(c.points), c.id).toBe(best);
          }
        }
      }),
      { numRuns: 1000, seed: 5 },
    );
  });
});
