import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createEngine, type RecommendationReport } from "thidua";
import { loadLocal } from "../support/rules.js";

/**
 * Names may hold any separator. A run-wide quota (the Government flag: 20% of the cluster-flag
 * holders of every cluster scored together) must decide the same whatever the clusters and unit
 * ids are called: the run is compared with the same run where every name is replaced by a plain
 * one (ids in the same code-unit order, so that ties break alike) — grouping by the structured
 * values, not by strings joined with a separator.
 */
// Khánh Hòa's set switches on the run-wide Government-flag quota
const engine = createEngine(loadLocal());
const provinces = JSON.parse(readFileSync(new URL("../../fixtures/profiles/province.json", import.meta.url), "utf8"));
const strong = provinces.find((p: { id: string }) => p.id === "pv-quang-ninh");

/** Pieces names are made of: separators (`|`, NUL, tab, the JSON and path punctuation) and what keys hold beside them (a year, a group). */
const piece = fc.constantFrom("a", "b", "|", "\u0000", "\t", "2025", "province", '"', ",", "[", "]", "\\", "/", ":", " ");
const name = fc.array(piece, { minLength: 1, maxLength: 5 }).map((p) => p.join(""));

interface Unit {
  readonly id: string;
  readonly cohort: string;
}

function outcome(report: RecommendationReport, ids: ReadonlyMap<string, string>, cohorts: ReadonlyMap<string, string>) {
  const back = (m: ReadonlyMap<string, string>, v: string) => [...m].find(([, a]) => a === v)?.[0] ?? v;
  const rows = report.results.map((r) => ({
    cohort: back(cohorts, r.cohort ?? ""),
    id: back(ids, r.unitId),
    award: r.award?.id ?? null,
    statuses: r.eligibility.map((e) => `${e.award}:${e.status}`),
  }));
  return { rows: rows.sort((a, b) => (a.cohort === b.cohort ? (a.id < b.id ? -1 : 1) : a.cohort < b.cohort ? -1 : 1)), runQuotas: report.runQuotas };
}

/** The same run with plain names: ids keep their order (`u000…`), clusters get any distinct plain names. */
function plainRun(units: readonly Unit[]) {
  const ids = new Map([...new Set(units.map((u) => u.id))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map((id, i) => [id, `u${String(i).padStart(4, "0")}`]));
  const cohorts = new Map([...new Set(units.map((u) => u.cohort))].map((c, i) => [c, `c${i}`]));
  const profile = (u: Unit, id: string, cohort: string) => ({ ...strong, id, name: `Tỉnh ${id}`, cohort });
  const named = engine.recommend(units.map((u) => profile(u, u.id, u.cohort)), { asOf: "2025-12-31" });
  const plain = engine.recommend(units.map((u) => profile(u, ids.get(u.id)!, cohorts.get(u.cohort)!)), { asOf: "2025-12-31" });
  return { named: outcome(named, new Map(), new Map()), plain: outcome(plain, ids, cohorts) };
}

describe("separator characters in names (issue 19)", () => {
  it("a cluster and a unit id whose joined names collide (`a` + `2025|x`, `a|2025` + `x`) do not share a run-wide position", () => {
    const units = [
      { cohort: "a", id: "2025|x" },
      { cohort: "a|2025", id: "x" },
      { cohort: "c", id: "y1" },
      { cohort: "d", id: "y2" },
      { cohort: "e", id: "y3" },
    ];
    const { named, plain } = plainRun(units);
    expect(named).toEqual(plain);
    // floor(20% of 5 flag holders) = 1 Government flag, not 2
    expect(named.rows.filter((r) => r.award === "award.co-thi-dua-chinh-phu")).toHaveLength(1);
  });

  it("a run decides the same whatever separators the clusters and ids hold", () => {
    const single = fc.record({ cohort: name, id: name }).map((u) => [u]);
    // pairs whose `cohortKey|id` strings are equal: the cluster "c" with the id "2025|t", the cluster "c|2025" with the id "t"
    const colliding = fc.record({ c: name, t: name }).map(({ c, t }) => [{ cohort: c, id: `2025|${t}` }, { cohort: `${c}|2025`, id: t }]);
    const units = fc
      .array(fc.oneof(single, colliding), { minLength: 3, maxLength: 9 })
      .map((xs) => [...new Map(xs.flat().map((u) => [u.id, u])).values()])
      .filter((list) => list.length >= 5);
    fc.assert(
      fc.property(units, (list) => {
        const { named, plain } = plainRun(list);
        expect(named).toEqual(plain);
      }),
      { numRuns: Number(process.env["FUZZ_RUNS"] ?? 200) },
    );
  });
});
