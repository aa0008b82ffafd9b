import { readFileSync } from "node:fs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { buildDecisionRecord, createEngine } from "../index.js";
import { loadLocal } from "../../test/support/rules.js";
import { renderDocx } from "./docx-report.js";

const rs = loadLocal();
const fixture: unknown[] = JSON.parse(readFileSync(new URL("../../fixtures/cohorts/individuals-2025.json", import.meta.url), "utf8"));
const overrides = [{ unitId: "ca-03", award: "award.chien-si-thi-dua-co-so", reason: "Thành tích đột xuất", decidedBy: "Hội đồng", date: "2026-01-15" }];
const record = buildDecisionRecord(rs, createEngine(rs).recommend(fixture, { asOf: "2025-12-31" }), { input: "x", inputCount: fixture.length, overrides });

/** The text of each paragraph of a cell, each row of each table of the document (w:tbl, w:tr, w:tc, w:t). */
function tables(xml: string): string[][][] {
  return [...xml.matchAll(/<w:tbl>(.*?)<\/w:tbl>/gs)].map(([, tbl]) =>
    [...tbl!.matchAll(/<w:tr\b.*?<\/w:tr>/gs)].map(([tr]) => [...tr.matchAll(/<w:tc>(.*?)<\/w:tc>/gs)].map(([, tc]) => [...tc!.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(""))),
  );
}

describe("the Word proposal lists (Decree 30/2020/NĐ-CP layout)", async () => {
  const bytes = await renderDocx(record, rs, "vi");
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file("word/document.xml")!.async("string");
  const all = tables(xml);
  const lists = all.filter((t) => t[0]![0] === "STT");
  const decided = (id: string) => record.results.filter((r) => (r.final.overridden ? (r.final.award ? [r.final.award] : []) : r.award ? [r.award, ...r.alongside] : []).some((a) => a.id === id));

  it("one list per award put forward, in the rule set's order, each unit in it once with its score and basis", () => {
    const awards = rs.awards.filter((a) => decided(a.id).length > 0);
    expect(lists).toHaveLength(awards.length);
    lists.forEach((t, i) => {
      const a = awards[i]!;
      expect(t[0]).toEqual(["STT", "Tên đơn vị, cá nhân", "Thành tích tóm tắt", "Điểm", "Hình thức đề nghị", "Căn cứ"]);
      const units = decided(a.id);
      expect(t.slice(1).map((r) => [r[0], r[1], r[3], r[4]])).toEqual(units.map((u, n) => [String(n + 1), `${u.name} (${u.unitId})`, u.score.replace(".", ","), a.title.vi]));
      for (const r of t.slice(1)) expect(r[2]).toMatch(/^Xếp thứ \d+\/\d+ .+; đạt [\d,]+ điểm, xếp loại /);
      expect(t[1]![5]).toContain(rs.sources.find((s) => s.id === a.citation.source)!.title.vi);
    });
    // the committee's award, not the computed proposal, for the unit it overrode
    const cstdcs = lists[awards.findIndex((a) => a.id === "award.chien-si-thi-dua-co-so")]!;
    expect(cstdcs.some((r) => r[1]!.endsWith("(ca-03)"))).toBe(true);
  });

  it("the administrative heading: issuing body and number, the national motto, the date line; Times New Roman 13–14", async () => {
    const head = all.find((t) => t[0]![1]?.startsWith("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"))!;
    expect(head[0]).toEqual(["TÊN CƠ QUAN, TỔ CHỨC CHỦ QUẢNHỘI ĐỒNG THI ĐUA - KHEN THƯỞNGSố: …/DS-HĐTĐKT", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAMĐộc lập - Tự do - Hạnh phúc…, ngày … tháng … năm …"]);
    expect(xml).toContain("DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG");
    const styles = await zip.file("word/styles.xml")!.async("string");
    expect(styles).toMatch(/w:ascii="Times New Roman"/);
    const sizes = new Set([...xml.matchAll(/<w:sz w:val="(\d+)"\/>/g)].map((m) => Number(m[1])));
    expect([...sizes].filter((s) => s > 28)).toEqual([]);
  });

  it("same record, same bytes", async () => {
    expect(Buffer.from(await renderDocx(record, rs, "vi")).equals(Buffer.from(bytes))).toBe(true);
  });
});
