/**
 * `npm run bench`: evaluation vs json-rules-engine, load+compile time; prints Markdown for bench/RESULTS.md.
 * It runs bundled by tsup (`.bench/run.js`), compiled as the published code is, not under tsx: tsx keeps
 * the name of every named function by wrapping it as it is created (esbuild's `keepNames`), a cost the
 * published code does not have and that falls on code making closures per unit.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { createEngine } from "../src/index.js";
import { loadRuleSet } from "../src/node/index.js";
import { benchEvaluation } from "./evaluation.js";
import { benchStages } from "./stages.js";
import { benchWhatIf } from "./what-if.js";

const t0 = performance.now();
const r = loadRuleSet("vn-2447-2025");
const tLoad = performance.now() - t0;
if (!r.ok) throw new Error("rule set does not load");
const t1 = performance.now();
createEngine(r.value);
const tCompile = performance.now() - t1;
// steady-state load + compile (after JIT warm-up)
const t2 = performance.now();
for (let i = 0; i < 10; i++) { const x = loadRuleSet("vn-2447-2025"); if (x.ok) createEngine(x.value); }
const tWarm = (performance.now() - t2) / 10;

// cold as a user's program sees it: the first load + compile in fresh processes running the built package
// (this process has run its own bundle's code already); median and range of 5
const built = new URL("../dist/node/index.js", import.meta.url);
const coldRuns = existsSync(built)
  ? Array.from({ length: 5 }, () => {
      const script = `import { loadRuleSet } from ${JSON.stringify(built.href)}; import { createEngine } from ${JSON.stringify(new URL("../dist/index.js", import.meta.url).href)};
const t0 = performance.now(); const r = loadRuleSet("vn-2447-2025"); const t1 = performance.now();
if (!r.ok) throw new Error("the built package did not load vn-2447-2025: " + JSON.stringify(r.issues.slice(0, 3)));
createEngine(r.value); const t2 = performance.now();
console.log(JSON.stringify([t1 - t0, t2 - t1]));`;
      const out = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
      if (out.status !== 0) throw new Error(`cold load + compile in a fresh process failed (exit ${out.status}; rebuild with npm run build):\n${out.stderr}`);
      return JSON.parse(out.stdout) as [number, number];
    }).sort((a, b) => a[0] + a[1] - (b[0] + b[1]))
  : [];
const ms = ([l, c]: [number, number]) => `${l.toFixed(1)} + ${c.toFixed(1)} ms`;

const quick = process.argv.includes("--quick");
console.log(`# thidua benchmark\n\nmachine: ${cpus()[0]?.model ?? "?"} × ${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}\n`);
console.log(`rule set vn-2447-2025: load ${tLoad.toFixed(1)} ms (cold), compile ${tCompile.toFixed(1)} ms (cold); load + compile ${tWarm.toFixed(1)} ms (warm, mean of 10)`);
console.log(
  coldRuns.length
    ? `built package, fresh processes: load + compile ${ms(coldRuns[2]!)} (median of 5; fastest ${ms(coldRuns[0]!)}, slowest ${ms(coldRuns[4]!)})\n`
    : "built package: not measured (run `npm run build` first)\n",
);
console.log(await benchEvaluation(r.value, undefined, quick ? 20_000 : 200_000, quick ? 500 : 4_000));
// where the time of deciding a partition goes, per unit (bench/stages.ts)
console.log(`\n## Per-unit stages of a streamed run\n\n${benchStages(r.value, quick ? 10_000 : 50_000).join("\n")}`);
// a what-if screen re-scores on every keystroke (bench/what-if.ts)
console.log(`\n## What-if latency (one unit re-scored beside its cohort, province rule set)\n\n${benchWhatIf(r.value, quick ? 400 : 2_000).join("\n")}`);
