import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createEngine, type ProfileInput } from "thidua";
import { loadNational } from "../support/rules.js";

/**
 * fixtures/profiles/<group>.json scored against vn-2447-2025 and compared with
 * fixtures/expected/<group>.json, whose values were worked out by hand from the rule files (the
 * derivation of each is in its `notes`).
 */
const dir = new URL("../../fixtures/", import.meta.url);
const engine = createEngine(loadNational());
const files = readdirSync(new URL("profiles/", dir)).filter((f) => f.endsWith(".json")).sort();

describe.each(files.map((f) => [f]))("fixture %s", (file) => {
  const profiles = JSON.parse(readFileSync(new URL(`profiles/${file}`, dir), "utf8")) as ProfileInput[];
  const expected = JSON.parse(readFileSync(new URL(`expected/${file}`, dir), "utf8"));

  it("has a hand-worked expectation for every profile", () => {
    expect(Object.keys(expected.profiles).sort()).toEqual(profiles.map((p) => p.id).sort());
  });

  it.each(profiles.map((p) => [p.id, p]))("%s scores as worked out by hand", (_id, profile) => {
    const r = engine.score(profile, { asOf: expected.asOf, trace: false });
    const want = expected.profiles[(profile as { id: string }).id];
    expect({
      score: r.score,
      nominalMax: r.nominalMax,
      percent: r.percent,
      classification: r.classification,
      knockedOut: r.knockedOut,
      knockouts: r.knockouts.map((k) => k.criterion),
      criteria: Object.fromEntries(r.criteria.map((c) => [c.id, { status: c.status, points: c.points }])),
      missingFacts: r.missingFacts,
    }).toEqual({
      score: want.score,
      nominalMax: want.nominalMax,
      percent: want.percent,
      classification: want.classification,
      knockedOut: want.knockedOut,
      knockouts: want.knockouts,
      criteria: want.criteria,
      missingFacts: want.missingFacts,
    });
  });
});

describe("fixture coverage", () => {
  const all = files.flatMap((f) => JSON.parse(readFileSync(new URL(`profiles/${f}`, dir), "utf8")));
  it("has at least three profiles per subject group, Hà Giang included", () => {
    for (const g of ["ministry", "province", "front", "enterprise", "individual"]) expect(all.filter((p: { group: string }) => p.group === g).length, g).toBeGreaterThanOrEqual(3);
    const hg = all.find((p: { id: string }) => p.id === "pv-ha-giang");
    expect(hg.facts["models.effectiveCount"]).toBe(857);
    expect(hg.facts["selfManagement.groups"]).toEqual({ count: 2028, members: 11300 });
  });
});
