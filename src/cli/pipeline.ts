import { createHash } from "node:crypto";
import { createReadStream, statSync } from "node:fs";
import { basename, dirname, extname, join } from "node:path";
import { createEngine, type CommitteeOverride, type Engine, type RunOptions, type Issue, type Rejected, type RuleSet, type Lang } from "../index.js";
import { outcomeDigestOf, overrideOutcomeIssues, rejectedIds } from "../report/index.js";
import { partitionKey, rejectedIdentity, type PartitionOutcome, type PartitionRevisit } from "../engine/index.js";
import { assemble, decidePartition, decideRunQuotas, recordHead, revisitPartition, type ReportChunk, type ReportHead } from "../stream/index.js";
import { loadRulesOrThrow, usageError } from "./rules-load.js";
import { checkInputFile, readProfiles, readRegularFile, type InputRow, type ReadOptions } from "./input/index.js";
import { nodeSha256 } from "./hash.js";
import { partitionShare } from "./weight.js";
import { invalidJsonLine } from "./input/json.js";
import { splitNdjson } from "./input/ndjson-split.js";
import { readOverrides } from "./overrides.js";
import { progressFor, type Progress } from "./progress.js";
import { onInterrupt, yieldToSignals } from "./cleanup.js";
import { ChunkStore, cohortKeeper, Partitions, removeDir, spillDir, type BadLine } from "./spill.js";
import { sinkOf, type CohortSink, type LayoutSpec } from "./layouts.js";
import { blockScanner, decideInWorkers, defaultJobs, startWorkers, stopWorkers, workerScript, type DecidedRun, type RunWorker } from "./parallel.js";

export { UsageError, loadRulesOrThrow } from "./rules-load.js";

/** Inputs larger than this are split into partition files of about this size (bounded memory). */
export const PARTITION_BYTES = 16 * 1024 * 1024;
/** How much larger a file's rows are once spilled as JSON (measured: 1,000,000 generated rows are 192 MiB of CSV, 645 MiB of NDJSON). */
const SPILL_GROWTH: Readonly<Record<string, number>> = { ".csv": 4, ".xlsx": 8 };

export interface ScoreOptions {
  readonly rules: string;
  readonly asOf?: string;
  readonly year?: number;
  readonly overrides?: string;
  /** Overrides already read (replay takes them from the record); wins over `overrides`. */
  readonly overrideList?: readonly CommitteeOverride[];
  readonly allowModifiedRules?: boolean;
  readonly decimal?: "," | ".";
  /** Keep the interpreter's trace in the results (default true). */
  readonly trace?: boolean;
  /** Target size of a partition file; an input larger than this is split by cohort on disk (default 16 MiB). */
  readonly partitionBytes?: number;
  /** Worker threads deciding the partitions of a split input (default: one per core; 0: this thread). */
  readonly jobs?: number;
  /** Columns naming no fact are ignored (listed in the record and every report) instead of refusing the file. */
  readonly ignoreUnknownColumns?: boolean;
  /** The language of the progress bars (default Vietnamese). */
  readonly lang?: Lang;
  /** A file of assessments for a CSV or XLSX input (its SHA-256 is recorded in the record's options). */
  readonly assessments?: string;
}

export type { CohortSink } from "./layouts.js";

export interface Scored {
  readonly rs: RuleSet;
  /** The decision record without its results (they went to the sink cohort by cohort). */
  readonly run: ReportHead;
  /**
   * Notes on the input that are not rows: the header's problems (an unknown column: warning; a
   * duplicate or missing column: error) and overrides that matched no unit (warning).
   */
  readonly warnings: readonly Issue[];
  /** Committee overrides that named no scored unit, or whose award does not fit the unit: errors (no report is written). */
  readonly overrideIssues: readonly Issue[];
  /** The sink's chunk number `part` of every cohort, in the record's cohort order. */
  chunks(part: number): Iterable<ReportChunk>;
  /** Deletes the run's temporary files. */
  dispose(): void;
  /** Awards proposed by the rule set (each unit's award and those alongside it), counted as the cohorts were kept. */
  proposals(): number;
  /** The run's progress bars (silent unless stderr is a terminal and the input large): the report's writing is its last stage. */
  readonly progress: Progress;
}

const t0 = performance.now();
/** With THIDUA_TIMINGS=1, each stage's end time goes to stderr (for benchmarks; nothing otherwise). */
const timing = (stage: string) => {
  if (process.env["THIDUA_TIMINGS"] === "1") process.stderr.write(`[thidua] ${stage}: ${((performance.now() - t0) / 1000).toFixed(2)} s\n`);
};

/** Rough size of a row in the input, to advance the progress bar (only computed for what is read anyway). */
const approxBytes = (p: unknown): number => {
  const facts = (p as { facts?: object }).facts;
  return 120 + (facts ? Object.keys(facts).length * 28 : 0);
};

/** SHA-256 of a file, streamed while it is read; `cancel` stops the reading (the run failed). */
function hashFile(path: string): { digest: Promise<string>; cancel(): void } {
  const h = createHash("sha256");
  const stream = createReadStream(path);
  const digest = new Promise<string>((resolve, reject) => {
    stream
      .on("data", (d) => h.update(d))
      .on("error", reject)
      .on("end", () => resolve(h.digest("hex")));
  });
  return { digest, cancel: () => stream.destroy() };
}

/** A growable Int32Array: the spreadsheet row of each input position (4 bytes a row). */
class Rows {
  private a = new Int32Array(1024);
  set(i: number, row: number): void {
    if (i >= this.a.length) {
      const b = new Int32Array(Math.max(this.a.length * 2, i + 1));
      b.set(this.a);
      this.a = b;
    }
    this.a[i] = row;
  }
  get(i: number): number {
    return this.a[i]!;
  }
}

/** One run of the pipeline: its input, rule set, options and temporary files. */
interface Run {
  readonly input: string;
  readonly file: string;
  readonly opts: ScoreOptions;
  readonly rs: RuleSet;
  readonly engine: Engine;
  readonly overrides: readonly CommitteeOverride[];
  readonly sink: CohortSink | LayoutSpec | null;
  /** The run's temporary directory (null: the input is decided in memory). */
  readonly dir: string | null;
  readonly parts: Partitions;
  readonly evalOpts: RunOptions;
  readonly progress: Progress;
  /** Worker threads, while they run (started before the input is read). */
  workers?: RunWorker[] | undefined;
}

/** The input read: every row once, as a partition row or a rejected row, numbered as the user sees it. */
class Tally {
  /** Input rows so far (the header is not a row). */
  count = 0;
  readonly rowOf = new Rows();
  readonly rejected: Rejected[] = [];
  readonly notes: Issue[] = [];
  /** The header's columns that name no fact (ignored only when the user asked to). */
  unknownColumns: readonly string[] = [];
  sha256 = "";
  constructor(private readonly parts: Partitions) {}

  /** Takes one row of the reader: a header note, a row to decide, or a rejected row. */
  take(r: InputRow): void {
    const errors = (r.issues ?? []).some((i) => i.severity === "error");
    if (r.header) {
      this.notes.push(...(r.issues ?? [])); // the header's problems: reported, not counted as a row
      if (r.unknownColumns) this.unknownColumns = r.unknownColumns; // a later note (the assessments sheet's) keeps them
      return;
    }
    if (r.profile !== undefined && !errors) {
      this.parts.add(partitionKey(r.profile), this.count, r.profile, r.raw);
      this.rowOf.set(this.count, r.row);
    } else {
      this.rejected.push({ index: this.count, row: r.row, ...rejectedIdentity(r.identity ?? r.profile), issues: r.issues ?? [] });
    }
    this.count++;
  }

  /** Takes one NDJSON line spilled unparsed (its cohort read from its bytes). */
  line(key: string, row: number, b: Buffer, start: number, end: number): void {
    this.parts.addBytes(key, this.count, b, start, end);
    this.rowOf.set(this.count++, row);
  }
}

/**
 * The pipeline behind `score`, `validate`, `explain` and `replay`, in bounded memory: read the input
 * (every row ends up once in the results or the rejected list, numbered as the user sees it) and
 * split it by cohort — into partition files when it is larger than `partitionBytes` —, decide the
 * partitions one at a time (worker threads with capped heaps when the input was split and `sink` is
 * a layout or null; this thread otherwise), apply the committee's overrides, hand each cohort to
 * `sink` and keep its chunks (on disk for a large input), then build the record's head and the
 * outcome hash from the kept projections. Memory holds a partition per thread, the cohort
 * summaries, the rejected rows and 4 bytes per input row; the output is byte-identical to the
 * in-memory renderers. An input that is not a regular file is refused before anything is read.
 * Temporary files are removed on return, on error and on Ctrl-C (SIGHUP, SIGTERM).
 */
export async function scoreFile(input: string, opts: ScoreOptions, sink: CohortSink | LayoutSpec | null = null, preloaded?: RuleSet): Promise<Scored> {
  const rs = preloaded ?? loadRulesOrThrow(opts.rules, opts.allowModifiedRules);
  const overrides: readonly CommitteeOverride[] = opts.overrideList ?? (opts.overrides ? await readOverrides(opts.overrides, rs, opts.lang) : []);
  checkInputFile(input);
  // a rule set heavier than the bundled ones (more criteria and awards per unit) splits into smaller partitions
  const { dir, count } = spillPlan(input, Math.floor((opts.partitionBytes ?? PARTITION_BYTES) * partitionShare(rs)));
  // an interrupted run leaves no partition files behind (they can be as large as the input)
  const unhook = dir ? onInterrupt(() => removeDir(dir)) : () => {};
  let run: Run | undefined;
  try {
    run = startRun(input, opts, rs, overrides, sink, dir, count);
    const tally = await readInput(run);
    const decided = await decide(run, tally.count);
    return scored(run, tally, decided, () => {
      decided.close();
      removeDir(dir);
      unhook();
    });
  } catch (e) {
    if (run?.workers) await stopWorkers(run.workers);
    run?.parts.close();
    removeDir(dir);
    unhook();
    throw dir ? tempFilesError(e, dir) : e;
  }
}

/** Writing the run's temporary files failed for lack of space: said so, in the catalog's words. */
function tempFilesError(e: unknown, dir: string): unknown {
  const code = (e as NodeJS.ErrnoException).code;
  return code === "ENOSPC" || code === "EFBIG" || code === "EDQUOT" ? usageError("cli.tempWriteFailed", { dir: dirname(dir), reason: code }) : e;
}

/** Where a run's rows go: a temporary directory and how many partition files, or memory (dir null). */
function spillPlan(input: string, limit: number): { dir: string | null; count: number } {
  // a row spills as JSON: CSV (no keys) and XLSX (zipped) grow about 3.4× and more on the way
  const spilled = statSync(input).size * (SPILL_GROWTH[extname(input).toLowerCase()] ?? 1);
  return spilled > limit ? { dir: spillDir(), count: Math.min(256, Math.ceil(spilled / limit)) } : { dir: null, count: 1 };
}

/** Opens the partitions and, for a split input decided by a layout (or nothing), starts the worker threads: they load and compile the rule set while the input is read. */
function startRun(input: string, opts: ScoreOptions, rs: RuleSet, overrides: readonly CommitteeOverride[], sink: CohortSink | LayoutSpec | null, dir: string | null, count: number): Run {
  const parts = new Partitions(dir, count);
  // traces let explanations name the facts that decided each criterion; they are not part of the outcome hash
  const evalOpts = { ...(opts.asOf && { asOf: opts.asOf }), trace: opts.trace ?? true };
  const run: Run = { input, file: basename(input), opts, rs, engine: createEngine(rs), overrides, sink, dir, parts, evalOpts, progress: progressFor(input, process.stderr, opts.lang ?? "vi") };
  const script = workerScript();
  const jobs = Math.min(opts.jobs ?? defaultJobs(parts.filePaths.length), parts.filePaths.length); // never more threads than partitions
  if (dir && script && jobs > 0 && typeof sink !== "function") {
    const init = { rules: opts.rules, sha256: rs.sha256, allowModified: opts.allowModifiedRules ?? false, ...(opts.asOf && { asOf: opts.asOf }), trace: evalOpts.trace, overrides, layout: sink };
    run.workers = startWorkers(script, init, dir, jobs);
  }
  return run;
}

/** Reads the whole input into the partitions, hashing it on the way. */
async function readInput(run: Run): Promise<Tally> {
  const tally = new Tally(run.parts);
  const readOpts: ReadOptions = { rules: run.rs, ...(run.opts.ignoreUnknownColumns && { ignoreUnknownColumns: true }), ...(run.opts.year !== undefined && { defaultYear: run.opts.year }), ...(run.opts.decimal && { decimal: run.opts.decimal }), ...(run.opts.assessments !== undefined && { assessments: run.opts.assessments }) };
  if (run.dir && extname(run.input).toLowerCase() === ".ndjson") await readSplitNdjson(run, readOpts, tally);
  else await readRows(run, readOpts, tally);
  timing("read and partition");
  run.parts.finish();
  run.progress.stop();
  return tally;
}

/** A split NDJSON input: each line's cohort read from its bytes (on the worker threads, if any), the line spilled unparsed and hashed on the way. */
async function readSplitNdjson(run: Run, readOpts: ReadOptions, tally: Tally): Promise<void> {
  const h = createHash("sha256");
  const scanner = run.workers && blockScanner(run.workers);
  try {
    await splitNdjson(
      run.input,
      run.file,
      readOpts,
      {
        // the bar counts rows (lines), not blocks
        line: (key, row, b, start, end) => (tally.line(key, row, b, start, end), run.progress.tick(end - start)),
        row: (r) => (tally.take(r), run.progress.tick(r.raw?.length ?? 64)),
      },
      (b) => h.update(b),
      scanner?.scan,
    );
  } finally {
    scanner?.stop();
  }
  tally.sha256 = h.digest("hex");
}

/** Any other input, row by row, hashed while it is read (a hashing failure surfaces after the reader's own errors; a reading failure stops the hashing). */
async function readRows(run: Run, readOpts: ReadOptions, tally: Tally): Promise<void> {
  const hash = hashFile(run.input);
  const hashed = hash.digest.catch((e: Error) => e);
  try {
    for await (const r of readProfiles(run.input, readOpts)) {
      tally.take(r);
      if (run.progress.active) run.progress.tick(r.raw !== undefined ? r.raw.length + 1 : r.profile ? approxBytes(r.profile) : 64);
    }
  } catch (e) {
    hash.cancel();
    throw e;
  }
  const digest = await hashed;
  if (digest instanceof Error) throw digest;
  tally.sha256 = digest;
}

/** Decides every partition: in the worker threads if the run has them, else in this thread. */
async function decide(run: Run, rows: number): Promise<DecidedRun> {
  const bar = run.progress.stage(rows);
  let decided: DecidedRun;
  if (run.workers) {
    const workers = run.workers;
    run.workers = undefined; // stopped by decideInWorkers, done or not
    decided = await decideInWorkers(run.engine, workers, run.parts.filePaths, { overrides: run.overrides }, run.evalOpts, (n) => bar.tick(n));
  } else decided = await decideHere(run, (n) => bar.tick(n));
  bar.stop();
  timing("score, rank, decide, render chunks");
  return decided;
}

/**
 * The steps of `recommendPartitioned` (thidua/stream) in this thread, a partition at a time, with a pause
 * between partitions in which a pending Ctrl-C is handled (deciding is synchronous work that no
 * signal interrupts).
 */
async function decideHere(run: Run, progress: (rows: number) => void): Promise<DecidedRun> {
  const { engine, parts, evalOpts } = run;
  const store = new ChunkStore(run.dir ? join(run.dir, "chunks") : null);
  const keeper = cohortKeeper(run.rs, run.overrides, sinkOf(run.sink, run.rs), store);
  const proposals = new Map<string, number>();
  const onCohort = (c: Parameters<typeof keeper.keep>[0]) => {
    proposals.set(c.summary.key, keeper.keep(c).proposals);
    progress(c.results.length);
  };
  const bad: BadLine[] = [];
  const outcomes: PartitionOutcome[] = [];
  for (const part of parts.read(bad)) {
    outcomes.push(decidePartition(engine, part, onCohort, evalOpts));
    await yieldToSignals();
  }
  const decided = decideRunQuotas(engine, outcomes.map((o) => o.plan));
  const revisits: PartitionRevisit[] = [];
  let i = 0;
  for (const part of outcomes.some((o) => o.pending.length) ? parts.read() : []) {
    const pending = outcomes[i++]?.pending ?? [];
    if (pending.length) revisits.push(revisitPartition(engine, part, pending, decided, onCohort, evalOpts));
    await yieldToSignals();
  }
  const report = assemble(engine, outcomes, revisits, decided, evalOpts);
  const total = () => [...proposals.values()].reduce((n, k) => n + k, 0);
  return { report, matched: keeper.matched(), misfits: keeper.misfits(), bad, get: (key, part) => store.get(key, part), proposals: total, close: () => store.close() };
}

/** Every rejected row in input order: unreadable rows, spilled lines that turned out not to be JSON (refused as the reader refuses them), invalid profiles. */
function rejectedRows(run: Run, tally: Tally, decided: DecidedRun): Rejected[] {
  const notJson = decided.bad.map(({ index, column, reason }) => {
    const row = tally.rowOf.get(index);
    return { index, row, issues: [invalidJsonLine(run.file, row, column, reason)] };
  });
  const invalid = decided.report.rejected.map((r) => ({ ...r, row: tally.rowOf.get(r.index) }));
  return [...tally.rejected, ...notJson, ...invalid].sort((a, b) => a.index - b.index);
}

/** The SHA-256 of a file read whole (the assessments file, recorded in the run's options). */
function fileSha256(path: string): string {
  const h = nodeSha256();
  h.update(readRegularFile(path));
  return h.hex();
}

/** The run's record head, outcome hash and chunks, once every partition is decided. */
function scored(run: Run, tally: Tally, decided: DecidedRun, dispose: () => void): Scored {
  const { report, matched } = decided;
  const head = { asOf: report.asOf, cohorts: report.cohorts, runQuotas: report.runQuotas, rejected: rejectedRows(run, tally, decided) };
  const chunks = function* (part: number) {
    for (const c of report.cohorts) yield decided.get(c.key, part);
  };
  const outcome = outcomeDigestOf(head, chunks(0), nodeSha256);
  const { opts, rs } = run;
  const options = { rules: rs.id, asOf: opts.asOf ?? null, year: opts.year ?? null, decimal: opts.decimal ?? null, allowModifiedRules: opts.allowModifiedRules ?? false, ...(opts.assessments !== undefined && { assessments: fileSha256(opts.assessments) }) };
  timing("outcome hash");
  const summary: ReportHead = {
    ...recordHead(rs, head, { input: { sha256: tally.sha256 }, inputCount: tally.count, options, overrides: run.overrides, ignoredColumns: opts.ignoreUnknownColumns ? tally.unknownColumns : [] }, outcome),
    resultCount: report.scored,
    matchedOverrides: matched,
  };
  let disposed = false;
  return {
    rs,
    run: summary,
    warnings: tally.notes,
    // an override that matched no scored unit, or whose award does not fit the unit: an error, never a note
    overrideIssues: overrideOutcomeIssues(rs, run.overrides, matched, decided.misfits, rejectedIds(head.rejected)),
    chunks: (part) => chunks(part + 1),
    progress: run.progress,
    proposals: () => decided.proposals(),
    dispose() {
      if (disposed) return;
      disposed = true;
      dispose();
    },
  };
}
