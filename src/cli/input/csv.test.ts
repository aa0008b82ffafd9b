import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createProfileValidator } from "../../profiles/index.js";
import { buildColumnIndex } from "./columns.js";
import { sniffDelimiter } from "./csv.js";
import { collect, fixture, nationalRules, rulesWithDate } from "./test-support.js";

const HA_GIANG = {
  id: "pv-ha-giang",
  name: "Tỉnh Hà Giang",
  group: "province",
  cohort: "cum-mien-nui",
  year: 2025,
  facts: {
    "plan.issued": true,
    "plan.targetsMetRate": 0.855,
    "models.effectiveCount": 857,
    "selfManagement.groups": { count: 2028, members: 11300 },
    "communes.safeStandardRate": 0.9,
    "unit.taskRating": "xuat-sac",
    "report.submittedOn": "2025-11-15",
    "unit.disciplinePending": false,
  },
  history: [
    { year: 2024, awards: ["award.co-thi-dua-tinh"] },
    { year: 2023, awards: ["award.bang-khen-thu-tuong-tap-the", "award.co-thi-dua-chinh-phu"] },
  ],
};
const KHANH_HOA = {
  id: "pv-khanh-hoa",
  name: "Tỉnh Khánh Hòa",
  group: "province",
  cohort: "cum-duyen-hai",
  year: 2025,
  facts: { "plan.issued": false, "plan.targetsMetRate": 0.7, "models.effectiveCount": 120, "communes.safeStandardRate": 1, "unit.taskRating": "tot", "report.submittedOn": "2025-11-30", "unit.disciplinePending": false },
};
const LAO_CAI = { id: "pv-lao-cai", name: "Tỉnh Lào Cai; Yên Bái", group: "province", year: 2025, facts: { "plan.issued": false, "selfManagement.groups": { count: 5 }, "unit.disciplinePending": false } };

describe("CSV saved by a spreadsheet program (BOM, ;, CRLF, comma decimals, NFD, có/không, dd/mm/yyyy)", async () => {
  const rows = await collect(fixture("provinces-excel.csv"), { rules: rulesWithDate() });

  it("yields the profiles and the rejected row, in order; the empty row 5 yields nothing; the notes column “ghi chú” is known (never read, no note)", () => {
    expect(rows.map((r) => r.row)).toEqual([2, 3, 4, 6]);
    expect(rows[0]!.profile).toEqual(HA_GIANG);
    expect(rows[1]!.profile).toEqual(KHANH_HOA);
    expect(rows[3]!.profile).toEqual(LAO_CAI);
  });

  it("rejects a row with bad cells, one issue per cell, naming file, row, column and what was expected", () => {
    const bad = rows[2]!;
    expect(bad.profile).toBeUndefined();
    expect(bad.issues!.map((i) => [i.code, i.path])).toEqual([
      ["input.parse", ["row", 4, "plan.issued"]],
      ["input.parse", ["row", 4, "plan.targetsMetRate"]],
      ["input.parse", ["row", 4, "models.effectiveCount"]],
      ["input.parse", ["row", 4, "report.submittedOn"]],
    ]);
    expect(bad.issues![0]!.message).toBe("provinces-excel.csv, row 4, column “plan.issued”: expected a yes/no value: Có/Không, true/false or 1/0, found “có lẽ”");
    expect(bad.issues![1]!.message).toContain("found “1.234” (“.” is not the decimal separator here (“,”) and thousands separators are ambiguous");
    expect(bad.issues![2]!.message).toBe("provinces-excel.csv, row 4, column “models.effectiveCount”: expected a whole number, found “12,5”");
    expect(bad.issues![3]!.message).toContain("found “31/02/2025” (that day does not exist)");
  });

  it("outputs NFC text and profiles the engine's validator accepts", () => {
    expect(rows[1]!.profile).toMatchObject({ name: "Tỉnh Khánh Hòa".normalize("NFC") });
    expect(JSON.stringify(rows).normalize("NFC")).toBe(JSON.stringify(rows));
    const v = createProfileValidator(rulesWithDate());
    for (const r of rows.filter((r) => r.profile)) expect(v.validate(r.profile).ok).toBe(true);
  });
});

describe("the same data as a comma CSV (LF, no BOM, dot decimals, fact ids)", async () => {
  const rows = await collect(fixture("provinces-comma.csv"), { rules: rulesWithDate() });
  it("gives the same profiles", () => {
    expect(rows.map((r) => r.row)).toEqual([2, 3, 4, 6]);
    expect(rows.filter((r) => r.profile).map((r) => r.profile)).toEqual([HA_GIANG, KHANH_HOA, LAO_CAI]);
  });
  it("rejects a thousands separator instead of misreading it", () => {
    expect(rows[2]!.issues!.map((i) => i.path[2])).toEqual(["plan.issued", "plan.targetsMetRate", "models.effectiveCount", "report.submittedOn"]);
    expect(rows[2]!.issues![1]!.message).toContain("found “1,234” (“,” is not the decimal separator here (“.”)");
  });
  it("with the national rule set only, the date column is an unknown column: an error, or a warning when asked to ignore it", async () => {
    const plain = await collect(fixture("provinces-comma.csv"), { rules: nationalRules() });
    expect(plain[0]!.issues!.map((i) => [i.path[2], i.severity])).toEqual([["report.submittedOn", "error"]]);
    expect(plain[0]!.unknownColumns).toEqual(["report.submittedOn"]);
    const ignoring = await collect(fixture("provinces-comma.csv"), { rules: nationalRules(), ignoreUnknownColumns: true });
    expect(ignoring[0]!.issues!.map((i) => [i.path[2], i.severity])).toEqual([["report.submittedOn", "warning"]]);
  });
});

describe("broken CSV files", () => {
  it("a truncated last line is a rejected row, not a short profile", async () => {
    const rows = await collect(fixture("individuals-truncated.csv"), { rules: nationalRules() });
    expect(rows).toEqual([
      { row: 2, profile: { id: "ca-01", name: "Nguyễn Văn An", group: "individual", year: 2025, facts: { "person.taskRating": "xuat-sac", "person.yearsOfService": 5, "person.disciplined": false } } },
      // what is readable of the rejected row (its id and name) is kept for the report
      { row: 3, identity: { id: "ca-02", name: "Trần Thị Bì" }, issues: [expect.objectContaining({ code: "input.parse", path: ["row", 3], message: "individuals-truncated.csv, row 3: the row has 2 cells but the header has 7 (a truncated line?)" })] },
    ]);
  });
  it("an unclosed quote stops reading with one issue naming the line", async () => {
    const rows = await collect(fixture("individuals-open-quote.csv"), { rules: nationalRules() });
    expect(rows.map((r) => r.row)).toEqual([2, 3]);
    expect(rows[1]!.issues![0]!.message).toBe("individuals-open-quote.csv, row 3 (line 3): cannot read the CSV — a quoted field is never closed (is the file truncated?); the rest of the file is not read");
  });
  it("an unquoted thousands separator shifts the cells: the row is rejected", async () => {
    const dir = mkdtempSync(join(tmpdir(), "thidua-csv-"));
    const path = join(dir, "x.csv");
    writeFileSync(path, "id,name,group,year,person.yearsOfService\nca-01,An,individual,2025,1,234\n");
    const rows = await collect(path, { rules: nationalRules() });
    expect(rows[0]!.issues![0]!.message).toBe("x.csv, row 2: the row has 6 cells but the header has 5 (an unquoted delimiter or thousands separator?)");
  });
  it("reports missing required columns and typos with a suggestion", async () => {
    const dir = mkdtempSync(join(tmpdir(), "thidua-csv-"));
    const path = join(dir, "y.csv");
    writeFileSync(path, "mã;person.yearOfService\nca-01;3\n");
    const rows = await collect(path, { rules: nationalRules(), defaultYear: 2025 });
    expect(rows[0]!.issues!.map((i) => i.message)).toEqual([
      "y.csv, row 1 (header), column “person.yearOfService”: unknown column — not a fact id or label of rule set vn-2447-2025; closest facts: person.yearsOfService",
      "y.csv, row 1 (header): missing column “name” or “tên”",
      "y.csv, row 1 (header): missing column “group” or “nhóm”",
    ]);
    expect(rows[1]).toEqual({ row: 2, profile: { id: "ca-01", year: 2025, facts: {} } });
  });
});

describe("encodings", () => {
  it("a legacy 8-bit file is reported, not read as garbled names", async () => {
    const dir = mkdtempSync(join(tmpdir(), "thidua-csv-"));
    const path = join(dir, "latin.csv");
    writeFileSync(path, Buffer.concat([Buffer.from("id;name;group;year\r\nca-01;"), Buffer.from([0x54, 0xea, 0x6e]), Buffer.from(";individual;2025\r\n")]));
    const rows = await collect(path, { rules: nationalRules() });
    expect(rows[0]!.issues![0]!.message).toBe("latin.csv, row 2, column “name”: expected UTF-8 text, found “T\uFFFDn” (the file is not UTF-8 — save it as “CSV UTF-8”)");
  });
  it("a UTF-16 file is reported once", async () => {
    const dir = mkdtempSync(join(tmpdir(), "thidua-csv-"));
    const path = join(dir, "u16.csv");
    writeFileSync(path, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("id\tname\r\n", "utf16le")]));
    expect(await collect(path, { rules: nationalRules() })).toEqual([
      { row: 1, issues: [expect.objectContaining({ message: "u16.csv: the file is UTF-16 text — save it as “CSV UTF-8 (comma delimited)”" })] },
    ]);
  });
});

describe("delimiter sniffing", () => {
  const index = buildColumnIndex(nationalRules());
  it("prefers the delimiter that yields known columns, even when labels contain commas", () => {
    expect(sniffDelimiter("mã;tên;Tổ, nhóm tự quản về an ninh, trật tự trên địa bàn › Số tổ, nhóm tự quản đang hoạt động", index)).toBe(";");
    expect(sniffDelimiter('id,name,"a;b",year', index)).toBe(",");
    expect(sniffDelimiter("id;name;year", index)).toBe(";");
  });
});
