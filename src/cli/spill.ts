import { closeSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createOverrideApplier, resultsProjectionJson, type CohortDecision, type CommitteeOverride, type IndexedProfile, type RuleSet } from "../index.js";
import type { CohortSink } from "./layouts.js";

/**
 * Temporary files of a streamed run (the CLI's bounded-memory path). A large input is split by
 * cohort into partition files while it is read, then decided one partition at a time; each cohort's
 * report chunks go to a chunk file and are copied into the report in cohort order at the end. Small
 * inputs stay in memory. Everything is deleted when the run ends (`dispose`).
 */

/** Buffered appends to one file descriptor (partition files, chunk files, the report being written). */
export class Appender {
  private buf: string[] = [];
  private size = 0;
  /** Bytes written (flushed or buffered) so far, when counted. */
  bytes = 0;
  constructor(readonly fd: number, private readonly limit = 1 << 20, private readonly count = false) {}
  write(s: string): void {
    this.buf.push(s);
    this.size += s.length;
    if (this.count) this.bytes += Buffer.byteLength(s);
    if (this.size >= this.limit) this.flush();
  }
  flush(): void {
    if (!this.buf.length) return;
    const data = Buffer.from(this.buf.join(""));
    let off = 0;
    while (off < data.length) off += writeSync(this.fd, data, off, data.length - off);
    this.buf = [];
    this.size = 0;
  }
}

/** FNV-1a over UTF-16 code units: the partition of a cohort key (stable across runs and machines). */
export function partitionOf(key: string, count: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return (h >>> 0) % count;
}

/** The input split by cohort key into `count` partitions (in memory when `dir` is null). */
export class Partitions {
  private readonly mem: IndexedProfile[][] = [];
  private readonly files: Appender[] = [];
  private readonly paths: string[] = [];

  constructor(private readonly dir: string | null, readonly count: number) {
    for (let i = 0; i < count; i++) {
      if (dir === null) this.mem.push([]);
      else {
        const p = join(dir, `partition-${i}.ndjson`);
        this.paths.push(p);
        this.files.push(new Appender(openSync(p, "w"), 256 * 1024));
      }
    }
  }

  /** Adds a row; `raw`, if given, is the JSON text `profile` was parsed from (written as is). */
  add(key: string, index: number, profile: unknown, raw?: string): void {
    const i = partitionOf(key, this.count);
    if (this.dir === null) this.mem[i]!.push({ index, profile });
    else this.files[i]!.write(`${index}\t${raw ?? JSON.stringify(profile)}\n`);
  }

  private open = true;
  /** Ends the writing; the partitions can then be read any number of times. */
  finish(): void {
    for (const f of this.files) f.flush();
    this.close();
  }

  /** Closes the files without writing what is buffered (after an error; idempotent). */
  close(): void {
    if (!this.open) return;
    this.open = false;
    for (const f of this.files) closeSync(f.fd);
  }

  /** The files of a spilled input, in partition order (empty when in memory). */
  get filePaths(): readonly string[] {
    return this.paths;
  }

  /** The partitions in order; a spilled one is read back (and parsed) only when it is iterated. */
  *read(): Generator<Iterable<IndexedProfile>> {
    if (this.dir === null) {
      yield* this.mem;
      return;
    }
    for (const p of this.paths) yield readPartitionFile(p);
  }
}

/** The rows of one partition file (read and parsed when iterated). */
export const readPartitionFile = (path: string): Iterable<IndexedProfile> => ({ [Symbol.iterator]: () => parseLines(readFileSync(path, "utf8")) });

function* parseLines(text: string): Generator<IndexedProfile> {
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    const tab = text.indexOf("\t", start);
    yield { index: Number(text.slice(start, tab)), profile: JSON.parse(text.slice(tab + 1, end)) };
    start = end + 1;
  }
}

/** Where one chunk lies in a chunk file. */
export interface Span {
  readonly off: number;
  readonly len: number;
}

/** Reads spans of chunk files written by other threads (one descriptor per file, opened on first use). */
export class SpanReader {
  private readonly fds = new Map<string, number>();
  read(path: string, span: Span | undefined): string {
    if (!span || span.len === 0) return "";
    let fd = this.fds.get(path);
    if (fd === undefined) this.fds.set(path, (fd = openSync(path, "r")));
    const buf = Buffer.allocUnsafe(span.len);
    let got = 0;
    while (got < span.len) got += readSync(fd, buf, got, span.len - got, span.off + got);
    return buf.toString("utf8");
  }
  close(): void {
    for (const fd of this.fds.values()) closeSync(fd);
    this.fds.clear();
  }
}

/** Report chunks per cohort key: in memory, or appended to a file and read back by offset. */
export class ChunkStore {
  private readonly mem = new Map<string, string[]>();
  private readonly at = new Map<string, Span[]>();
  private readonly file: Appender | null;
  private readonly reader = new SpanReader();

  constructor(private readonly path: string | null) {
    this.file = path === null ? null : new Appender(openSync(path, "w"), 1 << 20, true);
  }

  /** Keeps the parts of a cohort; returns their spans in the file (empty in memory). */
  put(key: string, parts: readonly string[]): Span[] {
    const file = this.file;
    if (file === null) {
      this.mem.set(key, [...parts]);
      return [];
    }
    const spans = parts.map((s) => {
      const off = file.bytes;
      file.write(s);
      return { off, len: file.bytes - off };
    });
    this.at.set(key, spans);
    return spans;
  }

  /** Writes out what is buffered, so that other threads can read every span returned so far. */
  flush(): void {
    this.file?.flush();
  }

  /** Part `part` of the cohort `key` ("" if the cohort has none). */
  get(key: string, part: number): string {
    if (this.file === null) return this.mem.get(key)?.[part] ?? "";
    this.file.flush();
    return this.reader.read(this.path!, this.at.get(key)?.[part]);
  }

  close(): void {
    if (this.file) closeSync(this.file.fd);
    this.reader.close();
  }
}

/**
 * Keeps each decided cohort in a chunk store: applies the committee's overrides, then stores the
 * cohort's outcome projection as part 0 and the sink's chunks as parts 1… (what the run's outcome hash
 * and report read back). Used the same way in this thread and in worker threads.
 */
export function cohortKeeper(rs: RuleSet, overrides: readonly CommitteeOverride[], sink: CohortSink, store: ChunkStore) {
  const applier = createOverrideApplier(rs, overrides, { inPlace: true });
  return {
    keep({ summary, results }: CohortDecision): Span[] {
      const decided = applier.apply(results);
      return store.put(summary.key, [resultsProjectionJson(decided), ...sink(summary, decided)]);
    },
    matched: () => applier.matched(),
  };
}

/** A temporary directory for one run's files. */
export function spillDir(): string {
  return mkdtempSync(join(tmpdir(), "thidua-run-"));
}

export function removeDir(dir: string | null): void {
  if (dir) rmSync(dir, { recursive: true, force: true });
}
