import { partitionKey } from "../../stream/index.js";
import { eachLine, lineBlocks, ndjsonRow } from "./json.js";
import type { InputRow, ReadOptions } from "./types.js";

/**
 * Splitting a large NDJSON file by cohort without parsing every line twice. A run larger than
 * memory only needs each line's cohort (group, cluster, year) to choose its partition file; the line
 * is parsed once, later, when its partition is decided. `scanCohort` reads those three fields
 * straight from the line's bytes; any line it is not sure of (escapes, a value of another type, a
 * byte order mark, a missing field…) is read the ordinary way (`ndjsonRow`), so the partition of a
 * line is always `partitionKey` of its parse. A line the scanner takes that is not JSON after all is
 * refused when its partition is read, with the same issue the ordinary reader gives.
 */

/** The cohort fields of one line, as JSON.parse would give them. */
export interface LineCohort {
  readonly group: string;
  readonly cohort: string | undefined;
  readonly year: number;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const isSpace = (c: number | undefined) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
const spaces = (b: Uint8Array, i: number, e: number) => {
  while (i < e && isSpace(b[i])) i++;
  return i;
};
const GROUP = [0x67, 0x72, 0x6f, 0x75, 0x70];
const COHORT = [0x63, 0x6f, 0x68, 0x6f, 0x72, 0x74];
const YEAR = [0x79, 0x65, 0x61, 0x72];
const same = (b: Uint8Array, s: number, e: number, word: readonly number[]) => {
  if (e - s !== word.length) return false;
  for (let k = 0; k < word.length; k++) if (b[s + k] !== word[k]) return false;
  return true;
};

/** Where the JSON string whose text starts at `i` closes, or -1 if it holds an escape or the line ends first (then the line is parsed). */
function plainStringEnd(b: Uint8Array, i: number, e: number): number {
  while (i < e && b[i] !== QUOTE && b[i] !== BACKSLASH) i++;
  return i < e && b[i] === QUOTE ? i : -1;
}

/** End of the value starting at `i` (string, object, array, number or literal), -1 if the line ends first. */
function skipValue(b: Uint8Array, i: number, e: number): number {
  const c = b[i];
  if (c === QUOTE) {
    for (i++; i < e; i++) {
      const d = b[i];
      if (d === QUOTE) return i + 1;
      if (d === BACKSLASH) i++;
    }
    return -1;
  }
  if (c === 0x7b || c === 0x5b) {
    let depth = 0;
    for (; i < e; i++) {
      const d = b[i];
      if (d === QUOTE) {
        for (i++; i < e && b[i] !== QUOTE; i++) if (b[i] === BACKSLASH) i++;
        if (i >= e) return -1;
      } else if (d === 0x7b || d === 0x5b) depth++;
      else if (d === 0x7d || d === 0x5d) {
        if (--depth === 0) return i + 1;
      }
    }
    return -1;
  }
  while (i < e) {
    const d = b[i];
    if (d === 0x2c || d === 0x7d || d === 0x5d || isSpace(d)) break;
    i++;
  }
  return i;
}

/**
 * The group, cluster and year of the JSON object in `b[s, e)` (one NDJSON line without its line
 * break), read from the bytes; null when the line is not a plain case (then parse it). Duplicate keys
 * count as JSON.parse counts them: the last one.
 */
export function scanCohort(b: Buffer, s: number, e: number): LineCohort | null {
  let i = spaces(b, s, e);
  if (b[i] !== 0x7b) return null;
  i = spaces(b, i + 1, e);
  let group: string | undefined;
  let cohort: string | undefined;
  let year: number | undefined;
  for (;;) {
    if (b[i] !== QUOTE) return null;
    const ks = i + 1;
    const j = plainStringEnd(b, ks, e);
    if (j < 0) return null;
    const field = same(b, ks, j, GROUP) ? 1 : same(b, ks, j, COHORT) ? 2 : same(b, ks, j, YEAR) ? 3 : 0;
    i = spaces(b, j + 1, e);
    if (b[i] !== 0x3a) return null;
    i = spaces(b, i + 1, e);
    if (field === 1 || field === 2) {
      if (b[i] !== QUOTE) return null; // not a string: let JSON.parse and the validator speak
      const k = plainStringEnd(b, i + 1, e);
      if (k < 0) return null;
      const v = b.toString("utf8", i + 1, k);
      if (field === 1) group = v;
      else cohort = v;
      i = k + 1;
    } else if (field === 3) {
      const ns = i;
      while (i < e && ((b[i]! >= 0x30 && b[i]! <= 0x39) || b[i] === 0x2d || b[i] === 0x2b || b[i] === 0x2e || b[i] === 0x65 || b[i] === 0x45)) i++;
      const y = i > ns ? Number(b.toString("latin1", ns, i)) : NaN;
      if (!Number.isFinite(y)) return null;
      year = y;
    } else {
      i = skipValue(b, i, e);
      if (i < 0) return null;
    }
    i = spaces(b, i, e);
    if (b[i] === 0x2c) {
      i = spaces(b, i + 1, e);
      continue;
    }
    if (b[i] !== 0x7d || spaces(b, i + 1, e) !== e) return null;
    return group !== undefined && year !== undefined ? { group, cohort, year } : null;
  }
}

/** Where the lines of a split NDJSON file go. */
export interface NdjsonSplit {
  /** A line whose cohort was read from its bytes (`b[start, end)`, without CR and LF): spilled unparsed under `key`. */
  line(key: string, row: number, b: Buffer, start: number, end: number): void;
  /** Any other non-blank line, read as `readNdjson` reads it. */
  row(r: InputRow): void;
}

/** What the scan of a block of lines says of each line: an index into `keys`, or -1 (read that line the ordinary way). */
export interface ScannedBlock {
  readonly codes: Int32Array;
  readonly keys: readonly string[];
}

const withoutCr = (b: Buffer, s: number, e: number) => (e > s && b[e - 1] === 0x0d ? e - 1 : e);

/** The partition key of a line read from its bytes, or null; line 1 of the file may start with a byte order mark and is always read the ordinary way. */
const lineKey = (b: Buffer, s: number, e: number, lineOne: boolean): string | null => {
  const c = lineOne ? null : scanCohort(b, s, withoutCr(b, s, e));
  return c && partitionKey(c);
};

/**
 * Scans every line of a block of whole lines (what a worker thread does for the reading thread);
 * `firstOfFile`: the block starts the file.
 */
export function scanBlock(b: Buffer, firstOfFile: boolean): ScannedBlock {
  const codes: number[] = [];
  const keys: string[] = [];
  const at = new Map<string, number>();
  eachLine(b, (s, e, i) => {
    const key = lineKey(b, s, e, firstOfFile && i === 0);
    if (key === null) return void codes.push(-1);
    let k = at.get(key);
    if (k === undefined) at.set(key, (k = keys.push(key) - 1));
    codes.push(k);
  });
  return { codes: Int32Array.from(codes), keys };
}

/** Blocks read ahead of the one being split, while worker threads scan them. */
const READ_AHEAD = 8;

/**
 * Reads an NDJSON file in 1 MiB chunks and hands every non-blank line to `to` (same line numbers,
 * blank lines and line breaks as `readNdjson`); `chunk` sees every byte of the file, in order (to
 * hash it). With `scan`, the lines' cohorts are read elsewhere (worker threads: `scanBlock`) while
 * the next blocks are read; lines still reach `to` in file order.
 */
export async function splitNdjson(path: string, file: string, opts: ReadOptions, to: NdjsonSplit, chunk: (b: Buffer) => void, scan?: (b: Buffer, firstOfFile: boolean) => Promise<ScannedBlock>): Promise<void> {
  let n = 0;
  const take = (b: Buffer, s: number, e: number, key: string | null) => {
    n++;
    if (key !== null) return to.line(key, n, b, s, withoutCr(b, s, e));
    const r = ndjsonRow(b.toString("utf8", s, e), n, file, opts);
    if (r) to.row(r);
  };
  let first = true;
  if (!scan) {
    for await (const b of lineBlocks(path, chunk)) {
      const lineOne = first;
      first = false;
      eachLine(b, (s, e, i) => take(b, s, e, lineKey(b, s, e, lineOne && i === 0)));
    }
    return;
  }
  const ahead: { b: Buffer; scanned: Promise<ScannedBlock> }[] = [];
  const next = async () => {
    const { b, scanned } = ahead.shift()!;
    const { codes, keys } = await scanned;
    eachLine(b, (s, e, i) => take(b, s, e, codes[i]! >= 0 ? keys[codes[i]!]! : null));
  };
  // a scan that fails (a worker thread that failed at start) stops the reading at once; its promise is
  // handled from the moment it exists, or Node would end the process before the run could clean up
  let failed: { error: unknown } | undefined;
  for await (const b of lineBlocks(path, chunk)) {
    const scanned = scan(b, first);
    scanned.catch((error: unknown) => void (failed ??= { error }));
    ahead.push({ b, scanned });
    first = false;
    if (failed) throw failed.error;
    while (ahead.length > READ_AHEAD) await next();
  }
  while (ahead.length) await next();
}
