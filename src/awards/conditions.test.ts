import { describe, expect, it } from "vitest";
import { loadRuleSet } from "../node/index.js";
import { createProfileValidator } from "../profiles/index.js";
import { compileScorer } from "../scoring/index.js";
import { compileAwardConditions, referenceAwardConditions } from "./conditions.js";

describe("compiled award conditions", () => {
  const rs = loadRuleSet("vn-2447-2025");
  if (!rs.ok) throw new Error("rule set");
  const validator = createProfileValidator(rs.value);
  const score = compileScorer(rs.value);
  const unit = (id: string, facts: Record<string, unknown>) => {
    const r = validator.validate({ id, name: id, group: "individual", cohort: "c", year: 2025, facts });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    return score(r.value, { asOf: "2025-12-31", trace: false });
  };
  const award = (id: string) => rs.value.awards.find((a) => a.id === id)!;
  // award.lao-dong-tien-tien reads the category, the task rating and two yes/no facts: closed sets of values.
  // Not rated, productive, and whether an exemplary citizen not given: unknown
  const advanced = award("award.lao-dong-tien-tien");
  const base = { "person.category": "other", "person.taskRating": "khong-xep-loai", "person.productiveAndActive": true };

  it("share one frozen check between units with the same values of the facts the conditions read, and only those", () => {
    const compiled = compileAwardConditions(rs.value);
    const a = unit("a", { ...base, "person.yearsOfService": 3 });
    const b = unit("b", { ...base, "person.yearsOfService": 12 }); // differs only in a fact the conditions do not read
    const c = unit("c", { ...base, "person.exemplaryCitizen": false }); // a fact given where `a` leaves it out
    const d = unit("d", { ...base, "person.taskRating": "hoan-thanh" });
    const [x, y, z, w] = [a, b, c, d].map((u) => compiled.check(advanced, u));
    expect([y === x, z === x, w === x, w === z]).toEqual([true, false, false, false]);
    expect([x, z, w].map((k) => [k!.result, Object.isFrozen(k)])).toEqual([
      ["unknown", true],
      [false, true],
      [false, true],
    ]);
  });

  it("a shared check's unmet leaves are those of each unit, traced by the reference interpreter, and frozen", () => {
    const compiled = compileAwardConditions(rs.value);
    const reference = referenceAwardConditions(rs.value);
    const units = [unit("a", { ...base, "person.yearsOfService": 3 }), unit("b", { ...base, "person.yearsOfService": 12 })];
    for (const u of [...units, unit("c", { ...base, "person.exemplaryCitizen": false })]) {
      const check = compiled.check(advanced, u);
      expect(check).toEqual(reference.check(advanced, u));
      expect([check.unmet.length > 0, Object.isFrozen(check.unmet), check.unmet.every((l) => Object.isFrozen(l))]).toEqual([true, true, true]);
    }
  });

  it("conditions that read a fact of open values (a count) are checked for each unit, not shared", () => {
    // award.chien-si-thi-dua-co-so reads the task rating and the number of initiatives recognised
    const compiled = compileAwardConditions(rs.value);
    const facts = { ...base, "person.initiativesRecognised": 0 };
    const [x, y] = [unit("a", facts), unit("b", facts)].map((u) => compiled.check(award("award.chien-si-thi-dua-co-so"), u));
    expect([x!.result, y === x, Object.isFrozen(x)]).toEqual([false, false, false]);
    expect(y).toEqual(x);
  });
});
