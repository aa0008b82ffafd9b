import { describe, expect, it } from "vitest";
import { createEngine, explain, loadRuleSetFromFiles, renderExplanation, renderRulebook } from "thidua";
import { sha256Hex } from "../../src/rules/index.js";
import { criteriaFile, criterion, fact, L, loadIssues, standalone, standaloneFiles, WARD } from "../support/standalone.js";

/**
 * Standalone rule sets as a first-class case (issue 21, point 7), dated values (point 8) and labels
 * that follow their values (point 9).
 */
const facts = [fact("hop", "integer", { vi: "Số cuộc họp", min: 0 }), fact("tyLe", "ratio", { vi: "Tỷ lệ hộ tham gia" })];
const parts = (extra: Record<string, unknown> = {}) => ({
  "scheme.json": WARD,
  "facts.json": { facts },
  "criteria/ward.json": criteriaFile([
    criterion("c.1", {
      maxPoints: 10,
      tiers: [
        { points: 10, label: L("Tỷ lệ từ {ty-le.cao} trở lên ({points} điểm)"), conditions: { fact: "tyLe", operator: "greaterThanInclusive", value: 0.9, id: "ty-le.cao", basis: "regulation", dated: [{ validFrom: "2026-01-01", value: 0.95 }] } },
        { points: 5, conditions: { fact: "tyLe", operator: "greaterThanInclusive", value: 0.5, basis: "policy-default" }, dated: [{ validTo: "2025-06-30", points: 4 }] },
      ],
    }),
  ]),
  ...extra,
});
const unit = (facts: Record<string, unknown>, group = "ward") => ({ id: "p-1", name: "Phường Một", group, year: 2025, facts });

describe("standalone rule sets", () => {
  it("declare their own subject groups, with their names; a profile of another group is refused naming the set's groups", () => {
    const rs = standalone(parts());
    expect(rs.groups.map((g) => `${g.id} ${g.title?.vi}`)).toEqual(["ward Phường, xã"]);
    const r = createEngine(rs).validate(unit({}, "province"));
    expect(r.ok ? "" : `${r.issues[0]!.code} ${r.issues[0]!.message}`).toBe('profiles.unknown_group expected one of ward, found "province"');
    expect(renderRulebook(rs, "vi")).toContain("## Nhóm đối tượng\n\n- `ward` — Phường, xã");
    expect(renderRulebook(rs, "vi")).toContain("### Phường, xã");
  });

  it("a group the set does not declare is refused; a new group needs its name", () => {
    expect(loadIssues(parts({ "scheme.json": { groups: [{ id: "household" }] } }))).toEqual(expect.arrayContaining(["rules.schema scheme/groups/0/title", "rules.unknown_group facts/0/groups/0"]));
  });

  it("need no emulation contents, and an empty award catalog is reported as scoring only", () => {
    const rs = standalone(parts({ "awards.json": { awards: [] } }));
    expect(rs.criteria[0]!.contents).toBeUndefined();
    const rec = createEngine(rs).recommend([unit({ tyLe: 0.95 })], { asOf: "2025-12-31" }).results[0]!;
    const text = renderExplanation(explain(rec, rs, "vi"));
    expect(text).toContain("Chỉ chấm điểm, xếp loại và xếp hạng: bộ tiêu chí không có danh hiệu, hình thức khen thưởng để đề nghị");
    expect(text).not.toContain("Chưa đủ điều kiện đề nghị khen thưởng");
    expect(renderRulebook(rs, "vi")).toContain("Bộ tiêu chí không có danh hiệu, hình thức khen thưởng: chỉ chấm điểm, xếp loại và xếp hạng.");
  });

  it("cite their own regulation like a law, never as «do văn bản pháp luật quy định»", () => {
    const vi = renderRulebook(standalone(parts()), "vi");
    expect(vi).toContain("Điểm tối đa: 10 — theo quy chế, quy định của cơ quan, tổ chức ban hành bộ tiêu chí");
    expect(vi).not.toContain("do văn bản pháp luật quy định");
    // a regulation value must rest on a source the manifest lists as a regulation
    const notRegulation = { sources: [{ id: "quy-che", title: L("Kế hoạch"), issuer: L("Cơ quan"), kind: "plan" }] };
    expect(loadIssues(parts(), notRegulation)).toContain("rules.regulation_citation criteria/ward.json/c.1");
  });

  it("awards carry codes of other systems into the proposal and the rule book", () => {
    const award = { id: "award.tot", kind: "title", recipient: "collective", groups: ["ward"], level: "grassroots", title: L("Phường tiêu biểu"), grantor: L("Ủy ban MTTQ"), precedence: 1, eligibility: { minPercent: 90, noKnockout: false }, citation: { source: "quy-che" }, basis: "regulation", codes: { "phan-mem-tdkt": "DH-07" } };
    const rs = standalone(parts({ "awards.json": { awards: [award] } }));
    expect(createEngine(rs).recommend([unit({ tyLe: 0.95 })], { asOf: "2025-12-31" }).results[0]!.award?.codes).toEqual({ "phan-mem-tdkt": "DH-07" });
    expect(renderRulebook(rs, "vi")).toContain("- Mã trong hệ thống khác: phan-mem-tdkt: `DH-07`");
  });
});

describe("dated values", () => {
  const rs = standalone(parts());
  const at = (asOf: string, tyLe: number) => [createEngine(rs), createEngine(rs, { implementation: "reference" })].map((e) => e.score(unit({ tyLe }), { asOf }).score);

  it("apply the value in force on the as-of date: the top threshold rises to 95% in 2026, the lower tier was 4 points until June 2025", () => {
    expect(at("2025-12-31", 0.92)).toEqual(["10", "10"]);
    expect(at("2026-03-31", 0.92)).toEqual(["5", "5"]);
    expect(at("2025-03-31", 0.6)).toEqual(["4", "4"]);
    expect(at("2025-12-31", 0.6)).toEqual(["5", "5"]);
  });

  it("the rule book shows the history", () => {
    const vi = renderRulebook(rs, "vi");
    expect(vi).toContain("    - từ ngày 2026-01-01: 95%");
    expect(vi).toContain("  - đến ngày 2025-06-30: 4 điểm");
  });

  it("overlapping periods are refused", () => {
    const bad = parts();
    const c = (bad["criteria/ward.json"] as { criteria: { tiers: { dated?: unknown }[] }[] }).criteria[0]!;
    c.tiers[1]!.dated = [{ validTo: "2025-06-30", points: 4 }, { validFrom: "2025-06-01", points: 3 }];
    expect(loadIssues(bad)).toEqual(["rules.schema criteria/ward.json/c.1/tiers/1/dated/1"]);
  });
});

describe("labels that follow their values", () => {
  it("a tier label names its threshold: an override in an extending set changes what the rule book and explanations say", () => {
    const parent = standaloneFiles(parts());
    const pr = loadRuleSetFromFiles(parent);
    if (!pr.ok) throw new Error("parent");
    const overrides = JSON.stringify({ overrides: [{ target: { kind: "threshold", criterion: "c.1", threshold: "ty-le.cao" }, value: 1, reason: L("Địa phương nâng mức", "Raised locally"), citation: { source: "quy-che" } }] });
    const child = {
      "overrides.json": overrides,
      "manifest.json": JSON.stringify({ formatVersion: 1, id: "con", version: "1.0.0", title: L("Bộ con"), effectiveFrom: "2025-01-01", extends: { id: "thu-nghiem", version: "1.0.0" }, pointScale: 2, rounding: "half-up", sources: [], files: [{ path: "overrides.json", kind: "overrides", sha256: sha256Hex(overrides) }] }),
    };
    const r = loadRuleSetFromFiles(child, { resolveParent: (id) => (id === "thu-nghiem" ? parent : undefined) });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(renderRulebook(pr.value, "vi")).toContain("Mức 10 điểm (Tỷ lệ từ 90% trở lên (10 điểm))");
    expect(renderRulebook(r.value, "vi")).toContain("Mức 10 điểm (Tỷ lệ từ 100% trở lên (10 điểm))");
    const rec = createEngine(r.value).recommend([unit({ tyLe: 1 })], { asOf: "2025-12-31", trace: true }).results[0]!;
    expect(renderExplanation(explain(rec, r.value, "vi"))).toContain("Đạt mức «Tỷ lệ từ 100% trở lên (10 điểm)»: 10 điểm");
  });

  it("a placeholder that names nothing is refused", () => {
    const bad = parts();
    (bad["criteria/ward.json"] as { criteria: { tiers: { label?: unknown }[] }[] }).criteria[0]!.tiers[0]!.label = L("từ {khong-co}");
    expect(loadIssues(bad)).toEqual(["rules.schema criteria/ward.json/c.1/tiers/0/label/vi", "rules.schema criteria/ward.json/c.1/tiers/0/label/en"]);
  });
});

describe("fact-to-fact comparisons at load", () => {
  it("the other fact must exist and compare with the first", () => {
    const with_ = (value: unknown, operator = "greaterThanInclusive") => ({ ...parts(), "criteria/ward.json": criteriaFile([criterion("c.1", { maxPoints: 1, conditions: { fact: "hop", operator, value } })]) });
    expect(loadIssues(with_({ fact: "tyLe" }))).toEqual([]);
    expect(loadIssues(with_({ fact: "khong" }))).toEqual(["rules.unknown_fact criteria/ward.json/c.1/conditions/value/fact"]);
    expect(loadIssues(with_({ fact: "hop" }, "contains"))).toEqual(["rules.value_type criteria/ward.json/c.1/conditions/value"]);
  });
});
