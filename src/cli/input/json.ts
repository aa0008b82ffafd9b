import { createReadStream } from "node:fs";
import { readFile } from "node:fs/promises";
import { createInterface } from "node:readline";
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
    yield { row: 1, issues: [issue("input.parse", ["row", 1], `${file}, line ${line}, column ${column}: invalid JSON — ${reason}`, { file, line, column })] };
    return;
  }
  const items = Array.isArray(data) ? data : [data];
  for (const [i, item] of items.entries()) yield { row: i + 1, profile: withDefaults(item, opts) };
}

/** An NDJSON file, streamed line by line: blank lines skipped, a broken line reported, the rest read on. */
export async function* readNdjson(path: string, file: string, opts: ReadOptions): AsyncGenerator<InputRow> {
  const lines = createInterface({ input: createReadStream(path, { encoding: "utf8" }), crlfDelay: Infinity });
  let n = 0;
  for await (const raw of lines) {
    n++;
    const line = n === 1 ? raw.replace(/^\uFEFF/, "") : raw;
    if (line.trim() === "") continue;
    try {
      yield { row: n, profile: withDefaults(JSON.parse(line), opts) };
    } catch (e) {
      const { column, reason } = jsonErrorPosition(line, e);
      yield { row: n, issues: [issue("input.parse", ["row", n], `${file}, line ${n}, column ${column}: invalid JSON — ${reason}`, { file, row: n, column })] };
    }
  }
}
