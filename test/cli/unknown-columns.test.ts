import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkRecordSeal, parseDecisionRecord, type DecisionRecord } from "thidua";
import { capture } from "../support/cli.js";

/** Issue 20, point 1: a column that names no fact is never dropped silently. */
const dir = mkdtempSync(join(tmpdir(), "thidua-unknown-columns-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// the secretary's sheet: `Số mô hình` instead of `models.effectiveCount`, and a notes column
const RENAMED = [
  "mã;tên;nhóm;cụm;năm;plan.issued;plan.targetsMetRate;Số mô hình;unit.disciplinePending;Ghi chú",
  "pv-a;Tỉnh A;province;cum-1;2025;có;85,5%;857;không;đã gửi bản giấy",
  "pv-b;Tỉnh B;province;cum-1;2025;có;70%;12;không;",
].join("\r\n");
const file = join(dir, "renamed.csv");
writeFileSync(file, RENAMED);

describe("a column naming no fact", () => {
  it("is an error: exit 1, no report, the column named with the closest facts, in Vietnamese", async () => {
    for (const format of ["text", "json", "csv", "md"]) {
      const r = await capture(["score", file, "--format", format]);
      expect(r.code).toBe(1);
      expect(r.out).toBe("");
      expect(r.err).toContain("lỗi: renamed.csv: cột «Số mô hình» không ứng với dữ kiện nào của bộ tiêu chí; dữ kiện gần nhất: models.effectiveCount");
      expect(r.err).toContain("Không lập báo cáo");
      expect(r.err).not.toContain("Ghi chú"); // the notes column is known: kept, never read
    }
    const out = join(dir, "never.xlsx");
    const x = await capture(["score", file, "--format", "xlsx", "--out", out]);
    expect(x.code).toBe(1);
    expect(() => readFileSync(out)).toThrow();
  });

  it("in English with --lang en; validate lists it on the header row and exits 1", async () => {
    const en = await capture(["score", file, "--lang", "en"]);
    expect(en.err).toContain("error: renamed.csv: column “Số mô hình” names no fact of the rule set; closest facts: models.effectiveCount");
    const x = await capture(["explain", file, "--unit", "pv-a"]);
    expect([x.code, x.out]).toEqual([1, ""]);
    expect(x.err).toContain("Không lập báo cáo");
    const v = await capture(["validate", file]);
    expect(v.code).toBe(1);
    expect(v.out).toMatch(/^dòng 1: renamed\.csv: cột «Số mô hình» không ứng với dữ kiện nào/m);
  });

  it("with --ignore-unknown-columns: listed in every report and in the sealed record; replay still holds", async () => {
    const line = "Cột không dùng để chấm điểm, bỏ qua theo yêu cầu: «Số mô hình»";
    for (const format of ["text", "md", "csv"]) {
      const r = await capture(["score", file, "--format", format, "--ignore-unknown-columns"]);
      expect(r.code, r.err).toBe(0);
      expect(r.out).toContain(line);
      expect(r.err).toContain("lưu ý: renamed.csv: cột «Số mô hình» không ứng với dữ kiện nào");
    }
    const recordFile = join(dir, "record.json");
    expect((await capture(["score", file, "--format", "json", "--ignore-unknown-columns", "--out", recordFile])).code).toBe(0);
    const parsed = parseDecisionRecord(readFileSync(recordFile));
    if (!parsed.ok || parsed.value.version !== 2) throw new Error("record not readable");
    const record = parsed.value.record as DecisionRecord;
    expect(record.ignoredColumns).toEqual(["Số mô hình"]);
    expect(Object.keys(record.seal.parts)).toContain("ignoredColumns");
    expect(checkRecordSeal({ ...record, ignoredColumns: [] }).edited.map((e) => e.part)).toEqual(["ignoredColumns"]);
    const replay = await capture(["replay", recordFile, "--profiles", file]);
    expect(replay.code, replay.out + replay.err).toBe(0);
  });

  it("a record made without ignored columns has no such field (older records replay unchanged)", async () => {
    const plain = join(dir, "plain.csv");
    writeFileSync(plain, RENAMED.replace("Số mô hình", "models.effectiveCount"));
    const recordFile = join(dir, "plain.json");
    expect((await capture(["score", plain, "--format", "json", "--ignore-unknown-columns", "--out", recordFile])).code).toBe(0);
    expect(JSON.parse(readFileSync(recordFile, "utf8"))).not.toHaveProperty("ignoredColumns");
    expect((await capture(["replay", recordFile, "--profiles", plain])).code).toBe(0);
  });
});

describe("history entries written as award titles", () => {
  const hist = join(dir, "history.csv");
  writeFileSync(
    hist,
    [
      "mã;tên;nhóm;cụm;năm;lịch sử;plan.issued",
      "pv-a;Tỉnh A;province;cum-1;2025;2024: cờ  thi đua của Bộ, ban, ngành, tỉnh | Bằng khen của Thủ tướng Chính phủ;có",
      "pv-b;Tỉnh B;province;cum-1;2025;2024:Cờ thi đua tỉnh;có",
    ].join("\n"),
  );

  it("resolve as column labels do (case, spaces); an unknown title rejects the row with the Vietnamese reason naming it", async () => {
    const r = await capture(["validate", hist]);
    expect(r.out).toContain("1 hợp lệ, 1 bị loại");
    expect(r.out).toContain("dòng 3 (pv-b): Cột «lịch sử»: bộ tiêu chí không có danh hiệu «Cờ thi đua tỉnh» — ghi đúng tên hoặc mã danh hiệu");
    const json = await capture(["score", hist, "--format", "json", "--as-of", "2025-12-31"]);
    const rec = JSON.parse(json.out);
    expect(rec.rejected.map((x: { row: number }) => x.row)).toEqual([3]);
    expect(rec.results.map((x: { unitId: string }) => x.unitId)).toEqual(["pv-a"]);
  });
});
