import type { Group, RuleSet } from "../../rules/index.js";
import { labelRow, templateColumns } from "./template-columns.js";
import { assessmentTemplateRows } from "./assessments.js";

export { templateColumns, type TemplateColumn } from "./template-columns.js";

const csvField = (s: string) => (/[";\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** CSV template: UTF-8 with BOM, `;` delimiter, CRLF — what Vietnamese Excel opens directly. */
export function csvTemplate(rules: RuleSet, group: Group): string {
  const cols = templateColumns(rules, group);
  const rows = [cols.map((c) => c.key), labelRow(cols)];
  return `\uFEFF${rows.map((r) => r.map(csvField).join(";")).join("\r\n")}\r\n`;
}

/** The assessments CSV template (given to `score --assessments`): UTF-8 with BOM, `;`, CRLF. */
export function csvAssessmentsTemplate(): string {
  return `\uFEFF${assessmentTemplateRows().map((r) => r.map(csvField).join(";")).join("\r\n")}\r\n`;
}

/**
 * An empty input sheet for one subject group. Row 1: column keys (what the reader matches); row 2:
 * Vietnamese labels, units and allowed values, first cell starting with `#` (the reader skips it).
 * CSV: a string (BOM, `;`, CRLF); XLSX: the bytes of a workbook with a guide sheet “Hướng dẫn”.
 */
export async function writeTemplate(rules: RuleSet, group: Group, format: "csv" | "xlsx"): Promise<Uint8Array | string> {
  if (format === "csv") return csvTemplate(rules, group);
  const { xlsxTemplate } = await import("./template-xlsx.js");
  return xlsxTemplate(rules, group);
}
