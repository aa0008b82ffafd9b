import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createEngine } from "../index.js";
import { loadNational } from "../../test/support/rules.js";
import { buildDecisionRecord, csvField, renderCsv } from "./index.js";

const rs = loadNational();
const fixture: unknown[] = JSON.parse(readFileSync(new URL("../../fixtures/cohorts/individuals-2025.json", import.meta.url), "utf8"));
const profiles = [...fixture, { id: "bad", group: "individual", year: 2025 }, 42];
const report = createEngine(rs).recommend(profiles, { asOf: "2025-12-31" });
const reason = 'Thành tích "đột xuất", có ý kiến; đã họp';
const record = buildDecisionRecord(rs, report, { input: "x", inputCount: profiles.length, overrides: [{ unitId: "ca-05", award: null, reason, decidedBy: "Hội đồng", date: "2026-01-15" }] });

/** Minimal RFC 4180 reader (test only), `;`-separated unless told. */
function parse(text: string, sep = ";"): string[][] {
  const rows: string[][] = [[]];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === sep) rows.at(-1)!.push(field), (field = "");
    else if (ch === "\r" && text[i + 1] === "\n") rows.at(-1)!.push(field), (field = ""), rows.push([]), i++;
    else field += ch;
  }
  rows.pop();
  return rows;
}

describe("renderCsv", () => {
  for (const lang of ["vi", "en"] as const) {
    const csv = renderCsv(record, rs, lang);
    it(`${lang}: BOM, CRLF only, NFC, one row per input row, same width everywhere`, () => {
      expect(csv.startsWith("\uFEFF")).toBe(true);
      expect(csv.endsWith("\r\n")).toBe(true);
      expect(csv.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
      expect(csv.normalize("NFC")).toBe(csv);
      const rows = parse(csv.slice(1));
      expect(rows.length).toBe(1 + profiles.length);
      expect(new Set(rows.map((r) => r.length))).toEqual(new Set([12]));
      const rejected = rows.filter((r) => r[6] === (lang === "vi" ? "bị loại" : "rejected"));
      expect(rejected.map((r) => r[2])).toEqual(["bad", ""]);
      expect(rejected[1]![10]).toMatch(lang === "vi" ? /^Dòng 16: / : /^Row 16: /);
    });
    it(`${lang}: a field with quotes, commas and semicolons round-trips`, () => {
      const row = parse(csv.slice(1)).find((r) => r[2] === "ca-05")!;
      expect(row[9]).toBe(reason);
      expect(row[8]).toBe(lang === "vi" ? "Không đề nghị khen thưởng" : "No commendation");
      expect(csv).toContain(`"Thành tích ""đột xuất"", có ý kiến; đã họp"`);
    });
  }

  it("quotes exactly what RFC 4180 needs (and semicolons for spreadsheets)", () => {
    expect(csvField("Nguyễn Văn An")).toBe("Nguyễn Văn An");
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("a;b")).toBe('"a;b"');
    expect(csvField("a\nb")).toBe('"a\nb"');
  });

  it("writes numbers in the language's locale", () => {
    const r = record.results[0]!;
    const withHalf = { ...record, results: [{ ...r, score: "12.5", percent: "12.5" }], rejected: [] };
    // Vietnamese Excel: `;` between fields, a decimal comma, no grouping, no "%" (the header says it)
    expect(renderCsv(withHalf, rs, "vi")).toContain(";12,5;12,5;");
    expect(renderCsv(withHalf, rs, "vi")).toContain(";Tỷ lệ (%);");
    // English, or the other convention: plain numbers with a point
    expect(renderCsv(withHalf, rs, "en")).toContain(";12.5;12.5;");
    expect(renderCsv(withHalf, rs, "vi", ",")).toContain(",12.5,12.5,");
    expect(parse(renderCsv(withHalf, rs, "vi", ",").slice(1), ",")[1]!.slice(4, 6)).toEqual(["12.5", "12.5"]);
  });
});
