import fc from "fast-check";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createEngine, GROUPS, type Group, type ProfileInput, type RecommendationReport, type RuleSet } from "thidua";
import { fullFactsArb, partialFactsArb } from "../support/arbitraries.js";
import { generatedCohortArb, generatedRuleSetArb } from "../support/generated-ruleset.js";
import { loadLocal, loadNational } from "../support/rules.js";

/**
 * The plain implementation is the specification: an engine built with `implementation: "reference"`
 * (the tree-walking interpreter everywhere) and the default one (compiled conditions over dense rows)
 * must give the same results as data — scores, traces, ranks, every award's checks, quotas, run-wide
 * quotas, near misses, missing evidence, rejected rows. Deep equality: key order and object shapes
 * are not behaviour.
 */
const RUNS = Number(process.env["FUZZ_RUNS"] ?? 300);
const rs: RuleSet = loadNational();
const fixtures: Record<string, { facts: Record<string, unknown>; history?: unknown; initiatives?: unknown }[]> = Object.fromEntries(
  GROUPS.map((g) => [g, JSON.parse(readFileSync(new URL(`../../fixtures/profiles/${g}.json`, import.meta.url), "utf8"))]),
);
const awardIds = (g: Group) => rs.awards.filter((a) => a.groups.includes(g)).map((a) => a.id);
const initiativeArb = fc.array(fc.constantFrom("sk-1", "sk-2", "sk-3", "sk-4"), { maxLength: 3 }).map((a) => [...new Set(a)]);
/** Consecutive past years up to last year, each with some of the group's awards (history checks that count streaks), or none. */
const historyArb = (g: Group) =>
  fc.option(
    fc.array(fc.record({ awards: fc.subarray(awardIds(g), { maxLength: Math.min(4, awardIds(g).length) }), initiatives: fc.option(initiativeArb, { nil: undefined }) }, { requiredKeys: ["awards"] }), { minLength: 1, maxLength: 6 }).map((ys) =>
      ys.map((y, i) => ({ year: 2024 - i, ...y })),
    ),
    { nil: undefined },
  );
const unitArb = (g: Group) =>
  fc.record({
    facts: fc.oneof({ arbitrary: fullFactsArb(rs, g), weight: 3 }, { arbitrary: partialFactsArb(rs, g), weight: 2 }, { arbitrary: fc.constantFrom(...fixtures[g]!).map((f) => f.facts), weight: 3 }),
    history: historyArb(g),
    initiatives: fc.option(initiativeArb, { nil: undefined }),
    cohort: fc.constantFrom("cum-1", "cum-2", "cum-3"),
  });
/** Units of one group over a few clusters (run-wide quotas span them); now and then an invalid row. */
const runArb = fc.constantFrom(...GROUPS).chain((g) =>
  fc.array(unitArb(g), { minLength: 1, maxLength: 30 }).map((units): ProfileInput[] => [
    ...units.map((u, i) => ({ id: `u${i}`, name: `Đơn vị ${i}`, group: g, cohort: u.cohort, year: 2025, facts: u.facts, ...(u.history && { history: u.history }), ...(u.initiatives && { initiatives: u.initiatives }) })),
    ...(units.length % 7 === 0 ? [{ id: "bad", group: g, year: 2025, facts: {} } as unknown as ProfileInput] /* invalid on purpose: no name */ : []),
  ]),
);

/** Every part of a report the pass decides, counted to show the generated inputs reach it. */
function tally(seen: Record<string, number>, r: RecommendationReport): void {
  const add = (k: string, yes: boolean) => void (yes && (seen[k] = (seen[k] ?? 0) + 1));
  for (const x of r.results) {
    add("granted", x.award !== null);
    add("alongside", x.alongside.length > 0);
    add("nearMisses", x.nearMisses.length > 0);
    add("missingEvidence", x.missingEvidence.length > 0);
    add("quota", x.eligibility.some((e) => e.status === "quota"));
    add("unmet", x.eligibility.some((e) => e.checks.some((c) => c.kind === "conditions" && c.unmet.length > 0)));
    add("history", x.eligibility.some((e) => e.checks.some((c) => c.kind === "history" && c.result === true)));
    add("deferred", x.eligibility.some((e) => e.status === "deferred"));
  }
  add("runQuota", r.runQuotas.some((q) => q.candidates > 0));
  add("rejected", r.rejected.length > 0);
}

/** The constructs of the rule language a generated run reaches (derived facts, ranking steps, shared ranks, classes, assessments). */
function tallyLanguage(seen: Record<string, number>, r: RecommendationReport): void {
  const add = (k: string, yes: boolean) => void (yes && (seen[k] = (seen[k] ?? 0) + 1));
  for (const x of r.results) {
    const sr = x.scoreResult;
    add("derivedKnown", sr.derived?.some((d) => d.value !== undefined) ?? false);
    add("derivedUnknown", sr.derived?.some((d) => d.value === undefined) ?? false);
    add("byFact", x.decidedBy?.startsWith("fact:") ?? false);
    add("byName", x.decidedBy === "name");
    add("bySelf", x.decidedBy === "selfScore");
    add("sharedRank", x.decidedBy === null && x.rank > 1);
    add("byPoints", sr.classification === "kha");
    add("unscored", sr.classification === "chua-cham");
    add("assessed", sr.assessment !== undefined && sr.assessment.changes.length > 0);
    add("factToFact", sr.criteria.some((c) => c.trace?.tiers?.[1]?.conditions.result === true && c.id === "t.8"));
  }
}

describe("reference and compiled paths give the same results", () => {
  const reference = createEngine(rs, { implementation: "reference" });
  const compiled = createEngine(rs);
  // the local set switches on the opt-in quotas (run-wide too) and adds its own criteria
  const local = loadLocal();
  const engines = [
    { reference, compiled },
    { reference: createEngine(local, { implementation: "reference" }), compiled: createEngine(local) },
  ];

  it("national and local rule sets: generated runs of every group, with and without traces", () => {
    const seen: Record<string, number> = {};
    fc.assert(
      fc.property(runArb, fc.boolean(), fc.constantFrom(0, 1), (profiles, trace, which) => {
        const e = engines[which]!;
        const want = e.reference.recommend(profiles, { asOf: "2025-12-31", trace });
        expect(e.compiled.recommend(profiles, { asOf: "2025-12-31", trace })).toEqual(want);
        tally(seen, want);
      }),
      { numRuns: RUNS, seed: 2447 },
    );
    for (const k of ["granted", "alongside", "nearMisses", "missingEvidence", "quota", "unmet", "history", "runQuota", "rejected"]) expect(seen[k] ?? 0, k).toBeGreaterThan(5);
  });

  it("generated rule sets with every scoring style and check kind", () => {
    const seen: Record<string, number> = {};
    fc.assert(
      fc.property(generatedRuleSetArb, generatedCohortArb, fc.constantFrom("2025-03-31", "2025-12-31"), (set, profiles, asOf) => {
        const want = createEngine(set, { implementation: "reference" }).recommend(profiles, { asOf, trace: true });
        expect(createEngine(set).recommend(profiles, { asOf, trace: true })).toEqual(want);
        tally(seen, want);
        tallyLanguage(seen, want);
      }),
      { numRuns: Math.ceil(RUNS / 2), seed: 7 },
    );
    for (const k of ["derivedKnown", "derivedUnknown", "byFact", "byName", "bySelf", "sharedRank", "byPoints", "unscored", "assessed", "factToFact"]) expect(seen[k] ?? 0, k).toBeGreaterThan(3);
    for (const k of ["granted", "nearMisses", "quota", "runQuota", "deferred", "history"]) expect(seen[k] ?? 0, k).toBeGreaterThan(3);
  });

  it("evaluate and what-if agree too", () => {
    fc.assert(
      fc.property(runArb, (profiles) => {
        const p = profiles[0]!;
        expect(compiled.safeScore(p)).toEqual(reference.safeScore(p));
        const f = Object.keys(p.facts ?? {})[0];
        fc.pre(f !== undefined && p.id !== "bad");
        const change = { [f!]: null };
        expect(compiled.whatIf(p, change, { peers: profiles.slice(1, 8) })).toEqual(reference.whatIf(p, change, { peers: profiles.slice(1, 8) }));
      }),
      { numRuns: Math.ceil(RUNS / 3), seed: 11 },
    );
  });
});
