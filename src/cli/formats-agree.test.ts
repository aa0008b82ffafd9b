import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { buildDecisionRecord, createEngine, type DecidedRecommendation } from "../index.js";
import { explainReasons, formatItem } from "../explain/index.js";
import { renderCsv, renderHtml, renderMarkdown, renderText } from "../report/index.js";
import { loadLocal } from "../../test/support/rules.js";
import { renderXlsx } from "./xlsx-report.js";
import { renderDocx } from "./docx-report.js";

/**
 * One decision record rendered in every format (text, md, csv, xlsx, html): the facts each format
 * gives per unit — rank, score, percent, class, every proposed award, the committee's decision (every
 * award of it, when the council decided several), the main reasons (knock-out, quota, points short),
 * the evidence to supply — extracted back from each and compared as data with the record; the Word
 * proposal lists (docx), which carry rank, score, class and the decided awards, likewise.
 */
const rs = loadLocal();
const fixture: unknown[] = JSON.parse(readFileSync(new URL("../../fixtures/cohorts/individuals-2025.json", import.meta.url), "utf8"));
const report = createEngine(rs).recommend(fixture, { asOf: "2025-12-31", trace: true });
// the council decides two awards for ca-03 (issue 20, point 10), and no award for ca-01
const overrides = [
  { unitId: "ca-03", award: "award.chien-si-thi-dua-co-so", alongside: ["award.giay-khen-giam-doc-cong-an-tinh"], reason: "Thành tích đột xuất", decidedBy: "Hội đồng", date: "2026-01-15" },
  { unitId: "ca-01", award: null, reason: "Hồ sơ chưa đầy đủ", decidedBy: "Hội đồng", date: "2026-01-15" },
];
const record = buildDecisionRecord(rs, report, { input: "x", inputCount: fixture.length, overrides });
const NONE = "Không đề nghị khen thưởng";

type Facts = { rank: number; score: number; percent: number; class: string; awards: string; decision: string; reasons: string; missing: string };

const expected = (r: DecidedRecommendation): Facts => {
  const awards = r.award ? [r.award, ...r.alongside].map((a) => a.title.vi).join("; ") : NONE;
  return {
    rank: r.rank,
    score: Number(r.score),
    percent: Number(r.percent),
    class: rs.classes.find((k) => k.id === r.classification)?.title.vi ?? "Chưa xếp loại",
    awards,
    decision: r.final.overridden ? ([r.final.award, ...(r.final.alongside ?? [])].flatMap((a) => (a ? [a.title.vi] : [])).join("; ") || NONE) : awards,
    reasons: explainReasons(r, rs, "vi").map((i) => formatItem(i, "vi")).join("; "),
    missing: [...new Set(r.missingEvidence.map((m) => m.evidence.vi))].join("; "),
  };
};
const num = (s: string) => Number(s.replace("%", "").replace(",", "."));
const unescape = (s: string) => s.replace(/<[^>]+>/g, "").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&amp;/g, "&");

function fromCsv(csv: string): Record<string, Facts> {
  const rows = csv.slice(1).split("\r\n").slice(1, -1).map((l) => l.match(/("([^"]|"")*"|[^;]*)(;|$)/g)!.map((c) => c.replace(/;$/, "").replace(/^"|"$/g, "").replace(/""/g, '"')));
  return Object.fromEntries(rows.filter((c) => c[1] !== "").map((c) => [c[2]!, { rank: Number(c[1]), score: num(c[4]!), percent: num(c[5]!), class: c[6]!, awards: c[7]!, decision: c[8]!, reasons: c[10]!, missing: c[11]! }]));
}

function fromMarkdown(md: string): Record<string, Facts> {
  const rows = md.split("\n").filter((l) => /^\| \d+ \| /.test(l)).map((l) => l.slice(2, -2).split(" | "));
  return Object.fromEntries(rows.map((c) => [c[1]!.split(" — ")[0]!, { rank: Number(c[0]), score: num(c[2]!), percent: num(c[3]!), class: c[4]!, awards: c[5]!, decision: c[6]!.replace(/^\*\*(.*)\*\* — .*$/, "$1"), reasons: c[7]!, missing: c[8]! }]));
}

/** The console table: columns start where their header starts (cells are padded to the column's width). */
function fromText(text: string): Record<string, Facts> {
  const out: Record<string, Facts> = {};
  let starts: number[] = [];
  const lines = text.split("\n");
  lines.forEach((l, n) => {
    const cp = [...l];
    // header cells hold no double space; the widest cell of each column here is its header or left-aligned
    if (/^ ?#  /.test(l)) starts = [...l.matchAll(/\S+(?: \S+)*/g)].map((m) => [...l.slice(0, m.index)].length);
    else if (/^\s*\d+  /.test(l) && starts.length) {
      const c = starts.map((s, i) => cp.slice(s, starts[i + 1]).join("").trim());
      c[0] = l.slice(0, l.indexOf("  ", 1)).trim();
      const next = lines[n + 1] ?? "";
      const missing = next.startsWith("     ↳ ") ? next.slice(next.indexOf(": ") + 2) : "";
      const [id] = c[1]!.split(" ");
      out[id!] = { rank: Number(c[0]), score: num(c[2]!), percent: num(c[3]!), class: c[4]!, awards: c[5]!, decision: c[6] ? c[6].replace(/^\* /, "") : c[5]!, reasons: c[7] ?? "", missing };
    }
  });
  return out;
}

async function fromXlsx(bytes: Uint8Array): Promise<Record<string, Facts>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const out: Record<string, Facts> = {};
  for (const ws of wb.worksheets.slice(1, 1 + record.cohorts.length)) {
    ws.eachRow((row, n) => {
      const v = (row.values as unknown[]).slice(1) as (string | number)[];
      if (n > 3 && typeof v[0] === "number") out[v[1] as string] = { rank: v[0], score: v[3] as number, percent: v[4] as number, class: String(v[5]), awards: String(v[6]), decision: String(v[7]), reasons: String(v[9] ?? ""), missing: String(v[10] ?? "") };
    });
  }
  return out;
}

function fromHtml(html: string): Record<string, Facts> {
  const rows = [...html.matchAll(/<tr class="unit" data-unit="([^"]*)">(.*?)<\/tr>/g)];
  return Object.fromEntries(rows.map(([, id, tr]) => {
    const c = [...tr!.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((m) => m[1]!);
    const decision = c[7]!.startsWith("<b>") ? unescape(c[7]!.replace(/^<b>(.*?)<\/b>.*$/, "$1")) : unescape(c[7]!);
    return [unescape(id!), { rank: Number(c[0]), score: num(unescape(c[3]!)), percent: num(unescape(c[4]!)), class: unescape(c[5]!), awards: unescape(c[6]!), decision, reasons: unescape(c[8]!), missing: unescape(c[9]!) }];
  }));
}

describe("one content in every format", async () => {
  const want = Object.fromEntries(record.results.map((r) => [r.unitId, expected(r)]));
  const formats: Record<string, Record<string, Facts>> = {
    text: fromText(renderText(record, rs, "vi")),
    md: fromMarkdown(renderMarkdown(record, rs, "vi")),
    csv: fromCsv(renderCsv(record, rs, "vi")),
    xlsx: await fromXlsx(await renderXlsx(record, rs, "vi")),
    html: fromHtml(renderHtml(record, rs, "vi")),
  };
  it("the record has what the comparison needs: two proposals, an override of two awards, a knock-out, evidence to supply, a quota", () => {
    expect(record.results.some((r) => r.alongside.length > 0 && r.award)).toBe(true);
    expect(record.results.find((r) => r.unitId === "ca-03")?.final.alongside?.map((a) => a.id)).toEqual(["award.giay-khen-giam-doc-cong-an-tinh"]);
    expect(record.results.some((r) => r.final.overridden && r.final.award === null)).toBe(true);
    expect(record.results.some((r) => r.knockedOut)).toBe(true);
    expect(record.results.some((r) => r.missingEvidence.length > 0)).toBe(true);
    expect(record.results.some((r) => r.eligibility.some((e) => e.status === "quota"))).toBe(true);
  });
  for (const f of ["text", "md", "csv", "xlsx", "html"]) {
    it(`${f}: every unit with the same facts as the record`, () => {
      expect(formats[f]).toEqual(want);
    });
  }
});

/** The Word lists: per unit, the awards it is listed under (in the rule set's order) and what each row says of it. */
async function fromDocx(bytes: Uint8Array): Promise<Record<string, { rank: number; score: number; class: string; awards: string[] }>> {
  const xml = await (await JSZip.loadAsync(bytes)).file("word/document.xml")!.async("string");
  const out: Record<string, { rank: number; score: number; class: string; awards: string[] }> = {};
  for (const [, tbl] of xml.matchAll(/<w:tbl>(.*?)<\/w:tbl>/gs)) {
    const rows = [...tbl!.matchAll(/<w:tr\b.*?<\/w:tr>/gs)].map(([tr]) => [...tr.matchAll(/<w:tc>(.*?)<\/w:tc>/gs)].map(([, tc]) => [...tc!.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescape(m[1]!)).join("")));
    if (rows[0]?.[0] !== "STT") continue;
    for (const c of rows.slice(1)) {
      const id = /\(([^()]+)\)$/.exec(c[1]!)![1]!;
      const m = /^Xếp thứ (\d+)\/\d+ .*; đạt ([\d,]+) điểm, xếp loại (.+)$/.exec(c[2]!)!;
      const u = (out[id] ??= { rank: Number(m[1]), score: num(m[2]!), class: m[3]!, awards: [] });
      u.awards.push(c[4]!);
    }
  }
  return out;
}

describe("the Word proposal lists agree with the record", async () => {
  const docx = await fromDocx(await renderDocx(record, rs, "vi"));
  it("docx: every unit put forward, under each award decided for it (all of a council's several), with its rank, score and class", () => {
    const want: Record<string, { rank: number; score: number; class: string; awards: string[] }> = {};
    for (const r of record.results) {
      const decided = r.final.overridden ? [r.final.award, ...(r.final.alongside ?? [])].flatMap((a) => (a ? [a] : [])) : r.award ? [r.award, ...r.alongside] : [];
      if (!decided.length) continue;
      const order = (id: string) => rs.awards.findIndex((a) => a.id === id);
      want[r.unitId] = { rank: r.rank, score: Number(r.score), class: expected(r).class, awards: [...decided].sort((a, b) => order(a.id) - order(b.id)).map((a) => a.title.vi) };
    }
    expect(docx).toEqual(want);
    expect(docx["ca-03"]!.awards).toHaveLength(2);
  });
});
