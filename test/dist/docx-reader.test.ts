/**
 * The Word proposal lists of the built CLI, opened by two document readers — pandoc, and LibreOffice's
 * headless Writer, which lays a document out as a word processor does (Debian's packages, installed by
 * .ci/run) — each converting the .docx to HTML: its tables must read as the lists the council signs —
 * one table per award, a header row (STT … Căn cứ) and one row per unit, a unit the council gave two
 * awards listed under both.
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

/** The Word report of the fixtures with a council's decision of two awards for ca-05, written by the built CLI. */
function writeDocx(): string {
  const overrides = join(dir, "quyet-dinh.json");
  writeFileSync(overrides, JSON.stringify([{ unitId: "ca-05", award: ["Chiến sĩ thi đua cơ sở", "Kỷ niệm chương “Bảo vệ an ninh Tổ quốc”"], reason: "Thành tích đột xuất", decidedBy: "Hội đồng", date: "20/12/2025" }]));
  const docx = join(dir, "danh-sach.docx");
  execFileSync(process.execPath, [cli, "score", join(root, "fixtures/cohorts/individuals-2025.json"), "--as-of", "2025-12-31", "--format", "docx", "--overrides", overrides, "--out", docx], { stdio: "pipe" });
  return docx;
}

describe("the docx report opened by LibreOffice (headless Writer)", () => {
  it("its tables: the lists, a header row and a row per unit; ca-05 under both of its awards", () => {
    expect(existsSync("/usr/bin/soffice"), "install Debian's libreoffice-writer-nogui (.ci/run does)").toBe(true);
    const docx = writeDocx();
    const out = join(dir, "lo");
    execFileSync("soffice", ["--headless", "--norestore", "--convert-to", "html", "--outdir", out, docx], { stdio: "pipe", env: { ...process.env, HOME: out } });
    const html = readFileSync(join(out, "danh-sach.html"), "utf8");
    const cell = (s: string) => decode(s).replace(/\s+/g, " ");
    const rows = [...html.matchAll(/<table.*?<\/table>/gs)].map(([t]) => [...t.matchAll(/<tr.*?<\/tr>/gs)].map(([tr]) => [...tr.matchAll(/<td.*?<\/td>/gs)].map(([td]) => cell(td))));
    const lists = rows.filter((t) => t[0]?.[0] === "STT");
    expect(lists.length).toBeGreaterThan(1);
    for (const t of lists) {
      expect(t[0]).toEqual(["STT", "Tên đơn vị, cá nhân", "Thành tích tóm tắt", "Điểm", "Hình thức đề nghị", "Căn cứ"]);
      expect(t.length).toBeGreaterThan(1);
      t.slice(1).forEach((r, i) => expect(r[0]).toBe(String(i + 1)));
    }
    expect(lists.filter((t) => t.some((r) => r[1]!.endsWith("(ca-05)"))).map((t) => t[1]![4])).toEqual(["Chiến sĩ thi đua cơ sở", "Kỷ niệm chương “Bảo vệ an ninh Tổ quốc”"]);
  });
});

describe("the docx report opened by a reader (pandoc)", () => {
  it("one table per award, a header row and a row per unit; two awards of one decision: the unit under both", () => {
    expect(existsSync("/usr/bin/pandoc"), "install Debian's pandoc: apt-get install -y pandoc (.ci/run does)").toBe(true);
    const docx = writeDocx();
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
