import Decimal from "decimal.js";
import type { CellValue } from "./types.js";
import { normKey } from "./columns.js";

/** Outcome of converting one cell: a value, nothing (empty cell = unknown), or what was expected. */
export type Converted =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: true; readonly value?: undefined; readonly empty: true }
  | { readonly ok: false; readonly expected: string; readonly hint?: string; readonly problem?: HistoryProblem; readonly subject?: string; readonly choices?: Choices };

/** The values a cell may hold, as a user writes them: labels in Vietnamese and in English, each list joined by “ | ”. */
export interface Choices {
  readonly vi: string;
  readonly en: string;
}

/** Why a history cell cannot be read: an entry without its year, an award the rule set does not have, a title several awards share. */
export type HistoryProblem = "noYear" | "unknownAward" | "ambiguousAward";

/** The part of a fact (or an object field) that decides how a cell converts. */
export interface CellSpec {
  readonly type: string;
  readonly values?: readonly string[] | undefined;
  readonly valueLabels?: Readonly<Record<string, { readonly vi: string; readonly en: string }>> | undefined;
}

const EMPTY: Converted = { ok: true, empty: true };
const val = (value: unknown): Converted => ({ ok: true, value });
const bad = (expected: string, hint?: string): Converted => (hint ? { ok: false, expected, hint } : { ok: false, expected });

/** True for cells that carry nothing: empty or whitespace-only. */
export const isEmptyCell = (c: CellValue): boolean => c === null || c === undefined || (typeof c === "string" && c.trim() === "");

/** The cell as text for messages (NFC, trimmed, at most 40 characters). */
export function showCell(c: CellValue): string {
  const s = c instanceof Date ? (Number.isNaN(c.getTime()) ? "invalid date" : c.toISOString()) : String(c ?? "").normalize("NFC").trim();
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

const TRUE = new Set(["true", "1", "có", "co", "x", "đúng", "dung", "yes", "y"]);
const FALSE = new Set(["false", "0", "không", "khong", "sai", "no", "n"]);
const BOOLEAN = "a yes/no value: Có/Không, true/false or 1/0";

/** Parses a text number with one allowed decimal separator; returns its canonical decimal string. */
export function parseNumberText(raw: string, decimal: "," | "."): { ok: true; text: string } | { ok: false; hint?: string } {
  let t = raw.trim().replace(/[\u00a0\u202f\u2009]/g, " ");
  if (/^[+-]?\d{1,3}( \d{3})+([.,]\d+)?$/.test(t)) t = t.replace(/ /g, "");
  const other = decimal === "," ? "." : ",";
  if (t.includes(other) && /^[+-]?[\d.,]+$/.test(t)) {
    return { ok: false, hint: `“${other}” is not the decimal separator here (“${decimal}”) and thousands separators are ambiguous: write the number without them, e.g. 1234${decimal}5` };
  }
  const m = (decimal === "," ? /^([+-]?)(\d+)(?:,(\d+))?$/ : /^([+-]?)(\d+)(?:\.(\d+))?$/).exec(t);
  if (!m) return { ok: false };
  return { ok: true, text: `${m[1] === "-" ? "-" : ""}${m[2]}${m[3] ? `.${m[3]}` : ""}` };
}

function number(c: CellValue, decimal: "," | ".", integer: boolean): Converted {
  const expected = integer ? "a whole number" : "a number";
  let n: number;
  let text = "";
  if (typeof c === "number") n = c;
  else if (typeof c === "string") {
    const p = parseNumberText(c, decimal);
    if (!p.ok) return bad(expected, p.hint);
    n = Number(p.text);
    text = p.text;
  } else return bad(expected);
  if (!Number.isFinite(n)) return bad(expected);
  if (integer && !Number.isInteger(n)) {
    const frac = text.split(".")[1] ?? "";
    return bad(expected, frac.length === 3 ? `is “${decimal}” meant as a thousands separator? write the number without it` : undefined);
  }
  return val(n);
}

export function ratio(c: CellValue, decimal: "," | "."): Converted {
  const expected = "a ratio: 0.7, 70% or 70 %";
  if (typeof c === "number") return c >= 0 && c <= 1 ? val(c) : bad(expected, c > 1 && c <= 100 ? `write ${c}% for a percentage` : undefined);
  if (typeof c !== "string") return bad(expected);
  // `70 %`: the number before the sign, read without a regular expression (`/^(.*?)\s*%$/` took
  // quadratic time on a long run of spaces: 300 kB of them cost 50 s)
  const t = c.trim();
  const pct = t.endsWith("%");
  const p = parseNumberText(pct ? t.slice(0, -1) : c, decimal);
  if (!p.ok) return bad(expected, p.hint);
  // at most 15 digits: the double is the decimal's nearest and compares with 0 and 1 as the decimal does,
  // so the exact path is only needed for percentages and for longer texts (a spreadsheet's 0.65 is most cells)
  if (!pct && p.text.length <= 15) {
    const n = Number(p.text);
    return n < 0 || n > 1 ? bad(expected, n > 1 && n <= 100 ? `write ${c.trim()}% for a percentage` : "a ratio lies between 0 and 1 (0%–100%)") : val(n);
  }
  const d = pct ? new Decimal(p.text).div(100) : new Decimal(p.text);
  if (d.lt(0) || d.gt(1)) return bad(expected, !pct && d.gt(1) && d.lte(100) ? `write ${c.trim()}% for a percentage` : "a ratio lies between 0 and 1 (0%–100%)");
  return val(d.toNumber());
}

const pad = (n: number, w = 2) => String(n).padStart(w, "0");
function isoDate(y: number, m: number, d: number): string | undefined {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d ? `${pad(y, 4)}-${pad(m)}-${pad(d)}` : undefined;
}

function date(c: CellValue): Converted {
  const expected = "a date: dd/mm/yyyy or yyyy-mm-dd";
  if (c instanceof Date) {
    if (Number.isNaN(c.getTime())) return bad(expected);
    return val(isoDate(c.getUTCFullYear(), c.getUTCMonth() + 1, c.getUTCDate()));
  }
  if (typeof c === "number") {
    // An Excel date serial left without a date format (days since 1899-12-30).
    if (!Number.isInteger(c) || c < 1 || c > 2958465) return bad(expected);
    return val(new Date(Date.UTC(1899, 11, 30) + c * 86_400_000).toISOString().slice(0, 10));
  }
  if (typeof c !== "string") return bad(expected);
  const s = c.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  const iso = m ? isoDate(+m[1]!, +m[2]!, +m[3]!) : (m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s)) ? isoDate(+m[3]!, +m[2]!, +m[1]!) : undefined;
  return iso ? val(iso) : bad(expected, m ? "that day does not exist" : undefined);
}

const enumKeys = new WeakMap<CellSpec, ReadonlyMap<string, string>>();
/** The value a cell names, by its id or its Vietnamese or English label (first match in catalog order). */
function enumValue(spec: CellSpec, raw: string): string | undefined {
  let keys = enumKeys.get(spec);
  if (!keys) {
    const m = new Map<string, string>();
    for (const v of spec.values ?? []) {
      const l = spec.valueLabels?.[v];
      for (const k of [v, ...(l ? [l.vi, l.en] : [])]) if (!m.has(normKey(k))) m.set(normKey(k), v);
    }
    enumKeys.set(spec, (keys = m));
  }
  return keys.get(normKey(raw));
}
const enumExpected = (spec: CellSpec) =>
  `one of ${(spec.values ?? []).map((v) => (spec.valueLabels?.[v] ? `${v} (${spec.valueLabels[v]!.vi})` : v)).join(", ")}`;
/** An enum's accepted cell values in words: each value's label (the value itself when it has none). */
const enumChoices = (spec: CellSpec): Choices => ({
  vi: (spec.values ?? []).map((v) => spec.valueLabels?.[v]?.vi ?? v).join(" | "),
  en: (spec.values ?? []).map((v) => spec.valueLabels?.[v]?.en ?? v).join(" | "),
});

/** Converts one cell to the fact type of `spec`; text numbers use `decimal` as decimal separator. */
export function convertCell(spec: CellSpec, c: CellValue, decimal: "," | "."): Converted {
  if (isEmptyCell(c)) return EMPTY;
  if (typeof c === "string") {
    c = c.normalize("NFC").trim();
    if (c.includes("\uFFFD")) return bad("UTF-8 text", "the file is not UTF-8 — save it as “CSV UTF-8”");
  }
  switch (spec.type) {
    case "boolean": {
      if (typeof c === "boolean") return val(c);
      if (typeof c === "number") return c === 1 ? val(true) : c === 0 ? val(false) : bad(BOOLEAN);
      const k = typeof c === "string" ? normKey(c) : "";
      return TRUE.has(k) ? val(true) : FALSE.has(k) ? val(false) : bad(BOOLEAN);
    }
    case "integer":
    case "number":
      return number(c, decimal, spec.type === "integer");
    case "ratio":
      return ratio(c, decimal);
    case "date":
      return date(c);
    case "enum": {
      const v = typeof c === "string" || typeof c === "number" ? enumValue(spec, String(c)) : undefined;
      return v === undefined ? { ok: false, expected: enumExpected(spec), choices: enumChoices(spec) } : val(v);
    }
    case "set": {
      if (typeof c !== "string") return { ok: false, expected: `members separated by “|”: ${enumExpected(spec)}`, choices: enumChoices(spec) };
      const parts = c.split("|").map((p) => p.trim()).filter((p) => p !== "");
      const members = parts.map((p) => enumValue(spec, p));
      const i = members.indexOf(undefined);
      if (i >= 0) return { ok: false, expected: `members separated by “|”, each ${enumExpected(spec)}`, hint: `“${parts[i]}” is not one of them`, choices: enumChoices(spec) };
      return val([...new Set(members as string[])]);
    }
    default:
      return bad(`a cell of type ${spec.type}`);
  }
}
