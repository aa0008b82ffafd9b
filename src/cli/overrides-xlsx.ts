import type { RuleSet } from "../index.js";
import { excel } from "./excel.js";
import { normKey } from "./input/index.js";
import { cellValue } from "./input/xlsx.js";

/**
 * The committee's overrides as a sheet a council fills in (`thidua template --overrides`), read back
 * by `--overrides file.xlsx`: one row per decision, the award chosen from a list of the rule set's
 * awards (a title several awards share carries the award's id in brackets), no award for “không khen
 * thưởng”, the date as a date cell or `dd/mm/yyyy`.
 */
const FIELDS = [
  { key: "unitId", vi: "Mã đơn vị (cá nhân)", width: 22 },
  { key: "cohort", vi: "Cụm, khối thi đua (nếu một mã có ở nhiều cụm, khối)", width: 30 },
  { key: "award", vi: "Danh hiệu, hình thức khen thưởng (để trống: không khen thưởng)", width: 60 },
  { key: "reason", vi: "Lý do", width: 50 },
  { key: "decidedBy", vi: "Người (cơ quan) quyết định", width: 36 },
  { key: "date", vi: "Ngày quyết định (dd/mm/yyyy)", width: 18 },
] as const;

/** The name of each award in the list: its title, with its id in brackets when another award has the same title. */
export function awardChoices(rs: RuleSet): string[] {
  const count = new Map<string, number>();
  for (const a of rs.awards) count.set(normKey(a.title.vi), (count.get(normKey(a.title.vi)) ?? 0) + 1);
  return rs.awards.map((a) => (count.get(normKey(a.title.vi))! > 1 ? `${a.title.vi} (${a.id})` : a.title.vi));
}

/** The overrides sheet: headers, widths, frozen header, the award list on a hidden sheet, date checks. */
export async function overridesTemplate(rs: RuleSet): Promise<Uint8Array> {
  const ExcelJS = await excel();
  const wb = new ExcelJS.Workbook();
  const fixed = new Date(Date.UTC(2025, 0, 1));
  wb.created = fixed;
  wb.modified = fixed;
  const ws = wb.addWorksheet("Quyết định", { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = FIELDS.map((f) => ({ header: f.vi, key: f.key, width: f.width }));
  ws.getRow(1).font = { bold: true };
  const lists = wb.addWorksheet("Danh mục", { state: "hidden" });
  const choices = awardChoices(rs);
  choices.forEach((c, i) => (lists.getCell(i + 1, 1).value = c));
  for (let r = 2; r <= 501; r++) {
    ws.getCell(r, 3).dataValidation = { type: "list", allowBlank: true, formulae: [`'Danh mục'!$A$1:$A$${choices.length}`] };
    ws.getCell(r, 6).numFmt = "dd/mm/yyyy";
  }
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** The field a header names: its key or its Vietnamese heading (as written in the template). */
const fieldOf = (header: string): string | undefined => FIELDS.find((f) => normKey(f.key) === normKey(header) || normKey(f.vi) === normKey(header))?.key;

/** A cell as an override's value: a date cell as ISO, an award chosen from the list as its id (or title), empty as absent. */
function valueOf(key: string, v: ReturnType<typeof cellValue>): unknown {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  const text = v === null || v === undefined ? "" : String(v).normalize("NFC").trim();
  if (key === "award") return text === "" ? null : (/\((award\.[^()]+)\)$/.exec(text)?.[1] ?? text);
  return text === "" ? undefined : text;
}

/** The overrides of a filled-in sheet (its first sheet): one object per non-empty row, for `validateCommitteeOverrides`. */
export async function readOverridesXlsx(bytes: Uint8Array): Promise<unknown[]> {
  const ExcelJS = await excel();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  if (!ws) return [];
  const keys = (ws.getRow(1).values as unknown[]).map((h) => (typeof h === "string" ? fieldOf(h) : undefined));
  const out: unknown[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const o: Record<string, unknown> = {};
    (row.values as unknown[]).forEach((v, i) => {
      const key = keys[i];
      const value = key ? valueOf(key, cellValue(v)) : undefined;
      if (key && value !== undefined) o[key] = value;
    });
    if (Object.keys(o).some((k) => o[k] !== null)) out.push({ award: null, ...o });
  });
  return out;
}
