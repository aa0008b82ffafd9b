/**
 * A scoring worker thread of a streamed run (see `parallel.ts`): loads the rule set itself, decides
 * the partitions it is sent one at a time, writes each cohort's report chunks to its own chunk file
 * and answers with plain data (outcomes, chunk spans, which overrides matched).
 */
import { parentPort, workerData } from "node:worker_threads";
import { createEngine, createOverrideApplier, resultsProjectionJson, type CohortDecision } from "../index.js";
import { layoutOf } from "./layouts.js";
import { loadRulesOrThrow } from "./rules-load.js";
import { ChunkStore, readPartitionFile } from "./spill.js";
import type { FromWorker, ToWorker, WorkerInit } from "./parallel.js";

const init = workerData as WorkerInit;
const rs = loadRulesOrThrow(init.rules, init.allowModified);
if (rs.sha256 !== init.sha256) throw new Error(`rule set ${init.rules} changed on disk during the run (sha256 ${rs.sha256}, was ${init.sha256})`);
const engine = createEngine(rs);
const applier = createOverrideApplier(rs, init.overrides, { inPlace: true });
const sink = init.layout ? layoutOf(init.layout, rs).cohort : () => [];
const store = new ChunkStore(init.chunkPath);
const opts = { ...(init.asOf !== undefined && { asOf: init.asOf }), trace: init.trace };
const port = parentPort!;

let spans: [string, { off: number; len: number }[]][] = [];
const onCohort = ({ summary, results }: CohortDecision) => {
  const decided = applier.apply(results);
  spans.push([summary.key, store.put(summary.key, [resultsProjectionJson(decided), ...sink(summary, decided)])]);
  port.postMessage({ type: "progress", rows: results.length } satisfies FromWorker);
};
const reply = (m: Omit<Extract<FromWorker, { type: "done" }>, "spans" | "matched" | "type">) => {
  store.flush();
  port.postMessage({ type: "done", ...m, spans, matched: applier.matched() } satisfies FromWorker);
  spans = [];
};

port.on("message", (m: ToWorker) => {
  if (m.type === "decide") reply({ index: m.index, outcome: engine.decidePartition(readPartitionFile(m.path), onCohort, opts) });
  else if (m.type === "revisit") reply({ index: m.index, revisit: engine.revisitPartition(readPartitionFile(m.path), m.pending, m.decided, onCohort, opts) });
  else {
    store.close();
    port.close();
  }
});
