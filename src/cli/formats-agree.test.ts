import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { buildDecisionRecord, createEngine, type DecidedRecommendation, type DecisionRecord } from "../index.js";
import { explainAssessment, explainReasons, formatItem } from "../explain/index.js";
import { csvLayout, renderCsv, renderHtml, renderMarkdown, renderText, reportHeadOf, resultsByCohort } from "../report/index.js";
import { cohortKey } from "../ranking/index.js";
import { loadLocal } from "../../test/support/rules.js";
import { renderXlsx } from "./xlsx-report.js";
import { renderDocx } from "./docx-report.js";

/**
 * One decision record rendered in every format (text, md, csv, xlsx, html): the facts each format
 * gives per unit — rank, score, percent, class, every proposed award, the committee's decision (every
 * award of it, when the council decided several), the main reasons (knock-out, quota, points short),
 * the evidence to supply, and for a unit with assessments its self-assessed score and each change
 * with its reason — extracted back from each (columns found by their headers) and compared as data
 * with the record; the Word proposal lists (docx), which carry rank, score, class, the self-assessed
 * score where it differs and the decided awards, likewise. Two records: the cohorts of 2025 with the
 * council's overrides, and the same with a cluster whose units carry assessments (issue 21, point 5).
 */
const rs = loadLocal();
const fixture: unknown[] = JSON.parse(readFileSync(new URL("../../fixtures/cohorts/individuals-2025.json", import.meta.url), "utf8"));
// the council decides two awards for ca-03 (issue 20, point 10), and no award for ca-01
const overrides = [
  { unitId: "ca-03", award: "award.chien-si-thi-dua-co-so", alongside: ["award.giay-khen-giam-doc-cong-an-tinh"], reason: "Thành tích đột xuất", decidedBy: "Hội đồng", date: "2026-01-15" },
  { unitId: "ca-01", award: null, reason: "Hồ sơ chưa đầy đủ", decidedBy: "Hội đồng", date: "2026-01-15" },
];
const decide = (profiles: unknown[]) =>
  buildDecisionRecord(rs, createEngine(rs).recommend(profiles, { asOf: "2025-12-31", trace: true }), { input: "x", inputCount: profiles.length, overrides });

/** A cluster of assessed persons beside the others: td-01 lowered by a reviewer then partly restored by the council, td-02 changed without effect on its score, td-03 without assessments. */
function assessedCluster(): unknown[] {
  const base = fixture[0] as { facts: Record<string, unknown>; history: unknown };
  const self = (id: string, name: string, facts: Record<string, unknown>) => ({ id, name, group: "individual", cohort: "cum-tham-dinh", year: 2025, history: base.history, assessments: [{ role: "self", by: name, date: "2025-12-01", facts }] });
  const td1 = self("td-01", "Đại úy Phạm Văn Dũng", base.facts);
  td1.assessments.push(
    { role: "reviewer", by: "Thiếu tá Lê Văn Cường", date: "2025-12-10", changes: [{ fact: "person.taskRating", value: "hoan-thanh", reason: "Chưa có biên bản đánh giá cuối năm" }, { fact: "person.movementActivities", value: 10, reason: "Hai lượt tuần tra không có biên bản" }] } as never,
    { role: "council", by: "Hội đồng Thi đua – Khen thưởng", date: "2025-12-20", changes: [{ fact: "person.taskRating", value: "tot", reason: "Bổ sung biên bản đánh giá ngày 15/12" }] } as never,
  );
  const td2 = self("td-02", "Thượng úy Võ Thị Em", base.facts);
  td2.assessments.push({ role: "reviewer", by: "Thiếu tá Lê Văn Cường", date: "2025-12-11", changes: [{ fact: "person.yearsOfService", value: 6, reason: "Tính lại thời gian công tác theo quyết định điều động" }] } as never);
  return [td1, td2, { ...(fixture[1] as object), id: "td-03", cohort: "cum-tham-dinh" }];
}
const plain = decide(fixture);
const assessed = decide([...fixture, ...assessedCluster()]);
const NONE = "Không đề nghị khen thưởng";

type Facts = { rank: number; score: number; self: number | null; percent: number; class: string; awards: string; decision: string; reasons: string; missing: string; changes: string };

const changesOf = (r: DecidedRecommendation): string[] => (r.scoreResult.assessment ? explainAssessment(r.scoreResult, rs, "vi")!.changes.map((c) => c.text) : []);
const expected = (r: DecidedRecommendation): Facts => {
  const awards = r.award ? [r.award, ...r.alongside].map((a) => a.title.vi).join("; ") : NONE;
  return {
    rank: r.rank,
    score: Number(r.score),
    self: r.scoreResult.assessment ? Number(r.scoreResult.assessment.self.score) : null,
    percent: Number(r.percent),
    class: rs.classes.find((k) => k.id === r.classification)?.title.vi ?? "Chưa xếp loại",
    awards,
    decision: r.final.overridden ? ([r.final.award, ...(r.final.alongside ?? [])].flatMap((a) => (a ? [a.title.vi] : [])).join("; ") || NONE) : awards,
    reasons: explainReasons(r, rs, "vi").map((i) => formatItem(i, "vi")).join("; "),
    missing: [...new Set(r.missingEvidence.map((m) => m.evidence.vi))].join("; "),
    changes: changesOf(r).join("; "),
  };
};
const num = (s: string) => Number(s.replace("%", "").replace(",", "."));
const selfNum = (s: string | undefined) => (s === undefined || s === "" ? null : num(s));
const unescape = (s: string) => s.replace(/<[^>]+>/g, "").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&amp;/g, "&");
/** A row's cells by their column's header. */
const byHeader = (heads: readonly string[], cells: readonly string[]) => (h: string): string | undefined => {
  const i = heads.indexOf(h);
  return i < 0 ? undefined : cells[i];
};

/** The fields of a CSV line (RFC 4180: quoted fields with doubled quotes; no line break inside a field here). */
function csvCells(l: string): string[] {
  const out: string[] = [];
  for (let i = 0; ; i++) {
    let v = "";
    if (l[i] === '"') {
      for (let j = i + 1; ; ) {
        const k = l.indexOf('"', j);
        v += l.slice(j, k);
        if (l[k + 1] !== '"') {
          i = k + 1;
          break;
        }
        v += '"';
        j = k + 2;
      }
    } else {
      const k = l.indexOf(";", i);
      v = l.slice(i, k < 0 ? l.length : k);
      i = k < 0 ? l.length : k;
    }
    out.push(v);
    if (l[i] !== ";") return out;
  }
}

function fromCsv(csv: string): Record<string, Facts> {
  const [head, ...rows] = csv.slice(1).split("\r\n").slice(0, -1).map(csvCells);
  // every row as wide as the header (a cluster without assessments gets the two last columns empty)
  for (const r of rows) expect(r).toHaveLength(head!.length);
  return Object.fromEntries(rows.filter((c) => c[1] !== "").map((c) => {
    const v = byHeader(head!, c);
    return [v("Mã")!, { rank: Number(v("Hạng")), score: num(v("Điểm")!), self: selfNum(v("Điểm tự đánh giá")), percent: num(v("Tỷ lệ (%)")!), class: v("Xếp loại")!, awards: v("Đề nghị khen thưởng")!, decision: v("Quyết định cuối cùng")!, reasons: v("Lý do chính")!, missing: v("Hồ sơ, minh chứng cần bổ sung")!, changes: v("Thay đổi khi thẩm định") ?? "" }];
  }));
}

/** A unit's changes in the Markdown explanation: the items under the self-assessed and official scores. */
function mdChanges(md: string, id: string): string {
  const section = md.split(/^### /m).find((s) => s.startsWith(`${id} — `)) ?? "";
  const lines = section.split("\n");
  const at = lines.findIndex((l) => l.startsWith("- Điểm tự chấm:"));
  if (at < 0) return "";
  const out: string[] = [];
  for (const l of lines.slice(at + 1)) {
    if (!l.startsWith("  - ")) break;
    out.push(l.slice(4));
  }
  return out.join("; ");
}

function fromMarkdown(md: string): Record<string, Facts> {
  const out: Record<string, Facts> = {};
  let head: string[] = [];
  for (const l of md.split("\n")) {
    if (l.startsWith("| Hạng | ")) head = l.slice(2, -2).split(" | ");
    if (!/^\| \d+ \| /.test(l)) continue;
    const v = byHeader(head, l.slice(2, -2).split(" | "));
    const id = v("Cá nhân")!.split(" — ")[0]!;
    out[id] = { rank: Number(v("Hạng")), score: num(v("Điểm")!), self: selfNum(v("Điểm tự đánh giá")), percent: num(v("Tỷ lệ")!), class: v("Xếp loại")!, awards: v("Đề nghị khen thưởng")!, decision: v("Quyết định cuối cùng")!.replace(/^\*\*(.*)\*\* — .*$/, "$1"), reasons: v("Lý do chính")!, missing: v("Hồ sơ, minh chứng cần bổ sung")!, changes: mdChanges(md, id) };
  }
  return out;
}

/** The console table: columns start where their header starts (cells are padded to the column's width); changes and evidence beneath a unit. */
function fromText(text: string): Record<string, Facts> {
  const out: Record<string, Facts> = {};
  let starts: number[] = [];
  let heads: string[] = [];
  const lines = text.split("\n");
  lines.forEach((l, n) => {
    const cp = [...l];
    // header cells hold no double space; the widest cell of each column here is its header or left-aligned
    if (/^ ?#  /.test(l)) {
      const m = [...l.matchAll(/\S+(?: \S+)*/g)];
      starts = m.map((x) => [...l.slice(0, x.index)].length);
      heads = m.map((x) => x[0]);
    } else if (/^\s*\d+  /.test(l) && starts.length) {
      const c = starts.map((s, i) => cp.slice(s, starts[i + 1]).join("").trim());
      c[0] = l.slice(0, l.indexOf("  ", 1)).trim();
      const below: string[] = [];
      for (let k = n + 1; lines[k]?.startsWith("     ↳ "); k++) below.push(lines[k]!.slice(7));
      const after = (label: string) => below.filter((b) => b.startsWith(`${label}: `)).map((b) => b.slice(label.length + 2));
      const v = byHeader(heads, c);
      const [id] = v("Cá nhân")!.split(" ");
      const final = v("Quyết định cuối cùng");
      out[id!] = { rank: Number(c[0]), score: num(v("Điểm")!), self: selfNum(v("Điểm tự đánh giá")), percent: num(v("Tỷ lệ")!), class: v("Xếp loại")!, awards: v("Đề nghị khen thưởng")!, decision: final ? final.replace(/^\* /, "") : v("Đề nghị khen thưởng")!, reasons: v("Lý do chính") ?? "", missing: after("Hồ sơ, minh chứng cần bổ sung").join("; "), changes: after("Thay đổi khi thẩm định").join("; ") };
    }
  });
  return out;
}

/** The review sheet's rows, each put back into the catalog's sentence (dates read back to ISO, roles to their ids). */
function xlsxChanges(wb: ExcelJS.Workbook): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  wb.getWorksheet("Thẩm định")?.eachRow((row, n) => {
    if (n === 1) return;
    const [, id, , role, by, date, fact, from, to, reason, official] = (row.values as unknown[]).slice(1).map(String);
    const [d, m, y] = date!.split("/");
    const params = { fact: fact!, from: from!, to: to!, role: role === "Hội đồng" ? ("council" as const) : ("reviewer" as const), by: by!, date: `${y}-${m}-${d}`, reason: reason!, official: official === "Có" ? 1 : 0 };
    (out[id!] ??= []).push(formatItem({ key: "assessment.change", params }, "vi"));
  });
  return out;
}

async function fromXlsx(bytes: Uint8Array, record: DecisionRecord): Promise<Record<string, Facts>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const changes = xlsxChanges(wb);
  const out: Record<string, Facts> = {};
  for (const ws of wb.worksheets.slice(1, 1 + record.cohorts.length)) {
    const heads = (ws.getRow(3).values as unknown[]).slice(1).map(String);
    ws.eachRow((row, n) => {
      const cells = (row.values as unknown[]).slice(1) as (string | number)[];
      const v = byHeader(heads, cells as string[]) as (h: string) => string | number | undefined;
      if (n > 3 && typeof cells[0] === "number") {
        const self = v("Điểm tự đánh giá");
        out[String(v("Mã"))] = { rank: cells[0], score: v("Điểm") as number, self: typeof self === "number" ? self : null, percent: v("Tỷ lệ (%)") as number, class: String(v("Xếp loại")), awards: String(v("Đề nghị khen thưởng")), decision: String(v("Quyết định cuối cùng")), reasons: String(v("Lý do chính") ?? ""), missing: String(v("Hồ sơ, minh chứng cần bổ sung") ?? ""), changes: (changes[String(v("Mã"))] ?? []).join("; ") };
      }
    });
  }
  return out;
}

function fromHtml(html: string): Record<string, Facts> {
  const out: Record<string, Facts> = {};
  for (const [, table] of html.matchAll(/<table>(.*?)<\/table>/gs)) {
    const heads = [...table!.matchAll(/<th>(.*?)<\/th>/g)].map((m) => unescape(m[1]!));
    for (const [, id, tr, changes] of table!.matchAll(/<tr class="unit" data-unit="([^"]*)">(.*?)<\/tr><tr class="explain"><td colspan="\d+">(?:<p>[^<]*<\/p><ul class="changes">(.*?)<\/ul>)?<details>/g)) {
      const v = byHeader(heads, [...tr!.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((m) => m[1]!));
      const fin = v("Quyết định cuối cùng")!;
      const decision = fin.startsWith("<b>") ? unescape(fin.replace(/^<b>(.*?)<\/b>.*$/, "$1")) : unescape(fin);
      const list = changes ? [...changes.matchAll(/<li>(.*?)<\/li>/g)].map((m) => unescape(m[1]!)) : [];
      out[unescape(id!)] = { rank: Number(v("Hạng")), score: num(unescape(v("Điểm")!)), self: selfNum(v("Điểm tự đánh giá") && unescape(v("Điểm tự đánh giá")!)), percent: num(unescape(v("Tỷ lệ")!)), class: unescape(v("Xếp loại")!), awards: unescape(v("Đề nghị khen thưởng")!), decision, reasons: unescape(v("Lý do chính")!), missing: unescape(v("Hồ sơ, minh chứng cần bổ sung")!), changes: list.join("; ") };
    }
  }
  return out;
}

describe("the records compared have what the comparison needs", () => {
  it("two proposals, an override of two awards, a knock-out, evidence to supply, a quota", () => {
    expect(plain.results.some((r) => r.alongside.length > 0 && r.award)).toBe(true);
    expect(plain.results.find((r) => r.unitId === "ca-03")?.final.alongside?.map((a) => a.id)).toEqual(["award.giay-khen-giam-doc-cong-an-tinh"]);
    expect(plain.results.some((r) => r.final.overridden && r.final.award === null)).toBe(true);
    expect(plain.results.some((r) => r.knockedOut)).toBe(true);
    expect(plain.results.some((r) => r.missingEvidence.length > 0)).toBe(true);
    expect(plain.results.some((r) => r.eligibility.some((e) => e.status === "quota"))).toBe(true);
  });
  it("assessments: a self score above the official one, one equal to it, a change that is not the official value, a unit and a cluster without", () => {
    const a = (id: string) => assessed.results.find((r) => r.unitId === id)!.scoreResult.assessment;
    expect(Number(a("td-01")!.self.score)).toBeGreaterThan(Number(a("td-01")!.officialScore.score));
    expect(a("td-02")!.self.score).toBe(a("td-02")!.officialScore.score);
    expect(a("td-01")!.changes.map((c) => c.official)).toEqual([false, true, true]);
    expect(a("td-03")).toBeUndefined();
    expect(plain.results.every((r) => r.scoreResult.assessment === undefined)).toBe(true);
    // the reasons as written, in the sentences every format shows
    expect(expected(assessed.results.find((r) => r.unitId === "td-01")!).changes).toContain("lý do: Hai lượt tuần tra không có biên bản");
  });
});

for (const [name, record] of [["without assessments", plain], ["with a cluster of assessed units", assessed]] as const) {
  describe(`one content in every format (${name})`, async () => {
    const want = Object.fromEntries(record.results.map((r) => [r.unitId, expected(r)]));
    const formats: Record<string, Record<string, Facts>> = {
      text: fromText(renderText(record, rs, "vi")),
      md: fromMarkdown(renderMarkdown(record, rs, "vi")),
      csv: fromCsv(renderCsv(record, rs, "vi")),
      xlsx: await fromXlsx(await renderXlsx(record, rs, "vi"), record),
      html: fromHtml(renderHtml(record, rs, "vi")),
    };
    for (const f of ["text", "md", "csv", "xlsx", "html"]) {
      it(`${f}: every unit with the same facts as the record`, () => {
        expect(formats[f]).toEqual(want);
      });
    }
  });
}

describe("csv written cohort by cohort", () => {
  it("a streamed run's chunks read back as bytes give the same report: the rows of the clusters without assessments get the two last columns empty", () => {
    const layout = csvLayout({ rs, lang: "vi", overrides: true });
    const byCohort = resultsByCohort(assessed);
    const bytes = assessed.cohorts.map((c) => layout.cohort(c, byCohort.get(cohortKey(c)) ?? []).map((s) => new TextEncoder().encode(s)));
    let out = "";
    const text = new TextDecoder();
    layout.write(reportHeadOf(assessed), (part) => bytes.map((c) => c[part]!), (s) => (out += typeof s === "string" ? s : text.decode(s)));
    expect(out).toBe(renderCsv(assessed, rs, "vi"));
    expect(out.split("\r\n").filter((l) => l.startsWith("cum-khu-dan-cu-2;")).every((l) => l.endsWith(";;"))).toBe(true);
  });
});

type DocxFacts = { rank: number; score: number; self?: number; class: string; awards: string[] };

/** The Word lists: per unit, the awards it is listed under (in the rule set's order) and what each row says of it. */
async function fromDocx(bytes: Uint8Array): Promise<Record<string, DocxFacts>> {
  const xml = await (await JSZip.loadAsync(bytes)).file("word/document.xml")!.async("string");
  const out: Record<string, DocxFacts> = {};
  for (const [, tbl] of xml.matchAll(/<w:tbl>(.*?)<\/w:tbl>/gs)) {
    const rows = [...tbl!.matchAll(/<w:tr\b.*?<\/w:tr>/gs)].map(([tr]) => [...tr.matchAll(/<w:tc>(.*?)<\/w:tc>/gs)].map(([, tc]) => [...tc!.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescape(m[1]!)).join("")));
    if (rows[0]?.[0] !== "STT") continue;
    for (const c of rows.slice(1)) {
      const id = /\(([^()]+)\)$/.exec(c[1]!)![1]!;
      const m = /^Xếp thứ (\d+)\/\d+ .*; đạt ([\d,]+) điểm, xếp loại (.+?)(?: \(điểm tự đánh giá: ([\d,]+) điểm\))?$/.exec(c[2]!)!;
      const u = (out[id] ??= { rank: Number(m[1]), score: num(m[2]!), ...(m[4] !== undefined && { self: num(m[4]) }), class: m[3]!, awards: [] });
      u.awards.push(c[4]!);
    }
  }
  return out;
}

describe("the Word proposal lists agree with the record", async () => {
  for (const [name, record] of [["without assessments", plain], ["with a cluster of assessed units", assessed]] as const) {
    const docx = await fromDocx(await renderDocx(record, rs, "vi"));
    it(`docx (${name}): every unit put forward, under each award decided for it (all of a council's several), with its rank, score, class and a self-assessed score that differs`, () => {
      const want: Record<string, DocxFacts> = {};
      for (const r of record.results) {
        const decided = r.final.overridden ? [r.final.award, ...(r.final.alongside ?? [])].flatMap((a) => (a ? [a] : [])) : r.award ? [r.award, ...r.alongside] : [];
        if (!decided.length) continue;
        const order = (id: string) => rs.awards.findIndex((a) => a.id === id);
        const self = expected(r).self;
        want[r.unitId] = { rank: r.rank, score: Number(r.score), ...(self !== null && self !== Number(r.score) && { self }), class: expected(r).class, awards: [...decided].sort((a, b) => order(a.id) - order(b.id)).map((a) => a.title.vi) };
      }
      expect(docx).toEqual(want);
      expect(docx["ca-03"]!.awards).toHaveLength(2);
      // the self-assessed score is said where it differs (td-01), not where it is the official one (td-02)
      if (record === assessed) expect([docx["td-01"]?.self, docx["td-02"] && "self" in docx["td-02"]]).toEqual([expected(record.results.find((r) => r.unitId === "td-01")!).self, false]);
    });
  }
});
