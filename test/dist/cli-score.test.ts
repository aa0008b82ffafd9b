import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

/** End to end: the built CLI as a child process on real files in fixtures/. */
const root = new URL("../../", import.meta.url).pathname;
const fx = (p: string) => join(root, "fixtures", p);
const cli = (args: string[]) => spawnSync(process.execPath, [join(root, "packages", "cli", "dist", "cli.js"), ...args], { cwd: root, encoding: "utf8" });
const made: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), "thidua-cli-"));
  made.push(d);
  return d;
};
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));
const cohort = fx("cohorts/individuals-2025.json");

describe("thidua score", () => {
  it("scores a JSON file: exit 0, ranked text per cohort in Vietnamese", () => {
    const r = cli(["score", cohort, "--as-of", "2025-12-31"]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain("ca-01");
    expect(r.stdout).toContain("Bằng khen");
    expect(r.stderr).toBe("");
  });

  it("writes a JSON decision record atomically with rule set, input hash, engine and options", () => {
    const out = join(tmp(), "record.json");
    const r = cli(["score", cohort, "--as-of", "2025-12-31", "--format", "json", "--out", out]);
    expect(r.status, r.stderr).toBe(0);
    const rec = JSON.parse(readFileSync(out, "utf8"));
    expect(rec.format).toBe("thidua.decision-record");
    expect(rec.ruleset.id).toBe("vn-2447-2025");
    expect(rec.ruleset.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(rec.input.count).toBe(14);
    expect(rec.engine.name).toBe("thidua");
    expect(rec.asOf).toBe("2025-12-31");
    expect(rec.results.length).toBe(14);
    // same input, same bytes
    const out2 = join(tmp(), "record.json");
    cli(["score", cohort, "--as-of", "2025-12-31", "--format", "json", "--out", out2]);
    expect(readFileSync(out2, "utf8")).toBe(readFileSync(out, "utf8"));
  });

  it("reads a CSV saved by a spreadsheet program (BOM, semicolons, CRLF, comma decimals) and exits 1 listing the rejected row", () => {
    // its report.submittedOn column names no fact of the national set: no report unless asked to ignore it
    const refused = cli(["score", fx("inputs/provinces-excel.csv"), "--format", "csv"]);
    expect(refused.status).toBe(1);
    expect(refused.stdout).toBe("");
    expect(refused.stderr).toContain("lỗi: provinces-excel.csv: cột «report.submittedOn» không ứng với dữ kiện nào của bộ tiêu chí");
    const r = cli(["score", fx("inputs/provinces-excel.csv"), "--format", "csv", "--lang", "vi", "--ignore-unknown-columns"]);
    expect(r.status).toBe(1);
    expect(r.stdout.startsWith("\uFEFF")).toBe(true);
    expect(r.stdout).toContain("pv-ha-giang");
    expect(r.stdout).toMatch(/bị loại|rejected/);
    expect(r.stdout).toContain("Cột không dùng để chấm điểm, bỏ qua theo yêu cầu: «report.submittedOn»");
    expect(r.stderr).not.toContain("ghi chú"); // the notes column is known: no note
  });

  it("shows a committee override beside the computed award in every format", () => {
    const dir = tmp();
    for (const [format, file] of [["md", "r.md"], ["csv", "r.csv"], ["json", "r.json"], ["xlsx", "r.xlsx"]] as const) {
      const r = cli(["score", cohort, "--as-of", "2025-12-31", "--overrides", fx("overrides/individuals-2025.json"), "--format", format, "--out", join(dir, file)]);
      expect(r.status, `${format}: ${r.stderr}`).toBe(0);
      expect(existsSync(join(dir, file))).toBe(true);
    }
    const md = readFileSync(join(dir, "r.md"), "utf8");
    expect(md).toContain("Hội đồng xét thêm thành tích đột xuất");
    const csv = readFileSync(join(dir, "r.csv"), "utf8");
    expect(csv).toContain("Hội đồng xét thêm thành tích đột xuất");
    const rec = JSON.parse(readFileSync(join(dir, "r.json"), "utf8"));
    const ca02 = rec.results.find((r: { unitId: string }) => r.unitId === "ca-02");
    expect(ca02.award.id).toBe("award.bang-khen-tinh"); // computed stays (no grassroots quota in the national set: CSTĐ cơ sở this year + 2024)
    expect(ca02.final).toMatchObject({ overridden: true, award: { id: "award.chien-si-thi-dua-co-so" } });
    expect(readFileSync(join(dir, "r.xlsx")).subarray(0, 2).toString()).toBe("PK");
    const again = join(dir, "r2.xlsx");
    cli(["score", cohort, "--as-of", "2025-12-31", "--overrides", fx("overrides/individuals-2025.json"), "--format", "xlsx", "--out", again]);
    expect(readFileSync(again).equals(readFileSync(join(dir, "r.xlsx")))).toBe(true); // same record, same bytes
  });

  it("refuses an override that matches no unit: exit 1 naming it, and no report", () => {
    const dir = tmp();
    const f = join(dir, "overrides.json");
    writeFileSync(f, JSON.stringify([{ unitId: "khong-co", award: null, reason: "Thử", decidedBy: "Hội đồng", date: "2025-12-20" }]));
    const r = cli(["score", cohort, "--as-of", "2025-12-31", "--overrides", f, "--format", "json"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("khong-co không có trong các đơn vị được chấm điểm");
    expect(r.stdout).toBe("");
  });

  it("the XLSX report has a summary, a sheet per cohort with computed and final awards, the checklists and the record's identity", async () => {
    const out = join(tmp(), "r.xlsx");
    expect(cli(["score", cohort, "--as-of", "2025-12-31", "--overrides", fx("overrides/individuals-2025.json"), "--format", "xlsx", "--out", out]).status).toBe(0);
    const { default: ExcelJS } = await import("exceljs");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    // no rejected row here: no sheet of rejected rows
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Tổng hợp", "cum-cong-an-xa-1 2025", "cum-khu-dan-cu-2 2025", "Hồ sơ cần bổ sung", "Danh sách đề nghị", "Thông tin kết quả"]);
    const rows = wb.worksheets[1]!.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1));
    const ca02 = rows.find((r) => r[1] === "ca-02")!;
    expect(ca02[6]).toContain("Bằng khen"); // computed
    expect(ca02[7]).toBe("Chiến sĩ thi đua cơ sở"); // final, by the committee
    expect(String(ca02[8])).toContain("Hội đồng xét thêm");
  });

  it("exits 2 with a message and no stack trace on usage errors", () => {
    const r = cli(["score", cohort, "--format", "pdf"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("--format");
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(cli(["score", fx("inputs/garbage.txt")]).status).toBe(2);
  });
});

describe("thidua validate / explain / template", () => {
  it("validate prints each problem with its row and exits 1", () => {
    const r = cli(["validate", fx("inputs/individuals.ndjson")]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/dòng \d+/);
    expect(r.stdout).toMatch(/\d+ dòng: \d+ hợp lệ, [1-9]\d* bị loại/);
    const en = cli(["validate", fx("inputs/individuals.ndjson"), "--lang", "en"]);
    expect(en.stdout).toMatch(/\d+ rows: \d+ valid, [1-9]\d* rejected/);
  });

  it("explain prints a unit found in several cohorts in cohort order, also when one waits for a run-wide quota", () => {
    const provinces = JSON.parse(readFileSync(fx("profiles/province.json"), "utf8"));
    const strong = provinces.find((p: { id: string }) => p.id === "pv-quang-ninh"); // a Government-flag candidate: decided last
    const weak = provinces.find((p: { id: string }) => p.id === "pv-bac-ninh");
    const f = join(tmp(), "twice.ndjson");
    writeFileSync(f, [{ ...strong, id: "X", cohort: "a" }, { ...weak, id: "X", cohort: "b" }].map((p) => JSON.stringify(p)).join("\n"));
    const r = cli(["explain", f, "--unit", "X", "--lang", "en", "--as-of", "2025-12-31"]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.indexOf("cluster or block a")).toBeGreaterThan(-1);
    expect(r.stdout.indexOf("cluster or block a")).toBeLessThan(r.stdout.indexOf("cluster or block b"));
  });

  it("an empty overrides file adds no final-decision column (as renderText of the record)", () => {
    const f = join(tmp(), "none.json");
    writeFileSync(f, "[]");
    const r = cli(["score", cohort, "--as-of", "2025-12-31", "--lang", "en", "--overrides", f]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).not.toContain("Final decision");
    expect(r.stdout).toBe(cli(["score", cohort, "--as-of", "2025-12-31", "--lang", "en"]).stdout);
  });

  it("explain prints one unit's explanation in Vietnamese and English", () => {
    const vi = cli(["explain", cohort, "--unit", "ca-01", "--as-of", "2025-12-31"]);
    expect(vi.status, vi.stderr).toBe(0);
    expect(vi.stdout).toContain("ca-01");
    expect(vi.stdout.normalize("NFC")).toBe(vi.stdout);
    const en = cli(["explain", cohort, "--unit", "ca-01", "--as-of", "2025-12-31", "--lang", "en"]);
    expect(en.status).toBe(0);
    expect(en.stdout).not.toBe(vi.stdout);
    expect(cli(["explain", cohort, "--unit", "nobody"]).status).toBe(2);
  });

  it("template writes an empty sheet for a group", () => {
    const r = cli(["template", "--group", "province", "--format", "csv"]);
    expect(r.status).toBe(0);
    expect(r.stdout.startsWith("\uFEFF")).toBe(true);
    expect(r.stdout).toContain("models.effectiveCount");
  });
});

describe("thidua replay", () => {
  it("re-runs a recorded decision and reports it identical", () => {
    const out = join(tmp(), "record.json");
    expect(cli(["score", cohort, "--as-of", "2025-12-31", "--format", "json", "--out", out]).status).toBe(0);
    const r = cli(["replay", out, "--profiles", cohort, "--lang", "en"]);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain("IDENTICAL");
  });

  it("refuses when one byte of a rule file changed", () => {
    const dir = tmp();
    cpSync(join(root, "rules"), join(dir, "rules"), { recursive: true });
    const out = join(dir, "record.json");
    expect(cli(["score", cohort, "--rules", join(dir, "rules", "vn-2447-2025"), "--as-of", "2025-12-31", "--format", "json", "--out", out]).status).toBe(0);
    const f = join(dir, "rules", "vn-2447-2025", "classes.json");
    writeFileSync(f, readFileSync(f, "utf8").replace('"minPercent": 90', '"minPercent": 91'));
    const r = cli(["replay", out, "--profiles", cohort, "--rules", join(dir, "rules", "vn-2447-2025"), "--lang", "en"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("REFUSED");
  });

  it("reports a different outcome when the input changed", () => {
    const dir = tmp();
    const out = join(dir, "record.json");
    expect(cli(["score", cohort, "--as-of", "2025-12-31", "--format", "json", "--out", out]).status).toBe(0);
    const changed = JSON.parse(readFileSync(cohort, "utf8"));
    changed[0].facts["person.movementActivities"] = 2;
    const input = join(dir, "changed.json");
    writeFileSync(input, JSON.stringify(changed));
    const r = cli(["replay", out, "--profiles", input, "--lang", "en"]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("DIFFERS");
    expect(r.stdout).toContain("ca-01");
  });
});
