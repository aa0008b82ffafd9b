import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildDecisionRecord, createEngine, loadRuleSetFromFiles, renderRecordJson, type ProfileInput } from "thidua";
import { sha256Hex } from "../../src/rules/index.js";
import { createProfileValidator } from "../../src/profiles/index.js";
import { edit, filesOf, LOCAL, loadNational, NATIONAL } from "../support/rules.js";

/** Regressions found in review: each case failed before its fix. */
const rs = loadNational();
const engine = createEngine(rs);
const cohort = JSON.parse(readFileSync(new URL("../../fixtures/cohorts/individuals-2025.json", import.meta.url), "utf8"));
const ca01 = cohort.find((p: { id: string }) => p.id === "ca-01");
const ca06 = cohort.find((p: { id: string }) => p.id === "ca-06");
const statusOf = (rec: ReturnType<typeof engine.recommend>, id: string, award: string) => rec.results.find((r) => r.unitId === id)!.eligibility.find((e) => e.award === award)!;

describe("review regressions", () => {
  it("consecutive titles counting this year stay unknown while this year's title is unknown", () => {
    const peers = Array.from({ length: 9 }, (_, i) => ({ ...ca06, id: `p-${i}` }));
    const withUnknown = { ...ca01, facts: { ...ca01.facts, "person.taskRating": "tot" } } as ProfileInput & { facts: Record<string, unknown> };
    delete withUnknown.facts["person.initiativesRecognised"];
    const a = engine.recommend([withUnknown, ...peers], { asOf: "2025-12-31" });
    expect(statusOf(a, "ca-01", "award.chien-si-thi-dua-co-so").status).toBe("unknown");
    expect(statusOf(a, "ca-01", "award.bang-khen-tinh").status).toBe("unknown"); // was "ineligible"
  });

  it("a knock-out whose facts are missing is not 'no knock-out'", () => {
    const p = { ...ca01, facts: { ...ca01.facts } } as ProfileInput & { facts: Record<string, unknown> };
    delete p.facts["person.disciplined"];
    const r = engine.recommend([p], { asOf: "2025-12-31" }).results[0]!;
    expect(r.scoreResult.knockoutsUnknown).toEqual(["individual.k1"]);
    expect(r.classification).toBe("kha"); // 93 points, but "xuất sắc" excludes knock-outs
    expect(r.scoreResult.potentialClassification).toBe("xuat-sac");
    expect(r.eligibility.find((e) => e.award === "award.lao-dong-tien-tien")!.status).toBe("unknown");
  });

  it("an override value of the wrong type is refused at load time", () => {
    const local = filesOf(LOCAL);
    const bad = edit(local, "overrides.json", (j) => j.overrides.push({ target: { kind: "class", class: "kha", field: "minPercent" }, value: "70%", reason: { vi: "x", en: "x" } }));
    const r = loadRuleSetFromFiles(bad, { resolveParent: () => filesOf(NATIONAL) });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.code)).toContain("rules.schema");
  });

  it("the fast validator rejects unsafe integers and sparse arrays, like zod", () => {
    const v = createProfileValidator(rs);
    const base = { id: "x", name: "x", group: "individual", year: 2025, facts: {} };
    // eslint-disable-next-line no-sparse-arrays
    for (const p of [{ ...base, initiatives: [, "a"] }, { ...base, history: [{ year: 2024, awards: [, "award.giay-khen"] }] }]) {
      expect(v.fastAccepts(p)).toBe(false);
      expect(v.slowAccepts(p)).toBe(false);
    }
  });

  it("a history that lists a year twice is rejected (the result would depend on the order)", () => {
    const r = engine.validate({ ...ca01, history: [{ year: 2024, awards: ["award.chien-si-thi-dua-co-so"] }, { year: 2024, awards: [] }] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]).toMatchObject({ code: "profiles.schema", path: ["history", 1, "year"] });
  });

  it("run-wide ranking of equal ids in different clusters does not depend on input order", () => {
    const a = { ...ca01, cohort: "cum-a" };
    const b = { ...ca01, cohort: "cum-b" };
    expect(JSON.stringify(engine.recommend([a, b]))).toBe(JSON.stringify(engine.recommend([b, a])));
  });

  it("whatIf finds a unit whose id was typed in decomposed Unicode", () => {
    const p = { ...ca01, id: "cá-01".normalize("NFD") };
    expect(engine.whatIf(p, { "person.relativesMobilised": 0 }).after.unitId).toBe("cá-01".normalize("NFC"));
    expect(sha256Hex("x")).toMatch(/^[0-9a-f]{64}$/);
  });

  it("the JSON record stays valid JSON whatever strings the input holds (second-session review)", () => {
    // the record was split on a marker string; an id equal to it cut the file short
    const hostile = [{ id: "\u0000results\u0000", name: "x", group: "nope", year: 2025, facts: {} }, { ...ca01 }, { ...ca06 }];
    const report = engine.recommend(hostile, { asOf: "2025-12-31" });
    const json = renderRecordJson(buildDecisionRecord(rs, report, { input: "x", inputCount: 3 }));
    const back = JSON.parse(json);
    expect(back.results.map((r: { unitId: string }) => r.unitId)).toEqual(["ca-01", "ca-06"]);
    expect(back.rejected[0].unitId).toBe("\u0000results\u0000");
  });
});
