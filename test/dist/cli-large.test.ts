import { spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateProfiles } from "../../bench/generate.js";
import { loadRuleSet } from "../../src/node/index.js"; // only to generate the input; the CLI under test is the built one

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

const loaded = loadRuleSet("vn-2447-2025");
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
    // Khánh Hòa's set switches the Government flag's 20% quota on (the national set leaves it off)
    const r = cli(["score", input, "--rules", "rules/khanh-hoa-2025", "--as-of", "2025-12-31", "--format", "json", "--partition-bytes", "60000", "--jobs", "2"]);
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

  it("hostile NDJSON lines: a split input (lines read from their bytes) reads every line as the in-memory path does", () => {
    // lines the byte scanner takes, lines it declines, lines that only JSON.parse refuses, all mixed with enough rows to split
    const base = profiles.slice(0, 900).map((p) => JSON.stringify(p));
    const p0 = profiles[0] as { cohort: string };
    const hostile: (string | Buffer)[] = [
      `\uFEFF${base[0]}`, // byte order mark on line 1
      `${base[1]}\r`, // CRLF
      "",
      "   \t ",
      "\u00A0\u00A0", // no-break spaces only: blank, as String#trim says
      "\r",
      "{ broken",
      '{"group":"province","year":2025,"cohort":"x","id":01}', // the scanner takes it, JSON.parse refuses it
      '{"group":"province","cohort":"x","year":2025,"facts":{"a":tru}}',
      `{"group":"province","year":2025,"cohort":"tab\there","id":"t"}`, // a raw tab inside a string
      JSON.stringify({ ...profiles[2], id: "escaped", cohort: p0.cohort }).replace(`"cohort":"${p0.cohort}"`, `"cohort":"${[...p0.cohort].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`).join("")}"`),
      JSON.stringify({ ...profiles[3], id: "nfd", cohort: "Cụm Tây Nguyên".normalize("NFD") }),
      JSON.stringify({ ...profiles[4], id: "nfc", cohort: "Cụm Tây Nguyên" }),
      `{"group":"ministry",${JSON.stringify({ ...profiles[5], id: "dup" }).slice(1)}`, // group twice: the last one counts
      JSON.stringify({ ...profiles[6], id: "no-year", year: undefined }), // --year fills it
      JSON.stringify({ ...profiles[7], id: "year-text", year: "2025" }),
      JSON.stringify({ ...profiles[8], id: "long", pad: "x".repeat(1_300_000) }), // longer than a read chunk
      JSON.stringify({ ...profiles[9], id: "ctrl", name: "N\u0001" }).replace("\\u0001", "\u0001"), // a raw control character in a string: only JSON.parse refuses it
      Buffer.from(JSON.stringify({ ...profiles[10], id: "bad-utf8", name: "NXX" }).replace("XX", "\u00ff\u00ff"), "latin1"), // bytes that are not UTF-8
      ...base.slice(11),
      JSON.stringify({ ...profiles[12], id: "last-without-newline" }),
    ];
    const bytes = Buffer.concat(hostile.flatMap((l, i) => [typeof l === "string" ? Buffer.from(l) : l, ...(i < hostile.length - 1 ? [Buffer.from("\n")] : [])]));
    // invalid UTF-8 inside a string value
    const at = bytes.indexOf("Đơn vị 9");
    if (at >= 0) bytes[at + 1] = 0xff;
    const file = join(dir, "hostile.ndjson");
    writeFileSync(file, bytes);
    for (const format of ["csv", "json"] as const) {
      const common = ["score", file, "--year", "2025", "--as-of", "2025-12-31", "--format", format];
      const inMemory = cli(common);
      expect(inMemory.status, inMemory.stderr).toBe(1);
      for (const jobs of ["0", "2"]) {
        const split = cli([...common, "--partition-bytes", "100000", "--jobs", jobs]);
        expect(split.stdout).toBe(inMemory.stdout);
        expect(split.stderr).toBe(inMemory.stderr);
        expect(split.status).toBe(1);
      }
      if (format === "json") {
        const rec = JSON.parse(inMemory.stdout);
        const nonBlank = bytes.toString("utf8").split("\n").filter((l, i) => (i === 0 ? l.replace(/^\uFEFF/, "") : l).trim() !== "").length;
        expect(rec.results.length + rec.rejected.length).toBe(nonBlank);
        const rows = rec.rejected.map((r: { row: number; issues: { params: { kind?: string } }[] }) => [r.row, r.issues[0]!.params.kind ?? null]);
        for (const line of [7, 8, 9, 10]) expect(rows).toContainEqual([line, "invalidJson"]);
        expect(rec.results.map((r: { unitId: string }) => r.unitId)).toEqual(expect.arrayContaining(["escaped", "nfd", "nfc", "dup", "no-year", "last-without-newline"]));
      }
    }
  });

  it("a directory named like an input is refused the same way whatever the partition size (review finding)", () => {
    const d = join(dir, "folder.ndjson");
    mkdirSync(d);
    const plain = cli(["score", d]);
    const split = cli(["score", d, "--partition-bytes", "100", "--jobs", "2"]);
    expect(plain.status).toBe(2);
    expect(plain.stderr).toBe(`thidua: ${d}: không phải tệp dữ liệu thông thường (một thư mục) nên không được đọc\n`);
    expect([split.status, split.stderr]).toEqual([plain.status, plain.stderr]);
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
