import { basename, extname } from "node:path";
import { parse } from "csv-parse/sync";
import type ExcelJS from "exceljs";
import { excel } from "../excel.js";
import type { RuleSet } from "../../rules/index.js";
import { ASSESSMENT_COLUMNS, ASSESSMENT_SHEETS, AssessmentReader, type AssessmentSheet } from "./assessments.js";
import { normKey } from "./columns.js";
import { sniffDelimiter } from "./csv.js";
import { cellValue } from "./xlsx.js";

/** Most bytes of an assessments CSV file (it is read whole: a committee's changes, not a data set). */
export const MAX_ASSESSMENT_BYTES = 16 * 1024 * 1024;

const KNOWN: ReadonlyMap<string, true> = new Map(Object.values(ASSESSMENT_COLUMNS).flat().map((k) => [normKey(k), true]));

/** The assessments of a CSV file (UTF-8, `;` or `,`, as the input files). */
export function assessmentsFromCsv(bytes: Buffer, file: string, rules: RuleSet, decimal: "," | "." | undefined): AssessmentSheet {
  const text = bytes.toString("utf8").replace(/^\uFEFF/, "");
  const delimiter = sniffDelimiter(text.split(/\r?\n/, 1)[0] ?? "", KNOWN);
  const reader = new AssessmentReader(rules, file, decimal ?? (delimiter === ";" ? "," : "."));
  const records = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: false }) as string[][];
  records.forEach((cells, i) => (i === 0 ? reader.header(cells, 1) : reader.row(cells, i + 1)));
  return reader.sheet;
}

/**
 * A sheet passed over unread. ExcelJS may have copied it to a temporary file, which it deletes as soon
 * as the reader moves on, while the file's stream is still opening: its stream is closed, and an
 * error from it (the file already gone) ignored, instead of surfacing as an uncaught exception.
 */
function leaveUnread(sheet: unknown): void {
  const stream = (sheet as { iterator?: { on?: unknown; destroy?: unknown } }).iterator;
  if (stream && typeof stream.on === "function" && typeof stream.destroy === "function") {
    (stream.on as (e: string, f: () => void) => void).call(stream, "error", () => {});
    (stream.destroy as () => void).call(stream);
  }
}

/**
 * The assessments sheet of a workbook: the sheet named “Đánh giá” (or “Assessments”); with `anySheet`
 * (a workbook given with `--assessments`), its first sheet when none is so named. Undefined when the
 * workbook has no such sheet. Other sheets are skipped unread.
 */
export async function assessmentsFromXlsx(path: string, rules: RuleSet, decimal: "," | "." | undefined, anySheet: boolean): Promise<AssessmentSheet | undefined> {
  const reader = new (await excel()).stream.xlsx.WorkbookReader(path, { worksheets: "emit", sharedStrings: "cache", styles: "cache", hyperlinks: "ignore", entries: "ignore" });
  const named = (n: string | undefined) => n !== undefined && ASSESSMENT_SHEETS.includes(normKey(n));
  let first = true;
  for await (const sheet of reader as unknown as AsyncIterable<ExcelJS.Worksheet & { name?: string }>) {
    const names = ((reader as unknown as { model?: { sheets?: { name: string }[] } }).model?.sheets ?? []).map((s) => s.name);
    const wanted = named(sheet.name) || (anySheet && first && !names.some(named));
    first = false;
    if (!wanted) {
      leaveUnread(sheet);
      if (!anySheet && names.length && !names.some(named)) return undefined; // the workbook has no such sheet: stop reading
      continue;
    }
    const file = `${basename(path)} › ${sheet.name ?? ""}`;
    const r = new AssessmentReader(rules, file, decimal ?? ",");
    let header = false;
    for await (const row of sheet as unknown as AsyncIterable<ExcelJS.Row>) {
      const values = row.values as unknown[];
      const cells = Array.from({ length: Math.max(values.length - 1, 0) }, (_, i) => cellValue(values[i + 1]));
      if (header) r.row(cells, row.number);
      else r.header(cells, row.number);
      header = true;
    }
    return r.sheet;
  }
  return undefined;
}

/** The assessments file given with `--assessments`: a CSV file or a workbook. */
export async function assessmentsFromFile(path: string, bytes: () => Buffer, rules: RuleSet, decimal: "," | "." | undefined): Promise<AssessmentSheet | undefined> {
  return extname(path).toLowerCase() === ".xlsx" ? assessmentsFromXlsx(path, rules, decimal, true) : assessmentsFromCsv(bytes(), basename(path), rules, decimal);
}
