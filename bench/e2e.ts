/**
 * End to end: N generated profiles (all five groups, 50 per cohort) written as NDJSON (or CSV with
 * `csv` as second argument: one column per fact, as a committee's spreadsheet), then the built
 * CLI `thidua score --format csv` over it as a child process, once with worker threads (the default)
 * and once in one thread (`--jobs 0`): wall time, CPU use, peak resident memory and the time of each
 * stage (THIDUA_TIMINGS=1), and whether both reports are byte-identical. The input, and the first
 * report, are flushed to disk before a timed run.
 * Usage: npm run build && npx tsx bench/e2e.ts [N=100000] [ndjson|csv]
 */
import { spawnSync } from "node:child_process";
import { closeSync, createWriteStream, fsyncSync, mkdtempSync, openSync, readFileSync, rmSync, statSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { once } from "node:events";
import { GROUPS } from "../src/index.js";
import { loadRuleSet } from "../src/node/index.js";
import { generateProfiles } from "./generate.js";

const n = Number(process.argv[2] ?? 100_000);
const format = process.argv[3] === "csv" ? "csv" : "ndjson";
const rs = loadRuleSet("vn-2447-2025");
if (!rs.ok) throw new Error("rules");
const dir = mkdtempSync(join(tmpdir(), "thidua-e2e-"));
const input = join(dir, `profiles.${format}`);
const out = createWriteStream(input);
// CSV: id, name, group, cohort, year, then a column per scalar fact and per field of an object fact
const columns = rs.value.facts.flatMap((f) => (f.type === "object" ? Object.keys(f.fields ?? {}).map((k) => ({ fact: f.id, field: k as string | undefined })) : [{ fact: f.id, field: undefined }]));
const cell = (v: unknown): string => {
  if (v === undefined || v === null) return "";
  const s = Array.isArray(v) ? v.join("|") : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const line = (p: { id: string; name: string; group: string; cohort: string; year: number; facts: Record<string, unknown> }) =>
  format === "ndjson"
    ? `${JSON.stringify(p)}\n`
    : `${[p.id, p.name, p.group, p.cohort, p.year, ...columns.map((c) => cell(c.field === undefined ? p.facts[c.fact] : (p.facts[c.fact] as Record<string, unknown> | undefined)?.[c.field]))].map(cell).join(",")}\n`;
if (format === "csv") out.write(`${["id", "name", "group", "cohort", "year", ...columns.map((c) => (c.field ? `${c.fact}.${c.field}` : c.fact))].join(",")}\n`);
const per = Math.ceil(n / GROUPS.length);
let written = 0;
for (const [gi, g] of GROUPS.entries()) {
  const chunk = 10_000;
  for (let start = 0; start < per && written < n; start += chunk) {
    const ps = generateProfiles(rs.value, g, Math.min(chunk, per - start, n - written), 2447 + gi * 1000 + start);
    for (const p of ps) {
      p.id = `${p.id}-${start}`;
      p.cohort = `${p.cohort}-${start}`; // 50 units a cohort across chunks too (the same cluster names in every chunk made cohorts of 1,000)
      if (!out.write(line(p))) await once(out, "drain");
    }
    written += ps.length;
  }
}
out.end();
await once(out, "finish");
/** A file written settled on disk, so that a timed run does not compete with its write-back (about 2 s of a million-profile run here). */
function settle(file: string): void {
  const fd = openSync(file, "r+");
  fsyncSync(fd);
  closeSync(fd);
}
settle(input);
const cli = new URL("../packages/cli/dist/cli.js", import.meta.url).pathname;
const mib = (statSync(input).size / 2 ** 20).toFixed(0);
console.log(`${n.toLocaleString("en")} profiles (${mib} MiB ${format.toUpperCase()}), ${cpus().length} cores, Node ${process.version}`);
console.log("| run | wall | CPU | peak RSS | read + partition | score, rank, decide, render | exit |");
console.log("|---|---:|---:|---:|---:|---:|---|");
const reports: Buffer[] = [];
for (const [label, extra] of [["worker threads (default)", []], ["one thread (--jobs 0)", ["--jobs", "0"]]] as const) {
  const report = join(dir, `report-${reports.length}.csv`);
  const t0 = performance.now();
  const r = spawnSync("/usr/bin/time", ["-f", "%M %P", process.execPath, cli, "score", input, "--format", "csv", "--as-of", "2025-12-31", "--out", report, ...extra], {
    encoding: "utf8",
    env: { ...process.env, THIDUA_TIMINGS: "1" },
  });
  const wall = (performance.now() - t0) / 1000;
  const lines = r.stderr.trim().split("\n");
  const [peakKb, cpu] = lines.pop()!.split(" ");
  const stage = (name: string) => Number(/: ([\d.]+) s/.exec(lines.find((l) => l.includes(name)) ?? "")?.[1] ?? NaN);
  const read = stage("read and partition");
  const decided = stage("score, rank");
  console.log(`| ${label} | ${wall.toFixed(1)} s | ${cpu} | ${(Number(peakKb) / 1024).toFixed(0)} MiB | ${read.toFixed(1)} s | ${(decided - read).toFixed(1)} s | ${r.status} |`);
  settle(report); // before the next timed run
  reports.push(readFileSync(report));
}
console.log(`reports byte-identical: ${reports[0]!.equals(reports[1]!)}`);
rmSync(dir, { recursive: true, force: true });
