import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createEngine, loadRuleSetFromFiles } from "thidua";
import { edit, filesOf, NATIONAL } from "../support/rules.js";

/**
 * "An initiative counts once" (a history prerequisite, kind `freshInitiatives`): the brief marks the
 * rule unconfirmed, so the national catalog does not use it; this test adds it to the grassroots
 * CSTĐ in a copy of the rule set and checks the engine's semantics.
 */
const files = edit(filesOf(NATIONAL), "awards.json", (j) => {
  const a = j.awards.find((x: { id: string }) => x.id === "award.chien-si-thi-dua-co-so");
  a.history = [...(a.history ?? []), { kind: "freshInitiatives", min: 1, basis: "policy-default" }];
});
const r = loadRuleSetFromFiles(files);
if (!r.ok) throw new Error(JSON.stringify(r.issues));
const engine = createEngine(r.value);
const cohort = JSON.parse(readFileSync(new URL("../../fixtures/cohorts/individuals-2025.json", import.meta.url), "utf8"));
const ca01 = cohort.find((p: { id: string }) => p.id === "ca-01");
const check = (p: unknown) => {
  const rec = engine.recommend([p], { asOf: "2025-12-31" }).results[0]!;
  const st = rec.eligibility.find((e) => e.award === "award.chien-si-thi-dua-co-so")!;
  return { status: st.status, check: st.checks.find((c) => c.kind === "history" && c.requirement.kind === "freshInitiatives") };
};

describe("an initiative counts once", () => {
  it("passes with an initiative no earlier award used", () => {
    const history = ca01.history.map((h: { year: number }) => (h.year === 2024 ? { ...h, initiatives: ["sk-2024-02"] } : h));
    expect(check({ ...ca01, initiatives: ["sk-2024-02", "sk-2025-07"], history }).check).toMatchObject({ result: true, found: 1 });
  });

  it("fails when the only initiative already served an earlier award", () => {
    const history = ca01.history.map((h: { year: number }) => (h.year === 2024 ? { ...h, initiatives: ["sk-2024-02"] } : h));
    const c = check({ ...ca01, initiatives: ["sk-2024-02"], history });
    expect(c.check).toMatchObject({ result: false, found: 0 });
    expect(c.status).toBe("ineligible");
  });

  it("without a record of past awards, enough initiatives are unknown and too few are a definite no", () => {
    const { history: _h, ...noHistory } = ca01;
    expect(check({ ...noHistory, initiatives: ["sk-1"] }).check).toMatchObject({ result: "unknown" });
    expect(check({ ...noHistory, initiatives: [] }).check).toMatchObject({ result: false });
  });

  it("is unknown when the profile lists no initiatives", () => {
    expect(check(ca01).check).toMatchObject({ result: "unknown" });
    expect(check(ca01).status).toBe("unknown");
  });
});
