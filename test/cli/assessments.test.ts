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
