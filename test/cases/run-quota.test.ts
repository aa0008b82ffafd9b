import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createEngine } from "thidua";
import { loadLocal } from "../support/rules.js";

/**
 * The Government emulation flag under Khánh Hòa's rule set, which switches on a 20% quota (the law in
 * force sets none; the national set applies none): at most 20% (floor) of the collectives that receive
 * the ministry/province flag, counted over every cluster scored together (quota scope "run"), while
 * the ministry/province flag itself goes to the leading unit of each cluster.
 */
const provinces = JSON.parse(readFileSync(new URL("../../fixtures/profiles/province.json", import.meta.url), "utf8"));
const strong = provinces.find((p: { id: string }) => p.id === "pv-quang-ninh");
const engine = createEngine(loadLocal());

describe("run-wide quota (Government flag)", () => {
  const clusters = ["cum-1", "cum-2", "cum-3", "cum-4", "cum-5"];
  const profiles = [
    ...clusters.map((c, i) => ({ ...strong, id: `pv-${"abcde"[i]}`, cohort: c })),
    { ...strong, id: "pv-f", cohort: "cum-1" }, // second strong unit in cluster 1: no flag (one per cluster)
  ];
  const report = engine.recommend(profiles, { asOf: "2025-12-31" });
  const status = (id: string, award: string) => report.results.find((r) => r.unitId === id)!.eligibility.find((e) => e.award === award)!.status;

  it("gives the cluster flag to one unit per cluster", () => {
    for (const id of ["pv-a", "pv-b", "pv-c", "pv-d", "pv-e"]) expect(status(id, "award.co-thi-dua-tinh"), id).toBe("eligible");
    expect(status("pv-f", "award.co-thi-dua-tinh")).toBe("quota");
  });

  it("shares the Government flag across the run: floor(20% × 5 flag holders) = 1, best-ranked wins", () => {
    expect(report.runQuotas).toEqual([{ award: "award.co-thi-dua-chinh-phu", share: "0.2", base: 5, exact: "1", allowed: 1, candidates: 5, granted: 1, binding: true }]);
    expect(status("pv-a", "award.co-thi-dua-chinh-phu")).toBe("eligible"); // equal scores: unit id decides
    for (const id of ["pv-b", "pv-c", "pv-d", "pv-e"]) expect(status(id, "award.co-thi-dua-chinh-phu"), id).toBe("quota");
    expect(status("pv-f", "award.co-thi-dua-chinh-phu")).toBe("ineligible"); // no cluster flag this year
    expect(report.results.find((r) => r.unitId === "pv-a")!.award?.id).toBe("award.co-thi-dua-chinh-phu");
  });

  it("does not depend on input order", () => {
    const again = engine.recommend([...profiles].reverse(), { asOf: "2025-12-31" });
    expect(JSON.stringify(again)).toBe(JSON.stringify(report));
  });
});
