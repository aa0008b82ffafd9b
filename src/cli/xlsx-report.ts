import type ExcelJS from "exceljs";
import { excel } from "./excel.js";
import JSZip from "jszip";
import type { DecisionRecord, Lang, RuleSet } from "../index.js";
import { anyAssessed, awardsText, cohortHeading, formatMessage as say, optionsText, rejectedByCohort, rejectedWho, rejectedWhy, resultsByCohort, sayReport, unitFacts, type UnitFacts } from "../report/index.js";
import { cohortKey } from "../ranking/index.js";
import { createFormatter, explainAssessment, finalAwards } from "../explain/index.js";

/** Scores and percentages: numbers, shown with two decimals and grouping (Excel draws them in the reader's locale: 1.234,50 in Vietnamese). */
const NUMBER = "#,##0.00";
type Sheet = ExcelJS.Worksheet;
type Col = { header: string; width: number; number?: true };

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
 * A table on a sheet: optional title lines above it, a bold header row frozen in place with an
 * autofilter, column widths, number formats, then the rows.
 */
function table(ws: Sheet, cols: readonly Col[], rows: readonly (string | number)[][], above: readonly string[] = []): void {
  above.forEach((line, i) => {
    if (i === 0) ws.addRow([line]).font = { bold: true, size: 13 };
    else ws.addRow([line]);
  });
  const header = ws.addRow(cols.map((c) => c.header));
  header.font = { bold: true };
  header.alignment = { vertical: "middle", wrapText: true };
  cols.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = c.width;
    if (c.number) col.numFmt = NUMBER;
  });
  const at = header.number;
  for (const r of rows) ws.addRow(r).alignment = { vertical: "top", wrapText: true };
  ws.views = [{ state: "frozen", xSplit: 0, ySplit: at }];
  ws.autoFilter = { from: { row: at, column: 1 }, to: { row: at + rows.length, column: cols.length } };
}

/** The columns of a cluster's sheet (the self-assessed score beside the score when `self`), and one unit as their cells. */
function unitColumns(lang: Lang, group: DecisionRecord["cohorts"][number]["group"], self: boolean): Col[] {
  const s = (k: Parameters<typeof say>[1]) => say(lang, k as "col.rank", {});
  return [
    { header: s("col.rank"), width: 7 }, { header: say(lang, "col.unitId", {}), width: 16 }, { header: say(lang, "col.unit", { group }), width: 34 },
    { header: s("col.score"), width: 9, number: true }, ...(self ? [{ header: sayReport(lang, "col.selfScore", {}), width: 11, number: true as const }] : []),
    { header: `${s("col.percent")} (%)`, width: 9, number: true }, { header: s("col.class"), width: 12 },
    { header: s("col.award"), width: 48 }, { header: s("col.final"), width: 40 }, { header: s("col.overrideReason"), width: 30 },
    { header: s("col.reasons"), width: 60 }, { header: sayReport(lang, "col.missingEvidence", {}), width: 60 },
  ];
}
const unitCells = (f: UnitFacts, lang: Lang, self: boolean): (string | number)[] =>
  [f.rank, f.unitId, f.name, f.score, ...(self ? [f.assessment ? f.assessment.self : ""] : []), f.percent, f.class, awardsText(f, lang), f.decision, f.overrideReason, f.reasons, f.missing.join("; ")];

/** One sheet per cluster: its full name and counts above the ranked table, its rejected rows below. */
function cohortSheets(wb: ExcelJS.Workbook, record: DecisionRecord, rs: RuleSet, lang: Lang, used: Set<string>): void {
  const byCohort = resultsByCohort(record);
  const { byCohort: rejected } = rejectedByCohort(record);
  for (const c of record.cohorts) {
    const rj = rejected.get(cohortKey(c)) ?? [];
    const { title, counts } = cohortHeading(c, rj.length, lang);
    const ws = wb.addWorksheet(sheetName(`${c.cohort ?? c.group} ${c.year}`, used));
    const results = byCohort.get(cohortKey(c)) ?? [];
    const self = anyAssessed(results);
    table(ws, unitColumns(lang, c.group, self), results.map((r) => unitCells(unitFacts(r, rs, lang), lang, self)), [title, counts]);
    if (rj.length) {
      ws.addRow([]);
      if (c.quotas.length) ws.addRow([sayReport(lang, "cohort.quotaBase", { group: c.group, rejected: rj.length })]);
      ws.addRow([sayReport(lang, "cohort.rejectedTitle", {})]).font = { bold: true };
      for (const r of rj) ws.addRow([rejectedWho(r, lang), rejectedWhy(r, rs, lang)]);
    }
  }
}

/** The first sheet: each cluster with its counts of units scored, rejected and proposed. */
function summarySheet(ws: Sheet, record: DecisionRecord, lang: Lang): void {
  const { byCohort, unplaced } = rejectedByCohort(record);
  const results = resultsByCohort(record);
  const cols: Col[] = [
    { header: say(lang, "col.cohort", {}), width: 60 }, { header: sayReport(lang, "col.scored", {}), width: 12 },
    { header: sayReport(lang, "col.rejected", {}), width: 12 }, { header: sayReport(lang, "col.proposed", {}), width: 16 },
  ];
  const rows = record.cohorts.map((c) => [
    cohortHeading(c, 0, lang).title, c.size, (byCohort.get(cohortKey(c)) ?? []).length, (results.get(cohortKey(c)) ?? []).filter((r) => decidedAwards(r).length > 0).length,
  ]);
  if (unplaced.length) rows.push([sayReport(lang, "rejected.unplaced", {}), 0, unplaced.length, 0]);
  table(ws, cols, rows, [say(lang, "report.title", {})]);
}

/** The awards a unit is put forward for: the committee's when it overrode the proposal, else the proposal and what goes beside it. */
export const decidedAwards = (r: DecisionRecord["results"][number]): readonly { id: string; title: { vi: string; en: string } }[] =>
  r.final.overridden ? finalAwards(r.final) : r.award ? [r.award, ...r.alongside] : [];

/** The list the council signs: per award (in the rule set's order), every unit put forward for it, across clusters. */
function proposalsSheet(ws: Sheet, record: DecisionRecord, rs: RuleSet, lang: Lang): void {
  const ordered = record.cohorts.flatMap((c) => resultsByCohort(record).get(cohortKey(c)) ?? []);
  const rows: (string | number)[][] = [];
  for (const a of rs.awards) {
    const units = ordered.filter((r) => decidedAwards(r).some((d) => d.id === a.id));
    units.forEach((r, i) => rows.push([a.title[lang], i + 1, r.cohort ?? "", r.unitId, r.name, Number(r.score), unitFacts(r, rs, lang).class, r.rank]));
  }
  const cols: Col[] = [
    { header: sayReport(lang, "docx.award", {}), width: 44 }, { header: sayReport(lang, "docx.stt", {}), width: 6 }, { header: say(lang, "col.cohort", {}), width: 24 },
    { header: say(lang, "col.unitId", {}), width: 16 }, { header: say(lang, "col.name", {}), width: 34 }, { header: say(lang, "col.score", {}), width: 9, number: true },
    { header: say(lang, "col.class", {}), width: 12 }, { header: say(lang, "col.rank", {}), width: 7 },
  ];
  table(ws, cols, rows);
}

/** The checklist to send to units: one row per unit and document to supply, with an empty "received" column. */
function evidenceSheet(ws: Sheet, record: DecisionRecord, rs: RuleSet, lang: Lang): void {
  const rows: (string | number)[][] = [];
  for (const c of record.cohorts) {
    for (const r of resultsByCohort(record).get(cohortKey(c)) ?? []) for (const doc of unitFacts(r, rs, lang).missing) rows.push([c.cohort ?? "", r.unitId, r.name, doc, ""]);
  }
  const cols: Col[] = [
    { header: say(lang, "col.cohort", {}), width: 24 }, { header: say(lang, "col.unitId", {}), width: 16 }, { header: say(lang, "col.name", {}), width: 34 },
    { header: sayReport(lang, "col.document", {}), width: 80 }, { header: sayReport(lang, "col.received", {}), width: 10 },
  ];
  table(ws, cols, rows);
}

/** Every change made on review (a sheet only when a unit has assessments): one row per change, with its reason and whether it gives the official value. */
function assessmentsSheet(ws: Sheet, changes: readonly (string | number)[][], lang: Lang): void {
  const h = (k: "col.role" | "col.assessor" | "col.date" | "col.fact" | "col.oldValue" | "col.newValue" | "col.changeReason" | "col.official") => sayReport(lang, k, {});
  const cols: Col[] = [
    { header: say(lang, "col.cohort", {}), width: 24 }, { header: say(lang, "col.unitId", {}), width: 16 }, { header: say(lang, "col.name", {}), width: 30 },
    { header: h("col.role"), width: 12 }, { header: h("col.assessor"), width: 30 }, { header: h("col.date"), width: 12 }, { header: h("col.fact"), width: 40 },
    { header: h("col.oldValue"), width: 14 }, { header: h("col.newValue"), width: 14 }, { header: h("col.changeReason"), width: 50 }, { header: h("col.official"), width: 12 },
  ];
  table(ws, cols, changes);
}

/** The rows of the review sheet: every change of every unit, cluster by cluster in rank order. */
function changeRows(record: DecisionRecord, rs: RuleSet, lang: Lang): (string | number)[][] {
  const date = createFormatter(lang).date;
  const rows: (string | number)[][] = [];
  const byCohort = resultsByCohort(record);
  for (const c of record.cohorts) {
    for (const r of byCohort.get(cohortKey(c)) ?? []) {
      for (const ch of (r.scoreResult.assessment && explainAssessment(r.scoreResult, rs, lang)?.changes) || []) {
        rows.push([c.cohort ?? "", r.unitId, r.name, sayReport(lang, "assessment.role", { role: ch.role }), ch.by, date(ch.date), ch.fact, ch.from, ch.to, ch.reason, sayReport(lang, ch.official ? "record.yes" : "record.no", {})]);
      }
    }
  }
  return rows;
}

/** Every rejected row: its row, id, name, cluster and why. */
function rejectedSheet(ws: Sheet, record: DecisionRecord, rs: RuleSet, lang: Lang): void {
  const cols: Col[] = [{ header: say(lang, "col.row", {}), width: 8 }, { header: say(lang, "col.unitId", {}), width: 16 }, { header: say(lang, "col.name", {}), width: 30 }, { header: say(lang, "col.cohort", {}), width: 24 }, { header: say(lang, "col.issue", {}), width: 100 }];
  table(ws, cols, record.rejected.map((r) => [r.row ?? r.index + 1, r.unitId ?? "", r.name ?? "", r.cohort ?? "", rejectedWhy(r, rs, lang)]));
}

/** The last sheet: what identifies the decision record (for replay), in words. */
function recordSheet(ws: Sheet, record: DecisionRecord, lang: Lang): void {
  const f = (field: Parameters<typeof sayReport<"record.field">>[2]["field"]) => sayReport(lang, "record.field", { field });
  const rows: [string, string | number][] = [
    [f("ruleset"), `${record.ruleset.id} ${record.ruleset.version}`], [f("rulesetSha256"), record.ruleset.sha256],
    [f("verified"), sayReport(lang, record.ruleset.verified ? "record.yes" : "record.no", {})], [f("asOf"), record.asOf ?? ""],
    [f("inputSha256"), record.input.sha256], [f("inputCount"), record.input.count], [f("engine"), `${record.engine.name} ${record.engine.version}`],
    [f("options"), optionsText(record, lang)], [f("outcomeSha256"), record.outcomeSha256],
  ];
  if (record.ignoredColumns?.length) rows.push(["", say(lang, "report.ignoredColumns", { list: record.ignoredColumns.map((c) => `«${c}»`).join(", ") })]);
  table(ws, [{ header: sayReport(lang, "record.item", {}), width: 36 }, { header: sayReport(lang, "record.value", {}), width: 72 }], rows);
  ws.getColumn(2).numFmt = "0";
}

/**
 * The XLSX report a secretary files: a summary sheet, one sheet per cluster (its full name and counts
 * in the first rows, every fact of each unit, its rejected rows), the evidence to supply (one row per
 * unit and document), the proposals per award across clusters, every change made on review (one row
 * per change, with its reason: only when a unit has assessments; each cluster sheet then shows the
 * self-assessed score beside the score), the rejected rows, and the record's identity last. Numbers are numbers; headers frozen with an autofilter. Dates inside the workbook
 * are fixed to the as-of date so that the same record gives the same bytes.
 */
export async function renderXlsx(record: DecisionRecord, rs: RuleSet, lang: Lang): Promise<Uint8Array> {
  const wb = new (await excel()).Workbook();
  const fixed = new Date(`${record.asOf ?? "2000-01-01"}T00:00:00Z`);
  wb.creator = "thidua";
  wb.created = fixed;
  wb.modified = fixed;
  const used = new Set<string>();
  const sheet = (key: "sheet.summary" | "sheet.evidence" | "sheet.proposals" | "sheet.assessments" | "sheet.rejected" | "sheet.record") => wb.addWorksheet(sheetName(sayReport(lang, key, {}), used));
  summarySheet(sheet("sheet.summary"), record, lang);
  cohortSheets(wb, record, rs, lang, used);
  evidenceSheet(sheet("sheet.evidence"), record, rs, lang);
  proposalsSheet(sheet("sheet.proposals"), record, rs, lang);
  const changes = changeRows(record, rs, lang);
  if (changes.length) assessmentsSheet(sheet("sheet.assessments"), changes, lang);
  if (record.rejected.length) rejectedSheet(sheet("sheet.rejected"), record, rs, lang);
  recordSheet(sheet("sheet.record"), record, lang);
  return fixZipDates(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer), fixed);
}
