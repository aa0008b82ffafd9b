import { describe, expect, it } from "vitest";
import { createEngine, explain, renderExplanation, renderRulebook } from "thidua";
import { criteriaFile, criterion, fact, L, loadIssues, standalone, WARD } from "../support/standalone.js";

/**
 * Derived facts (issue 21, point 1): a fact computed from other facts by a formula — exact
 * decimals, three-valued, checked at load, traced and explained, printed in the rule book as a
 * formula. Expected values worked by hand in the comments.
 */
const facts = [
  fact("hoi.vien", "integer", { vi: "Tổng số hội viên", min: 0 }),
  fact("hoi.dat", "integer", { vi: "Số hội viên đạt danh hiệu", min: 0 }),
  fact("hoi.tyLe", "ratio", { vi: "Tỷ lệ hội viên đạt danh hiệu", formula: { op: "/", args: [{ fact: "hoi.dat" }, { fact: "hoi.vien" }] } }),
  fact("a", "number", { vi: "Khoản a" }),
  fact("b", "number", { vi: "Khoản b" }),
  fact("tong", "number", { vi: "Tổng hai khoản", formula: { op: "+", args: [{ fact: "a" }, { fact: "b" }] } }),
  fact("bang", "object", { vi: "Bảng tiêu chuẩn", fields: { x: { type: "boolean", label: L("x") }, y: { type: "boolean", label: L("y") }, z: { type: "boolean", label: L("z") } } }),
  fact("dat", "integer", { vi: "Số tiêu chuẩn đạt", formula: { op: "count", of: { fact: "bang" } } }),
  fact("hoiDong", "number", { vi: "Điểm Hội đồng quyết định" }),
  fact("diem", "number", { vi: "Điểm tháng", formula: { op: "coalesce", args: [{ op: "clamp", args: [{ fact: "hoiDong" }, 0, 300] }, { op: "+", args: [230, { op: "round", args: [{ op: "*", args: [{ fact: "a" }, 3] }], places: 1, mode: "half-even" }] }] } }),
];
const rs = standalone({
  "scheme.json": WARD,
  "facts.json": { facts },
  "criteria/ward.json": criteriaFile([
    criterion("c.1", { maxPoints: 10, conditions: { fact: "hoi.tyLe", operator: "greaterThanInclusive", value: 0.7, basis: "regulation" } }),
    criterion("c.2", { maxPoints: 5, conditions: { fact: "tong", operator: "equal", value: 0.3, basis: "regulation" } }),
    criterion("c.3", { maxPoints: 300, perUnit: { fact: "diem", pointsPerUnit: 1, basis: "regulation" } }),
    criterion("c.4", { maxPoints: 3, tiers: [{ points: 3, conditions: { fact: "dat", operator: "equal", value: 3, basis: "regulation" } }, { points: 1, conditions: { fact: "dat", operator: "greaterThanInclusive", value: 2, basis: "regulation" } }] }),
  ]),
});
const unit = (facts: Record<string, unknown>) => ({ id: "p-1", name: "Phường Một", group: "ward", year: 2025, facts });
const engines = [createEngine(rs), createEngine(rs, { implementation: "reference" })] as const;
const score = (facts: Record<string, unknown>) => engines.map((e) => e.score(unit(facts), { asOf: "2025-12-31" }));
const points = (facts: Record<string, unknown>) => score(facts).map((r) => Object.fromEntries(r.criteria.map((c) => [c.id, `${c.status} ${c.points}`])));

describe("derived facts", () => {
  it("compute exactly: 0.1 + 0.2 is 0.3 (in binary floating point it is not)", () => {
    expect(0.1 + 0.2 === 0.3).toBe(false);
    for (const p of points({ a: 0.1, b: 0.2 })) expect(p["c.2"]).toBe("met 5");
  });

  it("are what conditions read: 62 of 100 members is 62% (< 70%), 70 of 100 is 70%", () => {
    for (const p of points({ "hoi.vien": 100, "hoi.dat": 62 })) expect(p["c.1"]).toBe("not_met 0");
    for (const p of points({ "hoi.vien": 100, "hoi.dat": 70 })) expect(p["c.1"]).toBe("met 10");
  });

  it("count and coalesce: two of three standards; the board's score replaces the computed one, clamped to 0–300", () => {
    for (const p of points({ bang: { x: true, y: true, z: false } })) expect(p["c.4"]).toBe("partial 1");
    // 230 + round(0.35 × 3 = 1.05, 1 place, half-even) = 230 + 1 = 231
    for (const p of points({ a: 0.35 })) expect(p["c.3"]).toBe("partial 231");
    for (const p of points({ a: 0.35, hoiDong: 350 })) expect(p["c.3"]).toBe("met 300");
    for (const p of points({ hoiDong: 280 })) expect(p["c.3"]).toBe("partial 280");
  });

  it("are unknown when an input they need is unknown, and the missing input (not the derived fact) is listed", () => {
    for (const r of score({ a: 0.1 })) {
      const c2 = r.criteria.find((c) => c.id === "c.2")!;
      expect([c2.status, c2.missingFacts]).toEqual(["unknown", ["b"]]);
      // c.3 is settled by a alone (the board's score is optional): nothing missing
      expect(r.criteria.find((c) => c.id === "c.3")!.missingFacts).toEqual([]);
      expect(r.missingFacts).toEqual(["hoi.vien", "hoi.dat", "b", "bang"]);
    }
  });

  it("refuse a profile whose formula cannot be computed (division by zero, a ratio above 1) or that gives a derived fact", () => {
    const codes = (facts: Record<string, unknown>) => {
      const r = engines[0].validate(unit(facts));
      return r.ok ? [] : r.issues.map((i) => `${i.code} ${i.path.join("/")}`);
    };
    expect(codes({ "hoi.vien": 0, "hoi.dat": 0 })).toEqual(["profiles.derived facts/hoi.tyLe"]);
    expect(codes({ "hoi.vien": 100, "hoi.dat": 120 })).toEqual(["profiles.derived facts/hoi.tyLe"]);
    expect(codes({ tong: 1 })).toEqual(["profiles.derived facts/tong"]);
  });

  it("are explained with their formula and values: «tỷ lệ = 62 ÷ 100 = 62%»", () => {
    const rec = engines[0].recommend([unit({ "hoi.vien": 100, "hoi.dat": 62 })], { asOf: "2025-12-31", trace: true }).results[0]!;
    const text = renderExplanation(explain(rec, rs, "vi"));
    expect(text).toContain("Tỷ lệ hội viên đạt danh hiệu = «Số hội viên đạt danh hiệu» ÷ «Tổng số hội viên» = 62 ÷ 100 = 62%");
    expect(renderExplanation(explain(rec, rs, "en"))).toContain("Tỷ lệ hội viên đạt danh hiệu = «Số hội viên đạt danh hiệu» ÷ «Tổng số hội viên» = 62 ÷ 100 = 62%");
  });

  it("are printed in the rule book as formulas", () => {
    const vi = renderRulebook(rs, "vi");
    expect(vi).toContain("## Dữ kiện tính toán");
    expect(vi).toContain("- `hoi.tyLe`: «Tỷ lệ hội viên đạt danh hiệu» = «Số hội viên đạt danh hiệu» ÷ «Tổng số hội viên»");
    expect(vi).toContain("- `diem`: «Điểm tháng» = (giới hạn(«Điểm Hội đồng quyết định»; từ 0 đến 300), nếu chưa có thì 230 + làm tròn(«Khoản a» × 3; 1 chữ số thập phân; đúng nửa đơn vị làm tròn về số chẵn))");
    expect(vi).toContain("- `dat`: «Số tiêu chuẩn đạt» = số mục đạt của «Bảng tiêu chuẩn»");
  });

  it("are checked at load: unknown facts, types, cycles, a rounding without its rule — with paths", () => {
    const set = (extra: unknown[]) => ({ "scheme.json": WARD, "facts.json": { facts: [fact("n", "integer"), fact("t", "boolean"), ...extra] }, "criteria/ward.json": criteriaFile([criterion("c.1", { maxPoints: 1, conditions: { fact: "t", operator: "equal", value: true } })]) });
    expect(loadIssues(set([fact("x", "number", { formula: { op: "+", args: [{ fact: "n" }, { fact: "khong" }] } })]))).toEqual(["rules.unknown_fact facts/2/formula/args/1/fact"]);
    expect(loadIssues(set([fact("x", "number", { formula: { op: "+", args: [{ fact: "n" }, { fact: "t" }] } })]))).toEqual(["rules.formula facts/2/formula"]);
    expect(loadIssues(set([fact("x", "integer", { formula: { op: "/", args: [{ fact: "n" }, 2] } })]))).toEqual(["rules.formula facts/2/formula"]);
    expect(loadIssues(set([fact("x", "integer", { formula: { op: "round", args: [{ fact: "n" }] } })]))).toEqual(["rules.formula facts/2/formula"]);
    expect(loadIssues(set([fact("x", "number", { formula: { op: "+", args: [{ fact: "y" }, 1] } }), fact("y", "number", { formula: { op: "*", args: [{ fact: "x" }, 2] } })]))).toEqual(["rules.formula_cycle facts/2/formula"]);
  });
});
