import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createEngine, loadRuleSetFromFiles, type Issue, type RuleSetFiles } from "thidua";
import { sha256Hex } from "../../src/rules/index.js";
import { bundledRulesDir, loadRuleSet } from "thidua/node";
import { formatValue } from "../../src/explain/index.js";
import { edit, filesOf, jsonOf, LOCAL, NATIONAL } from "../support/rules.js";

/**
 * Hostile rule sets: nested past every limit, extending in a cycle under other folder names, with a
 * parent that is not the one named, symbolic links and special files, duplicate keys, invalid UTF-8,
 * values named like built-in properties, points beyond the engine's range, sizes beyond the limits.
 * Each is refused at load with its own code and a path, never with an exception, and no message
 * quotes a file that was refused.
 */
const dir = mkdtempSync(join(tmpdir(), "thidua-hostile-rules-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const national = filesOf(NATIONAL);
const local = filesOf(LOCAL);

const codes = (issues: readonly Issue[]) => [...new Set(issues.filter((i) => i.severity === "error").map((i) => i.code))];
/** Replaces one file's bytes and re-hashes the manifest to match (an attacker controls both). */
function withBytes(files: RuleSetFiles, path: string, bytes: string | Uint8Array): Record<string, string | Uint8Array> {
  const out: Record<string, string | Uint8Array> = { ...files, [path]: bytes };
  const m = jsonOf(out, "manifest.json");
  for (const f of m.files) f.sha256 = sha256Hex(out[f.path]!);
  out["manifest.json"] = JSON.stringify(m, null, 2);
  return out;
}
const loadFiles = (files: RuleSetFiles) => loadRuleSetFromFiles(files, { resolveParent: (id) => (id === NATIONAL ? national : undefined) });
/** A copy of a bundled set on disk, to link and break. */
function copySet(id: string, to = join(dir, `${id}-${Math.random().toString(36).slice(2)}`)): string {
  cpSync(join(bundledRulesDir(), id), to, { recursive: true });
  return to;
}
const text = (b: string | Uint8Array) => (typeof b === "string" ? b : new TextDecoder().decode(b));

describe("nesting", () => {
  const deepCondition = (levels: number) => `${'{"all":['.repeat(levels)}{"fact":"plan.issuedOnTime","operator":"equal","value":true}${"]}".repeat(levels)}`;
  const withCondition = (cond: string) => {
    const c = text(national["criteria/province.json"]!).replace(/"conditions": \{/, `"conditions": ${cond}, "x": {`);
    return withBytes(national, "criteria/province.json", c);
  };

  it("100,000 levels anywhere in a file: rules.depth_limit with the path, no stack overflow", () => {
    const r = loadFiles(withCondition(deepCondition(100_000)));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(codes(r.issues)).toEqual(["rules.depth_limit"]);
    expect(r.issues[0]!.path.slice(0, 4)).toEqual(["criteria/province.json", "criteria", 0, "tiers"]);
    expect(r.issues[0]!.path.length).toBeGreaterThan(90);
  });

  it("a condition 60 levels deep (past the documented 100 levels of a file) is refused the same way", () => {
    const r = loadFiles(withCondition(deepCondition(60)));
    expect(!r.ok && codes(r.issues)).toEqual(["rules.depth_limit"]);
  });

  it("deep nesting in the manifest too", () => {
    const m = text(national["manifest.json"]!).replace('"sources": [', `"x": ${"[".repeat(5000)}${"]".repeat(5000)}, "sources": [`);
    const r = loadFiles({ ...national, "manifest.json": m });
    expect(!r.ok && codes(r.issues)).toEqual(["rules.depth_limit"]);
  });
});

describe("extends", () => {
  it("a cycle is caught however the folders are named, at once", () => {
    // folder b holds a copy of a (manifest id a), and a extends b: the folder name is not the rule set
    const a = edit(local, "manifest.json", (m) => (m.extends = { id: "b", version: m.version }));
    const t0 = performance.now();
    const r = loadRuleSetFromFiles(a, { resolveParent: () => a });
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(!r.ok && codes(r.issues)).toEqual(["rules.extends_cycle"]);
    // a true cycle of ids, the folders named after them
    const x = edit(local, "manifest.json", (m) => ((m.id = "x"), (m.extends = { id: "y", version: m.version })));
    const y = edit(local, "manifest.json", (m) => ((m.id = "y"), (m.extends = { id: "x", version: m.version })));
    const c = loadRuleSetFromFiles(x, { resolveParent: (id) => (id === "x" ? x : id === "y" ? y : undefined) });
    expect(!c.ok && codes(c.issues)).toEqual(["rules.extends_cycle"]);
  });

  it("on disk: folders named after other ids than their manifests'", () => {
    const base = join(dir, "cycle");
    mkdirSync(base);
    const a = copySet(LOCAL, join(base, "a"));
    const b = copySet(LOCAL, join(base, "b"));
    for (const [folder, parent] of [[a, "b"], [b, "a"]] as const) {
      const m = JSON.parse(readFileSync(join(folder, "manifest.json"), "utf8"));
      m.extends = { id: parent, version: m.version };
      writeFileSync(join(folder, "manifest.json"), JSON.stringify(m, null, 2));
    }
    const t0 = performance.now();
    const r = loadRuleSet(a);
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(!r.ok && codes(r.issues)).toEqual(["rules.extends_cycle"]);
  });

  it("a parent is accepted only if its own manifest has the id and version extends names", () => {
    const impostor = edit(national, "manifest.json", (m) => (m.id = "someone-else"));
    const r = loadFiles(local);
    expect(r.ok).toBe(true);
    const wrongId = loadRuleSetFromFiles(local, { resolveParent: () => impostor });
    expect(!wrongId.ok && wrongId.issues.find((i) => i.code === "rules.parent_mismatch")?.params).toMatchObject({ actual: expect.stringContaining("someone-else") });
    const wrongDigest = edit(local, "manifest.json", (m) => (m.extends.sha256 = "0".repeat(64)));
    const w = loadFiles(wrongDigest);
    expect(!w.ok && codes(w.issues)).toEqual(["rules.parent_mismatch"]);
  });

  it("a chain longer than the limit is refused", () => {
    const sets = new Map<string, RuleSetFiles>();
    for (let i = 0; i < 12; i++) sets.set(`set-${i}`, edit(local, "manifest.json", (m) => ((m.id = `set-${i}`), (m.extends = { id: i === 11 ? NATIONAL : `set-${i + 1}`, version: "1.1.1" }))));
    sets.set(NATIONAL, national);
    const r = loadRuleSetFromFiles(sets.get("set-0")!, { resolveParent: (id) => sets.get(id) });
    expect(!r.ok && r.issues.some((i) => i.code === "rules.limit" && i.params?.["what"] === "extends")).toBe(true);
  });
});

describe("files that are not regular files inside the folder", () => {
  const secret = join(dir, "secret.txt");
  writeFileSync(secret, "SECRET-MARKER-7f3a: not for rule files\n");

  const refuses = (folder: string, file: string) => {
    const r = loadRuleSet(folder);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => [i.code, i.params?.["file"]])).toEqual([["rules.not_regular_file", file]]);
    expect(JSON.stringify(r.issues)).not.toContain("SECRET-MARKER");
  };

  it("a symbolic link to an identical copy (the hash matches) is refused", () => {
    const folder = copySet(NATIONAL);
    const copy = join(dir, "classes-copy.json");
    cpSync(join(folder, "classes.json"), copy);
    rmSync(join(folder, "classes.json"));
    symlinkSync(copy, join(folder, "classes.json"));
    refuses(folder, "classes.json");
  });

  it("a symbolic link to a file outside is refused and never quoted", () => {
    const folder = copySet(NATIONAL);
    rmSync(join(folder, "awards.json"));
    symlinkSync(secret, join(folder, "awards.json"));
    refuses(folder, "awards.json");
  });

  it("a linked manifest, a linked sub-folder, a folder and a FIFO in place of files are refused", () => {
    const m = copySet(NATIONAL);
    const real = join(dir, "manifest-real.json");
    cpSync(join(m, "manifest.json"), real);
    rmSync(join(m, "manifest.json"));
    symlinkSync(real, join(m, "manifest.json"));
    refuses(m, "manifest.json");

    const sub = copySet(NATIONAL);
    const elsewhere = join(dir, "criteria-elsewhere");
    cpSync(join(sub, "criteria"), elsewhere, { recursive: true });
    rmSync(join(sub, "criteria"), { recursive: true });
    symlinkSync(elsewhere, join(sub, "criteria"));
    const r = loadRuleSet(sub);
    expect(!r.ok && codes(r.issues)).toEqual(["rules.not_regular_file"]);

    const folderAsFile = copySet(NATIONAL);
    rmSync(join(folderAsFile, "facts.json"));
    mkdirSync(join(folderAsFile, "facts.json"));
    refuses(folderAsFile, "facts.json");

    const fifo = copySet(NATIONAL);
    rmSync(join(fifo, "facts.json"));
    execFileSync("mkfifo", [join(fifo, "facts.json")]);
    const t0 = performance.now();
    refuses(fifo, "facts.json");
    expect(performance.now() - t0).toBeLessThan(2000); // never waits for a writer
  });

  it("no message quotes a file's bytes: not even a listed file that is not JSON", () => {
    const r = loadFiles(withBytes(national, "classes.json", "SECRET-MARKER-7f3a is not JSON"));
    expect(!r.ok && codes(r.issues)).toEqual(["rules.invalid_json"]);
    expect(JSON.stringify(r)).not.toContain("SECRET");
    expect(!r.ok && r.issues[0]!.message).toBe("classes.json is not valid JSON: line 1, column 1: expected a value");
  });
});

describe("bytes that could mean two things", () => {
  it("a duplicate key, even spelled with an escape, is refused (the hash matches, the meaning would not)", () => {
    const src = text(national["criteria/province.json"]!);
    for (const dup of ['"maxPoints": 0, "maxPoints"', '"maxPoints": 0, "\\u006daxPoints"']) {
      const r = loadFiles(withBytes(national, "criteria/province.json", src.replace('"maxPoints"', dup)));
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(codes(r.issues)).toEqual(["rules.duplicate_key"]);
      expect(r.issues[0]!.path).toEqual(["criteria/province.json", "criteria", 0, "maxPoints"]);
      expect(r.issues[0]!.params).toMatchObject({ key: "maxPoints", line: expect.any(Number) });
    }
  });

  it("invalid UTF-8 is refused, never read with replacement characters", () => {
    const src = new TextEncoder().encode(text(national["classes.json"]!));
    const at = src.indexOf(0x22, src.indexOf(0x74 /* t */, 20)) + 1; // inside the first string value after the start
    const bad = new Uint8Array([...src.slice(0, at), 0xc3, 0x28, ...src.slice(at)]);
    const r = loadFiles(withBytes(national, "classes.json", bad));
    expect(!r.ok && codes(r.issues)).toEqual(["rules.invalid_utf8"]);
    expect(!r.ok && r.issues[0]!.params?.["offset"]).toBe(at);
  });
});

describe("lints: what scoring would refuse later is refused at load", () => {
  it("points beyond the engine's range (which createEngine would refuse after a successful load)", () => {
    const r = loadFiles(edit(national, "criteria/province.json", (j) => (j.criteria[0].maxPoints = 1e14)));
    expect(!r.ok && codes(r.issues)).toContain("rules.points_unit");
    const big = loadFiles(edit(national, "criteria/province.json", (j) => (j.criteria[0].tiers[0].points = 2_000_000)));
    expect(!big.ok && big.issues.find((i) => i.code === "rules.points_unit")?.path).toEqual(["criteria/province.json", "province.1", "tiers", 0, "points"]);
  });

  it("one threshold id twice in a criterion, in two of its tiers", () => {
    const r = loadFiles(edit(national, "criteria/province.json", (j) => {
      const tiers = j.criteria[0].tiers;
      tiers[1].conditions.all[0].id = tiers[0].conditions.all[0].id;
    }));
    expect(!r.ok && r.issues.find((i) => i.code === "rules.duplicate_id")?.params).toMatchObject({ kind: "threshold" });
  });

  it("an override citing a source no manifest declares", () => {
    const r = loadFiles(edit(local, "overrides.json", (j) => (j.overrides[0].citation = { source: "khong-co-van-ban" })));
    expect(!r.ok && r.issues.find((i) => i.code === "rules.unknown_source")?.params).toEqual({ source: "khong-co-van-ban" });
  });

  it("enum values, labels and fields named like built-in properties", () => {
    for (const name of ["toString", "constructor", "valueOf", "hasOwnProperty"]) {
      const r = loadFiles(edit(national, "facts.json", (j) => {
        const f = j.facts.find((x: { type: string }) => x.type === "enum");
        f.values.push(name);
      }));
      expect(!r.ok && r.issues.find((i) => i.code === "rules.forbidden_key")?.params).toEqual({ key: name, what: "value" });
    }
  });

  it("label lookups read own properties only", () => {
    const fact = { id: "x", type: "enum", values: ["toString"], valueLabels: {} } as never;
    expect(formatValue("toString", fact, "vi")).toBe("«toString»");
    expect(formatValue("constructor", fact, "en")).toBe("«constructor»");
  });
});

describe("documented limits, checked at load", () => {
  it("more criteria than supported", () => {
    const r = loadFiles(edit(national, "criteria/individual.json", (j) => {
      const c = j.criteria[0];
      for (let i = 0; i < 600; i++) j.criteria.push({ ...structuredClone(c), id: `individual.x${i}` });
    }));
    expect(!r.ok && r.issues.filter((i) => i.code === "rules.limit").map((i) => i.params?.["what"])).toEqual(["criteria", "criteriaPerGroup"]);
  });

  it("more awards than supported", () => {
    const r = loadFiles(edit(national, "awards.json", (j) => {
      const a = j.awards[0];
      for (let i = 0; i < 200; i++) j.awards.push({ ...structuredClone(a), id: `award.x${i}`, precedence: 1000 + i });
    }));
    expect(!r.ok && r.issues.filter((i) => i.code === "rules.limit").map((i) => i.params?.["what"])).toEqual(["awards"]);
  });

  it("more conditions than supported", () => {
    // 3 × 6,667 leaves: every file within 4 MiB, the set past 20,000 conditions
    let files: RuleSetFiles = national;
    for (const group of ["province", "enterprise", "front"]) {
      files = edit(files, `criteria/${group}.json`, (j) => {
        const all = j.criteria.find((c: { tiers?: unknown }) => c.tiers).tiers[0].conditions.all;
        all.push(...Array.from({ length: 6_667 }, (_, i) => ({ ...all[0], id: `many-${i}` })));
      });
    }
    const r = loadFiles(files);
    expect(!r.ok && r.issues.filter((i) => i.code === "rules.limit").map((i) => i.params?.["what"])).toEqual(["conditions"]);
  });
});
