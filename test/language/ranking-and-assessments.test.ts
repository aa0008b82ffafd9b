import { describe, expect, it } from "vitest";
import { createEngine, explain, renderExplanation, renderRulebook, type RecommendationReport } from "thidua";
import { criteriaFile, criterion, fact, L, standalone, standaloneFiles, WARD } from "../support/standalone.js";
import { loadRuleSetFromFiles } from "thidua";

/**
 * Ranking as data (issue 21, point 4) and assessments with reviewers (point 5). Expected orders
 * worked by hand from the scores in the comments.
 */
const facts = [fact("diem", "number", { vi: "Điểm chấm", min: 0 }), fact("hoGiaDinh", "integer", { vi: "Số hộ gia đình", min: 0 })];
const set = (scheme: Record<string, unknown>) =>
  standalone({
    "scheme.json": { ...WARD, ...scheme },
    "facts.json": { facts },
    "criteria/ward.json": criteriaFile([criterion("c.1", { maxPoints: 100, perUnit: { fact: "diem", pointsPerUnit: 1, basis: "regulation" } })]),
  });
const ward = (id: string, name: string, diem: number, extra: Record<string, unknown> = {}) => ({ id, name, group: "ward", year: 2025, facts: { diem, hoGiaDinh: 500, ...extra } });
const order = (r: RecommendationReport) => r.results.map((x) => `${x.rank} ${x.name}${x.decidedBy && x.decidedBy !== "score" ? ` (${x.decidedBy})` : ""}`);
const run = (rs: ReturnType<typeof set>, units: unknown[]) => {
  const want = createEngine(rs, { implementation: "reference" }).recommend(units, { asOf: "2025-12-31" });
  expect(createEngine(rs).recommend(units, { asOf: "2025-12-31" })).toEqual(want);
  return want;
};
const ranking = (tieBreaks: unknown[], ties?: string) => ({ ranking: { tieBreaks, ...(ties && { ties }), basis: "regulation", ref: { source: "quy-che" } } });

describe("ranking as data", () => {
  const units = [ward("p-1", "Phước Bình", 90), ward("p-2", "Đồng Xoài", 90), ward("p-3", "Bình Long", 95), ward("p-4", "An Lộc", 90, { hoGiaDinh: 800 })];

  it("the default chain ends with the unit id in code-point order", () => {
    expect(order(run(set({}), units))).toEqual(["1 Bình Long", "2 Phước Bình", "3 Đồng Xoài (unitId)", "4 An Lộc (unitId)"]);
  });

  it("names in Vietnamese order: Đồng Xoài before Phước Bình (Đ follows D, not Z)", () => {
    expect("Phước Bình" < "Đồng Xoài").toBe(true); // code points put Đ after every Latin letter
    expect(order(run(set(ranking([{ key: "score" }, { key: "name", collation: "vi" }])), units))).toEqual(["1 Bình Long", "2 An Lộc", "3 Đồng Xoài (name)", "4 Phước Bình (name)"]);
  });

  it("any fact with its direction, and each tie says which key decided it", () => {
    const r = run(set(ranking([{ key: "score" }, { key: "fact", fact: "hoGiaDinh", better: "higher" }, { key: "name", collation: "vi" }])), units);
    // (each unit says what put it below the one above: An Lộc is below Bình Long on score, Đồng Xoài below An Lộc on households)
    expect(order(r)).toEqual(["1 Bình Long", "2 An Lộc", "3 Đồng Xoài (fact:hoGiaDinh)", "4 Phước Bình (name)"]);
    const rec = r.results[2]!;
    const rs = set(ranking([{ key: "score" }, { key: "fact", fact: "hoGiaDinh", better: "higher" }, { key: "name", collation: "vi" }]));
    expect(renderExplanation(explain(rec, rs, "vi"))).toContain("thứ tự xác định theo quy tắc phụ: hồ sơ có «Số hộ gia đình» cao hơn xếp trước");
  });

  it("shared ties: units equal on every key but name and id share a rank (1, 2, 2, 2)", () => {
    const r = run(set(ranking([{ key: "score" }, { key: "name", collation: "vi" }], "shared")), units);
    expect(r.results.map((x) => `${x.rank} ${x.name}`)).toEqual(["1 Bình Long", "2 An Lộc", "2 Đồng Xoài", "2 Phước Bình"]);
    expect(r.results.map((x) => x.decidedBy)).toEqual([null, "score", null, null]);
  });

  it("the rule book prints the chain", () => {
    const vi = renderRulebook(set(ranking([{ key: "score" }, { key: "selfScore" }, { key: "name", collation: "vi" }])), "vi");
    expect(vi).toContain("## Thứ tự xếp hạng\n\n1. điểm cao hơn xếp trước\n2. hồ sơ có tổng điểm tự chấm cao hơn xếp trước\n3. xếp theo thứ tự tên (thành tích ngang nhau)\n4. xếp theo thứ tự mã hồ sơ");
  });
});

describe("assessments: self, reviewers, council", () => {
  const assessed = (id: string, name: string, self: number, reviews: unknown[]) => ({
    id, name, group: "ward", year: 2025,
    assessments: [{ role: "self", by: `UBMTTQ ${name}`, date: "2025-11-20", facts: { diem: self, hoGiaDinh: 500 } }, ...reviews],
  });
  const review = (role: string, by: string, date: string, diem: number, reason?: string) => ({ role, by, date, changes: [{ fact: "diem", value: diem, ...(reason !== undefined && { reason }) }] });
  const units: unknown[] = [
    assessed("p-1", "Phước Bình", 96, [review("reviewer", "Ban Thường trực", "2025-12-02", 92, "Thiếu biên bản giám sát quý IV")]),
    assessed("p-2", "Đồng Xoài", 94, [review("reviewer", "Ban Thường trực", "2025-12-02", 93, "Báo cáo nộp chậm"), review("council", "Hội đồng thi đua", "2025-12-10", 92, "Thống nhất trừ thêm 1 điểm")]),
    ward("p-3", "Bình Long", 92),
  ];

  it("last reviewer wins by default; ranking by official total, then self-assessed total, then name", () => {
    const rs = set(ranking([{ key: "score" }, { key: "selfScore" }, { key: "name", collation: "vi" }]));
    const r = run(rs, units);
    // official: Phước Bình 92 (self 96), Đồng Xoài 92 (self 94), Bình Long 92 (no self-assessment: after those with one)
    expect(order(r)).toEqual(["1 Phước Bình", "2 Đồng Xoài (selfScore)", "3 Bình Long (selfScore)"]);
    const a = r.results[1]!.scoreResult.assessment!;
    expect([a.self.score, a.officialScore.score, a.official]).toEqual(["94", "92", "lastReviewer"]);
    expect(a.changes.map((c) => `${c.role} ${String(c.from)}→${String(c.to)} ${c.official} ${c.reason}`)).toEqual(["reviewer 94→93 false Báo cáo nộp chậm", "council 93→92 true Thống nhất trừ thêm 1 điểm"]);
  });

  it("the set may make the council's changes alone official, or the self-assessment", () => {
    const council = run(set({ assessments: { official: "council", basis: "regulation", ref: { source: "quy-che" } } }), units);
    // council: Đồng Xoài 94 → 92 (the council's change; the reviewer's 93 is shown, not applied); the default chain then puts p-2 before p-3
    expect(council.results.map((x) => `${x.name} ${x.score}`)).toEqual(["Phước Bình 96", "Đồng Xoài 92", "Bình Long 92"]);
    const self = run(set({ assessments: { official: "self", basis: "regulation", ref: { source: "quy-che" } } }), units);
    expect(self.results.map((x) => `${x.name} ${x.score}`)).toEqual(["Phước Bình 96", "Đồng Xoài 94", "Bình Long 92"]);
  });

  it("shows the self-assessed and official scores side by side, each change with who, when and why", () => {
    const rs = set({});
    const rec = createEngine(rs).recommend([units[1]], { asOf: "2025-12-31" }).results[0]!;
    const text = renderExplanation(explain(rec, rs, "vi"));
    expect(text).toContain("Điểm tự chấm: 94 điểm (chưa xếp loại); điểm chính thức: 92 điểm (chưa xếp loại) — theo lần chấm sau cùng đối với từng nội dung");
    expect(text).toContain("Ban Thường trực (thẩm định, 02/12/2025) sửa «Điểm chấm» từ 94 thành 93 — lý do: Báo cáo nộp chậm (không phải giá trị chính thức)");
    expect(text).toContain("Hội đồng thi đua (Hội đồng quyết định, 10/12/2025) sửa «Điểm chấm» từ 93 thành 92 — lý do: Thống nhất trừ thêm 1 điểm");
  });

  it("rejects a change without a reason, and assessments out of order, naming the place", () => {
    const e = createEngine(set({}));
    const codes = (u: unknown) => {
      const r = e.validate(u);
      return r.ok ? [] : r.issues.map((i) => `${i.code} ${i.path.join("/")}`);
    };
    expect(codes(assessed("p-9", "Thử", 90, [review("reviewer", "Ban", "2025-12-02", 80)]))).toEqual(["profiles.assessment assessments/1/changes/0/reason"]);
    expect(codes(assessed("p-9", "Thử", 90, [review("reviewer", "Ban", "2025-12-02", 80, "  ")]))).toEqual(["profiles.assessment assessments/1/changes/0/reason"]);
    expect(codes(assessed("p-9", "Thử", 90, [review("reviewer", "Ban", "2025-11-02", 80, "lý do")]))).toEqual(["profiles.assessment assessments/1/date"]);
    expect(codes(assessed("p-9", "Thử", 90, [review("reviewer", "Ban", "2025-12-02", -5, "lý do")]))).toEqual(["profiles.fact_type assessments/1/changes/0/value"]);
    expect(codes({ ...assessed("p-9", "Thử", 90, []), facts: { diem: 1 } })).toEqual(["profiles.schema facts"]);
  });

  it("keeps the plain facts profile working unchanged", () => {
    expect(createEngine(set({})).score(ward("p-3", "Bình Long", 92)).assessment).toBeUndefined();
  });
});

it("a ranking key must read a known fact of a comparable type", () => {
  const r = loadRuleSetFromFiles(standaloneFiles({ "scheme.json": { ...WARD, ...ranking([{ key: "fact", fact: "khong", better: "higher" }]) }, "facts.json": { facts }, "criteria/ward.json": criteriaFile([criterion("c.1", { maxPoints: 1, perUnit: { fact: "diem", pointsPerUnit: 1, basis: "regulation" } })]) }));
  expect(r.ok ? [] : r.issues.map((i) => `${i.code} ${i.path.join("/")}`)).toEqual(["rules.unknown_fact scheme/ranking/tieBreaks/0/fact"]);
  void L;
});
