import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { issue } from "../../errors/index.js";
import type { InputRow, ReadOptions } from "./types.js";

/** Line and column (1-based) of a JSON.parse failure; the end of the text when V8 gives no position. */
export function jsonErrorPosition(text: string, err: unknown): { line: number; column: number; reason: string } {
  const msg = err instanceof Error ? err.message : String(err);
  const m = /at position (\d+)/.exec(msg);
  const pos = m ? Number(m[1]) : text.length;
  const before = text.slice(0, pos).split("\n");
  const reason = msg.replace(/\s*\(line \d+ column \d+\)/, "").replace(/ in JSON at position \d+/, "").replace(/, ".*" is not valid JSON$/s, "");
  return { line: before.length, column: before[before.length - 1]!.length + 1, reason };
}

/** Fills the group and year a row does not give from the options; other values are left to validation. */
function withDefaults(v: unknown, opts: ReadOptions): unknown {
  if (v === null || typeof v !== "object" || Array.isArray(v)) return v;
  const o = v as Record<string, unknown>;
  if ((o["group"] !== undefined || opts.defaultGroup === undefined) && (o["year"] !== undefined || opts.defaultYear === undefined)) return v;
  return { ...o, group: o["group"] ?? opts.defaultGroup, year: o["year"] ?? opts.defaultYear };
}

/**
 * Largest `.json` input read (64 MiB, about 100,000 profiles): a JSON document is parsed whole, so
 * a larger one is refused, with a hint to write NDJSON (read line by line, in bounded memory).
 */
export const MAX_JSON_BYTES = 64 * 1024 * 1024;

const mib = (n: number) => Math.round((n / (1024 * 1024)) * 10) / 10;

/** The bytes of a file of at most `max` bytes, or null when it holds more (never more than `max` + 1 bytes read). */
async function readAtMost(path: string, max: number): Promise<{ bytes: Buffer | null; size: number }> {
  const fh = await open(path, "r");
  try {
    const { size } = await fh.stat();
    if (size > max) return { bytes: null, size };
    const buf = Buffer.allocUnsafe(size + 1); // one byte more: a file that grew since is refused, not cut
    let got = 0;
    for (let n = -1; n !== 0 && got < buf.length; got += n) n = (await fh.read(buf, got, buf.length - got, got)).bytesRead;
    return got > max ? { bytes: null, size: got } : { bytes: buf.subarray(0, got), size: got };
  } finally {
    await fh.close();
  }
}

/** A JSON file: an array of profiles (row = index + 1) or one profile (row 1); refused above {@link MAX_JSON_BYTES}. */
export async function* readJson(path: string, file: string, opts: ReadOptions): AsyncGenerator<InputRow> {
  const { bytes, size } = await readAtMost(path, MAX_JSON_BYTES);
  if (bytes === null) {
    const [found, expected] = [mib(size), mib(MAX_JSON_BYTES)];
    const message = `${file}: the JSON file is ${found} MiB, more than the limit of ${expected} MiB, and is not read — save the data as NDJSON (one profile per line, extension .ndjson)`;
    yield { row: 1, issues: [issue("input.parse", ["row", 1], message, { file, row: 1, kind: "jsonTooLarge", found, expected })] };
    return;
  }
  const text = bytes.toString("utf8").replace(/^\uFEFF/, "");
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const { line, column, reason } = jsonErrorPosition(text, e);
    yield { row: 1, issues: [issue("input.parse", ["row", 1], `${file}, line ${line}, column ${column}: invalid JSON — ${reason}`, { file, line, column, kind: "invalidJson", reason })] };
    return;
  }
  const items = Array.isArray(data) ? data : [data];
  for (const [i, item] of items.entries()) yield { row: i + 1, profile: withDefaults(item, opts) };
}

/**
 * A file in blocks of whole lines, read in 1 MiB chunks (the last block may lack its line break): the
 * one line splitter of NDJSON input, for the ordinary reader and for the split of a large input.
 * `chunk`, if given, sees every byte of the file, in order.
 */
export async function* lineBlocks(path: string, chunk?: (b: Buffer) => void): AsyncGenerator<Buffer> {
  // the unfinished last line, in pieces: a line longer than a chunk is joined once
  let rest: Buffer[] = [];
  for await (const data of createReadStream(path, { highWaterMark: 1 << 20 })) {
    const b = data as Buffer;
    chunk?.(b);
    const first = b.indexOf(0x0a);
    if (first < 0) {
      rest.push(b);
      continue;
    }
    let start = 0;
    if (rest.length) {
      rest.push(b.subarray(0, first + 1));
      yield Buffer.concat(rest); // the line begun in an earlier chunk, alone (not copied with the rest of this one)
      rest = [];
      start = first + 1;
    }
    const last = b.lastIndexOf(0x0a);
    if (last >= start) yield b.subarray(start, last + 1);
    if (last + 1 < b.length) rest.push(b.subarray(last + 1));
  }
  if (rest.length) yield Buffer.concat(rest);
}

/** Calls `fn` on each line of a block of whole lines: `[start, end)` without the LF (LF or CRLF line ends), and the line's position in the block. */
export function eachLine(b: Buffer, fn: (start: number, end: number, i: number) => void): void {
  let start = 0;
  let i = 0;
  let nl = b.indexOf(0x0a);
  while (nl >= 0) {
    fn(start, nl, i++);
    start = nl + 1;
    nl = b.indexOf(0x0a, start);
  }
  if (start < b.length) fn(start, b.length, i);
}

/** The issue of an NDJSON line that is not JSON (`column` and `reason` from {@link jsonErrorPosition}). */
export const invalidJsonLine = (file: string, n: number, column: number, reason: string) =>
  issue("input.parse", ["row", n], `${file}, line ${n}, column ${column}: invalid JSON — ${reason}`, { file, row: n, line: n, column, kind: "invalidJson", reason });

/**
 * Line `n` of an NDJSON file as {@link readNdjson} reads it (`raw` without its LF; a CR before it and,
 * on line 1, a byte order mark are removed here); null for a blank line.
 */
export function ndjsonRow(raw: string, n: number, file: string, opts: ReadOptions): InputRow | null {
  if (raw.endsWith("\r")) raw = raw.slice(0, -1);
  const line = n === 1 ? raw.replace(/^\uFEFF/, "") : raw;
  if (line.trim() === "") return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch (e) {
    const { column, reason } = jsonErrorPosition(line, e);
    return { row: n, issues: [invalidJsonLine(file, n, column, reason)] };
  }
  const profile = withDefaults(parsed, opts);
  return profile === parsed ? { row: n, profile, raw: line } : { row: n, profile };
}

/** An NDJSON file, streamed line by line: blank lines skipped, a broken line reported, the rest read on. */
export async function* readNdjson(path: string, file: string, opts: ReadOptions): AsyncGenerator<InputRow> {
  let n = 0;
  for await (const b of lineBlocks(path)) {
    const rows: InputRow[] = [];
    eachLine(b, (s, e) => {
      const r = ndjsonRow(b.toString("utf8", s, e), ++n, file, opts);
      if (r) rows.push(r);
    });
    yield* rows;
  }
}
