import { spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateProfiles } from "../../bench/generate.js";
import { loadRuleset } from "../../src/node/index.js"; // only to generate the input; the CLI under test is the built one

/**
 * The built CLI on an input large enough to be split into partition files (forced small with
 * --partition-bytes): worker threads (--jobs 2), this thread (--jobs 0) and the in-memory path must
 * write the same bytes, list the same rejected rows and leave no temporary files behind.
 */
const root = new URL("../../", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "thidua-large-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// the CLI's temporary files go to a directory of this test's own, so they can be counted
const scratch = join(dir, "tmp");
mkdirSync(scratch);
const env = { ...process.env, TMPDIR: scratch };
const cli = (args: string[]) => spawnSync(process.execPath, [join(root, "dist", "cli.js"), ...args], { cwd: root, encoding: "utf8", maxBuffer: 1 << 28, env });

const loaded = loadRuleset("vn-2447-2025");
if (!loaded.ok) throw new Error("rule set");
const rs = loaded.value;
const profiles: Record<string, unknown>[] = [];
for (const [i, g] of (["ministry", "province", "front", "enterprise", "individual"] as const).entries()) profiles.push(...generateProfiles(rs, g, 600, 7 + i, 0.9));
const strong = JSON.parse(readFileSync(join(root, "fixtures/profiles/province.json"), "utf8")).find((p: { id: string }) => p.id === "pv-quang-ninh");
for (let i = 0; i < 30; i++) profiles.push({ ...strong, id: `flag-${i}`, cohort: `co-${i % 10}` }); // Government-flag candidates in 10 clusters
const lines = profiles.map((p) => JSON.stringify(p));
lines.splice(40, 0, "{ broken");
lines.push(JSON.stringify({ ...profiles[5], facts: { soDonViKhongTonTai: 1 } }));
const input = join(dir, "units.ndjson");
writeFileSync(input, `${lines.join("\n")}\n`);
const overrides = join(dir, "overrides.json");
writeFileSync(overrides, JSON.stringify([{ unitId: "flag-3", award: null, reason: "Hồ sơ chưa đủ", decidedBy: "Hội đồng", date: "2025-12-20", cohort: "co-3" }]));
const runs = () => readdirSync(scratch).filter((f) => f.startsWith("thidua-run-")).length;

describe("thidua score on a split input", () => {
  for (const format of ["csv", "md", "json"] as const) {
    it(`${format}: worker threads, one thread and in memory write the same bytes`, () => {
      const before = runs();
      const common = ["score", input, "--as-of", "2025-12-31", "--format", format, "--overrides", overrides];
      const inMemory = cli(common);
      const threads = cli([...common, "--partition-bytes", "60000", "--jobs", "2"]);
      const single = cli([...common, "--partition-bytes", "60000", "--jobs", "0"]);
      expect(inMemory.status, inMemory.stderr).toBe(1); // two rows rejected
      expect(threads.status, threads.stderr).toBe(1);
      expect(threads.stdout).toBe(inMemory.stdout);
      expect(single.stdout).toBe(inMemory.stdout);
      expect(threads.stderr).toBe(inMemory.stderr);
      expect(before).toBe(0);
      expect(runs()).toBe(0); // partition and chunk files removed
    });
  }

  it("the record lists every row: scored or rejected with its line", () => {
    const r = cli(["score", input, "--as-of", "2025-12-31", "--format", "json", "--partition-bytes", "60000", "--jobs", "2"]);
    const rec = JSON.parse(r.stdout);
    expect(rec.results.length + rec.rejected.length).toBe(lines.length);
    expect(rec.rejected.map((x: { row: number }) => x.row)).toEqual([41, lines.length]);
    expect(rec.runQuotas[0]).toMatchObject({ award: "award.co-thi-dua-chinh-phu", base: 10, allowed: 2, candidates: 10 });
  });

  it("validate agrees on a split input", () => {
    const r = cli(["validate", input, "--partition-bytes", "60000", "--jobs", "2", "--lang", "en"]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(`${lines.length} rows: ${lines.length - 2} valid, 2 rejected`);
  });

  it("Ctrl-C during a split run removes the partition files and exits 130", async () => {
    const child = spawn(process.execPath, [join(root, "dist", "cli.js"), "score", input, "--as-of", "2025-12-31", "--format", "md", "--partition-bytes", "20000", "--jobs", "0"], { cwd: root, env, stdio: "ignore" });
    const exited = once(child, "exit");
    let seen = false;
    for (let i = 0; i < 500 && !seen && child.exitCode === null; i++) {
      seen = runs() > 0;
      if (!seen) await new Promise((r) => setTimeout(r, 10));
    }
    expect(seen).toBe(true); // the run had split its input when interrupted
    child.kill("SIGINT");
    const [code, signal] = await exited;
    expect([code, signal]).toEqual([130, null]);
    expect(runs()).toBe(0);
  });
});
