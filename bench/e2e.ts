/**
 * End to end: N generated profiles (all five groups, 50 per cohort) written as NDJSON, then the built
 * CLI `thidua score --format csv` over it as a child process: wall time and peak resident memory.
 * Usage: npm run build && npx tsx bench/e2e.ts [N=100000]
 */
import { spawnSync } from "node:child_process";
import { createWriteStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { once } from "node:events";
import { GROUPS } from "../src/index.js";
import { loadRuleset } from "../src/node/index.js";
import { generateProfiles } from "./generate.js";

const n = Number(process.argv[2] ?? 100_000);
const rs = loadRuleset("vn-2447-2025");
if (!rs.ok) throw new Error("rules");
const dir = mkdtempSync(join(tmpdir(), "thidua-e2e-"));
const input = join(dir, "profiles.ndjson");
const out = createWriteStream(input);
const per = Math.ceil(n / GROUPS.length);
let written = 0;
for (const [gi, g] of GROUPS.entries()) {
  const chunk = 10_000;
  for (let start = 0; start < per && written < n; start += chunk) {
    const ps = generateProfiles(rs.value, g, Math.min(chunk, per - start, n - written), 2447 + gi * 1000 + start);
    for (const p of ps) {
      p.id = `${p.id}-${start}`;
      if (!out.write(JSON.stringify(p) + "\n")) await once(out, "drain");
    }
    written += ps.length;
  }
}
out.end();
await once(out, "finish");
const cli = new URL("../dist/cli.js", import.meta.url).pathname;
const t0 = performance.now();
const r = spawnSync("/usr/bin/time", ["-f", "%M", process.execPath, "--max-old-space-size=8192", cli, "score", input, "--format", "csv", "--as-of", "2025-12-31", "--out", join(dir, "report.csv")], { encoding: "utf8" });
const wall = (performance.now() - t0) / 1000;
const peakMiB = Number(r.stderr.trim().split("\n").pop()) / 1024;
console.log(`| ${n.toLocaleString("en")} profiles (${(statSync(input).size / 2 ** 20).toFixed(0)} MiB NDJSON) | ${wall.toFixed(1)} s | ${peakMiB.toFixed(0)} MiB | exit ${r.status} |`);
rmSync(dir, { recursive: true, force: true });
