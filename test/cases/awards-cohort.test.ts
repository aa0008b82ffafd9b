import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createEngine, type Recommendation } from "thidua";
import { loadLocal } from "../support/rules.js";

/**
 * Two clusters of individuals (fixtures/cohorts/individuals-2025.json), ranks and awards worked out by
 * hand from rules/vn-2447-2025 (individual criteria 1–7, classes, awards.json):
 * armed-forces score = individual.1 (tiers 30/20/10 on activities, +10 bravery) + individual.2 (task
 * rating 20/14/7) + individual.3 (5 per relative, ≤15) + individual.4 (2 per session, ≤10) +
 * individual.5 (25 ministry/province-wide initiative, 18 grassroots); other people: individual.1 +
 * individual.6 (10 per example, ≤40) + individual.7 (15 per report, ≤30). Decided with Khánh Hòa's rule set,
 * which extends the national one and switches on the 15% grassroots-fighter quota the law in force no
 * longer sets (rules/khanh-hoa-2025/overrides.json); without it (the national set) every eligible
 * person is proposed (test/cases/chien-si-thi-dua-co-so-khong-ty-le.json).
 */
const profiles = JSON.parse(readFileSync(new URL("../../fixtures/cohorts/individuals-2025.json", import.meta.url), "utf8"));
const engine = createEngine(loadLocal());
const report = engine.recommend(profiles, { asOf: "2025-12-31" });
const byId = new Map(report.results.map((r) => [r.unitId, r]));
const get = (id: string): Recommendation => byId.get(id)!;
const status = (id: string, award: string) => get(id).eligibility.find((e) => e.award === `award.${award}`)?.status;

describe("award fixture cohort (hand-worked)", () => {
  it("scores and ranks cluster A with every tie-break", () => {
    const a = report.results.filter((r) => r.cohort === "cum-cong-an-xa-1");
    expect(a.map((r) => [r.rank, r.unitId, r.score, r.classification, r.decidedBy])).toEqual([
      [1, "ca-01", "93", "xuat-sac", null], // 30+20+15+10+18
      [2, "ca-02", "93", "xuat-sac", "moreMet"], // 20+10 bravery +20+15+10+18; individual.1 only partly met
      [3, "ca-07", "93", "kha", "notKnockedOut"], // disciplined: knocked out, so not "xuất sắc"
      [4, "ca-03", "87", "kha", "score"], // task rating "tốt": 14
      [5, "ca-04", "87", "kha", "unitId"],
      [6, "ca-06", "75", "kha", "score"], // no initiative
      [7, "ca-09", "75", "kha", "unitId"],
      [8, "ca-10", "75", "kha", "unitId"],
      [9, "ca-05", "59", "trung-binh", "score"], // 30+20+5+4+0
      [10, "ca-08", "17", "yeu", "score"], // 10+7
    ]);
  });

  it("applies Khánh Hòa's grassroots CSTĐ quota (15% of LĐTT holders, floor): it binds and the best-ranked wins", () => {
    const q = report.cohorts.find((c) => c.cohort === "cum-cong-an-xa-1")!.quotas.find((x) => x.award === "award.chien-si-thi-dua-co-so")!;
    expect(q).toEqual({ award: "award.chien-si-thi-dua-co-so", share: "0.15", base: 7, exact: "1.05", allowed: 1, candidates: 7, granted: 1, binding: true });
    expect(status("ca-01", "chien-si-thi-dua-co-so")).toBe("eligible");
    for (const id of ["ca-02", "ca-03", "ca-04", "ca-06", "ca-09", "ca-10"]) expect(status(id, "chien-si-thi-dua-co-so"), id).toBe("quota");
    // ca-02 lost the quota, falls back to LĐTT, and so misses the 2-consecutive-CSTĐ Bằng khen
    expect(get("ca-02").alongside.map((x) => x.id)).toContain("award.lao-dong-tien-tien");
    expect(status("ca-02", "bang-khen-tinh")).toBe("ineligible");
  });

  it("proposes the highest award, lists what stands beside it and the alternatives", () => {
    const r = get("ca-01");
    expect(r.award?.id).toBe("award.bang-khen-tinh"); // CSTĐ cơ sở this year + 2024 = 2 consecutive
    expect(r.alongside.map((x) => x.id)).toEqual(["award.bang-khen-chu-tich-ubnd-tinh-phong-trao", "award.chien-si-thi-dua-co-so"]);
    expect(r.alternatives.map((x) => x.id)).toEqual(["award.giay-khen-giam-doc-cong-an-tinh", "award.giay-khen", "award.lao-dong-tien-tien"]);
    expect(get("ca-02").award?.id).toBe("award.bang-khen-chu-tich-ubnd-tinh-phong-trao");
    for (const id of ["ca-03", "ca-04", "ca-06", "ca-09", "ca-10"]) expect(get(id).award?.id, id).toBe("award.giay-khen-giam-doc-cong-an-tinh");
    for (const id of ["ca-05", "ca-07", "ca-08"]) expect(get(id).award, id).toBeNull();
    expect(get("ca-01").award?.bonusCoefficient).toBeNull();
    expect(get("ca-01").alongside[1]!.bonusCoefficient).toBe(1);
  });

  it("says what is missing for the next award, with points short", () => {
    expect(get("ca-05").nearMisses[0]).toMatchObject({ award: "award.lao-dong-tien-tien", pointsShort: "11" });
    expect(get("ca-08").nearMisses[0]).toMatchObject({ award: "award.lao-dong-tien-tien", pointsShort: "53" });
    expect(get("ca-07").nearMisses[0]!.missing.map((m) => m.kind)).toContain("knockout");
    expect(get("ca-01").nearMisses.map((n) => n.award)).toContain("award.chien-si-thi-dua-tinh");
  });

  it("treats a missing history as unknown and asks for it", () => {
    expect(status("ca-09", "bang-khen-tinh")).toBe("unknown");
    expect(status("ca-10", "bang-khen-tinh")).toBe("ineligible");
    const ev = get("ca-09").missingEvidence;
    expect(ev.some((e) => e.fact === undefined && e.label.vi.includes("2024"))).toBe(true);
  });

  it("decides cluster B separately: knock-out tie, unknown evidence, a quota of zero", () => {
    const b = report.results.filter((r) => r.cohort === "cum-khu-dan-cu-2");
    expect(b.map((r) => [r.rank, r.unitId, r.score, r.classification, r.award?.id ?? null])).toEqual([
      [1, "cb-01", "100", "xuat-sac", "award.bang-khen-chu-tich-ubnd-tinh-phong-trao"], // 30+40+30
      [2, "cb-03", "100", "kha", null], // prosecuted: knocked out
      [3, "cb-04", "60", "trung-binh", null], // activities unknown: 0+30+30
      [4, "cb-02", "55", "trung-binh", null], // 20+20+15
    ]);
    expect(get("cb-01").alternatives.map((x) => x.id)).toEqual(["award.bang-khen-chu-tich-mttq-tinh"]);
    expect(status("cb-01", "chien-si-thi-dua-co-so")).toBe("quota"); // floor(0.15 × 1) = 0
    const q = report.cohorts.find((c) => c.cohort === "cum-khu-dan-cu-2")!.quotas[0]!;
    expect([q.exact, q.allowed]).toEqual(["0.15", 0]); // the report says why the quota is 0
    expect(status("cb-04", "lao-dong-tien-tien")).toBe("unknown"); // "khá" only if the activities are shown
    expect(get("cb-04").scoreResult.potentialClassification).toBe("xuat-sac");
    expect(get("cb-04").missingEvidence.map((e) => e.fact)).toContain("person.movementActivities");
  });

  it("accounts for every profile", () => {
    expect(report.results.length + report.rejected.length).toBe(profiles.length);
    expect(report.rejected).toEqual([]);
  });
});
