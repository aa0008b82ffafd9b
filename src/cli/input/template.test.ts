import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { createProfileValidator } from "../../profiles/index.js";
import { factsRead } from "../../scoring/index.js";
import { factsCounted } from "./template-columns.js";
import { writeTemplate } from "./template.js";
import { collect, fixture, nationalRules } from "./test-support.js";

const rules = nationalRules();
const tmp = () => mkdtempSync(join(tmpdir(), "thidua-tpl-"));

const AN = {
  id: "ca-01",
  name: "Đại úy Nguyễn Văn An",
  group: "individual",
  cohort: "cum-cong-an-xa-1",
  year: 2025,
  facts: { "person.category": "armed-forces", "person.taskRating": "xuat-sac", "person.initiativesRecognised": 2, "person.disciplined": false, "person.braveActRecognised": true, "person.yearsOfService": 5 },
  history: [{ year: 2024, awards: ["award.chien-si-thi-dua-co-so"] }, { year: 2023, awards: ["award.lao-dong-tien-tien", "award.giay-khen"] }],
};

describe("CSV template", async () => {
  const csv = (await writeTemplate(rules, "individual", "csv")) as string;
  const lines = csv.slice(1).split("\r\n");

  it("is UTF-8 with BOM, ; delimited, CRLF: keys in row 1, labels in row 2 marked with #", () => {
    expect(csv.startsWith("\uFEFFid;name;group;cohort;year;history;person.category;")).toBe(true);
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(lines[1]!.startsWith("# Mã đơn vị/cá nhân — bắt buộc")).toBe(true);
    expect(lines[1]).toContain("Mức độ hoàn thành nhiệm vụ của cá nhân trong năm — Hoàn thành xuất sắc nhiệm vụ / Hoàn thành tốt nhiệm vụ");
    expect(lines[1]).toContain("Bị xử lý kỷ luật trong năm — Có/Không");
    expect(lines[0]!.split(";")).toHaveLength(6 + rules.facts.filter((f) => f.groups.includes("individual") && factsCounted(rules, "individual").has(f.id)).length);
  });

  it("round trip: fill a row as Excel would, read it back to the expected profile", async () => {
    const path = join(tmp(), "ca-nhan.csv");
    const keys = lines[0]!.split(";");
    const values: Record<string, string> = {
      id: "ca-01", name: "Đại úy Nguyễn Văn An".normalize("NFD"), group: "Cá nhân", cohort: "cum-cong-an-xa-1", year: "2025",
      history: "2024:Chiến sĩ thi đua cơ sở; 2023:lao-dong-tien-tien|Giấy khen",
      "person.category": "Cán bộ, chiến sĩ, công nhân viên lực lượng vũ trang", "person.taskRating": "Hoàn thành xuất sắc nhiệm vụ",
      "person.initiativesRecognised": "2", "person.disciplined": "Không", "person.braveActRecognised": "Có", "person.yearsOfService": "5",
    };
    const row = keys.map((k) => (values[k] ?? "").replace(/^(.*[;"].*)$/, (s) => `"${s.replace(/"/g, '""')}"`)).join(";");
    writeFileSync(path, `${csv}${row}\r\n`);
    const rows = await collect(path, { rules });
    expect(rows).toEqual([{ row: 3, profile: AN }]);
    expect(createProfileValidator(rules).validate(rows[0]!.profile).ok).toBe(true);
  });
});

describe("XLSX template", async () => {
  const bytes = (await writeTemplate(rules, "province", "xlsx")) as Uint8Array;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);

  it("has the data sheet first, the assessments sheet, a guide sheet and hidden lists", () => {
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([["Dữ liệu", "visible"], ["Đánh giá", "visible"], ["Hướng dẫn", "visible"], ["Danh mục", "hidden"]]);
    const data = wb.getWorksheet("Dữ liệu")!;
    expect(data.getCell("A1").value).toBe("id");
    expect(data.getCell("A1").font.bold).toBe(true);
    expect(String(data.getCell("A2").value)).toMatch(/^# /);
    const guide = wb.getWorksheet("Hướng dẫn")!;
    const ids: unknown[] = [];
    guide.eachRow((r) => ids.push(r.getCell(1).value));
    expect(ids).toContain("selfManagement.groups.members");
    expect(ids).toContain("steering.communeCoverageRate");
  });

  it("asks only for the facts that count for the group (issue 20, point 11)", () => {
    const keys = (wb.getWorksheet("Dữ liệu")!.getRow(1).values as unknown[]).filter((v) => typeof v === "string");
    // declared for provinces, read by no criterion, award or deferral of the group
    for (const unread of ["communes.safeStandardRate", "unit.shareAdvancedWorkers", "unit.grassrootsEmulationFighters"]) expect(keys).not.toContain(unread);
    // every fact a provincial criterion reads is asked for
    const read = rules.criteria.filter((c) => c.group === "province").flatMap((c) => factsRead(c, new Map(rules.facts.map((f, i) => [f.id, i]))).map((r) => r.fact));
    for (const f of read) expect(keys.some((k) => k === f || String(k).startsWith(`${f}.`)), f).toBe(true);
    expect(keys).toContain("unit.disciplinePending"); // read by a deferral of the province's awards
  });

  it("round trip: filled in by exceljs with native numbers, booleans, percentages and rich text", async () => {
    const data = wb.getWorksheet("Dữ liệu")!;
    const col = (key: string) => (data.getRow(1).values as unknown[]).indexOf(key);
    const r = data.getRow(3);
    r.getCell(col("id")).value = "pv-ha-giang";
    r.getCell(col("name")).value = { richText: [{ text: "Tỉnh " }, { text: "Hà Giang", font: { bold: true } }] };
    r.getCell(col("group")).value = "province";
    r.getCell(col("year")).value = 2025;
    r.getCell(col("plan.issued")).value = "Có";
    r.getCell(col("plan.issuedOnTime")).value = false;
    r.getCell(col("plan.targetsMetRate")).value = 0.855;
    r.getCell(col("models.effectiveCount")).value = 857;
    r.getCell(col("selfManagement.groups.count")).value = { formula: "2000+28", result: 2028 };
    r.getCell(col("selfManagement.groups.members")).value = 11300;
    r.getCell(col("unit.taskRating")).value = "Hoàn thành tốt nhiệm vụ";
    data.getRow(4).getCell(col("id")).value = "pv-sai";
    data.getRow(4).getCell(col("name")).value = "Tỉnh Sai";
    data.getRow(4).getCell(col("group")).value = "province";
    data.getRow(4).getCell(col("year")).value = 2025;
    data.getRow(4).getCell(col("steering.communeCoverageRate")).value = 85;
    const path = join(tmp(), "tinh.xlsx");
    writeFileSync(path, Buffer.from(await wb.xlsx.writeBuffer()));
    const rows = await collect(path, { rules });
    expect(rows.map((x) => x.row)).toEqual([3, 4]);
    expect(rows[0]!.profile).toEqual({
      id: "pv-ha-giang", name: "Tỉnh Hà Giang", group: "province", year: 2025,
      facts: { "plan.issued": true, "plan.issuedOnTime": false, "plan.targetsMetRate": 0.855, "models.effectiveCount": 857, "selfManagement.groups": { count: 2028, members: 11300 }, "unit.taskRating": "tot" },
    });
    expect(rows[1]!.issues![0]!.message).toBe("tinh.xlsx, row 4, column “steering.communeCoverageRate”: expected a ratio: 0.7, 70% or 70 %, found “85” (write 85% for a percentage)");
    expect(createProfileValidator(rules).validate(rows[0]!.profile).ok).toBe(true);
  });

  it("Excel dates come back as ISO days", async () => {
    const w = new ExcelJS.Workbook();
    const s = w.addWorksheet("x");
    s.addRow(["id", "name", "group", "year", "report.submittedOn"]);
    s.addRow(["pv-1", "Tỉnh Một", "province", 2025, new Date(Date.UTC(2025, 10, 15))]);
    s.getCell("E2").numFmt = "dd/mm/yyyy";
    const path = join(tmp(), "dates.xlsx");
    writeFileSync(path, Buffer.from(await w.xlsx.writeBuffer()));
    const { rulesWithDate } = await import("./test-support.js");
    expect(await collect(path, { rules: rulesWithDate() })).toEqual([
      { row: 2, profile: { id: "pv-1", name: "Tỉnh Một", group: "province", year: 2025, facts: { "report.submittedOn": "2025-11-15" } } },
    ]);
  });
});

describe("broken XLSX files", () => {
  it("binary garbage renamed .xlsx: one issue naming the file", async () => {
    expect(await collect(fixture("garbage.xlsx"), { rules })).toEqual([
      { row: 1, issues: [expect.objectContaining({ code: "input.parse", path: ["row", 1], message: "garbage.xlsx: cannot read the workbook — it is not an XLSX file (save it from the spreadsheet program as “Excel Workbook (.xlsx)”)" })] },
    ]);
  });
  it("a CSV renamed .xlsx and a truncated workbook: one issue, no exception", async () => {
    const dir = tmp();
    writeFileSync(join(dir, "csv.xlsx"), readFileSync(fixture("provinces-excel.csv")));
    const full = (await writeTemplate(rules, "front", "xlsx")) as Uint8Array;
    writeFileSync(join(dir, "cut.xlsx"), full.subarray(0, Math.floor(full.length * 0.6)));
    expect((await collect(join(dir, "csv.xlsx"), { rules }))[0]!.issues![0]!.message).toContain("it is not an XLSX file");
    expect(await collect(join(dir, "cut.xlsx"), { rules })).toEqual([
      { row: 1, issues: [expect.objectContaining({ message: "cut.xlsx: cannot read the workbook — the file is truncated or damaged" })] },
    ]);
  });
  it("a zip that is not a workbook: one issue", async () => {
    const dir = tmp();
    const { default: JSZip } = await import("jszip");
    const zip = new JSZip();
    zip.file("hello.txt", "xin chào");
    writeFileSync(join(dir, "zip.xlsx"), await zip.generateAsync({ type: "nodebuffer" }));
    const rows = await collect(join(dir, "zip.xlsx"), { rules });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.issues![0]!.message).toBe("zip.xlsx: cannot read the workbook — it has no worksheet (is it really an Excel workbook?)");
  });
});
