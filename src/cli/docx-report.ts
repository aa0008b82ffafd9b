import JSZip from "jszip";
import type { DecisionRecord, Lang, RuleSet } from "../index.js";
import { classText, resultsByCohort, sayReport, type ReportMessageKey } from "../report/index.js";
import { cohortKey } from "../ranking/index.js";
import { awardsById } from "../rules/index.js";
import { decidedAwards } from "./xlsx-report.js";

type Docx = typeof import("docx");
type Row = { unit: string; summary: string; score: number; award: string; basis: string };

/** Sizes in half-points (Decree 30/2020/NĐ-CP, Appendix I: Times New Roman, 13–14). */
const BODY = 26;
const TITLE = 28;

/** Where an award rests in law: its source's title and section. */
function basisOf(rs: RuleSet, awardId: string, lang: Lang): string {
  const c = awardsById(rs).get(awardId)?.citation;
  if (!c) return "";
  const source = rs.sources.find((s) => s.id === c.source)?.title[lang] ?? c.source;
  return c.section ? `${c.section}, ${source}` : source;
}

/** The self-assessed score of a unit with assessments, when it differs from the official one (the list then says both). */
function selfScore(r: DecisionRecord["results"][number]): { self?: number } {
  const a = r.scoreResult.assessment;
  return a && Number(a.self.score) !== Number(r.score) ? { self: Number(a.self.score) } : {};
}

/** Per award (in the rule set's order), the units put forward for it across clusters, as the list's rows. */
function listsOf(record: DecisionRecord, rs: RuleSet, lang: Lang): { award: string; rows: Row[] }[] {
  const ordered = record.cohorts.flatMap((c) => resultsByCohort(record).get(cohortKey(c)) ?? []);
  return rs.awards
    .map((a) => ({
      award: a.title[lang],
      rows: ordered
        .filter((r) => decidedAwards(r).some((d) => d.id === a.id))
        .map((r) => ({
          unit: r.name ? `${r.name} (${r.unitId})` : r.unitId,
          summary: sayReport(lang, "docx.achievement", { rank: r.rank, size: r.cohortSize, cohort: r.cohort ?? "", score: Number(r.score), cls: classText(rs, r.classification, lang), ...selfScore(r) }),
          score: Number(r.score),
          award: a.title[lang],
          basis: basisOf(rs, a.id, lang),
        })),
    }))
    .filter((l) => l.rows.length > 0);
}

/** The two-column head of an administrative document: issuing body and number on the left, the national motto and the date line on the right. */
function heading(d: Docx, lang: Lang) {
  const say = (k: ReportMessageKey) => sayReport(lang, k as "docx.motto", {});
  const p = (text: string, o: { bold?: boolean; italics?: boolean; underline?: boolean; size?: number } = {}) =>
    new d.Paragraph({ alignment: d.AlignmentType.CENTER, children: [new d.TextRun({ text, bold: o.bold ?? false, italics: o.italics ?? false, size: o.size ?? BODY, ...(o.underline && { underline: {} }) })] });
  const none = { style: d.BorderStyle.NONE, size: 0, color: "FFFFFF" };
  const borders = { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none };
  const cell = (children: InstanceType<Docx["Paragraph"]>[], pct: number) => new d.TableCell({ children, width: { size: pct, type: d.WidthType.PERCENTAGE }, borders });
  return new d.Table({
    width: { size: 100, type: d.WidthType.PERCENTAGE },
    borders,
    rows: [
      new d.TableRow({
        children: [
          cell([p(say("docx.body"), { size: BODY }), p(say("docx.council"), { bold: true, underline: true }), p(""), p(say("docx.number"))], 40),
          cell([p(say("docx.motto"), { bold: true }), p(say("docx.motto2"), { bold: true, underline: true, size: TITLE }), p(""), p(say("docx.placeDate"), { italics: true })], 60),
        ],
      }),
    ],
  });
}

/** The list's table: STT, unit, achievements in brief, score, proposed form, legal basis; the header repeated on every page. */
function listTable(d: Docx, rows: readonly Row[], lang: Lang) {
  const txt = (text: string, bold = false, center = false) => new d.Paragraph({ alignment: center ? d.AlignmentType.CENTER : d.AlignmentType.LEFT, children: [new d.TextRun({ text, bold, size: BODY })] });
  const widths = [6, 24, 30, 8, 16, 16];
  const head = (["docx.stt", "docx.unit", "docx.summary", "docx.score", "docx.award", "docx.basis"] as const).map((k) => sayReport(lang, k, {}));
  const row = (cells: string[], header: boolean) =>
    // a data row carries no tblHeader element at all: readers such as pandoc take any tblHeader, even w:val="off", for a header row
    new d.TableRow({ ...(header && { tableHeader: true }), cantSplit: true, children: cells.map((c, i) => new d.TableCell({ width: { size: widths[i]!, type: d.WidthType.PERCENTAGE }, children: [txt(c, header, header || i === 0 || i === 3)] })) });
  const num = (n: number) => (lang === "vi" ? String(n).replace(".", ",") : String(n));
  return new d.Table({ width: { size: 100, type: d.WidthType.PERCENTAGE }, rows: [row(head, true), ...rows.map((r, i) => row([String(i + 1), r.unit, r.summary, num(r.score), r.award, r.basis], false))] });
}

/** One award's list: the heading, title, table, count and the signature block. */
function section(d: Docx, lang: Lang, year: number, list: { award: string; rows: Row[] }) {
  const say = (k: ReportMessageKey) => sayReport(lang, k as "docx.motto", {});
  const center = (text: string, size: number, bold = true) => new d.Paragraph({ alignment: d.AlignmentType.CENTER, spacing: { before: 120 }, children: [new d.TextRun({ text, bold, size })] });
  const right = (text: string, o: { bold?: boolean; italics?: boolean } = {}) => new d.Paragraph({ alignment: d.AlignmentType.RIGHT, children: [new d.TextRun({ text, size: BODY, bold: o.bold ?? false, italics: o.italics ?? false })] });
  const recipients = say("docx.recipientsList").split("\n").map((t) => new d.Paragraph({ children: [new d.TextRun({ text: t, size: 22 })] }));
  return {
    // A4, margins of Decree 30/2020/NĐ-CP (top and bottom 20 mm, left 30 mm, right 15 mm)
    properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1701, right: 850 } } },
    children: [
      heading(d, lang),
      center(say("docx.title"), TITLE),
      center(sayReport(lang, "docx.subtitle", { award: list.award, year }), BODY),
      new d.Paragraph({ children: [] }),
      listTable(d, list.rows, lang),
      new d.Paragraph({ spacing: { before: 120 }, children: [new d.TextRun({ text: sayReport(lang, "docx.total", { count: list.rows.length }), italics: true, size: BODY })] }),
      new d.Paragraph({ spacing: { before: 240 }, children: [new d.TextRun({ text: say("docx.recipients"), bold: true, italics: true, size: 24 })] }),
      ...recipients,
      right(say("docx.signer"), { bold: true }),
      right(say("docx.signerTitle"), { bold: true }),
      right(say("docx.signerName"), { italics: true }),
    ],
  };
}

/** Writes the fixed date into the document's properties and its zip entries: same record, same bytes. */
async function fixDates(bytes: Uint8Array, date: Date): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new JSZip();
  const iso = date.toISOString().replace(/\.\d{3}Z$/, "Z");
  for (const name of Object.keys(zip.files).sort()) {
    const f = zip.files[name]!;
    if (f.dir) continue;
    if (name === "docProps/core.xml") {
      const xml = (await f.async("string")).replace(/(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${iso}$3`);
      out.file(name, xml, { date, createFolders: false });
    } else out.file(name, await f.async("uint8array"), { date, createFolders: false });
  }
  return out.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 }, platform: "UNIX" });
}

/**
 * The council's "Danh sách đề nghị khen thưởng" as a Word document, one list per award (the
 * committee's award where it overrode the proposal), in the layout of Decree 30/2020/NĐ-CP on
 * administrative documents: issuing body and number placeholders beside the national motto, the
 * place and date line, the title, a table (STT, unit, achievements in brief, score, proposed form,
 * legal basis) whose header repeats on every page, the signature block; Times New Roman 13–14 on A4.
 * Dates inside the file are fixed to the as-of date: same record, same bytes.
 */
export async function renderDocx(record: DecisionRecord, rs: RuleSet, lang: Lang): Promise<Uint8Array> {
  const d: Docx = await import("docx");
  const fixed = new Date(`${record.asOf ?? "2000-01-01"}T00:00:00Z`);
  const year = record.cohorts[0]?.year ?? fixed.getUTCFullYear();
  const lists = listsOf(record, rs, lang);
  const sections = (lists.length ? lists : [{ award: "", rows: [] }]).map((l) => section(d, lang, year, l));
  const doc = new d.Document({
    creator: "thidua",
    title: sayReport(lang, "docx.title", {}),
    styles: { default: { document: { run: { font: "Times New Roman", size: BODY } } } },
    sections,
  });
  return fixDates(new Uint8Array(await d.Packer.toBuffer(doc)), fixed);
}
