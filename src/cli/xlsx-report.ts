import type ExcelJS from "exceljs";
import { excel } from "./excel.js";
import JSZip from "jszip";
import type { DecisionRecord, Lang, RuleSet } from "../index.js";
import { resultsByCohort } from "../report/index.js";
import { cohortKey } from "../ranking/index.js";
import { say } from "./messages/index.js";

const T = {
  vi: { rank: "Hạng", id: "Mã đơn vị", name: "Tên", score: "Điểm", percent: "Tỷ lệ (%)", klass: "Xếp loại", computed: "Đề nghị (tính toán)", final: "Quyết định cuối cùng", reason: "Lý do điều chỉnh", rejected: "Dòng bị loại", row: "Dòng", issues: "Lỗi", record: "Hồ sơ quyết định", key: "Mục", value: "Giá trị" },
  en: { rank: "Rank", id: "Unit id", name: "Name", score: "Score", percent: "Percent", klass: "Class", computed: "Proposed (computed)", final: "Final decision", reason: "Override reason", rejected: "Rejected rows", row: "Row", issues: "Issues", record: "Decision record", key: "Item", value: "Value" },
} as const;

/**
 * exceljs stamps every zip entry with the current time; re-stamp them with the record's date so the
 * same record gives the same bytes.
 */
async function fixZipDates(bytes: Uint8Array, date: Date): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new JSZip();
  for (const name of Object.keys(zip.files).sort()) {
    const f = zip.files[name]!;
    if (f.dir) continue;
    out.file(name, await f.async("uint8array"), { date, createFolders: false });
  }
  return out.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 }, platform: "UNIX" });
}

/**
 * Excel sheet names: at most 31 characters, none of []:*?/\ or control characters, no apostrophe
 * first or last, not the reserved "History", unique. A cohort name can be anything: exceljs refuses
 * such names and the report would not be written.
 */
export function sheetName(base: string, used: Set<string>): string {
  const clean = base
    .replace(/[[\]:*?/\\\u0000-\u001f\u007f]/g, "-")
    .slice(0, 28)
    .replace(/[\uD800-\uDBFF]$/, "") // not half a character
    .replace(/^'+|'+$/g, "")
    .replace(/^history$/i, "History-") || "sheet";
  let name = clean;
  for (let i = 2; used.has(name.toLowerCase()); i++) name = `${clean.slice(0, 27).replace(/'+$/, "")}~${i}`;
  used.add(name.toLowerCase());
  return name;
}

/**
 * The XLSX report: a sheet per cohort, a sheet of rejected rows and a sheet with the decision
 * record's identifiers. Dates inside the workbook are fixed to the as-of date so that the same record
 * gives the same workbook.
 */
export async function renderXlsx(record: DecisionRecord, rs: RuleSet, lang: Lang): Promise<Uint8Array> {
  const t = T[lang];
  const wb = new (await excel()).Workbook();
  const fixed = new Date(`${record.asOf ?? "2000-01-01"}T00:00:00Z`);
  wb.creator = "thidua";
  wb.created = fixed;
  wb.modified = fixed;
  const used = new Set<string>();
  const klass = (id: string | null) => (id ? (rs.classes.find((k) => k.id === id)?.title[lang] ?? id) : "");
  const byCohort = resultsByCohort(record);
  for (const c of record.cohorts) {
    const ws = wb.addWorksheet(sheetName(`${c.cohort ?? c.group} ${c.year}`, used));
    ws.columns = [
      { header: t.rank, width: 7 }, { header: t.id, width: 22 }, { header: t.name, width: 40 }, { header: t.score, width: 9 },
      { header: t.percent, width: 10 }, { header: t.klass, width: 12 }, { header: t.computed, width: 48 }, { header: t.final, width: 48 }, { header: t.reason, width: 40 },
    ];
    ws.getRow(1).font = { bold: true };
    for (const r of byCohort.get(cohortKey(c)) ?? []) {
      ws.addRow([
        r.rank, r.unitId, r.name, Number(r.score), Number(r.percent), klass(r.classification),
        r.award?.title[lang] ?? "", r.final.award?.title[lang] ?? "", r.final.override?.reason ?? "",
      ]);
    }
  }
  const rj = wb.addWorksheet(sheetName(t.rejected, used));
  rj.columns = [{ header: t.row, width: 8 }, { header: t.id, width: 22 }, { header: t.issues, width: 100 }];
  rj.getRow(1).font = { bold: true };
  for (const r of record.rejected) rj.addRow([r.row ?? r.index + 1, r.unitId ?? "", r.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")]);
  const meta = wb.addWorksheet(sheetName(t.record, used));
  meta.columns = [{ header: t.key, width: 24 }, { header: t.value, width: 80 }];
  const rows: [string, string][] = [
    ["ruleset", `${record.ruleset.id}@${record.ruleset.version}`], ["ruleset.sha256", record.ruleset.sha256], ["ruleset.verified", String(record.ruleset.verified)],
    ["input.sha256", record.input.sha256], ["input.count", String(record.input.count)], ["engine", `${record.engine.name}@${record.engine.version}`],
    ["asOf", record.asOf ?? ""], ["outcome.sha256", record.outcomeSha256],
  ];
  if (record.ignoredColumns?.length) rows.push(["ignoredColumns", say(lang, "report.ignoredColumns", { list: record.ignoredColumns.map((c) => `«${c}»`).join(", ") })]);
  for (const r of rows) meta.addRow(r);
  return fixZipDates(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer), fixed);
}
