import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { capture } from "../support/cli.js";

/** Issue 20, points 8 and 9: what the command line says, in Vietnamese by default and in English with --lang en. */
const root = new URL("../../", import.meta.url).pathname;
const cohort = join(root, "fixtures/cohorts/individuals-2025.json");
const dir = mkdtempSync(join(tmpdir(), "thidua-messages-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("usage errors, worded by the catalogs (commander's English never shown)", () => {
  const cases: [string[], string, string][] = [
    [["score"], "thidua: Thiếu tệp dữ liệu cần đọc", "thidua: missing the input file"],
    [["score", cohort, "--foo"], "thidua: Không có tùy chọn --foo", "thidua: unknown option --foo"],
    [["scor"], "thidua: Không có lệnh scor", "thidua: unknown command scor"],
    [["score", cohort, "--rules"], "thidua: Tùy chọn --rules cần một giá trị đi kèm", "thidua: option --rules needs a value"],
    [["explain", cohort], "thidua: Thiếu tùy chọn bắt buộc --unit", "thidua: required option --unit not given"],
    [["score", cohort, "--format", "pdf"], "thidua: Giá trị “pdf” của tùy chọn --format không hợp lệ — cần text, json, csv, md, xlsx", "thidua: --format “pdf” is not accepted — expected text, json, csv, md, xlsx"],
    [["score", cohort, "--as-of", "31/12/2025"], "thidua: Giá trị “31/12/2025” của tùy chọn --as-of không hợp lệ", "thidua: --as-of “31/12/2025” is not accepted"],
    [["score", cohort, "--format", "xlsx"], "thidua: Tùy chọn --format xlsx cần kèm theo --out", "thidua: --format xlsx needs --out"],
    [["explain", cohort, "--unit", "khong-co"], "thidua: Không có đơn vị (cá nhân) mã khong-co trong", "thidua: no unit khong-co in"],
    [["score", cohort, "--rules", join(dir, "none")], "thidua: Không nạp được bộ tiêu chí", "thidua: cannot load rule set"],
  ];
  for (const [args, vi, en] of cases) {
    it(args.join(" ").replace(root, ""), async () => {
      const v = await capture(args);
      expect(v.code).toBe(2);
      expect(v.err).toContain(vi);
      expect(v.err).not.toMatch(/error:|must be|unknown option/);
      const e = await capture([args[0]!, "--lang", "en", ...args.slice(1)]);
      expect(e.code).toBe(2);
      expect(e.err).toContain(en);
    });
  }
});

describe("--version and the summary line", () => {
  it("--version prints the package's version and the bundled rule sets' ids and versions", async () => {
    const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
    const r = await capture(["--version"]);
    expect(r.code).toBe(0);
    const lines = r.out.trimEnd().split("\n");
    expect(lines[0]).toBe(`thidua phiên bản ${pkg.version}`);
    for (const id of ["vn-2447-2025", "khanh-hoa-2025"]) {
      const manifest = JSON.parse(readFileSync(join(root, "rules", id, "manifest.json"), "utf8"));
      expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^bộ tiêu chí ${id} phiên bản ${manifest.version.replace(/\./g, "\\.")}: `)));
    }
    expect((await capture(["--version", "--lang", "en"])).out).toMatch(/^thidua \d+\.\d+\.\d+\nrule set vn-2447-2025 version /);
  });

  it("after --out, one line on stderr: units scored, rows rejected, proposals, committee decisions, the path", async () => {
    const out = join(dir, "r.md");
    const r = await capture(["score", cohort, "--as-of", "2025-12-31", "--format", "md", "--out", out, "--overrides", join(root, "fixtures/overrides/individuals-2025.json")]);
    expect(r.code).toBe(0);
    const record = JSON.parse((await capture(["score", cohort, "--as-of", "2025-12-31", "--format", "json"])).out);
    const proposals = record.results.reduce((n: number, x: { award: unknown; alongside: unknown[] }) => n + (x.award ? 1 : 0) + x.alongside.length, 0);
    expect(r.err).toBe(`Đã chấm điểm ${record.results.length} đơn vị, 0 dòng bị loại; ${proposals} đề nghị khen thưởng theo bộ tiêu chí, 2 quyết định điều chỉnh của Hội đồng; báo cáo đã ghi vào ${out}\n`);
    const en = await capture(["score", cohort, "--as-of", "2025-12-31", "--format", "csv", "--out", join(dir, "r.csv"), "--lang", "en"]);
    expect(en.err).toBe(`${record.results.length} units scored, 0 rows rejected; ${proposals} awards proposed by the rule set; report written to ${join(dir, "r.csv")}\n`);
    // on stdout, nothing but the report
    expect((await capture(["score", cohort, "--as-of", "2025-12-31"])).err).toBe("");
  });
});

describe("report wording", () => {
  it("options in words, rows as “dòng”, units as “đơn vị”/“cá nhân”, no internal option names", async () => {
    const r = await capture(["score", cohort, "--as-of", "2025-12-31", "--year", "2025", "--decimal", ","]);
    expect(r.out).toContain("Tùy chọn khi chạy: năm xét 2025 cho các dòng không ghi năm; dấu thập phân «,»");
    expect(r.out).toMatch(/Dữ liệu đầu vào: \d+ dòng;/);
    expect(r.out).toMatch(/— Cá nhân — năm 2025\n\s+\d+ cá nhân được chấm, \d+ cá nhân bị loại/);
    expect(r.out).not.toMatch(/allowModifiedRules|asOf=|hồ sơ\)/);
  });
});
