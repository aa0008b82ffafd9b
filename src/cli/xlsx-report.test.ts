import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { buildDecisionRecord, createEngine } from "../index.js";
import { loadLocal } from "../../test/support/rules.js";
import { renderXlsx, sheetName } from "./xlsx-report.js";

const rs = loadLocal();
const fixture = JSON.parse(readFileSync(new URL("../../fixtures/cohorts/individuals-2025.json", import.meta.url), "utf8")) as { cohort: string }[];
// two long cluster names that share their first 31 characters
const long1 = "Cụm thi đua các xã, phường khu vực phía Bắc số 1";
const long2 = "Cụm thi đua các xã, phường khu vực phía Bắc số 2";
const profiles: unknown[] = [
  ...fixture.map((p) => ({ ...p, cohort: p.cohort === "cum-cong-an-xa-1" ? long1 : long2 })),
  { id: "ca-98", name: "Hạ sĩ Sai Số", group: "individual", cohort: long1, year: 2025, facts: { "person.taskRating": "gioi" } },
];
const report = createEngine(rs).recommend(profiles, { asOf: "2025-12-31" });
const record = buildDecisionRecord(rs, report, { input: "x", inputCount: profiles.length });

async function open(lang: "vi" | "en") {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await renderXlsx(record, rs, lang)) as unknown as ArrayBuffer);
  return wb;
}
const values = (ws: ExcelJS.Worksheet, row: number) => (ws.getRow(row).values as unknown[]).slice(1);

describe("the XLSX report", async () => {
  const wb = await open("vi");
  it("a summary first, a sheet per cluster with its full name, the checklists, the record's identity last", () => {
    const names = wb.worksheets.map((w) => w.name);
    expect(names[0]).toBe("Tổng hợp");
    expect(names.slice(-4)).toEqual(["Hồ sơ cần bổ sung", "Danh sách đề nghị", "Dòng bị loại", "Thông tin kết quả"]);
    const clusters = names.slice(1, 3);
    expect(clusters.every((n) => n.length <= 31)).toBe(true);
    expect(new Set(clusters).size).toBe(2);
    expect(values(wb.worksheets[1]!, 1)).toEqual([`${long1} — Cá nhân — năm 2025`]);
    expect(values(wb.worksheets[1]!, 2)).toEqual(["10 cá nhân được chấm, 1 cá nhân bị loại"]);
    expect(values(wb.worksheets[0]!, 3)).toEqual([`${long1} — Cá nhân — năm 2025`, 10, 1, expect.any(Number)]);
  });

  it("every fact of a unit, every proposed award, numbers as numbers, frozen header and autofilter", () => {
    const ws = wb.worksheets[1]!;
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 3 });
    expect(ws.autoFilter).toBe("A3:K13");
    const byId = new Map(record.results.map((r) => [r.unitId, r]));
    for (let row = 4; row <= 13; row++) {
      const [rank, id, , score, percent, , awards] = values(ws, row) as [number, string, string, number, number, string, string];
      const r = byId.get(id)!;
      expect([rank, score, percent]).toEqual([r.rank, Number(r.score), Number(r.percent)]);
      expect(awards.split("; ")).toEqual(r.award ? [r.award, ...r.alongside].map((a) => a.title.vi) : ["Không đề nghị khen thưởng"]);
    }
    expect(ws.getColumn(4).numFmt).toBe("#,##0.00");
    expect(ws.getColumn(1).width).toBe(7);
    expect((values(ws, 15) as string[])[0]).toContain("không tính 1 cá nhân bị loại");
    expect((values(ws, 17) as string[])[0]).toBe("Dòng 15 — ca-98 — Hạ sĩ Sai Số");
  });

  it("a row per unit and document to supply; the proposals per award across clusters, second proposals included", () => {
    const evidence = wb.getWorksheet("Hồ sơ cần bổ sung")!;
    expect(evidence.rowCount - 1).toBe(record.results.reduce((n, r) => n + new Set(r.missingEvidence.map((m) => m.evidence.vi)).size, 0));
    const proposals = wb.getWorksheet("Danh sách đề nghị")!;
    const listed = new Set<string>();
    proposals.eachRow((row, n) => void (n > 1 && listed.add(`${String(row.getCell(1).value)}|${String(row.getCell(4).value)}`)));
    const expected = new Set(record.results.flatMap((r) => (r.award ? [r.award, ...r.alongside] : []).map((a) => `${a.title.vi}|${r.unitId}`)));
    expect(listed).toEqual(expected);
    expect(record.results.some((r) => r.alongside.length > 0)).toBe(true);
  });

  it("the record's identity in Vietnamese (English with --lang en); same record, same bytes", async () => {
    const id = wb.getWorksheet("Thông tin kết quả")!;
    expect(values(id, 3)).toEqual(["Mã băm SHA-256 của bộ tiêu chí", record.ruleset.sha256]);
    expect(values(id, 6)).toEqual(["Mã băm SHA-256 của dữ liệu đầu vào", record.input.sha256]);
    expect((await open("en")).worksheets.at(-1)!.name).toBe("Record identity");
    expect(Buffer.from(await renderXlsx(record, rs, "vi")).equals(Buffer.from(await renderXlsx(record, rs, "vi")))).toBe(true);
  });

  it("sheet names: at most 31 characters, unique, no forbidden character", () => {
    const used = new Set<string>();
    const names = [sheetName(long1, used), sheetName(long2, used), sheetName("a/b:c", used)];
    expect(names.every((n) => n.length <= 31 && long1.startsWith(n.replace(/~\d+$/, "")) === (n !== "a-b-c"))).toBe(true);
    expect(new Set(names).size).toBe(3);
    expect(names[2]).toBe("a-b-c");
  });
});
