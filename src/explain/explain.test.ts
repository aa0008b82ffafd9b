import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createEngine, type Recommendation } from "../index.js";
import { loadLocal, loadNational } from "../../test/support/rules.js";
import { buildDecisionRecord, reportCatalog } from "../report/index.js";
import { createFormatter, en, explain, formatItem, INPUT_ISSUE_KINDS, renderExplanation, RULES_ISSUE_KINDS, SPECIAL_FILE_KINDS, vi, type Item } from "./index.js";

// Khánh Hòa's set: it extends the national one and switches on the 15% and 20% quotas, so quotas are exercised
const rs = loadLocal();
const profiles = JSON.parse(readFileSync(new URL("../../fixtures/cohorts/individuals-2025.json", import.meta.url), "utf8"));
const engine = createEngine(rs);
const traced = engine.recommend(profiles, { asOf: "2025-12-31", trace: true });
const plain = engine.recommend(profiles, { asOf: "2025-12-31" });
const get = (id: string, r = traced): Recommendation => r.results.find((x) => x.unitId === id)!;
const explainUnit = (id: string, lang: "vi" | "en" = "vi") => explain(get(id), rs, lang);
const keys = (items: readonly Item[]) => items.map((i) => i.key);

describe("explain (data)", () => {
  it("a knocked-out unit: headline names the reason, the knock-out criterion is violated with its fact", () => {
    const e = explainUnit("ca-07");
    expect(e.headline).toEqual({ key: "headline.knockout", params: { reasons: "bị xử lý kỷ luật trong năm" } });
    const k1 = e.criteria.find((i) => i.key === "criterion.knockout" && i.params.id === "individual.k1")!;
    expect(k1.params).toMatchObject({ status: "met" });
    expect(k1.ref?.source).toBe("luat-06-2022");
    expect(k1.details?.[0]).toEqual({ key: "fact.value", params: { fact: "Bị xử lý kỷ luật trong năm", actual: "có" } });
    expect(e.award).toEqual([]);
    expect(e.nearMisses[0]!.details?.[0]).toEqual({ key: "check.knockout", params: { reasons: "bị xử lý kỷ luật trong năm" } });
    expect(e.reasons.map((i) => i.key)).toEqual(["headline.knockout", "reason.tie"]);
  });

  it("a quota loss: the near miss says the position, the allowance and its base", () => {
    const e = explainUnit("ca-02");
    const q = e.nearMisses.find((i) => i.key === "near.header" && i.params.status === "quota")!;
    expect(q.params).toMatchObject({ award: "Chiến sĩ thi đua cơ sở", kind: "title", points: 0 });
    expect(q.details).toEqual([
      { key: "check.quota", params: { allowed: 1, base: 7, position: 2, candidates: 7, exact: 1.05, share: 15, of: "Lao động tiên tiến / Chiến sĩ tiên tiến", rounding: "floor" } },
    ]);
    expect(e.reasons).toContainEqual({ key: "reason.quota", params: { award: "Chiến sĩ thi đua cơ sở", kind: "title", allowed: 1, base: 7, position: 2, candidates: 7, exact: 1.05, share: 15, rounding: "floor" } });
    expect(e.standing).toContainEqual({ key: "standing.tie", params: { rule: "moreMet" } });
  });

  it("the quota winner sees its position within the quota beside the award", () => {
    const cstd = explainUnit("ca-01").award.find((i) => i.key === "award.alongside" && i.params.award === "Chiến sĩ thi đua cơ sở")!;
    expect(keys(cstd.details ?? [])).toEqual(["award.bonus", "award.quotaWithin"]);
    expect(cstd.details![1]!.params).toMatchObject({ position: 1, candidates: 7, allowed: 1, base: 7 });
  });

  it("a near miss gives the points short and the class required", () => {
    const e = explainUnit("ca-03");
    const nm = e.nearMisses.find((i) => i.key === "near.header" && i.params.award === "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh")!;
    expect(nm.params).toMatchObject({ status: "ineligible", points: 3, kind: "commendation" });
    expect(nm.details).toEqual([{ key: "check.minClass", params: { required: "Xuất sắc", actual: "Khá" } }]);
    expect(e.reasons).toContainEqual({ key: "reason.pointsShort", params: { award: "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", kind: "commendation", points: 3 } });
  });

  it("missing evidence becomes a to-do list and an unknown criterion names the missing fact", () => {
    const e = explainUnit("cb-04");
    expect(e.headline).toEqual({ key: "headline.pending", params: { count: 3 } });
    // activities (criterion individual.1), the initiative's scope (a condition of the provincial and national CSTĐ), the record of 2024
    expect(keys(e.todo)).toEqual(["todo.evidence", "todo.evidence", "todo.evidence"]);
    expect(e.todo[1]!.params).toMatchObject({ criteria: "", awards: expect.stringContaining("Chiến sĩ thi đua") });
    expect(e.todo[0]!.params).toMatchObject({ criteria: "individual.1", evidence: "Sổ theo dõi, danh sách tham gia có xác nhận của Công an cấp xã hoặc cơ quan, đơn vị" });
    const c1 = e.criteria.find((i) => i.key === "criterion.result" && i.params.id === "individual.1")!;
    expect(c1.params).toMatchObject({ status: "unknown", points: 0, max: 30 });
    expect(keys(c1.details ?? [])).toEqual(["fact.missing"]);
  });

  it("a tiered criterion: the tier reached with its facts, the tier above with what it lacks, the bonus", () => {
    const c1 = explainUnit("ca-02").criteria.find((i) => i.key === "criterion.result" && i.params.id === "individual.1")!;
    expect(c1.params).toEqual({ id: "individual.1", title: "Tích cực tham gia, hưởng ứng phong trào thi đua", status: "partial", points: 30, max: 30, bonus: 10, deduction: 0 });
    expect(c1.ref).toMatchObject({ source: "qd-2447-2025" });
    const [tier, missed, bonus] = c1.details!;
    expect(tier).toMatchObject({ key: "criterion.tier", params: { label: "≥ 6 lượt tham gia", points: 20 } });
    expect(tier!.details![0]).toMatchObject({ key: "fact.met", params: { actual: "6 lần", operator: "greaterThanInclusive", required: "6 lần" } });
    expect(missed).toMatchObject({ key: "criterion.tierMissed", params: { label: "≥ 12 lượt tham gia", points: 30 } });
    expect(missed!.details![0]).toMatchObject({ key: "fact.unmet", params: { actual: "6 lần", required: "12 lần" } });
    expect(bonus).toMatchObject({ key: "criterion.bonus", params: { points: 10 } });
  });

  it("without traces it still gives verdicts, points and tiers", () => {
    const e = explain(get("ca-02", plain), rs, "vi");
    const c1 = e.criteria.find((i) => i.key === "criterion.result" && i.params.id === "individual.1")!;
    expect(c1.details?.map((d) => [d.key, d.details])).toEqual([["criterion.tier", undefined], ["criterion.tierMissed", undefined]]);
  });

  it("explains a score alone (engine.score): the same standing and criteria as its recommendation, no rank or award, the facts to collect", () => {
    const profile = profiles.find((p: { id: string }) => p.id === "ca-02");
    const sr = engine.score(profile, { asOf: "2025-12-31" });
    const fromScore = explain(sr, rs, "vi");
    const fromRec = explainUnit("ca-02");
    expect(fromScore.criteria).toEqual(fromRec.criteria);
    expect(fromScore.standing).toEqual(fromRec.standing.filter((i) => i.key !== "standing.rank" && i.key !== "standing.tie"));
    expect(fromScore.headline).toEqual({ key: "headline.scored", params: { year: 2025, score: Number(sr.score), max: 100, cls: "Xuất sắc" } });
    expect([fromScore.award, fromScore.nearMisses, fromScore.reasons]).toEqual([[], [], []]);
    expect(fromScore.todo.length).toBe(sr.missingFacts.length);
    const partial = engine.score({ ...profile, facts: {} }, { asOf: "2025-12-31" });
    const todo = explain(partial, rs, "en").todo;
    expect(todo.length).toBe(partial.missingFacts.length);
    expect(todo.length).toBeGreaterThan(0);
    expect(todo[0]).toMatchObject({ key: "todo.evidence", params: { awards: "" } });
    expect(renderExplanation(fromScore)).toContain("Kết quả chấm điểm thi đua năm 2025");
  });

  it("an override shows the final decision beside the computed one", () => {
    const o = { unitId: "ca-03", award: "award.chien-si-thi-dua-co-so", reason: "Thành tích đột xuất", decidedBy: "Hội đồng TĐKT", date: "2026-01-15" };
    const record = buildDecisionRecord(rs, traced, { input: "x", inputCount: 14, overrides: [o] });
    const e = explain(record.results.find((r) => r.unitId === "ca-03")!, rs, "vi");
    expect(e.headline).toEqual({ key: "headline.overridden", params: { award: "Chiến sĩ thi đua cơ sở", computed: "Giấy khen của Giám đốc Công an tỉnh" } });
    expect(e.award.slice(-2)).toEqual([
      { key: "award.computed", params: { award: "Giấy khen của Giám đốc Công an tỉnh" } },
      { key: "award.override", params: { award: "Chiến sĩ thi đua cơ sở", reason: "Thành tích đột xuất", decidedBy: "Hội đồng TĐKT", date: "2026-01-15" } },
    ]);
    expect(formatItem(e.award.at(-1)!, "vi")).toBe("Hội đồng quyết định: Chiến sĩ thi đua cơ sở — lý do: Thành tích đột xuất (Hội đồng TĐKT, 15/01/2026)");
  });
});

/** Every key path of a catalog (functions and strings are leaves). */
const paths = (o: object, prefix = ""): string[] =>
  Object.entries(o).flatMap(([k, v]) => (v && typeof v === "object" ? paths(v, `${prefix}${k}.`) : [`${prefix}${k}`])).sort();

describe("catalogs", () => {
  it("vi and en have exactly the same keys", () => {
    expect(paths(en)).toEqual(paths(vi));
  });

  it("formats numbers and dates per locale", () => {
    expect(createFormatter("vi").num(12.5)).toBe("12,5");
    expect(createFormatter("en").num(12.5)).toBe("12.5");
    expect(createFormatter("vi").date("2025-12-31")).toBe("31/12/2025");
    expect(createFormatter("en").date("2025-12-31")).toBe("31 December 2025");
    const item = { key: "criterion.result", params: { id: "x.1", title: "T", status: "partial", points: 12.5, max: 15, bonus: 0, deduction: 0 } } as const;
    expect(formatItem(item, "vi")).toBe("Tiêu chí x.1 — T: đạt một phần, 12,5/15 điểm");
    expect(formatItem(item, "en")).toBe("Criterion x.1 — T: partly met, 12.5/15 points");
  });

  it("every message is NFC, for every enumerated variant", () => {
    const variants: Record<string, readonly (string | number)[]> = {
      status: ["met", "partial", "not_met", "unknown", "not_applicable"],
      rule: ["score", "notKnockedOut", "fewerUnknown", "moreMet", "unitId", "scored", "potentialScore", "selfScore", "name", "fact"],
      policy: ["lastReviewer", "council", "self"],
      role: ["reviewer", "council"],
      how: ["zero", "cap"],
      better: ["higher", "lower"],
      mode: ["half-up", "half-even", "floor", "ceil"],
      kind: ["title", "commendation", "medal"],
      rounding: ["floor", "ceil", "half-up"],
      group: ["ministry", "province", "front", "enterprise", "individual"],
      code: ["schema", "unknown_fact", "fact_type", "fact_range", "fact_enum", "fact_date", "fact_not_in_group", "unknown_group", "duplicate_id", "forbidden_key", "unknown_award", "derived", "assessment"],
      operator: Object.keys(vi.op),
      problem: INPUT_ISSUE_KINDS,
      fileKind: SPECIAL_FILE_KINDS,
      severity: ["error", "warning"],
    };
    // the issue messages that switch on their own codes and problems
    const perKey: Record<string, Record<string, readonly (string | number)[]>> = {
      "issue.overrides": { code: ["schema", "date", "unknown_award", "duplicate", "unmatched", "award_mismatch"], problem: ["missing", "unknown", "notObject", "notArray"] },
      "issue.record": { code: ["invalid_json", "schema", "unsupported_version"], problem: ["truncated", "depth", "duplicate", "syntax", "format", "missing", "unknown", "invalid", "too_large", "utf8"] },
      "record.field": { field: ["ruleset", "rulesetSha256", "verified", "asOf", "inputSha256", "inputCount", "engine", "outcomeSha256", "options"] },
      citation: { doubt: ["", "secondary", "unconfirmed", "unlisted", "noSection", "repealed", "sourceUnconfirmed"] },
      "issue.rules": { code: RULES_ISSUE_KINDS, what: ["files", "facts", "criteria", "criteriaPerGroup", "conditions", "tiersAndAdjustments", "awards", "classes", "sources", "extends"] },
    };
    // the explanations' catalog and the reports' (headings, columns, issues)
    for (const cat of [vi, en]) {
      const f = createFormatter(cat === vi ? "vi" : "en");
      for (const [key, fn] of Object.entries({ ...cat.msg, ...reportCatalog(cat === vi ? "vi" : "en") })) {
        for (let n = 0; n < 40; n++) {
          const v = { ...variants, ...perKey[key] };
          const params = new Proxy({}, { get: (_, p: string) => (v[p] ? v[p]![Math.floor(n / 2) % v[p]!.length] : n % 2 ? "Đạt “Xuất sắc”" : n) });
          const s = (fn as (p: unknown, f: unknown) => string)(params, f);
          expect(s.normalize("NFC"), key).toBe(s);
          if (n % 2 === 0) expect(s, key).not.toMatch(/undefined|NaN|\[object/); // all parameters numbers: no holes
        }
      }
    }
    for (const r of traced.results) for (const lang of ["vi", "en"] as const) {
      const s = renderExplanation(explain(r, rs, lang), lang);
      expect(s.normalize("NFC")).toBe(s);
    }
  });
});

describe("explain: doubts and bonuses as the law gives them", () => {
  const national = loadNational();
  const cases = JSON.parse(readFileSync(new URL("../../test/cases/chien-si-thi-dua-tinh-chuoi-da-dung.json", import.meta.url), "utf8"));
  const report = createEngine(national).recommend(cases.profiles, { asOf: "2025-12-31" });
  const unit = report.results.find((r) => r.unitId === "chua-dung-chuoi")!; // CSTĐ tỉnh (3.0) proposed with CSTĐ cơ sở (1.0) beside it
  const text = renderExplanation(explain(unit, national, "vi"));

  it("a citation that is not a confirmed provision says so beside it (Law Art. 74(1)(d) secondary, Decision 2447 unchecked)", () => {
    expect(text).toContain("Điều 74 khoản 1 điểm d (đối chiếu qua nguồn thứ cấp)");
    expect(text).toContain("ý 1 và ý 2 (tích cực tham gia phong trào) (nội dung văn bản chưa đối chiếu với bản gốc)");
    expect(text).toMatch(/Điều 22\n/); // confirmed: no doubt printed
  });

  it("only the highest title's bonus is paid for one period (Decree 152 Art. 49): the lower title says so, cited where its coefficient is set", () => {
    const bonuses = explain(unit, national, "vi").award.flatMap((i) => (i.details ?? []).filter((d) => d.key === "award.bonus"));
    expect(bonuses.map((b) => [b.params, b.ref?.section])).toEqual([
      [{ coefficient: 3, superseded: false }, "Điều 50 khoản 1"],
      [{ coefficient: 1, superseded: true }, "Điều 50 khoản 1"],
    ]);
    expect(text).toContain("Tiền thưởng: hệ số 1 × mức lương cơ sở — không nhận thêm, vì trong cùng thời gian chỉ nhận tiền thưởng của danh hiệu cao nhất (Điều 49 Nghị định 152/2025/NĐ-CP)");
  });
});
