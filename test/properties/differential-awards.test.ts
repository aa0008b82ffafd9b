import fc from "fast-check";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { GROUPS, type Group, type RuleSet } from "thidua";
import { compileAwards, recommendCohort, runPositionKey, type Recommendation, type RunQuotaDecision } from "../../src/awards/index.js";
import { createProfileValidator, type ValidProfile } from "../../src/profiles/index.js";
import { cohortKey } from "../../src/ranking/index.js";
import { compileRuleset, scoreProfile, type ScoreResult } from "../../src/scoring/index.js";
import { fullFactsArb, partialFactsArb } from "../support/arbitraries.js";
import { referenceRecommendCohort } from "../support/reference-awards.js";
import { loadNational } from "../support/rules.js";

/**
 * The award pass (`recommendCohort`: ranking, statuses, checks, proposals, near misses, missing
 * evidence, quotas) against a verbatim copy of it from before it was optimised: over generated
 * cohorts of every group — partial and complete facts, random history and initiatives, the fixture
 * profiles (which reach the high awards) and run-wide quota positions — the results and quotas must
 * serialise to the same bytes, and every object must have the same own properties in the same order,
 * getters where the reference has getters (the lazy `unmet` of a conditions check).
 */
const rs: RuleSet = loadNational();
const compiled = compileRuleset(rs);
const awards = compileAwards(rs, compiled.slots);
const validator = createProfileValidator(rs);
const fixtures: Record<string, { facts: Record<string, unknown>; history?: unknown; initiatives?: unknown }[]> = Object.fromEntries(
  GROUPS.map((g) => [g, JSON.parse(readFileSync(new URL(`../../fixtures/profiles/${g}.json`, import.meta.url), "utf8"))]),
);
const awardIds = (g: Group) => rs.awards.filter((a) => a.groups.includes(g)).map((a) => a.id);
const initiativeArb = fc.array(fc.constantFrom("sk-1", "sk-2", "sk-3", "sk-4"), { maxLength: 3 }).map((a) => [...new Set(a)]);
const historyArb = (g: Group) =>
  fc.option(
    fc.uniqueArray(fc.record({ year: fc.integer({ min: 2016, max: 2025 }), awards: fc.oneof(fc.subarray(awardIds(g), { maxLength: Math.min(4, awardIds(g).length) }), fc.subarray(rs.awards.map((a) => a.id), { maxLength: 3 })), initiatives: fc.option(initiativeArb, { nil: undefined }) }, { requiredKeys: ["year", "awards"] }), {
      selector: (h) => h.year,
      maxLength: 8,
    }),
    { nil: undefined },
  );

/** Consecutive past years up to last year, each with some of the group's awards: history checks that count streaks. */
const recentHistoryArb = (g: Group) =>
  fc.array(fc.subarray(awardIds(g)), { minLength: 1, maxLength: 6 }).map((years) => years.map((awards, i) => ({ year: 2024 - i, awards })));

/** One unit of a group: generated facts (complete or partial) or a fixture profile's facts; history and initiatives generated or the fixture's. */
const unitArb = (g: Group) =>
  fc.record({
    id: fc.stringMatching(/^u[0-9]{1,2}$/),
    source: fc.oneof(
      { arbitrary: fullFactsArb(rs, g).map((facts) => ({ facts }) as { facts: Record<string, unknown>; history?: unknown; initiatives?: unknown }), weight: 3 },
      { arbitrary: partialFactsArb(rs, g).map((facts) => ({ facts }) as { facts: Record<string, unknown>; history?: unknown; initiatives?: unknown }), weight: 2 },
      { arbitrary: fc.constantFrom(...fixtures[g]!), weight: 3 },
    ),
    history: fc.oneof(fc.constant("keep" as const), historyArb(g), recentHistoryArb(g)),
    initiatives: fc.oneof(fc.constant("keep" as const), fc.option(initiativeArb, { nil: undefined })),
  });

const cohortArb = fc
  .constantFrom(...GROUPS)
  .chain((g) => fc.tuple(fc.constant(g), fc.uniqueArray(unitArb(g), { selector: (u) => u.id, minLength: 1, maxLength: 25 })))
  .map(([group, units]) =>
    units.map((u) => {
      const history = u.history === "keep" ? u.source.history : u.history;
      const initiatives = u.initiatives === "keep" ? u.source.initiatives : u.initiatives;
      return { id: u.id, name: `Đơn vị ${u.id}`, group, cohort: "cum-1", year: 2025, facts: u.source.facts, ...(history !== undefined && { history }), ...(initiatives !== undefined && { initiatives }) };
    }),
  );

/** Run-wide positions for the cohort's candidates of a run-scoped quota, or none (the first pass). */
const runArb = fc.option(fc.record({ allowed: fc.integer({ min: 0, max: 4 }), base: fc.integer({ min: 0, max: 30 }), positions: fc.array(fc.integer({ min: 1, max: 8 }), { minLength: 25, maxLength: 25 }) }), { nil: undefined });

/** Own properties in order, getters marked: what JSON cannot tell apart (a getter from a value) included. */
function shape(x: unknown): unknown {
  if (x === null || typeof x !== "object") return typeof x;
  if (Array.isArray(x)) return x.map(shape);
  return Object.entries(Object.getOwnPropertyDescriptors(x)).map(([k, d]) => [k, d.enumerable, d.get ? "get" : shape(d.value)]);
}

/** A recommendation without its `ScoreResult` (the same object on both sides: the pass only passes it on). */
const withoutScore = ({ scoreResult, ...rest }: Recommendation) => (expect(scoreResult).toBeTypeOf("object"), rest);

describe("award pass (differential)", () => {
  it("gives the reference implementation's bytes on generated cohorts", () => {
    const seen = { granted: 0, nearMisses: 0, missingEvidence: 0, quota: 0, runPositions: 0, unmet: 0 };
    fc.assert(
      fc.property(cohortArb, runArb, fc.boolean(), (profiles, run, trace) => {
        const members: { result: ScoreResult; profile: ValidProfile }[] = [];
        for (const p of profiles) {
          const v = validator.validate(p);
          if (v.ok) members.push({ profile: v.value, result: scoreProfile(compiled, v.value, { asOf: "2025-12-31", trace }) });
        }
        fc.pre(members.length > 0);
        let decisions: Map<string, RunQuotaDecision> | undefined;
        let refDecisions: Map<string, RunQuotaDecision> | undefined;
        if (run) {
          decisions = new Map();
          refDecisions = new Map();
          for (const a of awards.filter((x) => x.def.quota?.scope === "run")) {
            const position = new Map(members.map((m, i) => [runPositionKey(cohortKey(m.result), m.result.unitId), run.positions[i]!]));
            decisions.set(a.def.id, { allowed: run.allowed, base: run.base, position });
            // the reference copy keys positions as the code did then, `cohortKey|unitId`
            const refPosition = new Map(members.map((m, i) => [`${cohortKey(m.result)}|${m.result.unitId}`, run.positions[i]!]));
            refDecisions.set(a.def.id, { allowed: run.allowed, base: run.base, position: refPosition });
          }
        }
        const expected = referenceRecommendCohort(rs, awards, members, refDecisions);
        // twice: once as the cohort's group is first seen, once with whatever is kept for it
        for (const got of [recommendCohort(rs, awards, members, decisions), recommendCohort(rs, awards, [...members].reverse(), decisions)]) {
          expect(JSON.stringify(got)).toBe(JSON.stringify(expected));
          expect(shape(got.recs.map(withoutScore))).toEqual(shape(expected.recs.map(withoutScore)));
        }
        for (const r of expected.recs) {
          if (r.award) seen.granted++;
          if (r.nearMisses.length) seen.nearMisses++;
          if (r.missingEvidence.length) seen.missingEvidence++;
          if (r.eligibility.some((e) => e.status === "quota")) seen.quota++;
          if (decisions && r.eligibility.some((e) => e.checks.some((c) => c.kind === "quota"))) seen.runPositions++;
          if (r.eligibility.some((e) => e.checks.some((c) => c.kind === "conditions" && c.unmet.length > 0))) seen.unmet++;
        }
      }),
      { numRuns: Number(process.env["FUZZ_RUNS"] ?? 400), seed: 2025 },
    );
    // the generated cohorts reach every part of the pass
    for (const [k, n] of Object.entries(seen)) expect(n, k).toBeGreaterThan(20);
  });
});
