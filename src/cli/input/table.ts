import { issue, type Issue } from "../../errors/index.js";
import { GROUPS, type Award, type Group, type RuleSet } from "../../rules/index.js";
import { convertCell, isEmptyCell, parseNumberText, showCell, type Choices, type Converted } from "./cells.js";
import { buildColumnIndex, GROUP_LABELS, MAX_COLUMNS, normKey, resolveHeader, type ColumnTarget, type HeaderResult, type MetaKey } from "./columns.js";
import { LABEL_ROW_MARKER, type CellValue, type InputRow, type ReadOptions } from "./types.js";

export interface TableOptions extends ReadOptions {
  /** File name used in messages. */
  readonly file: string;
  readonly decimal: "," | ".";
  /** CSV: a row with more or fewer cells than the header is an error (a truncated line, a stray delimiter). */
  readonly strictWidth: boolean;
}

/** Turns the rows of a sheet (CSV or XLSX) into profiles: one header row, then data rows. */
export class TableReader {
  private header?: HeaderResult;
  private headerRow = 1;
  private readonly index: Map<string, ColumnTarget>;
  private readonly awards: Map<string, readonly Award[]>;

  constructor(private readonly o: TableOptions) {
    this.index = buildColumnIndex(o.rules);
    this.awards = awardIndex(o.rules);
  }

  /** Reads the header row; returns its issues (an InputRow marked `header`, not a row of data) if it has any. */
  readHeader(cells: readonly CellValue[], row = 1): InputRow | undefined {
    this.headerRow = row;
    // a header wider than the limit is refused before its cells are converted
    const texts = cells.length > MAX_COLUMNS ? cells.map(() => "") : cells.map((c) => (isEmptyCell(c) ? "" : showCellFull(c)));
    this.header = resolveHeader(texts, this.index, this.o, row);
    const { issues, unknown } = this.header;
    return issues.length ? { row, issues, header: true, ...(unknown.length && { unknownColumns: unknown }) } : undefined;
  }

  /** The header refused the file (too many columns): the reader stops after it. */
  get refused(): boolean {
    return this.header?.refused === true;
  }

  /** Converts one data row; undefined for an entirely empty row or the template's label row. */
  readRow(cells: readonly CellValue[], row: number): InputRow | undefined {
    const h = this.header;
    if (!h) throw new Error("readHeader first");
    if (cells.every(isEmptyCell)) return undefined;
    const first = cells[0];
    if (row === this.headerRow + 1 && typeof first === "string" && first.trim().startsWith(LABEL_ROW_MARKER)) return undefined;
    const issues: Issue[] = [];
    const fail = (column: string, found: CellValue, expected: string, hint?: string, kind = "other", why?: { problem?: string; subject?: string; choices?: Choices }) =>
      issues.push(
        issue("input.parse", ["row", row, column], `${this.o.file}, row ${row}, column “${column}”: expected ${expected}, found “${showCell(found)}”${hint ? ` (${hint})` : ""}`, {
          file: this.o.file, row, column, expected, found: showCell(found), kind,
          ...(why?.problem && { other: why.problem, award: why.subject ?? "" }),
          ...(why?.choices && { choicesVi: why.choices.vi, choicesEn: why.choices.en }),
        }),
      );
    const width = this.widthIssue(cells.length, h.names.length, row);
    if (width) issues.push(width);
    const meta: Partial<Record<MetaKey, unknown>> = {};
    let historyColumn = "";
    const facts: Record<string, unknown> = {};
    let extra = false;
    cells.forEach((cell, i) => {
      if (isEmptyCell(cell)) return;
      const t = h.targets[i];
      const name = h.names[i] ?? "";
      if (!t) {
        // a cell beyond the header or under an empty header cell: the first one of the row is named (a row can hold a million)
        if (name === "" && !extra) fail(`#${i + 1}`, cell, "an empty cell", "this column has no header");
        extra ||= name === "";
        return;
      }
      const r: Converted = t.kind === "meta" ? this.meta(t.key, cell) : convertCell(t.kind === "fact" ? t.fact : t.spec, cell, this.o.decimal);
      if (!r.ok) return void fail(name, cell, r.expected, r.hint, t.kind === "meta" ? t.key : t.kind === "fact" ? t.fact.type : t.spec.type, r);
      if (r.value === undefined) return;
      if (t.kind === "meta") {
        meta[t.key] = r.value;
        if (t.key === "history") historyColumn = name;
      } else if (t.kind === "fact") facts[t.fact.id] = r.value;
      else ((facts[t.fact.id] ??= {}) as Record<string, unknown>)[t.field] = r.value;
    });
    const group = (meta.group as Group | undefined) ?? this.o.defaultGroup;
    if (meta.history !== undefined) {
      const h = parseHistory(String(meta.history), this.awards, group);
      if (h.ok) meta.history = h.value;
      else fail(historyColumn, String(meta.history), h.expected, h.hint, "history", h);
    }
    const year = meta.year ?? this.o.defaultYear;
    // a rejected row keeps what is readable of it (id, name, cluster), so the report lists it under its cluster
    if (issues.length) return { row, issues, identity: Object.fromEntries(Object.entries({ id: meta.id, name: meta.name, group, cohort: meta.cohort, year }).filter(([, v]) => v !== undefined)) };
    const profile = {
      ...(meta.id !== undefined && { id: meta.id }),
      ...(meta.name !== undefined && { name: meta.name }),
      ...(group !== undefined && { group }),
      ...(meta.cohort !== undefined && { cohort: meta.cohort }),
      ...(year !== undefined && { year }),
      facts,
      ...(meta.history !== undefined && { history: meta.history }),
    };
    return { row, profile };
  }

  /** A CSV row with more or fewer cells than the header (a truncated line, an unquoted delimiter…). */
  private widthIssue(cells: number, columns: number, row: number): Issue | undefined {
    if (!this.o.strictWidth || cells === columns) return undefined;
    const why = cells < columns ? "a truncated line?" : "an unquoted delimiter or thousands separator?";
    return issue("input.parse", ["row", row], `${this.o.file}, row ${row}: the row has ${cells} cells but the header has ${columns} (${why})`, { file: this.o.file, row, expected: columns, found: cells, kind: "rowWidth", other: cells < columns ? "short" : "long", reason: why });
  }

  private meta(key: MetaKey, cell: CellValue): Converted {
    const text = showCellFull(cell);
    if (text.includes("\uFFFD")) return { ok: false, expected: "UTF-8 text", hint: "the file is not UTF-8 — save it as “CSV UTF-8”" };
    switch (key) {
      case "id":
      case "name":
      case "cohort":
        return { ok: true, value: text };
      case "group": {
        const k = normKey(text);
        const g = GROUPS.find((x) => x === k) ?? GROUPS.find((x) => GROUP_KEYS[x] === k);
        return g ? { ok: true, value: g as Group } : { ok: false, expected: `one of ${GROUPS.map((x) => `${x} (${GROUP_LABELS[x]})`).join(", ")}`, choices: { vi: GROUPS.map((x) => GROUP_LABELS[x]).join(" | "), en: GROUPS.join(" | ") } };
      }
      case "year": {
        const p = typeof cell === "number" ? { ok: true as const, text: String(cell) } : parseNumberText(text, this.o.decimal);
        return p.ok && /^\d{4}$/.test(p.text) ? { ok: true, value: Number(p.text) } : { ok: false, expected: "a year such as 2025" };
      }
      case "history":
        return { ok: true, value: text }; // resolved once the row's group is known
    }
  }
}

/** The matching keys of the groups' Vietnamese names. */
const GROUP_KEYS: Readonly<Record<Group, string>> = Object.fromEntries(GROUPS.map((g) => [g, normKey(GROUP_LABELS[g])])) as Record<Group, string>;

/** Cell text without truncation (numbers as written by JS, dates as ISO days). */
function showCellFull(c: CellValue): string {
  if (c instanceof Date) return Number.isNaN(c.getTime()) ? "" : c.toISOString().slice(0, 10);
  return String(c ?? "").normalize("NFC").trim();
}

/** Award id, id without the `award.` prefix, and Vietnamese/English titles → the awards they name. */
function awardIndex(rules: RuleSet): Map<string, readonly Award[]> {
  const m = new Map<string, Award[]>();
  for (const a of rules.awards) {
    for (const k of new Set([a.id, a.id.replace(/^award\./, ""), a.title.vi, a.title.en].map(normKey))) m.set(k, [...(m.get(k) ?? []), a]);
  }
  return m;
}

const HISTORY = "a history such as “2024:award.a|award.b (chuyên đề); 2023:award.c” (a thematic or sudden award marked “(chuyên đề)” or “(đột xuất)”)";

/**
 * Parses `2024:award.a|award.b; 2023:award.c`. Awards by id, id without `award.`, or title; a title shared
 * by a collective and an individual award is resolved by the row's group.
 */
export function parseHistory(text: string, awards: ReadonlyMap<string, readonly Award[]>, group: Group | undefined): Converted {
  const entries: { year: number; awards: string[]; thematic?: string[]; sudden?: string[] }[] = [];
  for (const part of text.split(/[;\n]/).map((p) => p.trim()).filter((p) => p !== "")) {
    const m = /^(\d{4})\s*:\s*(.*)$/.exec(part);
    if (!m) return { ok: false, expected: HISTORY, hint: `“${part}” does not start with a year and “:”`, problem: "noYear", subject: part };
    const entry: { year: number; awards: string[]; thematic?: string[]; sudden?: string[] } = { year: Number(m[1]), awards: [] };
    for (const written of m[2]!.split("|").map((a) => a.trim()).filter((a) => a !== "")) {
      const { name, kind } = awardKind(written);
      const all = awards.get(normKey(name)) ?? [];
      const mine = group ? all.filter((a) => a.groups.includes(group)) : [];
      const found = all.length > 1 && mine.length ? mine : all;
      if (found.length === 0) return { ok: false, expected: HISTORY, hint: `unknown award “${name}”`, problem: "unknownAward", subject: name };
      if (found.length > 1) return { ok: false, expected: HISTORY, hint: `“${name}” names several awards (${found.map((a) => a.id).join(", ")}): write the award id`, problem: "ambiguousAward", subject: name };
      (entry[kind] ??= []).push(found[0]!.id);
    }
    entries.push(entry);
  }
  return { ok: true, value: entries };
}

/** An award written with its kind in brackets — `(chuyên đề)` / `(thematic)`, `(đột xuất)` / `(sudden)` — or without (merit). */
function awardKind(written: string): { name: string; kind: "awards" | "thematic" | "sudden" } {
  const m = /^(.*?)\s*\((chuyên đề|thematic|đột xuất|sudden)\)$/iu.exec(written.normalize("NFC"));
  if (!m) return { name: written, kind: "awards" };
  const kind = /chuyên đề|thematic/iu.test(m[2]!) ? "thematic" : "sudden";
  return { name: m[1]!, kind };
}
