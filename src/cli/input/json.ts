import { createReadStream } from "node:fs";
import { readFile } from "node:fs/promises";
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

/** A JSON file: an array of profiles (row = index + 1) or one profile (row 1). */
export async function* readJson(path: string, file: string, opts: ReadOptions): AsyncGenerator<InputRow> {
  const text = (await readFile(path, "utf8")).replace(/^\uFEFF/, "");
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

/** The lines of a text file, streamed in 1 MiB chunks (LF or CRLF; a final line without a line break counts). */
async function* fileLines(path: string): AsyncGenerator<string[]> {
  // the unfinished last line, in pieces: a line longer than a chunk is joined once, not re-split per chunk
  let rest: string[] = [];
  for await (const chunk of createReadStream(path, { encoding: "utf8", highWaterMark: 1 << 20 })) {
    const text = chunk as string;
    const first = text.indexOf("\n");
    if (first < 0) {
      rest.push(text);
      continue;
    }
    const lines = text.slice(first + 1).split("\n");
    const head = rest.length ? rest.join("") + text.slice(0, first) : text.slice(0, first);
    rest = [lines.pop()!];
    lines.unshift(head);
    yield lines;
  }
  const last = rest.join("");
  if (last !== "") yield [last];
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
  for await (const batch of fileLines(path)) {
    for (const raw of batch) {
      const r = ndjsonRow(raw, ++n, file, opts);
      if (r) yield r;
    }
  }
}
