import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { issueText } from "../../report/index.js";
import { csvAssessmentsTemplate, writeTemplate } from "./template.js";
import { collect, nationalRules } from "./test-support.js";

/**
 * Issue 21 point 5: assessments (self, reviewers, council; who, when, why) from CSV and XLSX inputs,
 * in the long layout a committee secretary fills: one change a row.
 */
const rules = nationalRules();
const tmp = () => mkdtempSync(join(tmpdir(), "thidua-assess-"));
const DATA = ["id;name;group;cohort;year;person.movementActivities;person.taskRating", "ca-01;Nguyễn Văn An;individual;cum-1;2025;12;xuat-sac", "ca-02;Trần Thị Bình;individual;cum-1;2025;7;tot"];
const HEAD = "Mã đơn vị;Vai trò;Người đánh giá;Ngày;Dữ kiện;Giá trị mới;Lý do";
const files = (assessments: string[]) => {
  const dir = tmp();
  writeFileSync(join(dir, "ca.csv"), DATA.join("\r\n"));
  writeFileSync(join(dir, "danh-gia.csv"), [HEAD, ...assessments].join("\r\n"));
  return { data: join(dir, "ca.csv"), assessments: join(dir, "danh-gia.csv") };
};
const AN_ASSESSMENTS = [
  { role: "self", by: "Nguyễn Văn An", date: "2025-12-01", facts: { "person.movementActivities": 12, "person.taskRating": "xuat-sac" } },
  { role: "reviewer", by: "Thượng úy Lê Văn Cường", date: "2025-12-10", changes: [{ fact: "person.movementActivities", value: 10, reason: "Hai lượt không có biên bản" }] },
  { role: "council", by: "Hội đồng Thi đua – Khen thưởng", date: "2025-12-20", changes: [{ fact: "person.movementActivities", value: 11, reason: "Bổ sung biên bản một lượt" }] },
];

describe("assessments from a CSV file given with --assessments", () => {
  it("turns the rows of a unit into its assessments (self from the data row, then each change in date order); a unit without rows keeps its facts", async () => {
    const f = files([
      "ca-01;Hội đồng;Hội đồng Thi đua – Khen thưởng;20/12/2025;Số lượt tham gia hoạt động của phong trào trong năm (tuần tra, họp tổ tự quản, ngày hội, tuyên truyền…);11;Bổ sung biên bản một lượt",
      "ca-01;Tự đánh giá;Nguyễn Văn An;01/12/2025;;;",
      "ca-01;Thẩm định;Thượng úy Lê Văn Cường;10/12/2025;person.movementActivities;10;Hai lượt không có biên bản",
    ]);
    const rows = await collect(f.data, { rules, assessments: f.assessments });
    expect(rows).toEqual([
      { row: 2, profile: { id: "ca-01", name: "Nguyễn Văn An", group: "individual", cohort: "cum-1", year: 2025, assessments: AN_ASSESSMENTS } },
      { row: 3, profile: { id: "ca-02", name: "Trần Thị Bình", group: "individual", cohort: "cum-1", year: 2025, facts: { "person.movementActivities": 7, "person.taskRating": "tot" } } },
    ]);
  });

  it("rejects a change without a reason, naming the file, its row and column, in Vietnamese", async () => {
    const f = files(["ca-01;Tự đánh giá;Nguyễn Văn An;01/12/2025;;;", "ca-01;Thẩm định;Thượng úy Lê Văn Cường;10/12/2025;person.movementActivities;10;"]);
    const rows = await collect(f.data, { rules, assessments: f.assessments });
    expect(rows[0]!.profile).toBeUndefined();
    expect(rows[0]!.identity).toEqual({ id: "ca-01", name: "Nguyễn Văn An", group: "individual", cohort: "cum-1", year: 2025 });
    expect(rows[0]!.issues!.map((i) => issueText(i, "vi"))).toEqual([
      "danh-gia.csv, dòng 3, cột «Lý do»: thay đổi «Số lượt tham gia hoạt động của phong trào trong năm (tuần tra, họp tổ tự quản, ngày hội, tuyên truyền…)» chưa ghi lý do — ghi rõ lý do sửa số liệu",
    ]);
    expect(rows[1]!.profile).toBeDefined();
  });

  it("names every other bad row: role, date, fact, value, a missing self row, a self row with a value, a fact changed twice", async () => {
    const f = files([
      "ca-01;Tự đánh giá;Nguyễn Văn An;01/12/2025;person.movementActivities;12;",
      "ca-01;Phó ban;Lê Văn Cường;31/02/2025;person.movementActivities;mười;Sai",
      "ca-01;Thẩm định;Lê Văn Cường;10/12/2025;Số lượt;3;Sai",
      "ca-02;Thẩm định;Lê Văn Cường;10/12/2025;person.movementActivities;3;Sai",
      "ca-02;Thẩm định;Lê Văn Cường;10/12/2025;person.movementActivities;4;Sai",
    ]);
    const rows = await collect(f.data, { rules, assessments: f.assessments });
    const text = (n: number) => rows[n]!.issues!.map((i) => issueText(i, "vi"));
    expect(text(0)).toEqual([
      "danh-gia.csv, dòng 2, cột «Dữ kiện»: dòng tự đánh giá chỉ ghi người và ngày đơn vị tự chấm (ô này phải để trống, đang ghi «person.movementActivities»); số liệu tự chấm ghi ở bảng dữ liệu",
      "danh-gia.csv, dòng 2, cột «Giá trị mới»: dòng tự đánh giá chỉ ghi người và ngày đơn vị tự chấm (ô này phải để trống, đang ghi «12»); số liệu tự chấm ghi ở bảng dữ liệu",
      "danh-gia.csv, dòng 3, cột «Vai trò»: vai trò «Phó ban» không đọc được — ghi một trong: Tự đánh giá, Thẩm định, Hội đồng",
      "danh-gia.csv, dòng 3, cột «Ngày»: ngày «31/02/2025» không đọc được — ghi ngày dạng dd/mm/yyyy",
      "danh-gia.csv, dòng 3, cột «Giá trị mới»: giá trị «mười» không đọc được — cần một số nguyên",
      "danh-gia.csv, dòng 4, cột «Dữ kiện»: «Số lượt» không phải dữ kiện nào của bộ tiêu chí — ghi mã hoặc tên dữ kiện",
    ]);
    expect(text(1)).toEqual([
      "danh-gia.csv, dòng 5, cột «Vai trò»: đơn vị «ca-02» có thẩm định nhưng chưa có dòng «Tự đánh giá» ghi người và ngày đơn vị tự chấm",
      "danh-gia.csv, dòng 6, cột «Dữ kiện»: dữ kiện «Số lượt tham gia hoạt động của phong trào trong năm (tuần tra, họp tổ tự quản, ngày hội, tuyên truyền…)» bị sửa hai lần trong cùng một lần thẩm định (cùng người, cùng ngày)",
    ]);
    expect(rows[0]!.issues!.map((i) => issueText(i, "en"))[0]).toContain("danh-gia.csv, row 2, column “Dữ kiện”: a self-assessment row gives only who assessed and when");
  });

  it("a row for a unit the data does not have, and a column it does not know, are errors on the file (no report is made)", async () => {
    const dir = tmp();
    writeFileSync(join(dir, "ca.csv"), DATA.join("\n"));
    writeFileSync(join(dir, "dg.csv"), [`${HEAD};Cột lạ`, "ca-09;Hội đồng;Hội đồng;20/12/2025;person.movementActivities;3;Sai;"].join("\n"));
    const rows = await collect(join(dir, "ca.csv"), { rules, assessments: join(dir, "dg.csv") });
    expect(rows.map((r) => r.profile !== undefined)).toEqual([true, true, false]);
    const notes = rows[2]!;
    expect(notes.header).toBe(true);
    expect(notes.issues!.map((i) => [i.severity, issueText(i, "vi")])).toEqual([
      ["error", "dg.csv, dòng 1, cột «Cột lạ»: cột «Cột lạ» không phải cột của bảng đánh giá (các cột: «Mã đơn vị», «Vai trò», «Người đánh giá», «Ngày», «Dữ kiện», «Giá trị mới», «Lý do», có thể thêm cột «Ghi chú»)"],
      ["error", "dg.csv, dòng 2, cột «Mã đơn vị»: mã «ca-09» không có trong bảng dữ liệu chấm điểm — ghi đúng mã như ở bảng dữ liệu"],
    ]);
  });

  it("is refused with a JSON input, whose profiles carry their assessments themselves", async () => {
    const dir = tmp();
    writeFileSync(join(dir, "p.json"), "[]");
    await expect(collect(join(dir, "p.json"), { rules, assessments: join(dir, "p.json") })).rejects.toThrow(/JSON input/);
  });
});

describe("assessments from the sheet “Đánh giá” of an XLSX input", () => {
  it("the template has the sheet, with its headers and label row; filled in, it is read with the data sheet", async () => {
    const bytes = (await writeTemplate(rules, "individual", "xlsx")) as Uint8Array;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Dữ liệu", "Đánh giá", "Hướng dẫn", "Danh mục"]);
    const sheet = wb.getWorksheet("Đánh giá")!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(["Mã đơn vị", "Vai trò", "Người đánh giá", "Ngày", "Dữ kiện", "Giá trị mới", "Lý do"]);
    expect(String(sheet.getCell("A2").value).startsWith("#")).toBe(true);
    // fill it as a secretary would: the data row, then the sheet's rows (a real date cell, a label for the fact)
    const data = wb.getWorksheet("Dữ liệu")!;
    const keys = (data.getRow(1).values as unknown[]).slice(1) as string[];
    const row = data.getRow(3);
    const put = (k: string, v: unknown) => (row.getCell(keys.indexOf(k) + 1).value = v as ExcelJS.CellValue);
    put("id", "ca-01"), put("name", "Nguyễn Văn An"), put("group", "Cá nhân"), put("cohort", "cum-1"), put("year", 2025), put("person.movementActivities", 12), put("person.taskRating", "xuat-sac");
    sheet.getRow(3).values = ["ca-01", "Tự đánh giá", "Nguyễn Văn An", new Date(Date.UTC(2025, 11, 1)), null, null, null];
    sheet.getRow(4).values = ["ca-01", "Thẩm định", "Thượng úy Lê Văn Cường", "10/12/2025", "person.movementActivities", 10, "Hai lượt không có biên bản"];
    sheet.getRow(5).values = ["ca-01", "Hội đồng", "Hội đồng Thi đua – Khen thưởng", "20/12/2025", "Số lượt tham gia hoạt động của phong trào trong năm (tuần tra, họp tổ tự quản, ngày hội, tuyên truyền…)", 11, "Bổ sung biên bản một lượt"];
    sheet.getRow(6).values = ["ca-01", "Thẩm định", "Đại úy Phạm Văn Dũng", "21/12/2025", "person.taskRating", "Hoàn thành tốt nhiệm vụ", ""];
    const path = join(tmp(), "ca.xlsx");
    await wb.xlsx.writeFile(path);
    const rows = await collect(path, { rules });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.issues!.map((i) => issueText(i, "vi"))).toEqual([
      "ca.xlsx › Đánh giá, dòng 6, cột «Lý do»: thay đổi «Mức độ hoàn thành nhiệm vụ của cá nhân trong năm» chưa ghi lý do — ghi rõ lý do sửa số liệu",
    ]);
    sheet.getCell("G6").value = "Có một nhiệm vụ chưa hoàn thành đúng hạn";
    await wb.xlsx.writeFile(path);
    const again = await collect(path, { rules });
    expect(again).toEqual([
      {
        row: 3,
        profile: {
          id: "ca-01", name: "Nguyễn Văn An", group: "individual", cohort: "cum-1", year: 2025,
          assessments: [...AN_ASSESSMENTS, { role: "reviewer", by: "Đại úy Phạm Văn Dũng", date: "2025-12-21", changes: [{ fact: "person.taskRating", value: "tot", reason: "Có một nhiệm vụ chưa hoàn thành đúng hạn" }] }],
        },
      },
    ]);
  });

  it("a workbook without the sheet is read as before", async () => {
    const bytes = (await writeTemplate(rules, "individual", "xlsx")) as Uint8Array;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    wb.removeWorksheet(wb.getWorksheet("Đánh giá")!.id);
    const data = wb.getWorksheet("Dữ liệu")!;
    data.getRow(3).values = ["ca-01", "Nguyễn Văn An", "individual", "cum-1", 2025];
    const path = join(tmp(), "ca.xlsx");
    await wb.xlsx.writeFile(path);
    expect(await collect(path, { rules })).toEqual([{ row: 3, profile: { id: "ca-01", name: "Nguyễn Văn An", group: "individual", cohort: "cum-1", year: 2025, facts: {} } }]);
  });
});

describe("the assessments CSV template", () => {
  it("is UTF-8 with BOM, ; delimited, CRLF: the headers the reader matches, then a label row marked with #", () => {
    const csv = csvAssessmentsTemplate();
    const lines = csv.slice(1).split("\r\n");
    expect(csv.startsWith("\uFEFFMã đơn vị;Vai trò;Người đánh giá;Ngày;Dữ kiện;Giá trị mới;Lý do\r\n# ")).toBe(true);
    expect(lines[1]).toContain("Tự đánh giá / Thẩm định / Hội đồng");
  });
});
