import { describe, expect, it } from "vitest";
import { createEngine, type ProfileInput } from "thidua";
import { loadNational } from "../support/rules.js";

const engine = createEngine(loadNational()); // in force from 2025-11-06 (Decision 2447's date)

describe("a rule set applies only within its period", () => {
  const p = (year: number): ProfileInput => ({ id: `pv-${year}`, name: "Tỉnh Thử", group: "province", year, facts: {} });

  it("rejects a profile scored before the rule set is in force, with the period as expected value", () => {
    const r = engine.safeScore(p(2024));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]).toMatchObject({ code: "profiles.out_of_period", path: ["year"], params: { expected: "2025-11-06 – …", found: "2024-12-31" } });
    const b = engine.recommend([p(2024), p(2025)]);
    expect(b.results.map((x) => x.unitId)).toEqual(["pv-2025"]);
    expect(b.rejected.map((x) => [x.index, x.issues[0]!.code])).toEqual([[0, "profiles.out_of_period"]]);
  });

  it("an explicit as-of date decides, whatever the profile's year", () => {
    expect(engine.safeScore(p(2025), { asOf: "2025-06-30" }).ok).toBe(false);
    expect(engine.safeScore(p(2025), { asOf: "2025-11-06" }).ok).toBe(true);
    expect(() => engine.safeScore(p(2025), { asOf: "2025-02-30" })).toThrow(/asOf/); // not a calendar day
  });
});
