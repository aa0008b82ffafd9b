import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createEngine, GROUPS, type Condition, type Group } from "thidua";
import { compileCondition } from "thidua/conditions";
import { fullFactsArb } from "../support/arbitraries.js";
import { referenceEngine } from "../support/jre.js";
import { loadNational } from "../support/rules.js";

/**
 * The national rule set's conditions run through json-rules-engine itself and through thidua's
 * compiled evaluator, on profiles generated from the fact catalog with every fact present: every
 * condition tree and every criterion's outcome must agree. 2,000 profiles per subject group.
 */
const rs = loadNational();
const engine = createEngine(rs);
const RUNS_PER_GROUP = 2_000;

function treesOf(group: Group) {
  const trees: { id: string; cond: Condition; criterion: string; role: string }[] = [];
  for (const c of rs.criteria.filter((x) => x.group === group)) {
    if (c.appliesWhen) trees.push({ id: `${c.id}/appliesWhen`, cond: c.appliesWhen, criterion: c.id, role: "appliesWhen" });
    if (c.conditions) trees.push({ id: `${c.id}/conditions`, cond: c.conditions, criterion: c.id, role: "conditions" });
    c.tiers?.forEach((t, i) => trees.push({ id: `${c.id}/tier${i}`, cond: t.conditions, criterion: c.id, role: `tier${i}` }));
    for (const a of [...(c.bonus ?? []), ...(c.deductions ?? [])]) if (a.conditions) trees.push({ id: `${c.id}/${a.id}`, cond: a.conditions, criterion: c.id, role: a.id });
  }
  for (const a of rs.awards.filter((x) => x.groups.includes(group) && x.eligibility.conditions)) {
    trees.push({ id: `${a.id}/eligibility`, cond: a.eligibility.conditions!, criterion: a.id, role: "eligibility" });
  }
  return trees;
}

describe("compiled evaluation vs json-rules-engine on the national rule set", () => {
  it.each(GROUPS.map((g) => [g]))("%s: every condition and criterion outcome agrees", async (group) => {
    const trees = treesOf(group);
    expect(trees.length).toBeGreaterThan(0);
    const compiled = trees.map((t) => compileCondition(t.cond));
    const reference = referenceEngine(trees);
    await fc.assert(
      fc.asyncProperty(fullFactsArb(rs, group), async (facts) => {
        const ref = await reference(facts);
        trees.forEach((t, i) => expect(compiled[i]!(facts), t.id).toBe(ref.get(t.id)));
        const scored = engine.score({ id: "x", name: "x", group, year: 2025, facts }, { trace: false });
        for (const c of scored.criteria) {
          const def = rs.criteria.find((x) => x.id === c.id)!;
          if (def.appliesWhen && ref.get(`${c.id}/appliesWhen`) === false) {
            expect(c.status, c.id).toBe("not_applicable");
            continue;
          }
          expect(c.status, c.id).not.toBe("unknown"); // all facts present: nothing is unknown
          if (def.conditions) expect(c.status === "met", c.id).toBe(ref.get(`${c.id}/conditions`));
          if (def.tiers) {
            const best = def.tiers.map((tier, i) => (ref.get(`${c.id}/tier${i}`) ? tier.points : -1)).reduce((a, b) => Math.max(a, b), -1);
            expect(c.tier === undefined ? -1 : def.tiers[c.tier]!.points, c.id).toBe(best);
          }
        }
      }),
      { numRuns: RUNS_PER_GROUP, seed: 2447 },
    );
  });
});
