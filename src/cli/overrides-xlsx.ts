import type { RuleSet } from "../index.js";
import { excel } from "./excel.js";
import { normKey } from "./input/index.js";
import { cellValue } from "./input/xlsx.js";

/**
 * The committee's overrides as a sheet a council fills in (`thidua template --overrides`), read back
 * by `--overrides file.xlsx`: one row per decision, the award chosen from a list of the rule set's
 * awards (a title several awards share carries the award's id in brackets), no award for “không khen
 * thưởng”, up to two further awards decided together with it in the next columns (or several in one
 * cell, separated by “;”), the date as a date cell or `dd/mm/yyyy`.
 */
const FIELDS = [
  { key: "unitId", vi: "Mã đơn vị (cá nhân)", width: 22 },
  { key: "cohort", vi: "Cụm, khối thi đua (nếu một mã có ở nhiều cụm, khối)", width: 30 },
  { key: "award", vi: "Danh hiệu, hình thức khen thưởng (để trống: không khen thưởng)", width: 60 },
  { key: "award2", vi: "Hình thức khen thưởng thứ hai (nếu có)", width: 44 },
  { key: "award3", vi: "Hình thức khen thưởng thứ ba (nếu có)", width: 44 },
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
  const col = (key: string) => FIELDS.findIndex((f) => f.key === key) + 1;
  for (let r = 2; r <= 501; r++) {
    for (const k of ["award", "award2", "award3"]) ws.getCell(r, col(k)).dataValidation = { type: "list", allowBlank: true, formulae: [`'Danh mục'!$A$1:$A$${choices.length}`] };
    ws.getCell(r, col("date")).numFmt = "dd/mm/yyyy";
  }
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** The field a header names: its key or its Vietnamese heading (as written in the template). */
const fieldOf = (header: string): string | undefined => FIELDS.find((f) => normKey(f.key) === normKey(header) || normKey(f.vi) === normKey(header))?.key;

const AWARD_KEYS = new Set(["award", "award2", "award3"]);

/** A cell as an override's value: a date cell as ISO, awards chosen from the list as their ids (or titles; several separated by “;”), empty as absent. */
function valueOf(key: string, v: ReturnType<typeof cellValue>): unknown {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  const text = v === null || v === undefined ? "" : String(v).normalize("NFC").trim();
  if (AWARD_KEYS.has(key)) return text.split(";").map((t) => t.trim()).filter(Boolean).map((t) => /\((award\.[^()]+)\)$/.exec(t)?.[1] ?? t);
  return text === "" ? undefined : text;
}

/** A row's values as an override: the award columns as one award (none: null) or a list of them. */
function asOverride(o: Record<string, unknown>): Record<string, unknown> {
  const { award2, award3, ...rest } = o;
  const awards = [o["award"], award2, award3].flatMap((a) => (Array.isArray(a) ? a : []));
  return { ...rest, award: awards.length === 0 ? null : awards.length === 1 ? awards[0] : awards };
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
    if (Object.keys(o).some((k) => !(Array.isArray(o[k]) && (o[k] as unknown[]).length === 0))) out.push(asOverride(o));
  });
  return out;
}
