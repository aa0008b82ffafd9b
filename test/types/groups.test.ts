import { describe, expect, expectTypeOf, it } from "vitest";
import { createEngine, type BuiltinGroup, type Engine, type Group, type ProfileInput, type RuleSet } from "thidua";
import { loadRuleSet } from "thidua/node";

/**
 * Issue 21: groups are open strings (a rule set may declare its own), yet a TypeScript program must not
 * lose the compile-time check of a misspelt group on the national set. The checks are the
 * `@ts-expect-error` lines: `tsc --noEmit` (the first step of `npm test`) fails if one of them compiles.
 * The same is checked against the published tarball in test/dist/pack.test.ts.
 */
const national = loadRuleSet("vn-2447-2025");
if (!national.ok) throw new Error("cannot load");
const rs = national.value;
const engine = createEngine(rs);

describe("group names in the published types", () => {
  it("a bundled set loaded by id knows its five groups: a misspelt one does not compile", () => {
    expectTypeOf(rs).toEqualTypeOf<RuleSet<BuiltinGroup>>();
    expectTypeOf(engine).toEqualTypeOf<Engine<BuiltinGroup>>();
    const ok = () => engine.safeScore({ id: "a", name: "A", group: "province", year: 2025, facts: {} });
    // @ts-expect-error "provnice" is not a group of the national set
    const misspelt = () => engine.safeScore({ id: "a", name: "A", group: "provnice", year: 2025, facts: {} });
    // @ts-expect-error nor in a batch
    const batch = () => engine.recommend([{ id: "a", name: "A", group: "individal", year: 2025, facts: {} }]);
    // @ts-expect-error nor in a profile typed for the national set
    const typed: ProfileInput = { id: "a", name: "A", group: "provnice", year: 2025, facts: {} };
    // at run time the engine refuses it too (profiles.unknown_group): the type says so before
    const r = misspelt();
    expect(r.ok).toBe(false);
    expect(r.ok ? [] : r.issues.map((i) => i.code)).toContain("profiles.unknown_group");
    expect(ok().ok).toBe(true);
    void [batch, typed];
  });

  it("a set that declares its own groups says them: they compile, a misspelt one does not", () => {
    const ward = loadRuleSet<"phuong">("examples/rules/mttq-phuong-2025");
    if (!ward.ok) throw new Error(JSON.stringify(ward.issues));
    const e = createEngine(ward.value);
    expectTypeOf(e).toEqualTypeOf<Engine<"phuong">>();
    const p: ProfileInput<"phuong"> = { id: "p1", name: "Phường 1", group: "phuong", year: 2025, facts: {} };
    expectTypeOf(p.group).toEqualTypeOf<"phuong">();
    // @ts-expect-error "phuogn" is not a group the set declares
    const misspelt: ProfileInput<"phuong"> = { id: "p1", name: "Phường 1", group: "phuogn", year: 2025, facts: {} };
    expect(e.safeScore(p).ok).toBe(true);
    void misspelt;
  });

  it("a folder loaded without saying its groups accepts any group (checked at run time), and untyped input is not checked", () => {
    const open = loadRuleSet("rules/vn-2447-2025");
    expectTypeOf(open).toEqualTypeOf<ReturnType<typeof loadRuleSet<Group>>>();
    if (!open.ok) throw new Error("cannot load");
    const any = createEngine(open.value);
    expectTypeOf(any).toEqualTypeOf<Engine<Group>>();
    expect(any.safeScore({ id: "a", name: "A", group: "provnice", year: 2025, facts: {} }).ok).toBe(false);
    // parsed JSON is unknown: validated at run time only
    expect(engine.safeScore(JSON.parse('{"id":"a","name":"A","group":"provnice","year":2025,"facts":{}}') as unknown).ok).toBe(false);
    // an engine of the national set is still an Engine (the default, any group)
    const widened: Engine = engine;
    void widened;
  });
});
