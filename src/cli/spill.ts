import { closeSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CommitteeOverride, RuleSet } from "../index.js";
import type { ReportChunk } from "../stream/index.js";
import { createRecordBuilder } from "../report/index.js";
import type { CohortDecision, CohortGroups, IndexedProfile, PartitionRows } from "../engine/index.js";
import type { CohortSink } from "./layouts.js";
import { jsonErrorPosition } from "./input/json.js";

/**
 * Temporary files of a streamed run (the CLI's bounded-memory path). A large input is split by
 * cohort into partition files while it is read, then decided one partition at a time; each cohort's
 * report chunks go to a chunk file and are copied into the report in cohort order at the end. Small
 * inputs stay in memory. Everything is deleted when the run ends (`dispose`).
 */

/**
 * Buffered appends to one file descriptor (partition files, chunk files, the report being written):
 * strings are encoded and bytes copied straight into one reused buffer, written out when it is full.
 */
export class Appender {
  private readonly buf: Buffer;
  private pos = 0;
  /** Bytes written (flushed or buffered) so far. */
  bytes = 0;
  constructor(readonly fd: number, size = 1 << 20) {
    this.buf = Buffer.allocUnsafe(size);
  }
  write(s: string | Uint8Array): void {
    if (typeof s !== "string") return this.writeBytes(s, 0, s.length);
    // a UTF-16 code unit is at most 3 bytes of UTF-8: make sure the string fits before encoding it in place
    if (s.length * 3 > this.buf.length - this.pos) {
      this.flush();
      if (s.length * 3 > this.buf.length) {
        const b = Buffer.from(s); // a long chunk (a cohort of thousands of units): encoded once, written as is
        return this.writeBytes(b, 0, b.length);
      }
    }
    const n = this.buf.write(s, this.pos);
    this.pos += n;
    this.bytes += n;
  }
  /** Appends `src[start, end)`. */
  writeBytes(src: Uint8Array, start: number, end: number): void {
    const len = end - start;
    if (len > this.buf.length - this.pos) {
      this.flush();
      if (len > this.buf.length) {
        writeAll(this.fd, src, start, end);
        this.bytes += len;
        return;
      }
    }
    this.buf.set(src.subarray(start, end), this.pos);
    this.pos += len;
    this.bytes += len;
  }
  flush(): void {
    writeAll(this.fd, this.buf, 0, this.pos);
    this.pos = 0;
  }
}

function writeAll(fd: number, data: Uint8Array, start: number, end: number): void {
  let off = start;
  while (off < end) off += writeSync(fd, data, off, end - off);
}

const NEWLINE = Buffer.from("\n");

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
    if (this.dir === null) return void this.mem[partitionOf(key, this.count)]!.push({ index, profile });
    const to = this.line(key, index);
    to.write(raw ?? JSON.stringify(profile));
    to.writeBytes(NEWLINE, 0, 1);
  }

  /** Adds a row given as the bytes `buf[start, end)` of one NDJSON line, not parsed yet (spilled inputs only). */
  addBytes(key: string, index: number, buf: Uint8Array, start: number, end: number): void {
    const to = this.line(key, index);
    to.writeBytes(buf, start, end);
    to.writeBytes(NEWLINE, 0, 1);
  }

  /** A cohort's file and line prefix (`\tJSON of the key\t`), worked out once: a run has far fewer cohorts than rows. */
  private readonly byKey = new Map<string, { file: Appender; prefix: Buffer }>();

  /** Starts a line of a partition file (`index \t JSON of the key \t`, the row follows) and returns its file. */
  private line(key: string, index: number): Appender {
    let to = this.byKey.get(key);
    if (to === undefined) {
      to = { file: this.files[partitionOf(key, this.count)]!, prefix: Buffer.from(`\t${JSON.stringify(key)}\t`) };
      if (this.byKey.size < 100_000) this.byKey.set(key, to);
    }
    to.file.write(`${index}`);
    to.file.writeBytes(to.prefix, 0, to.prefix.length);
    return to.file;
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

  /**
   * The partitions in order; a spilled one is read back (and parsed, a cohort at a time) only when it
   * is iterated. Lines that are not JSON (spilled unparsed by `addBytes`) go to `bad` when it is
   * given, and are skipped.
   */
  *read(bad?: BadLine[]): Generator<PartitionRows> {
    if (this.dir === null) {
      yield* this.mem;
      return;
    }
    for (const p of this.paths) yield readPartitionFile(p, bad);
  }
}

/** A spilled line that JSON.parse refused: its input position, and where and why (as `jsonErrorPosition` gives them). */
export interface BadLine {
  readonly index: number;
  readonly column: number;
  readonly reason: string;
}

/**
 * The rows of one partition file, grouped by cohort (`index \t JSON of the partition key \t JSON
 * of the row` per line): the file is read and its lines grouped when iterated, each group parsed
 * when its turn comes. Lines that are not JSON go to `bad`, if given; with `only`, groups of other
 * cohorts are skipped unparsed.
 */
export function readPartitionFile(path: string, bad?: BadLine[], only?: ReadonlySet<string>): CohortGroups {
  return { groups: { [Symbol.iterator]: () => partitionGroups(path, bad, only) } };
}

function* partitionGroups(path: string, bad: BadLine[] | undefined, only: ReadonlySet<string> | undefined): Generator<Iterable<IndexedProfile>> {
  // read as bytes and each line decoded on its own: JSON.parse is faster on a flat line (one-byte
  // when it is ASCII) than on a slice of the whole file's text (two-byte as soon as one name is not)
  const buf = readFileSync(path);
  // per cohort key, each line's [start, start of its JSON, end]
  const byKey = new Map<string, number[]>();
  let start = 0;
  while (start < buf.length) {
    let end = buf.indexOf(0x0a, start);
    if (end < 0) end = buf.length;
    const k0 = buf.indexOf(0x09, start) + 1;
    const k1 = buf.indexOf(0x09, k0);
    const key = buf.toString("utf8", k0, k1);
    const lines = byKey.get(key);
    if (lines) lines.push(start, k1 + 1, end);
    else byKey.set(key, [start, k1 + 1, end]);
    start = end + 1;
  }
  for (const [key, lines] of byKey) {
    if (only && !only.has(JSON.parse(key) as string)) continue;
    yield parseLines(buf, lines, bad);
  }
}

function* parseLines(buf: Buffer, lines: readonly number[], bad: BadLine[] | undefined): Generator<IndexedProfile> {
  for (let l = 0; l < lines.length; l += 3) {
    let index = 0;
    for (let i = lines[l]!; buf[i] !== 0x09; i++) index = index * 10 + buf[i]! - 0x30;
    const line = buf.toString("utf8", lines[l + 1]!, lines[l + 2]!);
    let profile: unknown;
    try {
      profile = JSON.parse(line);
    } catch (e) {
      const { column, reason } = jsonErrorPosition(line, e);
      bad?.push({ index, column, reason });
      continue;
    }
    yield { index, profile };
  }
}

/** Where one chunk lies in a chunk file. */
export interface Span {
  readonly off: number;
  readonly len: number;
}

const EMPTY = new Uint8Array(0);

/** Reads spans of chunk files written by other threads (one descriptor per file, opened on first use). */
export class SpanReader {
  private readonly fds = new Map<string, number>();
  /** The bytes of `span` (UTF-8 text), read without decoding them. */
  read(path: string, span: Span | undefined): Uint8Array {
    if (!span || span.len === 0) return EMPTY;
    let fd = this.fds.get(path);
    if (fd === undefined) this.fds.set(path, (fd = openSync(path, "r")));
    const buf = Buffer.allocUnsafe(span.len);
    let got = 0;
    while (got < span.len) got += readSync(fd, buf, got, span.len - got, span.off + got);
    return buf;
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
    this.file = path === null ? null : new Appender(openSync(path, "w"));
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

  /** Part `part` of the cohort `key` (empty if the cohort has none): text in memory, UTF-8 bytes from the file. */
  get(key: string, part: number): ReportChunk {
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
  const builder = createRecordBuilder(rs, overrides, { inPlace: true });
  return {
    /** Stores a decided cohort; gives where its chunks are and how many awards the rule set proposes in it (each unit's award and those beside it). */
    keep({ summary, results }: CohortDecision): { spans: Span[]; proposals: number } {
      const { decided, projection } = builder.cohort(results);
      const proposals = results.reduce((n, r) => n + (r.award ? 1 : 0) + r.alongside.length, 0);
      return { spans: store.put(summary.key, [projection, ...sink(summary, decided)]), proposals };
    },
    matched: () => builder.matched(),
    misfits: () => builder.misfits(),
  };
}

/** A temporary directory for one run's files. */
export function spillDir(): string {
  return mkdtempSync(join(tmpdir(), "thidua-run-"));
}

export function removeDir(dir: string | null): void {
  if (dir) rmSync(dir, { recursive: true, force: true });
}
