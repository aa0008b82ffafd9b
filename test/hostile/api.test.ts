import { describe, expect, it } from "vitest";
import { createEngine, loadRuleSetFromFiles, ThiduaError, type Engine } from "thidua";
import * as streamApi from "thidua/stream";
import { filesOf, loadNational, NATIONAL } from "../support/rules.js";

/**
 * The library called from plain JavaScript (issue 19): programmer errors throw a ThiduaError with
 * the code `api.invalid_argument`, as docs/errors.md promises, never a TypeError; a caller's
 * profile is read once, field by field, so a getter that changes its answer cannot change a value
 * after it was validated.
 */
const rs = loadNational();
const engine = createEngine(rs);
const valid = { id: "pv-a", name: "Tỉnh A", group: "province", cohort: "cum-1", year: 2025, facts: { "plan.issued": true } };

function thrown(f: () => unknown): ThiduaError {
  try {
    f();
  } catch (e) {
    expect(e, String(e)).toBeInstanceOf(ThiduaError);
    return e as ThiduaError;
  }
  throw new Error("did not throw");
}
const code = (f: () => unknown) => thrown(f).issues.map((i) => i.code);

describe("programmer errors from plain JavaScript", () => {
  const anyEngine = engine as unknown as Record<keyof Engine, (...a: unknown[]) => unknown>;
  const stream = streamApi as unknown as Record<"recommendPartitioned" | "decidePartition" | "decideRunQuotas" | "assemble", (...a: unknown[]) => unknown>;
  it.each([
    ["createEngine(null)", () => createEngine(null as never)],
    ["createEngine(undefined)", () => createEngine(undefined as never)],
    ["createEngine({})", () => createEngine({} as never)],
    ["createEngine('vn-2447-2025')", () => createEngine("vn-2447-2025" as never)],
    ["recommend(null)", () => anyEngine.recommend(null)],
    ["recommend(42)", () => anyEngine.recommend(42)],
    ["scoreMany(undefined)", () => anyEngine.scoreMany(undefined)],
    ["recommendPartitioned(engine, null, …)", () => stream.recommendPartitioned(engine, null, () => {})],
    ["recommendPartitioned(engine, …, null)", () => stream.recommendPartitioned(engine, () => [], null)],
    ["recommendPartitioned({}, …)", () => stream.recommendPartitioned({}, () => [], () => {})],
    ["decidePartition(engine, null, …)", () => stream.decidePartition(engine, null, () => {})],
    ["decidePartition(engine, { groups: 1 }, …)", () => stream.decidePartition(engine, { groups: 1 }, () => {})],
    ["decideRunQuotas(engine, null)", () => stream.decideRunQuotas(engine, null)],
    ["assemble(engine, null, [], {})", () => stream.assemble(engine, null, [], {})],
    ["whatIf(profile, null)", () => anyEngine.whatIf(valid, null)],
    ["loadRuleSetFromFiles(null)", () => loadRuleSetFromFiles(null as never)],
  ])("%s throws a ThiduaError with a code", (_, f) => {
    expect(code(f)).toEqual(["api.invalid_argument"]);
  });

  it("loadRuleSetFromFiles refuses parsed JSON where the files' bytes were expected, also from resolveParent", () => {
    const files = filesOf(NATIONAL);
    const parsed = Object.fromEntries(Object.entries(files).map(([k, v]) => [k, JSON.parse(typeof v === "string" ? v : new TextDecoder().decode(v))]));
    const e = thrown(() => loadRuleSetFromFiles(parsed));
    expect(e.issues[0]!.code).toBe("api.invalid_argument");
    expect(e.message).toContain("not parsed JSON");
    const local = filesOf("khanh-hoa-2025");
    expect(code(() => loadRuleSetFromFiles(local, { resolveParent: () => parsed }))).toEqual(["api.invalid_argument"]);
    expect(loadRuleSetFromFiles(local, { resolveParent: () => files }).ok).toBe(true);
  });

  it("a profile whose property throws when read is a ThiduaError, in every entry point", () => {
    const boom = { ...valid, get facts(): never { throw new Error("boom"); } };
    const trap = new Proxy({}, { ownKeys: () => { throw new Error("trap"); } });
    for (const p of [boom, trap]) {
      const x = p as unknown;
      expect(code(() => engine.validate(x))).toEqual(["api.invalid_argument"]);
      expect(code(() => engine.score(x))).toEqual(["api.invalid_argument"]);
      expect(code(() => engine.safeScore(x))).toEqual(["api.invalid_argument"]);
      expect(code(() => engine.recommend([valid, x]))).toEqual(["api.invalid_argument"]);
    }
  });
});

describe("a caller's profile is read once", () => {
  /** A profile whose every field answers a valid value on the first read and an invalid one after, counting the reads. */
  function shifty() {
    const reads: Record<string, number> = {};
    const field = <T>(name: string, first: T, then: unknown) => () => ((reads[name] = (reads[name] ?? 0) + 1) === 1 ? first : then);
    const facts = {};
    Object.defineProperty(facts, "plan.issued", { enumerable: true, get: field("plan.issued", true, "có") });
    Object.defineProperty(facts, "plan.targetsMetRate", { enumerable: true, get: field("plan.targetsMetRate", 0.9, 95) });
    const profile = {};
    const fields: [string, unknown, unknown][] = [["id", "pv-a", "x".repeat(500)], ["name", "Tỉnh A", 7], ["group", "province", "nope"], ["cohort", "cum-1", ""], ["year", 2025, 1800], ["facts", facts, null]];
    for (const [k, first, then] of fields) Object.defineProperty(profile, k, { enumerable: true, get: field(k, first, then) });
    return { profile, reads };
  }

  it("validate: each field read once; the valid value is the one read", () => {
    const { profile, reads } = shifty();
    const r = engine.validate(profile as unknown);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect({ id: r.value.id, name: r.value.name, group: r.value.group, cohort: r.value.cohort, year: r.value.year, facts: r.value.facts }).toEqual({ ...valid, facts: { "plan.issued": true, "plan.targetsMetRate": 0.9 } });
    expect(Object.values(reads).every((n) => n === 1)).toBe(true);
    expect(Object.keys(reads).sort()).toEqual(["cohort", "facts", "group", "id", "name", "plan.issued", "plan.targetsMetRate", "year"]);
  });

  it("recommend and evaluate: the result is the first read's", () => {
    const a = shifty();
    const report = engine.recommend([a.profile as unknown], { asOf: "2025-12-31" });
    expect(report.rejected).toEqual([]);
    expect(report.results.map((x) => [x.unitId, x.cohort, x.year])).toEqual([["pv-a", "cum-1", 2025]]);
    expect(Object.values(a.reads).every((n) => n === 1)).toBe(true);
    const b = shifty();
    expect(engine.score(b.profile as unknown, { asOf: "2025-12-31" }).unitId).toBe("pv-a");
    expect(Object.values(b.reads).every((n) => n === 1)).toBe(true);
  });

  it("an own __proto__ key is still refused after the copy", () => {
    const p = JSON.parse(`{"id":"a","name":"A","group":"province","year":2025,"facts":{"__proto__":{"x":1}}}`);
    const r = engine.validate(p);
    expect(r.ok ? [] : r.issues.map((i) => i.code)).toEqual(["profiles.forbidden_key"]);
  });
});
