/**
 * A scoring worker thread of a streamed run (see `parallel.ts`): loads the rule set itself, decides
 * the partitions it is sent one at a time, writes each cohort's report chunks to its own chunk file
 * and answers with plain data (outcomes, chunk spans, which overrides matched).
 */
import { parentPort, workerData } from "node:worker_threads";
import { createEngine } from "../index.js";
import type { CohortDecision } from "../stream/index.js";
import { decidePartition, revisitPartition } from "../stream/index.js";
import { sinkOf } from "./layouts.js";
import { scanBlock } from "./input/ndjson-split.js";
import { loadRulesOrThrow } from "./rules-load.js";
import { ChunkStore, cohortKeeper, readPartitionFile, type BadLine, type Span } from "./spill.js";
import type { FromWorker, ToWorker, WorkerInit } from "./parallel.js";

const init = workerData as WorkerInit;
const rs = loadRulesOrThrow(init.rules, init.allowModified);
if (rs.sha256 !== init.sha256) throw new Error(`rule set ${init.rules} changed on disk during the run (sha256 ${rs.sha256}, was ${init.sha256})`);
const engine = createEngine(rs);
const store = new ChunkStore(init.chunkPath);
const keeper = cohortKeeper(rs, init.overrides, sinkOf(init.layout, rs), store);
const opts = { ...(init.asOf !== undefined && { asOf: init.asOf }), trace: init.trace };
const port = parentPort!;

let spans: [string, Span[], number][] = [];
// progress is told at most every PROGRESS_MS (a message per cohort cost a worker ~2 µs a unit), the rest with the answer
const PROGRESS_MS = 100;
let rows = 0;
let told = performance.now();
const onCohort = (c: CohortDecision) => {
  const kept = keeper.keep(c);
  spans.push([c.summary.key, kept.spans, kept.proposals]);
  rows += c.results.length;
  const now = performance.now();
  if (now - told < PROGRESS_MS) return;
  told = now;
  port.postMessage({ type: "progress", rows } satisfies FromWorker);
  rows = 0;
};
const reply = (m: Omit<Extract<FromWorker, { type: "done" }>, "spans" | "matched" | "misfits" | "type" | "rows">) => {
  store.flush();
  port.postMessage({ type: "done", ...m, spans, matched: keeper.matched(), misfits: keeper.misfits(), rows } satisfies FromWorker);
  spans = [];
  rows = 0;
};

port.on("message", (m: ToWorker) => {
  if (m.type === "scan") {
    const { codes, keys } = scanBlock(Buffer.from(m.block.buffer, m.block.byteOffset, m.block.byteLength), m.first);
    port.postMessage({ type: "scanned", id: m.id, codes, keys } satisfies FromWorker, [codes.buffer as ArrayBuffer]);
  } else if (m.type === "decide") {
    const bad: BadLine[] = [];
    const outcome = decidePartition(engine, readPartitionFile(m.path, bad), onCohort, opts);
    reply({ index: m.index, outcome, bad });
  } else if (m.type === "revisit") {
    // only the waiting cohorts' rows are parsed again
    reply({ index: m.index, revisit: revisitPartition(engine, readPartitionFile(m.path, undefined, new Set(m.pending)), m.pending, m.decided, onCohort, opts) });
  } else {
    store.close();
    port.close();
  }
});
