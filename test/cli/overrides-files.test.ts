import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { capture } from "../support/cli.js";

/** Issue 20, point 10 (part): overrides written as a council writes them; override and record files never block on a FIFO. */
const root = new URL("../../", import.meta.url).pathname;
const cohort = join(root, "fixtures/cohorts/individuals-2025.json");
const dir = mkdtempSync(join(tmpdir(), "thidua-overrides-files-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("overrides a council can write", () => {
  it("an award by its title, a date as dd/mm/yyyy: recorded as the award's id and an ISO date; replay matches the same file", async () => {
    const file = join(dir, "council.json");
    writeFileSync(file, JSON.stringify([{ unitId: "ca-05", award: "chiến sĩ thi đua  cơ sở", reason: "Thành tích đột xuất", decidedBy: "Hội đồng", date: "20/12/2025" }]));
    const out = join(dir, "record.json");
    const r = await capture(["score", cohort, "--as-of", "2025-12-31", "--format", "json", "--overrides", file, "--out", out]);
    expect(r.code, r.err).toBe(0);
    const record = JSON.parse(readFileSync(out, "utf8"));
    expect(record.overrides).toEqual([{ unitId: "ca-05", award: "award.chien-si-thi-dua-co-so", reason: "Thành tích đột xuất", decidedBy: "Hội đồng", date: "2025-12-20" }]);
    const replay = await capture(["replay", out, "--profiles", cohort, "--overrides", file]);
    expect(replay.out).toContain(`Các quyết định điều chỉnh trong ${file}: khớp với bản ghi`);
    expect(replay.code).toBe(0);
  });

  it("a title several awards share is refused, saying to write the id", async () => {
    const file = join(dir, "ambiguous.json");
    writeFileSync(file, JSON.stringify([{ unitId: "ca-05", award: "Giấy khen", reason: "x", decidedBy: "Hội đồng", date: "20/12/2025" }]));
    const r = await capture(["score", cohort, "--as-of", "2025-12-31", "--overrides", file]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("Giấy khen");
    expect(r.err).toContain("ghi tên hoặc mã của danh hiệu");
  });
});

describe("several awards for one unit in one decision (issue 20, point 10)", () => {
  const two = ["Chiến sĩ thi đua cơ sở", "Kỷ niệm chương “Bảo vệ an ninh Tổ quốc”"];
  const ids = ["award.chien-si-thi-dua-co-so", "award.ky-niem-chuong-bv-antq"];
  const file = join(dir, "two-awards.json");
  writeFileSync(file, JSON.stringify([{ unitId: "ca-05", award: two, reason: "Thành tích đột xuất", decidedBy: "Hội đồng", date: "20/12/2025" }]));
  const out = join(dir, "record-two.json");

  it("recorded (the first as award, the rest alongside), sealed, and replayed equal", async () => {
    const r = await capture(["score", cohort, "--as-of", "2025-12-31", "--format", "json", "--overrides", file, "--out", out]);
    expect(r.code, r.err).toBe(0);
    expect(r.err).not.toContain("lưu ý");
    const record = JSON.parse(readFileSync(out, "utf8"));
    expect(record.overrides).toEqual([{ unitId: "ca-05", award: ids[0], alongside: [ids[1]], reason: "Thành tích đột xuất", decidedBy: "Hội đồng", date: "2025-12-20" }]);
    const final = record.results.find((x: { unitId: string }) => x.unitId === "ca-05").final;
    expect([final.award.id, ...final.alongside.map((a: { id: string }) => a.id)]).toEqual(ids);
    expect(final.overridden).toBe(true);
    const replay = await capture(["replay", out, "--profiles", cohort, "--overrides", file]);
    expect(replay.out).toContain("khớp với bản ghi");
    expect(replay.out).toContain("nguyên vẹn");
    expect(replay.code, replay.out).toBe(0);
  });

  it("the same decision written as the record writes it (award, alongside) is the same decision", async () => {
    const again = join(dir, "two-awards-record-form.json");
    writeFileSync(again, JSON.stringify(JSON.parse(readFileSync(out, "utf8")).overrides));
    const replay = await capture(["replay", out, "--profiles", cohort, "--overrides", again]);
    expect(replay.out).toContain("khớp với bản ghi");
    expect(replay.code).toBe(0);
  });

  it("both awards are shown in every format", async () => {
    const both = two.join("; ");
    for (const format of ["text", "md", "csv", "html"]) {
      const r = await capture(["score", cohort, "--as-of", "2025-12-31", "--format", format, "--overrides", file]);
      expect(r.code, `${format}: ${r.err}`).toBe(0);
      const line = r.out.split(/\r?\n/).find((l) => l.includes("ca-05") && l.includes(two[1]!));
      expect(line, format).toBeDefined();
      expect(line, format).toContain(both);
    }
    const { default: ExcelJS } = await import("exceljs");
    const xlsx = join(dir, "two.xlsx");
    expect((await capture(["score", cohort, "--as-of", "2025-12-31", "--format", "xlsx", "--overrides", file, "--out", xlsx])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const cells = wb.worksheets.flatMap((ws) => ws.getSheetValues().flatMap((row) => (Array.isArray(row) ? row.map(String) : [])));
    expect(cells).toContain(both);
    const docx = join(dir, "two.docx");
    expect((await capture(["score", cohort, "--as-of", "2025-12-31", "--format", "docx", "--overrides", file, "--out", docx])).code).toBe(0);
    const { default: JSZip } = await import("jszip");
    const xml = await (await JSZip.loadAsync(readFileSync(docx))).file("word/document.xml")!.async("string");
    for (const t of two) expect(xml.split("(ca-05)").length - 1, t).toBe(2);
    expect(xml).toContain(two[1]);
  });

  it("two awards the rule set does not grant together in one year: recorded as the council decided, with a warning in its words", async () => {
    const excl = join(dir, "exclusive.json");
    writeFileSync(excl, JSON.stringify([{ unitId: "ca-05", award: ["award.chien-si-thi-dua-co-so", "Lao động tiên tiến / Chiến sĩ tiên tiến"], reason: "Thành tích đột xuất", decidedBy: "Hội đồng", date: "20/12/2025" }]));
    const rec = join(dir, "record-exclusive.json");
    const r = await capture(["score", cohort, "--as-of", "2025-12-31", "--format", "json", "--overrides", excl, "--out", rec]);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain(`lưu ý: ${excl}: Quyết định điều chỉnh thứ 1: ca-05 được quyết định cả «Chiến sĩ thi đua cơ sở» và «Lao động tiên tiến / Chiến sĩ tiên tiến», là hai hình thức mà bộ tiêu chí không xét cùng nhau trong một năm; quyết định vẫn được ghi nhận đúng như Hội đồng đã quyết định`);
    expect(JSON.parse(readFileSync(rec, "utf8")).overrides[0].alongside).toEqual(["award.lao-dong-tien-tien"]);
    const en = await capture(["score", cohort, "--as-of", "2025-12-31", "--overrides", excl, "--lang", "en"]);
    expect(en.err).toContain("which the rule set does not grant together in one year");
  });

  it("an award written twice, or a further award that is not one, is refused naming it", async () => {
    const bad = join(dir, "twice.json");
    writeFileSync(bad, JSON.stringify([{ unitId: "ca-05", award: ["Chiến sĩ thi đua cơ sở", "award.chien-si-thi-dua-co-so", "Bằng khen gì đó"], reason: "x", decidedBy: "Hội đồng", date: "20/12/2025" }]));
    const r = await capture(["score", cohort, "--as-of", "2025-12-31", "--overrides", bad]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("«Chiến sĩ thi đua cơ sở» được ghi hai lần");
    expect(r.err).toContain("\"Bằng khen gì đó\" không phải danh hiệu");
  });
});

describe("files read whole are never waited on", () => {
  const fifo = join(dir, "pipe.json");
  execFileSync("mkfifo", [fifo]);
  it("--overrides naming a FIFO: refused at once, in Vietnamese", async () => {
    const r = await capture(["score", cohort, "--overrides", fifo]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`thidua: ${fifo}: không phải tệp dữ liệu thông thường (một đường ống có tên (FIFO)) nên không được đọc\n`);
  });
  it("replay of a record that is a FIFO: refused at once", async () => {
    const r = await capture(["replay", fifo, "--profiles", cohort, "--lang", "en"]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`thidua: ${fifo}: not a regular file (a named pipe (FIFO)); it is not read\n`);
  });
});

describe("an overrides sheet (issue 20, point 10)", () => {
  it("thidua template --overrides makes a sheet a council fills in; --overrides file.xlsx reads it back; replay matches it", async () => {
    const sheet = join(dir, "quyet-dinh.xlsx");
    expect((await capture(["template", "--overrides", "--out", sheet])).code).toBe(0);
    const { default: ExcelJS } = await import("exceljs");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(sheet);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe("Quyết định");
    const choices = (wb.getWorksheet("Danh mục")!.getColumn(1).values as unknown[]).filter(Boolean);
    expect(choices).toContain("Chiến sĩ thi đua cơ sở");
    expect(choices).toContain("Giấy khen (award.giay-khen)"); // a title two awards share carries the id
    ws.getRow(2).values = ["ca-05", "", "Giấy khen (award.giay-khen)", "", "", "Thành tích đột xuất", "Hội đồng", new Date(Date.UTC(2025, 11, 20))];
    ws.getRow(3).values = ["cb-02", "", "", "", "", "Hồ sơ chưa đầy đủ", "Hội đồng xã", "20/12/2025"];
    // two awards for one unit: in the next award column, or in one cell separated by “;”
    ws.getRow(4).values = ["ca-03", "", "Chiến sĩ thi đua cơ sở", "Kỷ niệm chương “Bảo vệ an ninh Tổ quốc”", "", "Thành tích đột xuất", "Hội đồng", "20/12/2025"];
    ws.getRow(5).values = ["cb-03", "", "Giấy khen (award.giay-khen); Kỷ niệm chương “Bảo vệ an ninh Tổ quốc”", "", "", "Thành tích đột xuất", "Hội đồng xã", "20/12/2025"];
    await wb.xlsx.writeFile(sheet);
    const out = join(dir, "record-xlsx.json");
    const r = await capture(["score", cohort, "--as-of", "2025-12-31", "--format", "json", "--overrides", sheet, "--out", out]);
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(readFileSync(out, "utf8")).overrides).toEqual([
      { unitId: "ca-05", award: "award.giay-khen", reason: "Thành tích đột xuất", decidedBy: "Hội đồng", date: "2025-12-20" },
      { unitId: "cb-02", award: null, reason: "Hồ sơ chưa đầy đủ", decidedBy: "Hội đồng xã", date: "2025-12-20" },
      { unitId: "ca-03", award: "award.chien-si-thi-dua-co-so", alongside: ["award.ky-niem-chuong-bv-antq"], reason: "Thành tích đột xuất", decidedBy: "Hội đồng", date: "2025-12-20" },
      { unitId: "cb-03", award: "award.giay-khen", alongside: ["award.ky-niem-chuong-bv-antq"], reason: "Thành tích đột xuất", decidedBy: "Hội đồng xã", date: "2025-12-20" },
    ]);
    const replay = await capture(["replay", out, "--profiles", cohort, "--overrides", sheet]);
    expect(replay.code, replay.out).toBe(0);
    expect(replay.out).toContain("khớp với bản ghi");
  });

  it("a file that is not a workbook is refused, naming it", async () => {
    const bad = join(dir, "not.xlsx");
    writeFileSync(bad, "not a zip");
    const r = await capture(["score", cohort, "--overrides", bad]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${bad}: không đọc được tệp (XLSX:`);
  });
});
