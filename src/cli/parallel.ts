import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { CommitteeOverride, Engine, RunOptions } from "../index.js";
import type { PartitionedReport, PartitionOutcome, PartitionRevisit, ReportChunk, RunQuotaDecisions } from "../stream/index.js";
import { assemble, decideRunQuotas } from "../stream/index.js";
import type { LayoutSpec } from "./layouts.js";
import { UsageError } from "./rules-load.js";
import { SpanReader, type BadLine, type Span } from "./spill.js";
import type { ScannedBlock } from "./input/ndjson-split.js";

/**
 * Deciding the partitions of a streamed run in worker threads: each worker loads the rule set,
 * takes partitions one at a time from a queue (decide pass, then the revisit pass for cohorts that
 * wait for a run-wide quota), writes its chunks to its own file and answers with plain data; this
 * thread merges the plans, decides the run-wide quotas and assembles. The result does not depend on
 * which worker decided what. Each worker's heap is capped (`resourceLimits`), which is what keeps
 * the memory of a large run bounded.
 */

/** What a worker is started with. */
export interface WorkerInit {
  readonly rules: string;
  /** The digest the main thread loaded: a worker refuses a rule set that changed on disk since. */
  readonly sha256: string;
  readonly allowModified: boolean;
  readonly asOf?: string;
  readonly trace: boolean;
  readonly overrides: readonly CommitteeOverride[];
  readonly layout: LayoutSpec | null;
  readonly chunkPath: string;
}
export type ToWorker =
  | { readonly type: "decide"; readonly index: number; readonly path: string }
  | { readonly type: "revisit"; readonly index: number; readonly path: string; readonly pending: readonly string[]; readonly decided: RunQuotaDecisions }
  | { readonly type: "close" }
  /** While the input is read: scan a block of its lines for their cohorts (see `scanBlock`). */
  | { readonly type: "scan"; readonly id: number; readonly block: Uint8Array; readonly first: boolean };
export type FromWorker =
  | { readonly type: "progress"; readonly rows: number }
  | { readonly type: "scanned"; readonly id: number; readonly codes: Int32Array; readonly keys: readonly string[] }
  | {
      readonly type: "done";
      readonly index: number;
      readonly outcome?: PartitionOutcome;
      readonly revisit?: PartitionRevisit;
      /** Per cohort decided: its key, where its chunks are, and the awards proposed in it. */
      readonly spans: readonly [string, Span[], number][];
      readonly matched: readonly boolean[];
      /** Per override: the group of a unit it named whose award does not fit it (not applied), or null. */
      readonly misfits: readonly (string | null)[];
      /** Rows decided since the last "progress" message. */
      readonly rows: number;
      /** Lines of the partition that are not JSON (first pass only). */
      readonly bad?: readonly BadLine[];
    };

/** Heap cap of one worker (MiB): a partition of the default size needs a fraction of it. */
export const WORKER_HEAP_MB = 384;
/**
 * Young generation of one worker (MiB). V8 sizes it from the heap cap (a few MiB for 384), so a
 * worker that builds and drops a unit's objects by the thousand would spend a fifth of its time in
 * scavenges; 64 MiB makes them rare.
 */
export const WORKER_YOUNG_MB = 64;

/** The built worker script beside this module (absent when running from source: then no workers). */
export function workerScript(): string | null {
  try {
    const here = fileURLToPath(import.meta.url);
    const file = join(here, "..", "cli-worker.js");
    return here.endsWith(".js") && existsSync(file) ? file : null;
  } catch {
    return null;
  }
}

/** Worker threads to use by default: one per core, at most 8, at most one per partition. */
export const defaultJobs = (partitions: number): number => Math.max(1, Math.min(availableParallelism(), 8, partitions));

/** The partitions of a run decided (in worker threads or in this one): the report, the overrides that matched, the kept chunks. */
export interface DecidedRun {
  readonly report: PartitionedReport;
  readonly matched: boolean[];
  readonly misfits: (string | null)[];
  /** Spilled lines that are not JSON, found while the partitions were read. */
  readonly bad: readonly BadLine[];
  /** Part `part` of cohort `key` (0: the outcome projection, then the layout's parts). */
  get(key: string, part: number): ReportChunk;
  /** Awards the rule set proposes over the run (each unit's award and those beside it; a cohort decided again counts once). */
  proposals(): number;
  close(): void;
}

/** A worker thread of a run, started before the input is read (it loads and compiles the rule set meanwhile). */
export interface RunWorker {
  readonly worker: Worker;
  readonly chunkPath: string;
  exited: boolean;
  /** An error the thread raised before it was given work. */
  failed?: Error;
}

/** The error of a thread that stopped without being told to (it should only stop on "close"). */
const stopped = (code?: number) => new Error(`a scoring thread stopped unexpectedly${code === undefined ? "" : ` (exit code ${code})`}`);

/** Why a thread can take no more work (it failed or stopped), if so. */
const unusable = (w: RunWorker): Error | undefined => w.failed ?? (w.exited ? stopped() : undefined);

/** Starts `jobs` worker threads for a run whose temporary files go to `dir`. */
export function startWorkers(script: string, init: Omit<WorkerInit, "chunkPath">, dir: string, jobs: number): RunWorker[] {
  return Array.from({ length: jobs }, (_, n) => {
    const chunkPath = join(dir, `chunks-${n}`);
    const worker = new Worker(script, { workerData: { ...init, chunkPath } satisfies WorkerInit, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_MB } });
    const w: RunWorker = { worker, chunkPath, exited: false };
    worker.on("exit", () => (w.exited = true));
    worker.on("error", (e) => (w.failed ??= e));
    return w;
  });
}

/**
 * Scans blocks of an NDJSON input for their lines' cohorts on the run's worker threads (in turn)
 * while the reading thread goes on reading: what `splitNdjson` takes as `scan`. A thread that fails
 * or stops rejects every scan still waiting; `stop` detaches the scanner before the threads decide.
 */
export function blockScanner(workers: readonly RunWorker[]): { scan(b: Uint8Array, first: boolean): Promise<ScannedBlock>; stop(): void } {
  let turn = 0;
  let next = 0;
  const waiting = new Map<number, { resolve: (s: ScannedBlock) => void; reject: (e: Error) => void }>();
  const fail = (e: Error) => {
    for (const w of waiting.values()) w.reject(e);
    waiting.clear();
  };
  const onMessage = (m: FromWorker) => {
    if (m.type !== "scanned") return;
    const w = waiting.get(m.id);
    waiting.delete(m.id);
    w?.resolve({ codes: m.codes, keys: m.keys });
  };
  const onError = (e: Error) => fail(e);
  const onExit = (code: number) => fail(stopped(code));
  for (const w of workers) w.worker.on("message", onMessage).on("error", onError).on("exit", onExit);
  return {
    scan: (block, first) =>
      new Promise((resolve, reject) => {
        const w = workers[turn++ % workers.length]!;
        const gone = unusable(w);
        if (gone) return reject(gone);
        const id = next++;
        waiting.set(id, { resolve, reject });
        w.worker.postMessage({ type: "scan", id, block, first } satisfies ToWorker);
      }),
    stop() {
      for (const w of workers) w.worker.off("message", onMessage).off("error", onError).off("exit", onExit);
    },
  };
}

/** Stops the threads of a run that failed before or while they worked. */
export const stopWorkers = (workers: readonly RunWorker[]): Promise<unknown> => Promise.all(workers.map((w) => w.worker.terminate()));

/** What the workers' answers add up to: where each cohort's chunks are, the overrides that matched, the outcomes, revisits and unreadable lines. */
interface Collected {
  readonly where: Map<string, { path: string; spans: Span[]; proposals: number }>;
  readonly matched: boolean[];
  /** Per override, the group of the unit it named when its award does not fit that unit (null: fits, or not met yet). */
  readonly misfits: (string | null)[];
  readonly outcomes: PartitionOutcome[];
  readonly revisits: PartitionRevisit[];
  readonly bad: BadLine[];
  /** Set once the run no longer needs its threads (one that stops then is not a failure). */
  closing: boolean;
}

/** Takes a worker's answer to a task into `c`. */
function collect(c: Collected, w: RunWorker, m: Extract<FromWorker, { type: "done" }>): void {
  for (const [key, spans, proposals] of m.spans) c.where.set(key, { path: w.chunkPath, spans, proposals });
  m.matched.forEach((x, i) => (c.matched[i] ||= x));
  m.misfits.forEach((x, i) => (c.misfits[i] ??= x));
  if (m.outcome) c.outcomes[m.index] = m.outcome;
  if (m.bad) c.bad.push(...m.bad);
  if (m.revisit) c.revisits.push(m.revisit);
}

/** A thread's failure as the command reports it (a partition too large for a thread's heap: a usage error saying what to do). */
const workerFailure = (e: Error & { code?: string }): Error =>
  e.code === "ERR_WORKER_OUT_OF_MEMORY"
    ? new UsageError(`a partition did not fit in a scoring thread's ${WORKER_HEAP_MB} MiB: a cohort is too large to split; rerun with --jobs 0 (one thread, no cap)`)
    : e;

/** Runs the tasks on the workers, each taking the next task when it answers; fails as soon as a thread fails or stops unasked. */
function runQueue(workers: readonly RunWorker[], tasks: readonly ToWorker[], c: Collected, progress: (rows: number) => void): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let next = 0;
    let busy = 0;
    const failed = (e: Error) => reject(workerFailure(e));
    const give = (w: RunWorker) => {
      if (next >= tasks.length) {
        if (busy === 0) resolve();
        return;
      }
      busy++;
      w.worker.postMessage(tasks[next++]!);
    };
    // a thread that failed or stopped before it was given work (while the input was being read)
    const early = workers.map(unusable).find((e) => e !== undefined);
    if (early) return failed(early);
    for (const w of workers) {
      w.worker.removeAllListeners("message").removeAllListeners("error");
      w.worker.on("error", failed);
      // a thread that stops without an error (it should only stop when told to) fails the run, never hangs it
      w.worker.once("exit", (code) => {
        if (!c.closing) failed(stopped(code));
      });
      w.worker.on("message", (m: FromWorker) => {
        if (m.type === "progress") return progress(m.rows);
        if (m.type === "scanned") return; // a scan answered after its run failed
        busy--;
        if (m.rows) progress(m.rows);
        collect(c, w, m);
        give(w);
      });
      give(w);
    }
  });
}

/** Tells every thread still running to close, and waits for it to end. */
const closeWorkers = (workers: readonly RunWorker[]) =>
  Promise.all(workers.filter((w) => !w.exited).map((w) => (w.worker.postMessage({ type: "close" } satisfies ToWorker), new Promise((r) => w.worker.once("exit", r)))));

/**
 * Decides the partition files on the run's worker threads: the decide pass on every partition,
 * the run-wide quotas here, the revisit pass on the partitions with waiting cohorts, then the
 * report; the threads are closed at the end and stopped on a failure.
 */
export async function decideInWorkers(
  engine: Engine,
  workers: readonly RunWorker[],
  files: readonly string[],
  init: Pick<WorkerInit, "overrides">,
  opts: RunOptions,
  progress: (rows: number) => void,
): Promise<DecidedRun> {
  const c: Collected = { where: new Map(), matched: init.overrides.map(() => false), misfits: init.overrides.map(() => null), outcomes: new Array(files.length), revisits: [], bad: [], closing: false };
  try {
    await runQueue(workers, files.map((path, index) => ({ type: "decide", index, path })), c, progress);
    const decided = decideRunQuotas(engine, c.outcomes.map((o) => o.plan));
    const waiting = c.outcomes.flatMap((o, index) => (o.pending.length ? [{ type: "revisit" as const, index, path: files[index]!, pending: o.pending, decided }] : []));
    if (waiting.length) await runQueue(workers, waiting, c, progress);
    const report = assemble(engine, c.outcomes, c.revisits, decided, opts);
    c.closing = true;
    await closeWorkers(workers);
    const reader = new SpanReader();
    const get = (key: string, part: number) => {
      const at = c.where.get(key);
      return at ? reader.read(at.path, at.spans[part]) : "";
    };
    const proposals = () => [...c.where.values()].reduce((n, w) => n + w.proposals, 0);
    return { report, matched: c.matched, misfits: c.misfits, bad: c.bad, get, proposals, close: () => reader.close() };
  } catch (e) {
    c.closing = true;
    await stopWorkers(workers);
    throw e;
  }
}
