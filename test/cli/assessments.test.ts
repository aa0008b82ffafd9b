import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { capture } from "../support/cli.js";

/**
 * Issue 21 point 5 on the command line: a CSV input scored with its assessments file (`--assessments`),
 * the file's SHA-256 in the decision record, and replay asking for the same file.
 */
const root = new URL("../../", import.meta.url).pathname;
const data = join(root, "fixtures/inputs/ca-nhan-tham-dinh.csv");
const sheet = join(root, "fixtures/inputs/ca-nhan-tham-dinh-danh-gia.csv");
const dir = mkdtempSync(join(tmpdir(), "thidua-cli-assess-"));
/** The fixture's sheet with the missing reason written in. */
const fixed = join(dir, "danh-gia.csv");
writeFileSync(fixed, readFileSync(sheet, "utf8").replace(/;1;\s*$/, ";1;Chỉ có biên bản của một hoạt động\n"));

describe("score --assessments", () => {
  it("scores the official facts, shows the self-assessed score beside them, and records the file's SHA-256", async () => {
    const record = join(dir, "bien-ban.json");
    const r = await capture(["score", data, "--assessments", fixed, "--as-of", "2025-12-31", "--format", "json", "--out", record]);
    expect(r.code).toBe(0);
    const rec = JSON.parse(readFileSync(record, "utf8"));
    expect(rec.rejected).toEqual([]);
    const sha = (await import("node:crypto")).createHash("sha256").update(readFileSync(fixed)).digest("hex");
    expect(rec.options.assessments).toBe(sha);
    const an = rec.results.find((x: { unitId: string }) => x.unitId === "ca-11");
    expect(an.scoreResult.assessment.changes.map((c: { by: string; from: unknown; to: unknown; official: boolean }) => [c.by, c.from, c.to, c.official])).toEqual([
      ["Thiếu tá Lê Văn Cường", 12, 10, false],
      ["Hội đồng Thi đua – Khen thưởng Công an xã", 10, 11, true],
    ]);
    expect(an.scoreResult.assessment.self.score).toBe("50");
    expect(an.scoreResult.assessment.officialScore.score).toBe("40");
    const md = await capture(["score", data, "--assessments", fixed, "--as-of", "2025-12-31", "--format", "md"]);
    expect(md.out).toContain(`Tệp đánh giá, thẩm định: mã băm SHA-256 ${sha}`);
    expect(md.out).toContain("lý do: Chỉ có biên bản của một hoạt động");
    // replay needs the same file, and says whether it matches
    const without = await capture(["replay", record, "--profiles", data]);
    expect(without.code).toBe(2);
    expect(without.err).toContain(`Bản ghi được lập kèm tệp đánh giá, thẩm định (mã băm SHA-256 ${sha}): hãy chỉ ra tệp đó bằng --assessments`);
    const again = await capture(["replay", record, "--profiles", data, "--assessments", fixed]);
    expect(again.code).toBe(0);
    expect(again.out).toContain(`Tệp đánh giá, thẩm định ${fixed}, mã băm SHA-256 ${sha}: khớp với bản ghi`);
    const other = await capture(["replay", record, "--profiles", data, "--assessments", sheet]);
    expect(other.code).toBe(1);
    expect(other.out).toContain("KHÁC tệp ghi trong bản ghi");
  });

  it("every report format shows the self-assessed score beside the official one and each change with its reason (vi; en with --lang en)", async () => {
    const run = (...more: string[]) => capture(["score", data, "--assessments", fixed, "--as-of", "2025-12-31", ...more]);
    const reviewer = "Thiếu tá Lê Văn Cường (thẩm định, 10/12/2025) sửa «Số lượt tham gia";
    const text = (await run()).out;
    expect(text).toMatch(/^ *# +Cá nhân +Điểm +Điểm tự đánh giá +Tỷ lệ/m);
    expect(text).toMatch(/ca-11 Đại úy Nguyễn Văn An +40 +50 /);
    expect(text).toContain(`     ↳ Thay đổi khi thẩm định: ${reviewer}`);
    expect(text).toContain("— lý do: Hai lượt tuần tra không có biên bản (không phải giá trị chính thức)");
    const csv = (await run("--format", "csv")).out.split("\r\n");
    expect(csv[0]).toMatch(/;Điểm tự đánh giá;Thay đổi khi thẩm định$/);
    expect(csv.find((l) => l.includes(";ca-11;"))).toMatch(/;50;"?Thiếu tá Lê Văn Cường \(thẩm định, 10\/12\/2025\) sửa «/);
    const en = (await run("--lang", "en")).out;
    expect(en).toMatch(/^ *# +Person +Points +Self-assessed score +Percent/m);
    expect(en).toContain("     ↳ Changes on review: Thiếu tá Lê Văn Cường (review, 10 December 2025) changed «");
    for (const format of ["html", "xlsx", "docx"]) {
      const out = join(dir, `bao-cao.${format}`);
      expect((await run("--format", format, "--out", out)).code).toBe(0);
    }
    const html = readFileSync(join(dir, "bao-cao.html"), "utf8");
    expect(html).toContain("<th>Điểm tự đánh giá</th>");
    expect(html).toContain(`<ul class="changes"><li>${reviewer}`);
  });

  it("a row naming a unit the data does not have: no report, the row named", async () => {
    const bad = join(dir, "la.csv");
    writeFileSync(bad, `${readFileSync(fixed, "utf8")}ca-99;Hội đồng;Hội đồng;20/12/2025;person.activitiesLed;2;Bổ sung\n`);
    const r = await capture(["score", data, "--assessments", bad, "--as-of", "2025-12-31"]);
    expect(r.code).toBe(1);
    expect(r.out).toBe("");
    expect(r.err).toContain("lỗi: la.csv, dòng 7, cột «Mã đơn vị»: mã «ca-99» không có trong bảng dữ liệu chấm điểm");
    expect(r.err).toContain("Không lập báo cáo: bảng đánh giá, thẩm định la.csv có lỗi");
  });

  it("is refused with a JSON input", async () => {
    const r = await capture(["score", join(root, "fixtures/inputs/individuals.json"), "--assessments", fixed]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("hồ sơ JSON ghi các lần đánh giá, thẩm định ngay trong từng hồ sơ");
  });
});

describe("template --assessments", () => {
  it("writes the assessments CSV template", async () => {
    const r = await capture(["template", "--assessments"]);
    expect(r.code).toBe(0);
    expect(r.out.startsWith("\uFEFFMã đơn vị;Vai trò;Người đánh giá;Ngày;Dữ kiện;Giá trị mới;Lý do\r\n#")).toBe(true);
  });
});
