/** `npm run bench`: evaluation vs json-rules-engine, load+compile time; prints Markdown for bench/RESULTS.md. */
import { cpus, totalmem } from "node:os";
import { createEngine } from "../src/index.js";
import { loadRuleset } from "../src/node/index.js";
import { benchEvaluation } from "./evaluation.js";
import { benchStages } from "./stages.js";

const t0 = performance.now();
const r = loadRuleset("vn-2447-2025");
const tLoad = performance.now() - t0;
if (!r.ok) throw new Error("rule set does not load");
const t1 = performance.now();
createEngine(r.value);
const tCompile = performance.now() - t1;
// steady-state load + compile (after JIT warm-up)
const t2 = performance.now();
for (let i = 0; i < 10; i++) { const x = loadRuleset("vn-2447-2025"); if (x.ok) createEngine(x.value); }
const tWarm = (performance.now() - t2) / 10;

const quick = process.argv.includes("--quick");
console.log(`# thidua benchmark\n\nmachine: ${cpus()[0]?.model ?? "?"} × ${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}\n`);
console.log(`rule set vn-2447-2025: load ${tLoad.toFixed(1)} ms (cold), compile ${tCompile.toFixed(1)} ms (cold); load + compile ${tWarm.toFixed(1)} ms (warm, mean of 10)\n`);
console.log(await benchEvaluation(r.value, undefined, quick ? 20_000 : 200_000, quick ? 500 : 4_000));
// where the time of deciding a partition goes, per unit (bench/stages.ts)
console.log(`\n## Per-unit stages of a streamed run\n\n${benchStages(r.value, quick ? 10_000 : 50_000).join("\n")}`);
