import { describe, expect, it } from "vitest";
import { helpItems, helpText } from "../../src/cli/help.js";
import { program } from "../../src/cli/run.js";
import { capture } from "../support/cli.js";

/**
 * Issue 20, point 8: `--help` in the language of the run. Every command, argument and option has a
 * text in both help catalogs; `thidua --help` and `thidua score --help` in Vietnamese carry no
 * English word of commander's or of the old descriptions — only what a user types (option and
 * command names, format and group values) — and in English the same help in English.
 */
/** Tokens a Vietnamese help may show because the user types them. */
const TYPED = new Set(["thidua", "vi", "en", "text", "json", "csv", "md", "xlsx", "html", "docx", "ministry", "province", "front", "enterprise", "individual", "help", "rules", "demo", "score", "validate", "explain", "replay", "template", "verify", "check", "print", "YYYY", "MM", "DD", "JSON", "CSV", "XLSX", "Markdown", "Excel", "Word", "CPU", "ndjson"]);
/** English words never Vietnamese (commander's own text and the old English descriptions). */
const ENGLISH = new Set("usage options option commands command arguments argument display for default choices preset the and of file files dir directory input record profiles id write instead stdout rule set lang year date format group sep unit units or if with to is from".split(" "));

const offences = (out: string): string[] => {
  const words = out.replace(/--[\w-]+/g, " ").match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(words.filter((w) => !TYPED.has(w) && ENGLISH.has(w.toLowerCase())))];
};

describe("thidua --help in the language of the run", () => {
  it("every command, argument and option has a help text in both catalogs", () => {
    const missing = (["vi", "en"] as const).flatMap((lang) => helpItems(program(() => {}, lang)).filter(([path, item]) => helpText(lang, path, item) === undefined).map(([path, item]) => `${lang}: ${path} ${item}`));
    expect(missing).toEqual([]);
  });

  for (const args of [["--help"], ["score", "--help"], ["rules", "--help"], ["help", "replay"]]) {
    it(`thidua ${args.join(" ")}: Vietnamese by default, no English word`, async () => {
      const r = await capture(args);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/^Cách dùng: thidua/);
      expect(r.out).toContain("Tùy chọn:");
      expect(r.out).toContain("-h, --help");
      expect(r.out).toContain("hiển thị hướng dẫn sử dụng lệnh");
      expect(offences(r.out)).toEqual([]);
    });
  }

  it("thidua --help lists the commands under “Lệnh:” and the help command in Vietnamese", async () => {
    const r = await capture(["--help"]);
    expect(r.out).toContain("Lệnh:");
    expect(r.out).toMatch(/ score \[tùy-chọn\] <tệp-dữ-liệu> +chấm điểm, xếp hạng và đề xuất khen thưởng/);
    expect(r.out).toMatch(/ help \[lệnh\] +hiển thị hướng dẫn sử dụng của một lệnh/);
  });

  it("thidua score --help: arguments, placeholders and defaults in Vietnamese", async () => {
    const r = await capture(["score", "--help"]);
    expect(r.out).toContain("Tham số:");
    expect(r.out).toMatch(/--out <tệp> +ghi báo cáo ra tệp/);
    expect(r.out).toMatch(/\(mặc\s+định:\s+vn-2447-2025\)/);
  });

  for (const args of [["--help", "--lang", "en"], ["score", "--help", "--lang", "en"]]) {
    it(`thidua ${args.join(" ")}: English`, async () => {
      const r = await capture(args);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/^Usage: thidua/);
      expect(r.out).toContain("Options:");
      expect(r.out).toContain("display help for the command");
      expect(r.out).not.toMatch(/cách dùng|tùy chọn|hiển thị|mặc định/i);
    });
  }
});
