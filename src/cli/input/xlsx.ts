import { open } from "node:fs/promises";
import type ExcelJS from "exceljs";
import { excel } from "../excel.js";
import { issue } from "../../errors/index.js";
import { TableReader } from "./table.js";
import type { CellValue, InputRow, ReadOptions } from "./types.js";

/** Checks the ZIP signature at the start and the end-of-central-directory record at the end. */
export async function looksLikeZip(path: string): Promise<"ok" | "not-zip" | "truncated"> {
  const fh = await open(path, "r");
  try {
    const { size } = await fh.stat();
    const head = Buffer.alloc(4);
    await fh.read(head, 0, 4, 0);
    if (size < 22 || head.readUInt32LE(0) !== 0x04034b50) return "not-zip";
    const n = Math.min(size, 65_557);
    const tail = Buffer.alloc(n);
    await fh.read(tail, 0, n, size - n);
    for (let i = n - 22; i >= 0; i--) if (tail.readUInt32LE(i) === 0x06054b50) return "ok";
    return "truncated";
  } finally {
    await fh.close();
  }
}

/** Plain value of an exceljs cell: rich text joined, formula results, hyperlink texts, error codes as text. */
export function cellValue(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean" || v instanceof Date) return v;
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o["richText"])) return (o["richText"] as { text?: string }[]).map((r) => r.text ?? "").join("");
    if ("result" in o) return cellValue(o["result"]);
    if ("formula" in o || "sharedFormula" in o) return null;
    if (typeof o["text"] === "string") return o["text"];
    if (typeof o["error"] === "string") return o["error"];
  }
  return String(v);
}

const fileIssue = (file: string, why: string): InputRow => ({
  row: 1,
  issues: [issue("input.parse", ["row", 1], `${file}: cannot read the workbook — ${why}`, { file, row: 1, kind: "badWorkbook", reason: why })],
});

/** Reads the first worksheet of an XLSX workbook with exceljs' streaming reader. */
export async function* readXlsx(path: string, file: string, opts: ReadOptions): AsyncGenerator<InputRow> {
  const shape = await looksLikeZip(path);
  if (shape !== "ok") {
    yield fileIssue(file, shape === "not-zip" ? "it is not an XLSX file (save it from the spreadsheet program as “Excel Workbook (.xlsx)”)" : "the file is truncated or damaged");
    return;
  }
  const table = new TableReader({ ...opts, file, decimal: opts.decimal ?? ",", strictWidth: false });
  let header = false;
  let sheets = 0;
  let last = 0;
  try {
    const reader = new (await excel()).stream.xlsx.WorkbookReader(path, { worksheets: "emit", sharedStrings: "cache", styles: "cache", hyperlinks: "ignore", entries: "ignore" });
    for await (const sheet of reader) {
      sheets++;
      for await (const row of sheet as unknown as AsyncIterable<ExcelJS.Row>) {
        const values = row.values as unknown[];
        const cells = Array.from({ length: Math.max(values.length - 1, 0) }, (_, i) => cellValue(values[i + 1]));
        last = row.number;
        const r = header ? table.readRow(cells, row.number) : table.readHeader(cells, row.number);
        header = true;
        if (r) yield r;
        if (table.refused) return;
      }
      break;
    }
  } catch (e) {
    const msg = (e as Error).message;
    if (last === 0) yield fileIssue(file, `the file is damaged (${msg})`);
    else yield { row: last + 1, issues: [issue("input.parse", ["row", last + 1], `${file}: the workbook is damaged after row ${last} (${msg}); the rest is not read`, { file, row: last + 1, kind: "damagedWorkbook", other: last, reason: msg })] };
    return;
  }
  if (!header) yield fileIssue(file, sheets ? "the first worksheet is empty — expected a header row" : "it has no worksheet (is it really an Excel workbook?)");
}
