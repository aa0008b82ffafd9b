import { describe, expect, it } from "vitest";
import { edit, filesOf, NATIONAL } from "../../test/support/rules.js";
import { loadRuleSet } from "../node/index.js";
import { loadRuleSetFromFiles, type RuleSet } from "../rules/index.js";
import { createProfileValidator } from "../profiles/index.js";
import { compileScorer } from "../scoring/index.js";
import { compileAwardConditions, referenceAwardConditions } from "./conditions.js";

/** Units of the individual group with the facts given, validated and scored by a rule set's compiled scorer. */
function unitsOf(rs: RuleSet) {
  const validator = createProfileValidator(rs);
  const score = compileScorer(rs);
  return (id: string, facts: Record<string, unknown>) => {
    const r = validator.validate({ id, name: id, group: "individual", cohort: "c", year: 2025, facts });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    return score(r.value, { asOf: "2025-12-31", trace: false });
  };
}

describe("compiled award conditions", () => {
  const rs = loadRuleSet("vn-2447-2025");
  if (!rs.ok) throw new Error("rule set");
  const unit = unitsOf(rs.value);
  const valuesOf = (id: string) => rs.value.facts.find((f) => f.id === id)!.values!;
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

  /** The national set with award.lao-dong-tien-tien given one more way to qualify (`any` of its conditions), and facts added. */
  const widened = (branch: unknown, facts: readonly object[] = []) => {
    const withFacts = edit(filesOf(NATIONAL), "facts.json", (j) => j.facts.push(...facts));
    const files = edit(withFacts, "awards.json", (j) => j.awards.find((a: { id: string }) => a.id === advanced.id).eligibility.conditions.any.push(branch));
    const r = loadRuleSetFromFiles(files);
    if (!r.ok) throw new Error(JSON.stringify(r.issues.slice(0, 3)));
    return { rs: r.value, award: r.value.awards.find((a) => a.id === advanced.id)!, unitOf: unitsOf(r.value) };
  };

  it("keep at most 1,024 shared checks an award: past them a check is made for the unit alone, equal to the reference", () => {
    // one more way to qualify, on five more facts of closed values: 87,480 combinations in all
    const more = [["person.prosecuted", true], ["person.disciplined", true], ...["person.role", "person.sex", "person.initiativeScope"].map((id) => [id, valuesOf(id)[0]])].map(([fact, value]) => ({ fact, operator: "equal", value }));
    const w = widened({ all: more });
    const [compiled, reference] = [compileAwardConditions(w.rs), referenceAwardConditions(w.rs)];
    const a = w.award;
    // the n-th combination of eight facts' values (each with "not given"), in mixed radix, the category "other"
    const dims: [string, readonly unknown[]][] = [
      ["person.taskRating", valuesOf("person.taskRating")],
      ...["person.role", "person.sex", "person.initiativeScope"].map((id): [string, readonly unknown[]] => [id, valuesOf(id)]),
      ...["person.prosecuted", "person.disciplined", "person.productiveAndActive", "person.exemplaryCitizen"].map((id): [string, readonly unknown[]] => [id, [true, false]]),
    ];
    const unitOf = (n: number) => {
      const facts: Record<string, unknown> = { "person.category": "other" };
      let k = n;
      for (const [id, values] of dims) {
        const v = [...values, undefined][k % (values.length + 1)];
        k = Math.floor(k / (values.length + 1));
        if (v !== undefined) facts[id] = v;
      }
      return w.unitOf(`u${n}`, facts);
    };
    const units = Array.from({ length: 2400 }, (_, n) => unitOf(n));
    const checks = units.map((u) => compiled.check(a, u));
    // 2,400 units, more than 1,024 combinations of values (a met one keeps its place too): some checks are made unshared
    const made = [...new Set(checks.filter((c) => c.result !== true))];
    const shared = made.filter((c) => Object.isFrozen(c)).length;
    expect([shared > 400, shared < 1024, made.length > shared]).toEqual([true, true, true]);
    // a unit met after the limit: its check is its own, made again for it, and equal to the reference's
    const late = checks.map((c) => Object.isFrozen(c)).lastIndexOf(false);
    expect([compiled.check(a, units[late]!) === checks[late], compiled.check(a, units[late]!)]).toEqual([false, reference.check(a, units[late]!)]);
    // a unit whose values were met before the limit still shares the check made then
    expect(compiled.check(a, unitOf(2))).toBe(checks[2]);
  });

  it("a fact compared with another fact is part of what the shared check stands for", () => {
    // prosecuted equal to disciplined: the second fact is read only as what the first is compared with
    const w = widened({ all: [{ fact: "person.prosecuted", operator: "equal", value: { fact: "person.disciplined" } }] });
    const [compiled, reference] = [compileAwardConditions(w.rs), referenceAwardConditions(w.rs)];
    const units = [w.unitOf("a", { ...base, "person.prosecuted": false, "person.disciplined": false }), w.unitOf("b", { ...base, "person.prosecuted": false, "person.disciplined": true })];
    const [x, y] = units.map((u) => compiled.check(w.award, u));
    expect([x!.result, y!.result]).toEqual([true, "unknown"]);
    units.forEach((u) => expect(compiled.check(w.award, u)).toEqual(reference.check(w.award, u)));
  });

  it("conditions reading facts whose combinations are too many for a number to stand for each exactly are not shared", () => {
    // 40 more yes/no facts: 3^44 combinations with the four the award reads already, past 2^53
    const prosecuted = rs.value.facts.find((f) => f.id === "person.prosecuted")!;
    const extra = Array.from({ length: 40 }, (_, i) => ({ id: `person.extra${i}`, type: "boolean", label: prosecuted.label, better: "higher", evidence: prosecuted.evidence, groups: ["individual"] }));
    const w = widened({ all: extra.map((f) => ({ fact: f.id, operator: "equal", value: true })) }, extra);
    const [compiled, reference] = [compileAwardConditions(w.rs), referenceAwardConditions(w.rs)];
    // the two differ in the last fact alone: the lowest digit of a number past 2^53 would be lost
    const units = [w.unitOf("a", { ...base, "person.extra39": true }), w.unitOf("b", { ...base, "person.extra39": false })];
    const [x, y] = units.map((u) => compiled.check(w.award, u));
    expect([x === y, Object.isFrozen(x)]).toEqual([false, false]);
    units.forEach((u) => expect(compiled.check(w.award, u)).toEqual(reference.check(w.award, u)));
  });
});
