import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { GROUPS, type Group, type RuleSet, type ScoreResult } from "thidua";
import { createProfileValidator, type ValidProfile } from "../../src/profiles/index.js";
import { compileRuleset, scoreProfile } from "../../src/scoring/index.js";
import { fullFactsArb, partialFactsArb, profileArb } from "../support/arbitraries.js";
import { LOCAL, loadNational } from "../support/rules.js";
import { loadRuleset } from "thidua/node";
import { referenceScoreProfile } from "../support/score-reference.js";

/**
 * `scoreProfile` shares result objects between units (criteria, contents, knock-outs, classes) and
 * reuses scratch space between calls: it must give the same bytes as the plain implementation it
 * replaced, leave earlier results untouched, and share only frozen objects.
 */
const local = loadRuleset(LOCAL);
if (!local.ok) throw new Error("local rule set");
const rulesets: [string, RuleSet][] = [["national", loadNational()], ["local", local.value]];
// in force, and after the local rule set's criteria with an `effectiveTo` have lapsed
const DATES = ["2025-12-31", "2026-01-15"] as const;

/** Every object reachable from a result that another result may hold too. */
function shareable(r: ScoreResult): object[] {
  return [...r.criteria, ...r.criteria.map((c) => c.missingFacts), ...r.contents, ...r.knockouts, ...(r.classification ? [r.classification] : [])];
}

/** The facts with some fields of each object fact left out. */
function dropFields(facts: Record<string, unknown>): fc.Arbitrary<Record<string, unknown>> {
  const objects = Object.entries(facts).filter((e): e is [string, Record<string, unknown>] => typeof e[1] === "object" && e[1] !== null && !Array.isArray(e[1]));
  const kept = objects.map(([k, o]) => fc.subarray(Object.keys(o)).map((keys) => [k, Object.fromEntries(keys.map((f) => [f, o[f]]))] as const));
  return fc.tuple(...kept).map((entries) => ({ ...facts, ...Object.fromEntries(entries) }));
}

describe.each(rulesets)("scoreProfile = the reference implementation (%s rule set)", (_, rs) => {
  const cr = compileRuleset(rs);
  const validator = createProfileValidator(rs);
  const groupArb = fc.constantFrom(...GROUPS);
  // object facts also lose fields: a criterion reading a field through a path then misses that fact
  const factsArb = (g: Group) => fc.oneof(partialFactsArb(rs, g), fullFactsArb(rs, g)).chain(dropFields);
  const batchArb = fc.array(
    groupArb.chain((g) => fc.tuple(profileArb(rs, g, factsArb(g)), fc.constantFrom(...DATES), fc.boolean())),
    { minLength: 1, maxLength: 25 },
  );

  it("same JSON with and without trace, earlier results unchanged by later calls, shared objects frozen", () => {
    const seen = new Set<object>();
    fc.assert(
      fc.property(batchArb, (batch) => {
        const done: { r: ScoreResult; json: string }[] = [];
        for (const [profile, asOf, trace] of batch) {
          const v = validator.validate(profile);
          if (!v.ok) continue;
          const p: ValidProfile = v.value;
          const r = scoreProfile(cr, p, { asOf, trace });
          const json = JSON.stringify(referenceScoreProfile(cr, p, { asOf, trace }));
          expect(JSON.stringify(r)).toBe(json);
          done.push({ r, json });
          for (const o of shareable(r)) {
            if (seen.has(o)) expect(Object.isFrozen(o), JSON.stringify(o)).toBe(true);
            seen.add(o);
          }
        }
        for (const { r, json } of done) expect(JSON.stringify(r)).toBe(json);
      }),
      { numRuns: 60, seed: 7 },
    );
  });

  it("a shared criterion result cannot be changed through one unit's result", () => {
    const [facts] = fc.sample(fullFactsArb(rs, "province"), { numRuns: 1, seed: 3 });
    const p = validator.validate({ id: "a", name: "A", group: "province", year: 2025, facts });
    const q = validator.validate({ id: "b", name: "B", group: "province", year: 2025, facts });
    if (!p.ok || !q.ok) throw new Error("profiles");
    const a = scoreProfile(cr, p.value, { asOf: DATES[0], trace: false });
    const b = scoreProfile(cr, q.value, { asOf: DATES[0], trace: false });
    const shared = a.criteria.filter((c, i) => c === b.criteria[i]);
    expect(shared.length).toBeGreaterThan(0);
    for (const c of shared) expect(() => Object.assign(c, { points: "99" })).toThrow(TypeError);
    expect(JSON.stringify(b)).toBe(JSON.stringify(referenceScoreProfile(cr, q.value, { asOf: DATES[0], trace: false })));
  });
});
