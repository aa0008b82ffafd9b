import { describe, expect, it } from "vitest";
import { loadRuleSetFromFiles, ThiduaError, type RuleSet, type RuleSetFiles } from "thidua";
import { sha256Hex } from "./hash.js";
import { edit, filesOf, jsonOf, loadNational, NATIONAL } from "../../test/support/rules.js";

const codes = (files: Record<string, string | Uint8Array>, opts = {}) => {
  const r = loadRuleSetFromFiles(files, opts);
  return r.ok ? [...(r.warnings ?? [])].map((i) => i.code) : r.issues.map((i) => i.code);
};

describe("the national rule set", () => {
  const rs: RuleSet = loadNational();

  it("gives the same digest and file hashes with the portable hash (browser) as with node:crypto (thidua/node)", () => {
    const portable = loadRuleSetFromFiles(filesOf(NATIONAL));
    expect(portable.ok && portable.value.sha256).toBe(rs.sha256);
    expect(portable.ok && portable.value.files).toEqual(rs.files);
    let calls = 0;
    const counted = loadRuleSetFromFiles(filesOf(NATIONAL), { sha256: (d) => (calls++, sha256Hex(d)) });
    expect(counted.ok && counted.value.sha256).toBe(rs.sha256);
    expect(calls).toBe(rs.files.length + 1); // every listed file and the manifest
  });

  it("loads verified, frozen, with a digest", () => {
    expect(rs.id).toBe(NATIONAL);
    expect(rs.verified).toBe(true);
    expect(rs.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(Object.isFrozen(rs)).toBe(true);
    expect(Object.isFrozen(rs.criteria[0])).toBe(true);
  });

  it("covers every subject group of Decision 2447 with cited, based criteria", () => {
    const numbered = (g: string) => rs.criteria.filter((c) => c.group === g && !c.knockout).length;
    expect(numbered("ministry")).toBeGreaterThanOrEqual(4);
    expect(numbered("province")).toBeGreaterThanOrEqual(4);
    expect(numbered("front")).toBeGreaterThanOrEqual(4);
    expect(numbered("enterprise")).toBeGreaterThanOrEqual(2);
    expect(numbered("individual")).toBeGreaterThanOrEqual(2);
    for (const c of rs.criteria) {
      expect(c.citation.source, c.id).toBeTruthy();
      expect(["law", "policy-default"]).toContain(c.basis);
      expect(c.evidence.length, c.id).toBeGreaterThan(0);
    }
    for (const g of ["ministry", "province", "front", "enterprise"]) {
      expect(rs.criteria.some((c) => c.group === g && c.knockout), `${g} knock-out`).toBe(true);
    }
  });

  it("keeps all text in NFC", () => {
    const walk = (v: unknown): void => {
      if (typeof v === "string") expect(v.normalize("NFC")).toBe(v);
      else if (v && typeof v === "object") Object.values(v).forEach(walk);
    };
    walk(rs.criteria);
    walk(rs.awards);
    walk(rs.facts);
  });
});

describe("schema round-trip", () => {
  it("parse → serialise → parse gives the same rule set, byte for byte (files are stored canonically formatted)", () => {
    const files = filesOf(NATIONAL);
    let again: Record<string, string | Uint8Array> = files;
    for (const f of jsonOf(files, "manifest.json").files) again = edit(again, f.path, () => {});
    const a = loadRuleSetFromFiles(files);
    const b = loadRuleSetFromFiles(again);
    expect(a.ok && b.ok).toBe(true);
    if (a.ok && b.ok) {
      expect(b.value.criteria).toEqual(a.value.criteria);
      expect(b.value.awards).toEqual(a.value.awards);
      expect(b.value.sha256).toBe(a.value.sha256);
    }
  });
});

describe("files given as parsed JSON", () => {
  it("throw a ThiduaError naming the file and how to give its bytes (a bundler's JSON import would otherwise fail with a raw TypeError)", () => {
    const files: Record<string, unknown> = { ...filesOf(NATIONAL) };
    files["awards.json"] = JSON.parse(new TextDecoder().decode(files["awards.json"] as Uint8Array));
    const load = () => loadRuleSetFromFiles(files as RuleSetFiles);
    expect(load).toThrow(ThiduaError);
    expect(load).toThrow(/rule file awards\.json must be given as its bytes \(Uint8Array\) or its text \(string\), not parsed JSON/);
    files["awards.json"] = new ArrayBuffer(4);
    expect(load).toThrow(/not an ArrayBuffer \(wrap it: new Uint8Array\(buffer\)\)/);
  });
});

describe("tamper detection", () => {
  it("refuses a file whose bytes differ from the manifest, naming it", () => {
    const files = filesOf(NATIONAL);
    const tampered = edit(files, "criteria/province.json", (j) => (j.criteria[0].maxPoints = 99), false);
    const r = loadRuleSetFromFiles(tampered);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      const i = r.issues.find((x) => x.code === "rules.hash_mismatch")!;
      expect(i.path).toEqual(["criteria/province.json"]);
      expect(i.message).toContain("criteria/province.json");
    }
  });

  it("a one-byte change is enough", () => {
    const files = filesOf(NATIONAL);
    const bytes = new Uint8Array(files["facts.json"] as Uint8Array);
    bytes[bytes.length - 1] = 0x20; // trailing newline → space
    expect(codes({ ...files, "facts.json": bytes })).toContain("rules.hash_mismatch");
  });

  it("loads a modified file only when asked, and then says it is not verified", () => {
    const tampered = edit(filesOf(NATIONAL), "facts.json", () => {}, false);
    tampered["facts.json"] = (tampered["facts.json"] as string) + " ";
    const r = loadRuleSetFromFiles(tampered, { allowModified: true });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.verified).toBe(false);
      expect(r.value.files.find((f) => f.path === "facts.json")!.verified).toBe(false);
      expect(r.warnings?.map((w) => w.code)).toContain("rules.hash_mismatch");
    }
  });

  it("reports a missing listed file and broken JSON", () => {
    const files = filesOf(NATIONAL);
    const { ["classes.json"]: _gone, ...rest } = files;
    expect(codes(rest)).toContain("rules.missing_file");
    expect(codes({ ...files, "manifest.json": "{ not json" })).toEqual(["rules.invalid_json"]);
  });
});

describe("lints on broken copies", () => {
  const base = filesOf(NATIONAL);
  const firstLeaf = (c: any): any => (c.fact ? c : firstLeaf((c.all ?? c.any ?? [c.not])[0]));
  const provinceLeaf = (j: any) => firstLeaf(j.criteria[0].tiers ? j.criteria[0].tiers[0].conditions : j.criteria[0].conditions);

  it.each([
    ["duplicate ids", "criteria/province.json", (j: any) => (j.criteria[1].id = j.criteria[0].id), "rules.duplicate_id"],
    ["a condition on an unknown fact", "criteria/province.json", (j: any) => (provinceLeaf(j).fact = "plan.doesNotExist"), "rules.unknown_fact"],
    ["an unknown operator", "criteria/province.json", (j: any) => (provinceLeaf(j).operator = "regexMatch"), "rules.unknown_operator"],
    ["a value of the wrong type", "criteria/province.json", (j: any) => (provinceLeaf(j).value = { nested: 1 } as never), "rules.schema"],
    ["a value not fitting the fact", "criteria/province.json", (j: any) => (provinceLeaf(j).value = "maybe"), "rules.value_type"],
    ["tier points above maxPoints", "criteria/province.json", (j: any) => (j.criteria.find((c: any) => c.tiers).tiers[0].points = 999), "rules.tier_points_exceed_max"],
    ["a threshold without basis", "criteria/province.json", (j: any) => {
      const c = j.criteria.find((x: any) => x.tiers && JSON.stringify(x.tiers).includes("greaterThan"));
      const find = (n: any): any => (n.fact ? (typeof n.value === "number" ? n : undefined) : (n.all ?? n.any ?? [n.not]).map(find).find(Boolean));
      delete c.tiers.map((t: any) => find(t.conditions)).find(Boolean).basis;
    }, "rules.threshold_without_basis"],
    ["a bad path", "criteria/province.json", (j: any) => {
      const c = j.criteria.find((x: any) => JSON.stringify(x).includes('"path"'));
      const find = (n: any): any => (n.fact ? (n.path ? n : undefined) : (n.all ?? n.any ?? [n.not]).map(find).find(Boolean));
      const leaf = [c.conditions, ...(c.tiers ?? []).map((t: any) => t.conditions)].filter(Boolean).map(find).find(Boolean);
      leaf.path = "$..__proto__";
    }, "rules.bad_path"],
    ["a criterion whose group has no facts", "facts.json", (j: any) => {
      for (const f of j.facts) f.groups = f.groups.filter((g: string) => g !== "front");
      j.facts = j.facts.filter((f: any) => f.groups.length);
    }, "rules.group_without_facts"],
    ["an award no profile can reach", "awards.json", (j: any) => {
      j.awards[0].eligibility.conditions = { all: [{ fact: j.awards[0].groups.includes("individual") ? "person.yearsOfService" : "unit.shareAdvancedWorkers", operator: "greaterThan", value: j.awards[0].groups.includes("individual") ? 1000 : 1, basis: "policy-default" }] };
    }, "rules.unreachable_award"],
    ["a citation of an unknown source", "criteria/front.json", (j: any) => (j.criteria[0].citation.source = "nd-999-2099"), "rules.unknown_source"],
    ["non-NFC text", "criteria/front.json", (j: any) => (j.criteria[0].title.vi = j.criteria[0].title.vi.normalize("NFD")), "rules.schema"],
  ])("flags %s", (_name, path, change, code) => {
    expect(codes(edit(base, path, change))).toContain(code);
  });

  it("gives each lint a path into the file", () => {
    const r = loadRuleSetFromFiles(edit(base, "criteria/province.json", (j) => (provinceLeaf(j).fact = "plan.doesNotExist")));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      const i = r.issues.find((x) => x.code === "rules.unknown_fact")!;
      expect(i.path[0]).toBe("criteria/province.json");
      expect(i.path.at(-1)).toBe("fact");
    }
  });

  it("flags an override of a law value without a citation", () => {
    const national = filesOf(NATIONAL);
    const rs = jsonOf(national, "criteria/enterprise.json");
    const findLaw = (n: any): any => (n.fact ? (n.basis === "law" && n.id ? n : undefined) : (n.all ?? n.any ?? [n.not]).map(findLaw).find(Boolean));
    let target: { criterion: string; threshold: string; value: unknown } | undefined;
    for (const c of rs.criteria) {
      for (const cond of [c.conditions, c.appliesWhen, ...(c.tiers ?? []).map((t: any) => t.conditions)].filter(Boolean)) {
        const leaf = findLaw(cond);
        if (leaf && !target) target = { criterion: c.id, threshold: leaf.id, value: leaf.value };
      }
    }
    expect(target).toBeDefined();
    const local = localSet([{ target: { kind: "threshold", criterion: target!.criterion, threshold: target!.threshold }, value: target!.value, reason: { vi: "Thử", en: "Test" } }]);
    const r = loadRuleSetFromFiles(local, { resolveParent: () => national });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.code)).toContain("rules.law_override_without_citation");
  });
});

/** A minimal local rule set with only an overrides file. */
export function localSet(overrides: unknown[]): Record<string, string> {
  const o = JSON.stringify({ overrides }, null, 2);
  return {
    "overrides.json": o,
    "manifest.json": JSON.stringify({
      formatVersion: 1, id: "test-local", version: "0.0.1", title: { vi: "Thử", en: "Test" }, effectiveFrom: "2025-11-06",
      extends: { id: NATIONAL, version: "1.1.1" }, pointScale: 2, rounding: "half-up", sources: [],
      files: [{ path: "overrides.json", kind: "overrides", sha256: sha256Hex(o) }],
    }),
  };
}
