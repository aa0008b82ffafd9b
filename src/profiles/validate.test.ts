import { describe, expect, it } from "vitest";
import { createEngine, formatPath } from "thidua";
import { loadNational } from "../../test/support/rules.js";
import { ROW, type ValidProfile } from "./types.js";

const engine = createEngine(loadNational());
const base = { id: "pv-1", name: "Tỉnh Thử", group: "province" as const, year: 2025 };
const rejected = (facts: Record<string, unknown>, extra: Record<string, unknown> = {}) => {
  const r = engine.validate({ ...base, ...extra, facts });
  if (r.ok) throw new Error("expected a rejection");
  return r.issues;
};

describe("profile validation from the fact catalog", () => {
  it("accepts a valid profile and keeps absent facts unknown", () => {
    const r = engine.validate({ ...base, facts: { "plan.issuedOnTime": true, "models.effectiveCount": 857 } });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.facts).toEqual({ "plan.issuedOnTime": true, "models.effectiveCount": 857 });
      expect(Object.isFrozen(r.value)).toBe(true);
    }
  });

  it("gives a plain frozen record: keys in order, facts an own enumerable property in catalog order, NFC text", () => {
    const cluster = "Cụm Tây Nguyên";
    const input = { ...base, name: "Tỉnh Thử".normalize("NFD"), cohort: cluster.normalize("NFD"), facts: { "models.effectiveCount": 857, "plan.issuedOnTime": true }, history: [{ year: 2024, awards: [] }] };
    const a = engine.validate(input);
    const b = engine.validate({ ...base, id: "pv-2", facts: { "plan.issuedOnTime": false } });
    if (!a.ok || !b.ok) throw new Error("expected valid profiles");
    expect(Object.keys(a.value)).toEqual(["id", "name", "group", "cohort", "year", "facts", "history"]);
    expect(Object.keys(b.value)).toEqual(["id", "name", "group", "year", "facts"]); // the dense row sits under a symbol: not in keys, not in JSON
    expect(Object.getOwnPropertySymbols(b.value)).toEqual([ROW]);
    expect(JSON.stringify(b.value)).not.toContain("row");
    expect(Object.getOwnPropertyDescriptor(a.value, "facts")).toMatchObject({ enumerable: true, configurable: false });
    const parsed = JSON.parse(JSON.stringify(a.value));
    expect(Object.keys(parsed.facts)).toEqual(["plan.issuedOnTime", "models.effectiveCount"]); // catalog order, not input order
    expect([a.value.name, a.value.cohort]).toEqual(["Tỉnh Thử".normalize("NFC"), cluster.normalize("NFC")]);
    expect(b.value.facts).toEqual({ "plan.issuedOnTime": false }); // each profile its own facts
    expect(a.value.facts).toBe(a.value.facts); // built once
    expect(Object.isFrozen(a.value.facts) && Object.isFrozen((a.value as ValidProfile)[ROW])).toBe(true);
  });

  it("names the path, what was expected and what was found", () => {
    const [i] = rejected({ "plan.issuedOnTime": "yes" });
    expect(i!.code).toBe("profiles.fact_type");
    expect(formatPath(i!.path)).toBe('facts["plan.issuedOnTime"]');
    expect(i!.params).toMatchObject({ expected: "boolean", found: '"yes"' });
  });

  it.each([
    [{ "plan.issuedOnTme": true }, "profiles.unknown_fact"],
    [{ "person.disciplined": true }, "profiles.fact_not_in_group"],
    [{ "models.effectiveCount": -1 }, "profiles.fact_range"],
    [{ "models.effectiveCount": 2.5 }, "profiles.fact_type"],
    [{ "models.effectiveCount": Number.NaN }, "profiles.fact_type"],
    [{ "models.effectiveCount": Number.POSITIVE_INFINITY }, "profiles.fact_type"],
    [{ "communes.safeStandardRate": 1.2 }, "profiles.fact_range"],
    [{ "selfManagement.groups": { count: 1, leaders: 2 } }, "profiles.unknown_fact"],
    [{ "selfManagement.groups": { count: "many" } }, "profiles.fact_type"],
  ])("rejects %j with %s", (facts, code) => {
    expect(rejected(facts).map((i) => i.code)).toContain(code);
  });

  it("rejects enum values outside the catalog and impossible dates", () => {
    const r = createEngine(loadNational()).validate({ id: "p", name: "Người", group: "individual", year: 2025, facts: { "person.taskRating": "gioi" } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]).toMatchObject({ code: "profiles.fact_enum", path: ["facts", "person.taskRating"] });
  });

  it("rejects an unknown group, a bad year, and keys such as __proto__", () => {
    expect(rejected({}, { group: "district" })[0]!.code).toBe("profiles.unknown_group");
    expect(rejected({}, { year: 2025.5 })[0]!.path).toEqual(["year"]);
    const proto = JSON.parse('{"id":"x","name":"x","group":"province","year":2025,"facts":{"__proto__":{"a":1}}}');
    const r = engine.validate(proto);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]!.code).toBe("profiles.forbidden_key");
  });

  it("rejects an unknown award in the history", () => {
    const r = engine.validate({ ...base, facts: {}, history: [{ year: 2024, awards: ["award.khong-co"] }] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]).toMatchObject({ code: "profiles.unknown_award", path: ["history", 0, "awards", 0] });
  });

  it("accounts for every row of a batch: results + rejected = input, duplicates rejected", () => {
    const rows: unknown[] = [
      { ...base, id: "a", facts: {} },
      { ...base, id: "b", facts: { "plan.issued": 1 } },
      "not a profile",
      { ...base, id: "c", facts: {} },
      { ...base, id: "c", facts: {} },
    ];
    const out = engine.scoreMany(rows);
    expect(out.results.map((r) => r.unitId)).toEqual(["a"]);
    expect(out.rejected.map((r) => [r.index, r.issues[0]!.code])).toEqual([
      [1, "profiles.fact_type"],
      [2, "profiles.schema"],
      [3, "profiles.duplicate_id"],
      [4, "profiles.duplicate_id"],
    ]);
  });
});
