import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { expectedValues, PUBLIC_VALUES, valueNames, type EntryPoint } from "../support/api-surface.js";

const root = new URL("../../", import.meta.url).pathname;
const dist = join(root, "dist");
const cliJs = join(root, "packages", "cli", "dist", "cli.js"); // the command line's own package (thidua-cli)
const cli = (args: string[], cwd = root) => spawnSync(process.execPath, [cliJs, ...args], { cwd, encoding: "utf8" });
const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));
const profile = { id: "pv-1", name: "Tỉnh Thử", group: "province", year: 2025, facts: { "plan.issuedOnTime": true, "models.effectiveCount": 300 } };

describe("the built package", () => {
  it("ships ESM, CJS and type declarations for every entry point", () => {
    for (const f of ["index.js", "index.cjs", "index.d.ts", "index.d.cts"]) expect(existsSync(join(dist, f)), f).toBe(true);
    for (const sub of ["node", "stream", "conditions"]) {
      for (const f of [`${sub}/index.js`, `${sub}.cjs`, `${sub}.d.ts`, `${sub}.d.cts`]) expect(existsSync(join(dist, f)), f).toBe(true);
    }
    expect(existsSync(join(dist, "cli.js")), "the library ships no command line").toBe(false);
    expect(existsSync(cliJs)).toBe(true);
    const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
    expect(pkg.files).toEqual(["dist/", "rules/", "node/package.json", "stream/package.json", "conditions/package.json"]);
    expect(readFileSync(join(dist, "index.d.ts"), "utf8")).not.toMatch(/from ['"]zod['"]/);
  });

  it("each built entry point exports exactly its listed values, in ESM and in CJS", async () => {
    const require = createRequire(import.meta.url);
    const files: Record<EntryPoint, [string, string]> = {
      thidua: ["index.js", "index.cjs"],
      "thidua/node": ["node/index.js", "node.cjs"],
      "thidua/stream": ["stream/index.js", "stream.cjs"],
      "thidua/conditions": ["conditions/index.js", "conditions.cjs"],
    };
    for (const entry of Object.keys(PUBLIC_VALUES) as EntryPoint[]) {
      const [esm, cjs] = files[entry];
      expect(valueNames(await import(join(dist, esm))), `${entry} (ESM)`).toEqual(expectedValues(entry));
      expect(valueNames(require(join(dist, cjs))), `${entry} (CJS)`).toEqual(expectedValues(entry));
    }
  });

  it("scores the same through ESM and CJS", async () => {
    const esm = await import(join(dist, "index.js"));
    const esmNode = await import(join(dist, "node", "index.js"));
    const require = createRequire(import.meta.url);
    const cjs = require(join(dist, "index.cjs"));
    const cjsNode = require(join(dist, "node.cjs"));
    const a = esm.createEngine(esmNode.loadRuleSet("vn-2447-2025").value).score(profile, { asOf: "2025-12-31" });
    const b = cjs.createEngine(cjsNode.loadRuleSet("vn-2447-2025").value).score(profile, { asOf: "2025-12-31" });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(a.score).toMatch(/^\d+(\.\d+)?$/);
  });
});

describe("thidua rules (CLI, built)", () => {
  it("verify prints id, version and digest", () => {
    const r = cli(["rules", "verify", "vn-2447-2025"]);
    expect(r.status).toBe(0);
    const { version } = JSON.parse(readFileSync(join(root, "rules/vn-2447-2025/manifest.json"), "utf8"));
    expect(r.stdout).toMatch(new RegExp(`^vn-2447-2025 ${version.replaceAll(".", "\\.")} sha256:[0-9a-f]{64}$`, "m"));
  });

  it("verify exits 1 naming the altered file", () => {
    const dir = mkdtempSync(join(tmpdir(), "thidua-"));
    made.push(dir);
    cpSync(join(root, "rules"), dir, { recursive: true });
    const f = join(dir, "vn-2447-2025", "criteria", "front.json");
    writeFileSync(f, readFileSync(f, "utf8").replace('"maxPoints": 20', '"maxPoints": 21'));
    const r = cli(["rules", "verify", join(dir, "vn-2447-2025")]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("criteria/front.json");
    const check = cli(["rules", "check", join(dir, "vn-2447-2025")]);
    expect(check.status).toBe(0); // lints pass; the modification shows as a warning while editing
    expect(check.stderr).toContain("rules.hash_mismatch");
  });

  it("check exits 1 on a lint error", () => {
    const dir = mkdtempSync(join(tmpdir(), "thidua-"));
    made.push(dir);
    cpSync(join(root, "rules"), dir, { recursive: true });
    const f = join(dir, "vn-2447-2025", "criteria", "front.json");
    writeFileSync(f, readFileSync(f, "utf8").replace(/"fact": "coordination\.regulationSigned"/, '"fact": "coordination.typo"'));
    const r = cli(["rules", "check", join(dir, "vn-2447-2025")]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("rules.unknown_fact");
  });

  it("print writes the rule book in Vietnamese and English", () => {
    const vi = cli(["rules", "print", "vn-2447-2025", "--lang", "vi"]);
    const en = cli(["rules", "print", "vn-2447-2025", "--lang", "en"]);
    expect(vi.status).toBe(0);
    expect(vi.stdout).toContain("# Bộ tiêu chí:");
    expect(en.stdout).toContain("# Rule book:");
    expect(cli(["rules", "print", "vn-2447-2025", "--lang", "fr"]).status).toBe(2);
  });

  it("exits 2 on usage errors", () => {
    expect(cli(["nonsense"]).status).toBe(2);
    expect(cli(["rules", "verify", "/nonexistent/dir"]).status).toBe(2);
    expect(execFileSync(process.execPath, [cliJs, "--help"], { encoding: "utf8" })).toContain("rules");
  });
});
