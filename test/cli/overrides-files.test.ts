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
    ws.getRow(2).values = ["ca-05", "", "Giấy khen (award.giay-khen)", "Thành tích đột xuất", "Hội đồng", new Date(Date.UTC(2025, 11, 20))];
    ws.getRow(3).values = ["cb-02", "", "", "Hồ sơ chưa đầy đủ", "Hội đồng xã", "20/12/2025"];
    await wb.xlsx.writeFile(sheet);
    const out = join(dir, "record-xlsx.json");
    const r = await capture(["score", cohort, "--as-of", "2025-12-31", "--format", "json", "--overrides", sheet, "--out", out]);
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(readFileSync(out, "utf8")).overrides).toEqual([
      { unitId: "ca-05", award: "award.giay-khen", reason: "Thành tích đột xuất", decidedBy: "Hội đồng", date: "2025-12-20" },
      { unitId: "cb-02", award: null, reason: "Hồ sơ chưa đầy đủ", decidedBy: "Hội đồng xã", date: "2025-12-20" },
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
