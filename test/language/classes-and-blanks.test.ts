import { describe, expect, it } from "vitest";
import { createEngine, explain, renderExplanation, renderRulebook } from "thidua";
import { criteriaFile, criterion, fact, L, loadIssues, standalone, WARD } from "../support/standalone.js";

/**
 * Classes by points beside classes by percent, the unscored class (issue 21, point 3), and how a
 * blank counts (`unknownAs`, point 6). Points worked by hand in the comments.
 */
const facts = [fact("diem", "number", { vi: "Điểm chấm", min: 0, max: 300 }), fact("viPham", "integer", { vi: "Số lần vi phạm", min: 0 }), fact("moHinh", "boolean", { vi: "Có mô hình mới" })];
const criteria = (blank: Record<string, unknown>) =>
  criteriaFile([
    criterion("c.1", {
      maxPoints: 300,
      perUnit: { fact: "diem", pointsPerUnit: 1, basis: "regulation" },
      bonus: [{ id: "moi", title: L("Mô hình mới"), conditions: { fact: "moHinh", operator: "equal", value: true }, points: 5, cap: 5, basis: "regulation", ...blank }],
      deductions: [{ id: "vp", title: L("Vi phạm"), perUnit: { fact: "viPham", pointsPerUnit: 2, basis: "regulation" }, cap: 10, basis: "regulation", ...blank }],
    }),
  ]);
const classes = {
  citation: { source: "quy-che" },
  classes: [
    { id: "a", title: L("Loại A (từ {minPoints} điểm)"), rank: 4, minPoints: 250, basis: "regulation" },
    { id: "b", title: L("Loại B"), rank: 3, minPoints: 230, basis: "regulation" },
    { id: "c", title: L("Loại C"), rank: 2, minPoints: 0, basis: "regulation" },
    { id: "chua", title: L("Chưa chấm"), rank: 1, unscored: true, basis: "regulation" },
  ],
};
const set = (blank: Record<string, unknown> = {}) => standalone({ "scheme.json": WARD, "facts.json": { facts }, "criteria/ward.json": criteria(blank), "classes.json": classes });
const unit = (facts: Record<string, unknown>) => ({ id: "gv-1", name: "Nguyễn Văn A", group: "ward", year: 2025, facts });
const both = (rs: ReturnType<typeof set>, facts: Record<string, unknown>) =>
  [createEngine(rs), createEngine(rs, { implementation: "reference" })].map((e) => {
    const r = e.score(unit(facts), { asOf: "2025-12-31" });
    return `${r.score} ${r.classification ?? "-"} ${r.potentialScore}`;
  });

describe("classes by points and the unscored class", () => {
  it("class by absolute points above a nominal maximum's share: 232 points is B, 250 is A — no fake maximum", () => {
    // 232 + 0 − 0 (blank bonus counts 0 now, 5 at best; blank deduction counts its cap 10 now, 0 at best) = 222
    expect(both(set(), { diem: 232 })).toEqual(["222 c 237", "222 c 237"]);
    expect(both(set(), { diem: 232, moHinh: false, viPham: 0 })).toEqual(["232 b 232", "232 b 232"]);
    expect(both(set(), { diem: 245, moHinh: true, viPham: 0 })).toEqual(["250 a 250", "250 a 250"]);
  });

  it("an empty sheet is «Chưa chấm», not the lowest class", () => {
    // nothing known: 0 now; at best the per-unit cap 300 plus the 5-point bonus
    expect(both(set(), {})).toEqual(["0 chua 305", "0 chua 305"]);
    const rs = set();
    const rec = createEngine(rs).recommend([unit({})], { asOf: "2025-12-31" }).results[0]!;
    expect(renderExplanation(explain(rec, rs, "vi"))).toContain("xếp loại: Chưa chấm");
  });

  it("the rule book states thresholds in points, fills the class title from its value, and says when a unit is unscored", () => {
    const vi = renderRulebook(set(), "vi");
    expect(vi).toContain("- Loại A (từ 250 điểm): từ 250 điểm");
    expect(vi).toContain("- Chưa chấm: khi chưa có căn cứ chấm tiêu chí nào (chưa chấm)");
  });

  it("a class needs exactly one threshold; the unscored class none, and the lowest rank", () => {
    const base = { "scheme.json": WARD, "facts.json": { facts }, "criteria/ward.json": criteria({}) };
    const k = (extra: Record<string, unknown>) => ({ citation: { source: "quy-che" }, classes: [{ id: "x", title: L("X"), rank: 1, basis: "regulation", ...extra }] });
    expect(loadIssues({ ...base, "classes.json": k({ minPoints: 1, minPercent: 1 }) })).toEqual(["rules.schema classes/x"]);
    expect(loadIssues({ ...base, "classes.json": k({}) })).toEqual(["rules.schema classes/x"]);
    expect(loadIssues({ ...base, "classes.json": k({ unscored: true, minPoints: 3 }) })).toEqual(["rules.schema classes/x"]);
  });
});

describe("unknownAs: how a blank counts", () => {
  it("unknown (the default): a blank bonus counts 0 and a blank deduction its cap until known — as before", () => {
    expect(both(set(), { diem: 240 })).toEqual(["230 b 245", "230 b 245"]);
  });

  it("zero: a blank counts as nothing and is settled", () => {
    // 240 + 0 − 0, best case the same
    expect(both(set({ unknownAs: "zero" }), { diem: 240 })).toEqual(["240 b 240", "240 b 240"]);
  });

  it("cap: a blank counts in full and is settled", () => {
    // 240 + 5 − 10
    expect(both(set({ unknownAs: "cap" }), { diem: 240 })).toEqual(["235 b 235", "235 b 235"]);
  });

  it("on a criterion: zero takes what is proven, cap the best case", () => {
    const rs = (unknownAs: string) =>
      standalone({
        "scheme.json": WARD,
        "facts.json": { facts },
        "criteria/ward.json": criteriaFile([criterion("c.1", { maxPoints: 10, unknownAs, tiers: [{ points: 10, conditions: { fact: "moHinh", operator: "equal", value: true } }, { points: 4, conditions: { fact: "diem", operator: "greaterThan", value: 100, basis: "regulation" } }] })]),
      });
    // diem 150 proves the 4-point tier; moHinh blank: zero → 4, cap → 10, unknown → 4 now and 10 at best
    expect(both(rs("zero"), { diem: 150 })).toEqual(["4 - 4", "4 - 4"]);
    expect(both(rs("cap"), { diem: 150 })).toEqual(["10 - 10", "10 - 10"]);
    expect(both(rs("unknown"), { diem: 150 })).toEqual(["4 - 10", "4 - 10"]);
  });

  it("is said in the rule book and the explanation", () => {
    const rs = set({ unknownAs: "zero" });
    expect(renderRulebook(rs, "vi")).toContain("- Điểm trừ: Vi phạm — 2 điểm cho mỗi đơn vị của «Số lần vi phạm», tối đa 10 điểm; chưa có dữ liệu thì tính là không có");
    const rec = createEngine(rs).recommend([unit({ diem: 240 })], { asOf: "2025-12-31", trace: true }).results[0]!;
    expect(renderExplanation(explain(rec, rs, "vi"))).toContain("Vi phạm: chưa có dữ liệu, tính là không có theo quy định của bộ tiêu chí");
  });

  it("the rule book says how a blank counts when the set says nothing too (a blank deduction is deducted in full until proved)", () => {
    const rs = set({});
    const vi = renderRulebook(rs, "vi");
    expect(vi).toContain("- Điểm trừ: Vi phạm — 2 điểm cho mỗi đơn vị của «Số lần vi phạm», tối đa 10 điểm; chưa có dữ liệu thì tạm trừ ở mức tối đa cho đến khi có hồ sơ chứng minh");
    expect(vi).toContain("- Điểm thưởng: Mô hình mới — 5 điểm, ≤ 5; chưa có dữ liệu thì chưa cộng (chỉ tính vào điểm có thể đạt)");
    expect(renderRulebook(rs, "en")).toContain("deducted in full while not given, until the evidence is provided");
  });
});
