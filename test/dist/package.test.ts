import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const root = new URL("../../", import.meta.url).pathname;
const dist = join(root, "dist");
const cli = (args: string[], cwd = root) => spawnSync(process.execPath, [join(dist, "cli.js"), ...args], { cwd, encoding: "utf8" });
const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));
const profile = { id: "pv-1", name: "Tỉnh Thử", group: "province", year: 2025, facts: { "plan.issuedOnTime": true, "models.effectiveCount": 300 } };

describe("the built package", () => {
  it("ships ESM, CJS and type declarations for both entry points", () => {
    for (const f of ["index.js", "index.cjs", "index.d.ts", "index.d.cts", "node/index.js", "node.cjs", "node.d.ts", "stream/index.js", "stream.cjs", "cli.js"]) expect(existsSync(join(dist, f)), f).toBe(true);
    const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
    expect(pkg.files).toEqual(["dist/", "rules/", "node/package.json", "stream/package.json"]);
    expect(readFileSync(join(dist, "index.d.ts"), "utf8")).not.toMatch(/from ['"]zod['"]/);
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
    expect(execFileSync(process.execPath, [join(dist, "cli.js"), "--help"], { encoding: "utf8" })).toContain("rules");
  });
});
