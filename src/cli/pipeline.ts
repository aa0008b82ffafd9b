import { createHash } from "node:crypto";
import { createReadStream, statSync } from "node:fs";
import { basename, extname, join } from "node:path";
import {
  createEngine,
  recordHead,
  type CommitteeOverride,
  type Issue,
  type Rejected,
  type RuleSet,
  type ReportChunk,
  type ReportHead as RunSummary,
} from "../index.js";
import { outcomeJsonPieces } from "../report/index.js";
import { partitionKey } from "../stream/index.js";
import { recommendPartitioned } from "../stream/index.js";
import { loadRulesOrThrow } from "./rules-load.js";
import { readProfiles, type InputRow } from "./input/index.js";
import { invalidJsonLine } from "./input/json.js";
import { splitNdjson } from "./input/ndjson-split.js";
import { readOverrides } from "./overrides.js";
import { progressFor } from "./progress.js";
import { onInterrupt } from "./cleanup.js";
import { ChunkStore, cohortKeeper, Partitions, removeDir, spillDir, type BadLine } from "./spill.js";
import { sinkOf, type CohortSink, type LayoutSpec } from "./layouts.js";
import { blockScanner, decideInWorkers, defaultJobs, startWorkers, stopWorkers, workerScript, type DecidedRun, type RunWorker } from "./parallel.js";

/** Rough size of a row in the input, to advance the progress bar (only computed for what is read anyway). */
const approxBytes = (p: unknown): number => {
  const facts = (p as { facts?: object }).facts;
  return 120 + (facts ? Object.keys(facts).length * 28 : 0);
};

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
  readonly allowModifiedRules?: boolean;
  readonly decimal?: "," | ".";
  /** Keep the interpreter's trace in the results (default true). */
  readonly trace?: boolean;
  /** Target size of a partition file; an input larger than this is split by cohort on disk (default 16 MiB). */
  readonly partitionBytes?: number;
  /** Worker threads deciding the partitions of a split input (default: one per core; 0: this thread). */
  readonly jobs?: number;
}

export type { CohortSink } from "./layouts.js";

export interface Scored {
  readonly rs: RuleSet;
  /** The decision record without its results (they went to the sink cohort by cohort). */
  readonly run: RunSummary;
  /** Header-level notes (unknown columns…): reported, not rejected rows. */
  readonly warnings: readonly Issue[];
  /** The sink's chunk number `part` of every cohort, in the record's cohort order. */
  chunks(part: number): Iterable<ReportChunk>;
  /** Deletes the run's temporary files. */
  dispose(): void;
}

const t0 = performance.now();
/** With THIDUA_TIMINGS=1, each stage's end time goes to stderr (for benchmarks; nothing otherwise). */
const timing = (stage: string) => {
  if (process.env["THIDUA_TIMINGS"] === "1") process.stderr.write(`[thidua] ${stage}: ${((performance.now() - t0) / 1000).toFixed(2)} s\n`);
};


/** SHA-256 of a file, streamed. */
function hashFile(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const h = createHash("sha256");
    createReadStream(path)
      .on("data", (d) => h.update(d))
      .on("error", reject)
      .on("end", () => resolve(h.digest("hex")));
  });
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

/**
 * The pipeline behind `score`, `validate`, `explain` and `replay`, in bounded memory: read the input
 * (every row ends up once in the results or the rejected list, numbered as the user sees it) and
 * split it by cohort — into partition files when it is larger than `partitionBytes` —, decide the
 * partitions one at a time (worker threads with capped heaps when the input was split and `sink` is
 * a layout or null; `recommendPartitioned` (thidua/stream) in this thread otherwise), apply the committee's
 * overrides, hand each cohort to `sink` and keep its chunks (on disk for a large input), then build
 * the record's head and the outcome hash from the kept projections. Memory holds a partition per
 * thread, the cohort summaries, the rejected rows and 4 bytes per input row; the output is
 * byte-identical to the in-memory renderers. Temporary files are removed on return, on error and on
 * Ctrl-C.
 */
export async function scoreFile(input: string, opts: ScoreOptions, sink: CohortSink | LayoutSpec | null = null, preloaded?: RuleSet): Promise<Scored> {
  const rs = preloaded ?? loadRulesOrThrow(opts.rules, opts.allowModifiedRules);
  const engine = createEngine(rs);
  const overrides: CommitteeOverride[] = opts.overrides ? readOverrides(opts.overrides, rs) : [];
  let size = 0;
  try {
    const st = statSync(input);
    size = st.isFile() ? st.size : 0; // a directory is not split: readProfiles says it is not a file
  } catch {
    // readProfiles reports a missing file as a usage error
  }
  const limit = opts.partitionBytes ?? PARTITION_BYTES;
  // a row spills as JSON: CSV (no keys) and XLSX (zipped) grow about 3.4× and more on the way
  const spilled = size * (SPILL_GROWTH[extname(input).toLowerCase()] ?? 1);
  const dir = spilled > limit ? spillDir() : null;
  // an interrupted run leaves no partition files behind (they can be as large as the input)
  const unhook = dir ? onInterrupt(() => removeDir(dir)) : () => {};
  let partitions: Partitions | undefined;
  let workers: RunWorker[] | undefined;
  try {
    partitions = new Partitions(dir, dir ? Math.min(256, Math.ceil(spilled / limit)) : 1);
    const parts = partitions;
    // traces let explanations name the facts that decided each criterion; they are not part of the outcome hash
    const evalOpts = { ...(opts.asOf && { asOf: opts.asOf }), trace: opts.trace ?? true };
    // worker threads start now: they load and compile the rule set while the input is read
    const script = workerScript();
    const jobs = Math.min(opts.jobs ?? defaultJobs(parts.filePaths.length), parts.filePaths.length); // never more threads than partitions
    if (dir && script && jobs > 0 && typeof sink !== "function") {
      const init = { rules: opts.rules, sha256: rs.sha256, allowModified: opts.allowModifiedRules ?? false, ...(opts.asOf && { asOf: opts.asOf }), trace: evalOpts.trace, overrides, layout: sink };
      workers = startWorkers(script, init, dir, jobs);
    }
    const rowOf = new Rows();
    const parseRejected: Rejected[] = [];
    const warnings: Issue[] = [];
    const tabular = [".csv", ".xlsx"].includes(extname(input).toLowerCase());
    let ordinal = 0;
    let sha256: string;
    const progress = progressFor(input);
    const take = (r: InputRow) => {
      const fileLevel = tabular && r.row === 1 && r.profile === undefined;
      if (fileLevel && !(r.issues ?? []).some((i) => i.severity === "error")) {
        warnings.push(...(r.issues ?? [])); // header notes such as an unknown column: reported, not a row
        return;
      }
      if (r.profile !== undefined && !(r.issues ?? []).some((i) => i.severity === "error")) {
        parts.add(partitionKey(r.profile), ordinal, r.profile, r.raw);
        rowOf.set(ordinal, r.row);
      } else {
        const id = r.profile && typeof r.profile === "object" ? (r.profile as { id?: unknown }).id : undefined;
        parseRejected.push({ index: ordinal, row: r.row, ...(typeof id === "string" && { unitId: id }), issues: r.issues ?? [] });
      }
      ordinal++;
    };
    const readOpts = { rules: rs, ...(opts.year !== undefined && { defaultYear: opts.year }), ...(opts.decimal && { decimal: opts.decimal }) };
    const file = basename(input);
    if (dir && extname(input).toLowerCase() === ".ndjson") {
      // a split NDJSON input: each line's cohort read from its bytes, the line spilled unparsed and hashed on the way
      const h = createHash("sha256");
      const line = (key: string, row: number, b: Buffer, start: number, end: number) => {
        parts.addBytes(key, ordinal, b, start, end);
        rowOf.set(ordinal++, row);
      };
      // with worker threads, they read the lines' cohorts while this thread reads on and spills
      const scanner = workers && blockScanner(workers);
      try {
        await splitNdjson(
          input,
          file,
          readOpts,
          { line, row: take },
          (b) => {
            h.update(b);
            if (progress.active) progress.tick(b.length);
          },
          scanner?.scan,
        );
      } finally {
        scanner?.stop();
      }
      sha256 = h.digest("hex");
    } else {
      const reading = (async () => {
        for await (const r of readProfiles(input, readOpts)) {
          take(r);
          if (progress.active) progress.tick(r.raw !== undefined ? r.raw.length + 1 : r.profile ? approxBytes(r.profile) : 64);
        }
      })();
      // the input is hashed while it is read (a hashing failure surfaces after the reader's own errors)
      const [hashed] = await Promise.all([hashFile(input).catch((e: Error) => e), reading]);
      if (hashed instanceof Error) throw hashed;
      sha256 = hashed;
    }
    timing("read and partition");
    parts.finish();
    progress.stop();

    const scoringBar = progress.stage(ordinal);
    let decided: DecidedRun;
    const bad: BadLine[] = [];
    if (workers) {
      decided = await decideInWorkers(engine, workers, parts.filePaths, { overrides }, evalOpts, (n) => scoringBar.tick(n));
      workers = undefined; // stopped by decideInWorkers, done or not
    } else {
      const store = new ChunkStore(dir ? join(dir, "chunks") : null);
      const keeper = cohortKeeper(rs, overrides, sinkOf(sink, rs), store);
      const report = recommendPartitioned(
        engine,
        (pass) => parts.read(pass === "decide" ? bad : undefined),
        (c) => {
          keeper.keep(c);
          scoringBar.tick(c.results.length);
        },
        evalOpts,
      );
      decided = { report, matched: keeper.matched(), bad, get: (key, part) => store.get(key, part), close: () => store.close() };
    }
    const { report, matched } = decided;
    scoringBar.stop();
    timing("score, rank, decide, render chunks");
    // lines spilled unparsed that turned out not to be JSON: refused as the reader refuses them
    const notJson = decided.bad.map(({ index, column, reason }) => {
      const row = rowOf.get(index);
      return { index, row, issues: [invalidJsonLine(file, row, column, reason)] };
    });
    const rejected = [...parseRejected, ...notJson, ...report.rejected.map((r) => ({ ...r, row: rowOf.get(r.index) }))].sort((a, b) => a.index - b.index);
    overrides.forEach((o, i) => {
      if (matched[i]) return;
      const message = `override for unit ${o.unitId}${o.cohort ? ` in ${o.cohort}` : ""} matches no scored unit; it was not applied`;
      warnings.push({ code: "input.parse", path: ["overrides", o.unitId], params: { unitId: o.unitId, kind: "unmatchedOverride" }, message, severity: "warning" });
    });
    const head = { asOf: report.asOf, cohorts: report.cohorts, runQuotas: report.runQuotas, rejected };
    const chunks = function* (part: number) {
      for (const c of report.cohorts) yield decided.get(c.key, part);
    };
    const outcome = createHash("sha256");
    for (const piece of outcomeJsonPieces(head, chunks(0))) outcome.update(piece);
    const options = {
      rules: rs.id,
      asOf: opts.asOf ?? null,
      year: opts.year ?? null,
      decimal: opts.decimal ?? null,
      allowModifiedRules: opts.allowModifiedRules ?? false,
    };
    timing("outcome hash");
    const run: RunSummary = {
      ...recordHead(rs, head, { input: { sha256 }, inputCount: ordinal, options, overrides }, outcome.digest("hex")),
      resultCount: report.scored,
      matchedOverrides: matched,
    };
    let disposed = false;
    return {
      rs,
      run,
      warnings,
      chunks: (part) => chunks(part + 1),
      dispose() {
        if (disposed) return;
        disposed = true;
        decided.close();
        removeDir(dir);
        unhook();
      },
    };
  } catch (e) {
    if (workers) await stopWorkers(workers);
    partitions?.close();
    removeDir(dir);
    unhook();
    throw e;
  }
}
