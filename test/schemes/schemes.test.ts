import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createEngine, renderRulebook, type RecommendationReport, type RuleSet } from "thidua";
import { loadRuleSet } from "thidua/node";

/**
 * The three schemes of issue 21, written as rule sets with none of the workarounds the issue lists
 * (no one-point adjustments, no fake maxima, no flags switching criteria), against results worked by
 * hand (`*.expected.json`, each line with its reasoning). Both implementations must give them.
 */
const here = (p: string) => new URL(p, import.meta.url);
const json = (p: string) => JSON.parse(readFileSync(here(p), "utf8"));
const load = (dir: string): RuleSet => {
  const r = loadRuleSet(new URL(dir, import.meta.url).pathname);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  expect(r.warnings ?? []).toEqual([]);
  return r.value;
};
const run = (rs: RuleSet, profiles: unknown[], asOf: string): RecommendationReport => {
  const want = createEngine(rs, { implementation: "reference" }).recommend(profiles, { asOf, trace: true });
  expect(createEngine(rs).recommend(profiles, { asOf, trace: true })).toEqual(want);
  expect(want.rejected).toEqual([]);
  return want;
};
type Scored = { unitId: string; rank: number; decidedBy: string | null; score: string; potentialScore?: string; classification: string; criteria?: Record<string, string>; self: { score: string; classification: string } | null };
const asScored = (r: RecommendationReport, withCriteria: boolean): Scored[] =>
  r.results.map((x) => ({
    unitId: x.unitId,
    rank: x.rank,
    decidedBy: x.decidedBy,
    score: x.score,
    ...(withCriteria && { potentialScore: x.scoreResult.potentialScore, criteria: Object.fromEntries(x.scoreResult.criteria.map((c) => [c.id, c.points])) }),
    classification: x.classification ?? "",
    self: x.scoreResult.assessment ? { score: x.scoreResult.assessment.self.score, classification: x.scoreResult.assessment.self.classification ?? "" } : null,
  }));
const strip = (units: (Scored & { why: string })[]) => units.map(({ why: _why, ...u }) => u);

describe("the schemes of issue 21 as rule sets", () => {
  it("a Fatherland Front ward-scoring table (examples/rules/mttq-phuong-2025): points and bonuses, classes by points, ranking by official then self-assessed total then name", () => {
    const rs = load("../../examples/rules/mttq-phuong-2025/");
    const r = run(rs, json("../../examples/data/mttq-phuong-2025.json"), "2025-12-31");
    expect(asScored(r, true)).toEqual(strip(json("./mttq-phuong.expected.json").units));
    expect(rs.awards).toEqual([]);
  });

  it("a school's monthly staff scoring: a 230 base, items capped per month and per semester, the board's points clamped to 0–300 replacing the computed ones", () => {
    const rs = load("./truong-hoc-thang/");
    const r = run(rs, json("./truong-hoc-thang.profiles.json"), "2025-10-31");
    expect(asScored(r, false)).toEqual(strip(json("./truong-hoc-thang.expected.json").units));
    // no fake maximum: the one criterion is worth 300, the classes are in points
    expect(rs.criteria.map((c) => c.maxPoints)).toEqual([300]);
    expect(rs.classes.every((k) => k.minPercent === undefined)).toBe(true);
  });

  it("a provincial catalogue of 12 titles and commendations with 39 standards", () => {
    const rs = load("./danh-hieu-tinh/");
    expect(rs.awards.length).toBe(12);
    expect(rs.awards.reduce((n, a) => n + ((a.eligibility.conditions as { all: unknown[] }).all.length), 0)).toBe(39);
    const r = run(rs, json("./danh-hieu-tinh.profiles.json"), "2025-12-31");
    const got = r.results.map((x) => ({
      unitId: x.unitId,
      award: x.award?.id ?? null,
      alongside: x.alongside.map((a) => a.id),
      alternatives: x.alternatives.map((a) => a.id),
      eligibility: Object.fromEntries(x.eligibility.map((e) => [e.award, e.status])),
    }));
    const want = (json("./danh-hieu-tinh.expected.json").units as { unitId: string; why: string }[]).map(({ why: _why, ...u }) => u);
    expect([...got].sort((a, b) => (a.unitId < b.unitId ? -1 : 1))).toEqual([...want].sort((a, b) => (a.unitId < b.unitId ? -1 : 1)));
    expect(r.results.find((x) => x.unitId === "tt-1")!.award?.codes).toEqual({ "csdl-tdkt-tinh": "TT-02" });
  });

  it.each([["vi"], ["en"]] as const)("the example's committed RULEBOOK.%s.md is up to date (npm run rulebook)", (lang) => {
    const rs = load("../../examples/rules/mttq-phuong-2025/");
    expect(readFileSync(here(`../../examples/rules/mttq-phuong-2025/RULEBOOK.${lang}.md`), "utf8")).toBe(renderRulebook(rs, lang));
  });

  it("use none of the listed workarounds: no one-point adjustments, no flag switching two criteria", () => {
    for (const dir of ["../../examples/rules/mttq-phuong-2025/", "./truong-hoc-thang/", "./danh-hieu-tinh/"]) {
      const rs = load(dir);
      const adjustments = rs.criteria.flatMap((c) => [...(c.bonus ?? []), ...(c.deductions ?? [])]);
      expect(adjustments.filter((a) => a.cap === 1 && a.points === 1)).toEqual([]);
      expect(rs.criteria.filter((c) => c.appliesWhen !== undefined)).toEqual([]);
    }
  });
});
