/**
 * The Word proposal lists of the built CLI, opened by a document reader: pandoc (Debian's package,
 * installed by .ci/run; about 9 s) converts the .docx to HTML, and its tables must read as the lists
 * the council signs — one table per award, a header row (STT … Căn cứ) and one row per unit, a unit
 * the council gave two awards listed under both. LibreOffice is not used: see the report of issue 20.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const root = new URL("../../", import.meta.url).pathname;
const cli = join(root, "packages", "cli", "dist", "cli.js");
const dir = mkdtempSync(join(tmpdir(), "thidua-docx-reader-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const decode = (s: string) => s.replace(/<[^>]+>/g, "").replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').trim();

/** Each table of pandoc's HTML: its header cells and its body rows, as text. */
function tables(html: string): { head: string[]; rows: string[][] }[] {
  return [...html.matchAll(/<table>(.*?)<\/table>/gs)].map(([, t]) => ({
    head: [...(/<thead>(.*?)<\/thead>/s.exec(t!)?.[1] ?? "").matchAll(/<th[^>]*>(.*?)<\/th>/gs)].map((m) => decode(m[1]!)),
    rows: [...(/<tbody>(.*?)<\/tbody>/s.exec(t!)?.[1] ?? "").matchAll(/<tr[^>]*>(.*?)<\/tr>/gs)].map((r) => [...r[1]!.matchAll(/<td[^>]*>(.*?)<\/td>/gs)].map((m) => decode(m[1]!))),
  }));
}

describe("the docx report opened by a reader (pandoc)", () => {
  it("one table per award, a header row and a row per unit; two awards of one decision: the unit under both", () => {
    expect(existsSync("/usr/bin/pandoc"), "install Debian's pandoc: apt-get install -y pandoc (.ci/run does)").toBe(true);
    const overrides = join(dir, "quyet-dinh.json");
    writeFileSync(overrides, JSON.stringify([{ unitId: "ca-05", award: ["Chiến sĩ thi đua cơ sở", "Kỷ niệm chương “Bảo vệ an ninh Tổ quốc”"], reason: "Thành tích đột xuất", decidedBy: "Hội đồng", date: "20/12/2025" }]));
    const docx = join(dir, "danh-sach.docx");
    execFileSync(process.execPath, [cli, "score", join(root, "fixtures/cohorts/individuals-2025.json"), "--as-of", "2025-12-31", "--format", "docx", "--overrides", overrides, "--out", docx], { stdio: "pipe" });
    const html = execFileSync("pandoc", [docx, "-f", "docx", "-t", "html"], { encoding: "utf8" });
    expect(html).toContain("DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG");
    expect(html).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    const lists = tables(html).filter((t) => t.head[0] === "STT");
    expect(lists.length).toBeGreaterThan(1);
    for (const t of lists) {
      expect(t.head).toEqual(["STT", "Tên đơn vị, cá nhân", "Thành tích tóm tắt", "Điểm", "Hình thức đề nghị", "Căn cứ"]);
      expect(t.rows.length).toBeGreaterThan(0);
      t.rows.forEach((r, i) => {
        expect(r[0]).toBe(String(i + 1));
        expect(r[2]).toMatch(/^Xếp thứ \d+\/\d+ .*; đạt [\d,]+ điểm, xếp loại /);
        expect(r[4]).toBe(t.rows[0]![4]); // one award per list
      });
    }
    const under = lists.filter((t) => t.rows.some((r) => r[1]!.endsWith("(ca-05)"))).map((t) => t.rows[0]![4]);
    expect(under).toEqual(["Chiến sĩ thi đua cơ sở", "Kỷ niệm chương “Bảo vệ an ninh Tổ quốc”"]);
    expect(readFileSync(docx).subarray(0, 2).toString()).toBe("PK");
  });
});
