import { issue, type Issue } from "../../errors/index.js";
import type { Fact, RuleSet } from "../../rules/index.js";
import { convertCell, isEmptyCell, showCell } from "./cells.js";
import { normKey } from "./columns.js";
import { LABEL_ROW_MARKER, type CellValue, type InputRow } from "./types.js";

/**
 * Assessments from a spreadsheet (issue 21, point 5): one row per change, in long format — the unit,
 * who assessed (role and name), when, the fact, its new value and the reason. The unit's own figures
 * (its self-assessment) are its row of the data sheet; a row of role “Tự đánh giá” gives who made
 * them and when. Every reviewer's or council's change needs a reason. The sheet is “Đánh giá” of an
 * XLSX input, or a CSV file given with `--assessments`.
 */

/** Names of the assessments sheet of a workbook (matched after {@link normKey}). */
export const ASSESSMENT_SHEETS: readonly string[] = ["đánh giá", "assessments"];

export type AssessmentColumn = "unit" | "role" | "by" | "date" | "fact" | "value" | "reason";
/** The columns in template order, with the headers the reader accepts (the first is what the template writes). */
export const ASSESSMENT_COLUMNS: Readonly<Record<AssessmentColumn, readonly string[]>> = {
  unit: ["Mã đơn vị", "mã", "mã cá nhân", "id", "unit"],
  role: ["Vai trò", "role"],
  by: ["Người đánh giá", "người chấm", "by"],
  date: ["Ngày", "ngày đánh giá", "date"],
  fact: ["Dữ kiện", "fact"],
  value: ["Giá trị mới", "giá trị", "value"],
  reason: ["Lý do", "reason"],
};
const NOTE = new Set(["ghi chú", "note", "notes"]);
type Role = "self" | "reviewer" | "council";
/** The words of the role column (the first of each is what the template offers). */
export const ROLE_WORDS: Readonly<Record<Role, readonly string[]>> = {
  self: ["Tự đánh giá", "tự chấm", "đơn vị tự chấm", "self"],
  reviewer: ["Thẩm định", "người thẩm định", "reviewer"],
  council: ["Hội đồng", "council"],
};

/** One row of the sheet, read: a change (reviewer, council) or who made the self-assessment and when. */
export interface AssessmentRow {
  readonly row: number;
  readonly unit: string;
  readonly role: Role;
  readonly by: string;
  readonly date: string;
  readonly fact?: Fact;
  readonly value?: unknown;
  readonly reason?: string;
  /** What is wrong with the row (then the unit is rejected, naming this row). */
  readonly issues: readonly Issue[];
}

/** The sheet read: its rows by unit id, and its problems that belong to no unit (header, rows without a unit). */
export interface AssessmentSheet {
  readonly file: string;
  readonly byUnit: Map<string, AssessmentRow[]>;
  readonly notes: Issue[];
}

/** One problem of the sheet, worded by the catalogs (`issue.input`, problem `assessment`, `other` = what). */
export const assessmentIssue = (file: string, row: number, column: string, what: string, found = "", expected = ""): Issue =>
  issue("input.parse", ["row", row, column], `${file}, row ${row}, column “${column}”: ${what}${found ? ` (“${found}”)` : ""}`, { file, row, column, kind: "assessment", other: what, found, expected });

const pick = (words: Readonly<Record<string, readonly string[]>>, text: string): string | undefined =>
  Object.keys(words).find((k) => words[k]!.some((w) => normKey(w) === normKey(text)));

/** Reads the rows of the sheet (header first), as {@link readAssessmentRows} is handed them. */
export class AssessmentReader {
  private cols: (AssessmentColumn | undefined)[] = [];
  private names: string[] = [];
  private headerRow = 1;
  readonly sheet: AssessmentSheet;
  private readonly facts: Map<string, Fact>;

  constructor(private readonly rules: RuleSet, file: string, private readonly decimal: "," | ".") {
    this.sheet = { file, byUnit: new Map(), notes: [] };
    this.facts = new Map();
    for (const f of rules.facts) for (const k of [f.id, f.label.vi, f.label.en]) if (!this.facts.has(normKey(k))) this.facts.set(normKey(k), f);
  }

  header(cells: readonly CellValue[], row: number): void {
    const file = this.sheet.file;
    this.headerRow = row;
    this.names = cells.map((c) => showCell(c));
    this.cols = this.names.map((n) => {
      if (n === "" || NOTE.has(normKey(n))) return undefined;
      const c = pick(ASSESSMENT_COLUMNS, n) as AssessmentColumn | undefined;
      if (!c) this.sheet.notes.push(assessmentIssue(file, row, n, "unknownColumn", n, headersList()));
      return c;
    });
    const missing = (Object.keys(ASSESSMENT_COLUMNS) as AssessmentColumn[]).filter((k) => !this.cols.includes(k));
    if (missing.length) {
      const other = missing.map((k) => `«${ASSESSMENT_COLUMNS[k][0]}»`).join(", ");
      this.sheet.notes.push(issue("input.parse", ["row", row], `${file}: missing column ${other}`, { file, row, kind: "missingColumn", other }));
    }
  }

  /** One data row: kept under its unit, or a note when it names none. */
  row(cells: readonly CellValue[], row: number): void {
    if (cells.every(isEmptyCell)) return;
    const first = cells[0];
    if (row === this.headerRow + 1 && typeof first === "string" && first.trim().startsWith(LABEL_ROW_MARKER)) return;
    const cell = (k: AssessmentColumn) => {
      const i = this.cols.indexOf(k);
      return i < 0 ? undefined : cells[i];
    };
    const r = this.convert(cell, row);
    if (r.unit === "") return void this.sheet.notes.push(...r.issues);
    const list = this.sheet.byUnit.get(r.unit) ?? [];
    list.push(r);
    this.sheet.byUnit.set(r.unit, list);
  }

  private convert(cell: (k: AssessmentColumn) => CellValue, row: number): AssessmentRow {
    const file = this.sheet.file;
    const issues: Issue[] = [];
    const name = (k: AssessmentColumn) => this.names[this.cols.indexOf(k)] ?? ASSESSMENT_COLUMNS[k][0]!;
    const fail = (k: AssessmentColumn, what: string, found = "", expected = "") => issues.push(assessmentIssue(file, row, name(k), what, found, expected));
    const text = (k: AssessmentColumn) => (isEmptyCell(cell(k)) ? "" : String(cell(k) instanceof Date ? "" : cell(k)).normalize("NFC").trim());
    const unit = text("unit");
    if (unit === "") fail("unit", "unit");
    const role = pick(ROLE_WORDS, text("role")) as Role | undefined;
    if (!role) fail("role", "role", text("role"), Object.values(ROLE_WORDS).map((w) => w[0]).join(", "));
    const by = text("by");
    if (by === "") fail("by", "by");
    const d = convertCell({ type: "date" }, cell("date") ?? null, this.decimal);
    const date = d.ok && typeof d.value === "string" ? d.value : "";
    if (date === "") fail("date", "date", showCell(cell("date") ?? null));
    const base = { row, unit, role: role ?? "reviewer", by, date, issues };
    if (role === "self") {
      for (const k of ["fact", "value", "reason"] as const) if (!isEmptyCell(cell(k) ?? null)) fail(k, "selfChange", showCell(cell(k) ?? null));
      return base;
    }
    const change = this.change(cell, fail, text);
    return { ...base, ...change };
  }

  /** The fact, value and reason of a reviewer's or the council's change. */
  private change(cell: (k: AssessmentColumn) => CellValue, fail: (k: AssessmentColumn, what: string, found?: string, expected?: string) => void, text: (k: AssessmentColumn) => string) {
    const written = text("fact");
    const fact = written === "" ? undefined : this.facts.get(normKey(written));
    if (written === "") fail("fact", "factMissing");
    else if (!fact) fail("fact", "fact", written);
    else if (fact.type === "object") fail("fact", "objectFact", fact.label.vi);
    else if (fact.formula !== undefined) fail("fact", "derivedFact", fact.label.vi);
    let value: unknown;
    if (isEmptyCell(cell("value") ?? null)) fail("value", "valueMissing");
    else if (fact && fact.type !== "object") {
      const v = convertCell(fact, cell("value") ?? null, this.decimal);
      if (v.ok) value = v.value;
      else fail("value", "value", showCell(cell("value") ?? null), fact.type);
    }
    const reason = text("reason");
    if (reason === "") fail("reason", "reason", fact?.label.vi ?? written);
    return { ...(fact && { fact }), ...(value !== undefined && { value }), ...(reason !== "" && { reason }) };
  }
}

const headersList = () => Object.values(ASSESSMENT_COLUMNS).map((w) => `«${w[0]}»`).join(", ");

/**
 * The unit's assessments: its data row's facts as the self-assessment (who and when from its
 * “Tự đánh giá” row), then each reviewer's and the council's changes grouped by who and when, in date
 * order. Problems name the sheet's row.
 */
export function unitAssessments(rows: readonly AssessmentRow[], facts: Readonly<Record<string, unknown>>, group: string | undefined, file: string): { assessments?: unknown[]; issues: Issue[] } {
  const issues: Issue[] = rows.flatMap((r) => r.issues);
  const selves = rows.filter((r) => r.role === "self");
  const first = rows[0]!;
  if (selves.length === 0) issues.push(assessmentIssue(file, first.row, ASSESSMENT_COLUMNS.role[0]!, "noSelf", first.unit));
  for (const s of selves.slice(1)) issues.push(assessmentIssue(file, s.row, ASSESSMENT_COLUMNS.role[0]!, "twoSelf", s.unit));
  const self = selves[0];
  const groups = new Map<string, { role: Role; by: string; date: string; changes: { fact: string; value: unknown; reason: string }[] }>();
  for (const r of rows) {
    if (r.role === "self" || !r.fact) continue;
    if (group !== undefined && !r.fact.groups.includes(group)) issues.push(assessmentIssue(file, r.row, ASSESSMENT_COLUMNS.fact[0]!, "notInGroup", r.fact.label.vi));
    if (self && r.date !== "" && r.date < self.date) issues.push(assessmentIssue(file, r.row, ASSESSMENT_COLUMNS.date[0]!, "beforeSelf", r.date));
    const key = JSON.stringify([r.role, r.by, r.date]);
    const g = groups.get(key) ?? { role: r.role, by: r.by, date: r.date, changes: [] };
    if (g.changes.some((c) => c.fact === r.fact!.id)) issues.push(assessmentIssue(file, r.row, ASSESSMENT_COLUMNS.fact[0]!, "twice", r.fact.label.vi));
    g.changes.push({ fact: r.fact.id, value: r.value ?? null, reason: r.reason ?? "" });
    groups.set(key, g);
  }
  if (issues.length || !self) return { issues };
  const later = [...groups.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { assessments: [{ role: "self", by: self.by, date: self.date, facts }, ...later], issues };
}

/**
 * The data rows with their assessments: a row whose unit has rows in the sheet carries `assessments`
 * instead of `facts` (or is rejected naming the sheet's rows); once the data is read, the sheet's rows
 * of units the data does not have, and the sheet's own problems, are notes on the file (errors: no
 * report is made).
 */
export async function* withAssessments(rows: AsyncIterable<InputRow>, sheet: AssessmentSheet): AsyncGenerator<InputRow> {
  const used = new Set<string>();
  for await (const r of rows) {
    const p = (r.profile ?? r.identity) as { id?: unknown; group?: string; facts?: Record<string, unknown> } | undefined;
    const mine = typeof p?.id === "string" ? sheet.byUnit.get(p.id) : undefined;
    if (!mine || r.header) {
      yield r;
      continue;
    }
    used.add(p!.id as string);
    const a = unitAssessments(mine, p!.facts ?? {}, p!.group, sheet.file);
    if (a.issues.length || !r.profile) {
      yield { row: r.row, issues: [...(r.issues ?? []), ...a.issues], identity: r.identity ?? identityOf(r.profile) };
      continue;
    }
    const { facts: _facts, ...rest } = r.profile as Record<string, unknown>;
    yield { ...r, profile: { ...rest, assessments: a.assessments } };
  }
  const orphans = [...sheet.byUnit.entries()].filter(([id]) => !used.has(id)).flatMap(([id, list]) => [assessmentIssue(sheet.file, list[0]!.row, ASSESSMENT_COLUMNS.unit[0]!, "unknownUnit", id), ...list.flatMap((r) => r.issues)]);
  const notes = [...sheet.notes, ...orphans];
  if (notes.length) yield { row: 1, header: true, issues: notes };
}

const identityOf = (profile: unknown) => {
  const { facts: _f, history: _h, ...rest } = (profile ?? {}) as Record<string, unknown>;
  return rest;
};

/** What each column of the assessments sheet holds: the template's label row (first cell starting with `#`, skipped by the reader). */
export const ASSESSMENT_HINTS: Readonly<Record<AssessmentColumn, string>> = {
  unit: `${LABEL_ROW_MARKER} Mã đơn vị (cá nhân) như ở bảng dữ liệu`,
  role: `${Object.values(ROLE_WORDS).map((w) => w[0]).join(" / ")} (mỗi đơn vị có thẩm định cần một dòng Tự đánh giá)`,
  by: "Người hoặc đơn vị đánh giá, thẩm định",
  date: "Ngày đánh giá, dd/mm/yyyy",
  fact: "Mã hoặc tên dữ kiện được sửa (để trống ở dòng Tự đánh giá)",
  value: "Giá trị mới của dữ kiện, viết như ở bảng dữ liệu",
  reason: "Lý do sửa: bắt buộc với mọi thay đổi",
};

/** The assessments sheet's first two rows: the headers the reader matches, then the label row. */
export function assessmentTemplateRows(): [string[], string[]] {
  const keys = Object.keys(ASSESSMENT_COLUMNS) as AssessmentColumn[];
  return [keys.map((k) => ASSESSMENT_COLUMNS[k][0]!), keys.map((k) => ASSESSMENT_HINTS[k])];
}
