import { describe, expect, it } from "vitest";
import { createEngine, loadRuleSetFromFiles } from "thidua";
import { loadRuleSet } from "thidua/node";
import { edit, filesOf, jsonOf, LOCAL, NATIONAL } from "../../test/support/rules.js";

const national = filesOf(NATIONAL);
const local = filesOf(LOCAL);
const load = (files = local, parent = national) => loadRuleSetFromFiles(files, { resolveParent: (id) => (id === NATIONAL ? parent : undefined) });

describe("a local rule set extending the national one (khanh-hoa-2025)", () => {
  const r = load();
  if (!r.ok) throw new Error(JSON.stringify(r.issues, null, 2));
  const rs = r.value;
  const nat = loadRuleSetFromFiles(national);
  if (!nat.ok) throw new Error("national");

  it("resolves extends: lineage, origin of every item, parent items included", () => {
    expect(rs.lineage.map((l) => l.id)).toEqual([NATIONAL, LOCAL]);
    expect(rs.lineage[0]!.sha256).toBe(nat.value.sha256);
    expect(rs.criteria.length).toBeGreaterThan(nat.value.criteria.length);
    for (const c of rs.criteria) expect([NATIONAL, LOCAL]).toContain(c.origin);
    expect(rs.criteria.filter((c) => c.origin === LOCAL).length).toBeGreaterThan(0);
    expect(rs.facts.filter((f) => f.origin === LOCAL).length).toBeGreaterThan(0);
    expect(rs.awards.every((a) => a.origin === NATIONAL)).toBe(true);
  });

  it("records every override with old and new value and leaves the parent untouched", () => {
    expect(rs.overrides.length).toBeGreaterThan(0);
    for (const o of rs.overrides) {
      expect(o.origin).toBe(LOCAL);
      expect(o.basis).toBe("policy-default");
      expect(o.from).not.toEqual(o.to);
      expect(o.reason.vi.length).toBeGreaterThan(0);
    }
    const o = rs.overrides.find((x) => x.target.kind === "threshold")!;
    const t = o.target as { criterion: string; threshold: string };
    const leafValue = (set: typeof rs) => JSON.stringify(set.criteria.find((c) => c.id === t.criterion)).match(new RegExp(`"value":([^,}]+),"id":"${t.threshold.replace(".", "\\.")}"`))?.[1];
    expect(leafValue(rs)).toBe(JSON.stringify(o.to));
    expect(leafValue(nat.value)).toBe(JSON.stringify(o.from));
  });

  it("scores with the overridden threshold", () => {
    const o = rs.overrides.find((x) => x.target.kind === "threshold" && x.target.criterion === "enterprise.2")!;
    const fact = "securityForce.trainedRate";
    const between = ((o.from as number) + (o.to as number)) / 2; // meets the national threshold, not the local one
    const profile = { id: "dn-1", name: "Công ty Thử", group: "enterprise" as const, year: 2025, facts: { "securityForce.staffedToNorm": true, "securityForce.policiesEnsured": true, [fact]: between } };
    const a = createEngine(nat.value).score(profile).criteria.find((c) => c.id === "enterprise.2")!;
    const b = createEngine(rs).score(profile).criteria.find((c) => c.id === "enterprise.2")!;
    expect(Number(b.points)).toBeLessThan(Number(a.points));
  });

  it("the digest of the local set depends on its parent's bytes", () => {
    const changedParent = edit(national, "facts.json", (j) => (j.facts[0].label.en += " "));
    const r2 = load(local, changedParent);
    expect(r2.ok).toBe(true);
    if (r2.ok) expect(r2.value.sha256).not.toBe(rs.sha256);
  });

  it("refuses a missing parent, a wrong parent version and a tampered parent", () => {
    const missing = loadRuleSetFromFiles(local);
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.issues[0]!.code).toBe("rules.parent_not_found");
    const wrongVersion = edit(local, "manifest.json", (j) => (j.extends.version = "9.9.9"));
    const r3 = load(wrongVersion);
    expect(r3.ok).toBe(false);
    if (!r3.ok) expect(r3.issues.map((i) => i.code)).toContain("rules.parent_mismatch");
    const tamperedParent = edit(national, "awards.json", (j) => (j.awards[0].precedence += 1), false);
    const r4 = load(local, tamperedParent);
    expect(r4.ok).toBe(false);
    if (!r4.ok) expect(r4.issues.some((i) => i.code === "rules.hash_mismatch" && i.path[0] === `${NATIONAL}:`)).toBe(true);
  });

  it("refuses an override of a target that does not exist", () => {
    const bad = edit(local, "overrides.json", (j) => (j.overrides[0].target.threshold = "no-such-threshold"));
    const r5 = load(bad);
    expect(r5.ok).toBe(false);
    if (!r5.ok) expect(r5.issues.map((i) => i.code)).toContain("rules.override_target");
  });

  it("loads from disk through the Node loader, parent found beside it", () => {
    const d = loadRuleSet(LOCAL);
    expect(d.ok && d.value.sha256).toBe(rs.sha256);
    expect(jsonOf(local, "manifest.json").extends.id).toBe(NATIONAL);
  });
});
