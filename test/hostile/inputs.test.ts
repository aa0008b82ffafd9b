import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkInputFile, InputFileError, readProfiles, type InputRow } from "../../src/cli/input/index.js";
import { TableReader } from "../../src/cli/input/table.js";
import { MAX_COLUMNS } from "../../src/cli/input/columns.js";
import { MAX_JSON_BYTES } from "../../src/cli/input/json.js";
import { loadNational } from "../support/rules.js";
import { capture } from "../support/cli.js";

/**
 * Hostile inputs of the command line (issue 19, "Inputs and outputs"): pathological cells and
 * headers, oversized JSON, special files. Static samples are in `test/hostile/inputs/`; the large
 * ones are generated here (sparse where they are huge).
 */
const rs = loadNational();
const dir = mkdtempSync(join(tmpdir(), "thidua-hostile-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const sample = (name: string) => new URL(`./inputs/${name}`, import.meta.url).pathname;

async function collect(path: string): Promise<InputRow[]> {
  const out: InputRow[] = [];
  for await (const r of readProfiles(path, { rules: rs })) out.push(r);
  return out;
}


const time = <T>(f: () => T): [T, number] => {
  const t = performance.now();
  const v = f();
  return [v, performance.now() - t];
};

describe("no cell costs more than linear time", () => {
  const N = 300_000;
  /** 300 kB cells of the shapes that made regular expressions backtrack (a run of spaces before a `%`, …). */
  const cells: Record<string, string> = {
    "spaces inside a percentage": `1${" ".repeat(N)}%x`,
    "spaces then text": `1${" ".repeat(N)}x`,
    "spaces then %": `1${" ".repeat(N)}%`,
    "no-break spaces": "1\u00a0".repeat(N / 2),
    digits: "1".repeat(N),
    "digits then %": `${"1".repeat(N)}%`,
    "grouped digits": "1 234".repeat(N / 5),
    separators: "1,2.".repeat(N / 4),
    percents: "%".repeat(N),
    pipes: "|".repeat(N),
    "members and spaces": "a |".repeat(N / 3),
    arrows: " > ›".repeat(N / 4),
    "history years": "2024:".repeat(N / 5),
    "date-like": `${"1".repeat(N)}/1/2020`,
    quotes: '"“'.repeat(N / 2),
  };
  // one column of every fact type of the province group, and every profile column
  const facts = rs.facts.filter((f) => f.groups.includes("province") && f.type !== "object");
  const types = [...new Map(facts.map((f) => [f.type, f.id])).values()];
  const header = ["id", "name", "group", "cohort", "year", "history", ...types];

  it.each(Object.entries(cells))("%s: under a second in every column (300 kB)", (_, cell) => {
    const table = new TableReader({ rules: rs, file: "t.csv", decimal: ",", strictWidth: true });
    table.readHeader(header);
    for (let c = 0; c < header.length; c++) {
      const row = ["u1", "Đơn vị", "province", "cụm", "2025", "", ...types.map(() => "")];
      row[c] = cell;
      const [r, ms] = time(() => table.readRow(row, 2));
      expect(ms, `${header[c]}: ${ms.toFixed(0)} ms`).toBeLessThan(1000);
      expect(r).toBeDefined();
    }
  });

  it("a header line of 20,000 delimiters is sniffed in linear time", async () => {
    const f = join(dir, "wide-sniff.csv");
    writeFileSync(f, `${";".repeat(20_000)}\n`);
    const t = performance.now();
    const rows = await collect(f);
    expect(performance.now() - t).toBeLessThan(2000); // was 14 s: each cell copied the list of cells
    expect(rows.every((r) => r.header)).toBe(true);
  });
});

describe("headers", () => {
  it(`a header of a million columns is refused with one issue, the rest of the file unread`, async () => {
    const f = join(dir, "million.csv");
    const cols = Array.from({ length: 1_000_000 }, (_, i) => `c${i}`).join(";");
    writeFileSync(f, `${cols}\n${cols}\n`);
    const t = performance.now();
    const rows = await collect(f);
    expect(performance.now() - t).toBeLessThan(15_000);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.header).toBe(true);
    expect(rows[0]!.issues!.map((i) => [i.severity, i.params?.["kind"], i.params?.["found"], i.params?.["expected"]])).toEqual([["error", "tooManyColumns", 1_000_000, MAX_COLUMNS]]);
  });

  it("many unknown columns give one summary error; a few give one each, with the closest facts", async () => {
    const many = join(dir, "unknown-many.csv");
    writeFileSync(many, `id;tên;nhóm;năm;${Array.from({ length: 500 }, (_, i) => `x${i}`).join(";")}\n`);
    const [head] = await collect(many);
    expect(head!.issues!.map((i) => [i.severity, i.params?.["kind"], i.params?.["other"]])).toEqual([["error", "unknownColumns", 500]]);
    const few = join(dir, "unknown-few.csv");
    writeFileSync(few, "id;tên;nhóm;năm;ghi chu;nam\n");
    const [h2] = await collect(few);
    expect(h2!.issues!.map((i) => i.params?.["kind"])).toEqual(["unknownColumn", "unknownColumn"]);
  });

  it("a header problem is not counted as an input row (validate, score)", async () => {
    const f = sample("duplicate-column.csv");
    const v = await capture(["validate", f, "--rules", "vn-2447-2025"]);
    expect(v.code).toBe(1); // the header has an error
    expect(v.out).toContain("2 dòng: 2 hợp lệ, 0 bị loại");
    expect(v.out).toMatch(/^dòng 1: .*cột bị trùng.*\[input\.parse\]$/m);
    // a column dropped is a result made without it: no report (nothing dropped silently)
    const s = await capture(["score", f, "--format", "json", "--as-of", "2025-12-31"]);
    expect(s.out).toBe("");
    expect(s.err).toMatch(/^lỗi: .*cột bị trùng/m);
    expect(s.err).toMatch(/^Không lập báo cáo: dòng tiêu đề của duplicate-column\.csv có lỗi/m);
    expect(s.code).toBe(1);
  });

  it("validate shortens long values in its messages", async () => {
    const long = "x".repeat(300_000);
    const json = join(dir, "long-values.ndjson");
    writeFileSync(json, `${JSON.stringify({ id: long, name: "A", group: "province", year: 2025, facts: { [long]: 1 } })}\n${JSON.stringify({ id: "b", name: long, group: long, year: 2025, facts: {} })}\n`);
    const csv = join(dir, "long-values.csv");
    writeFileSync(csv, `id;tên;nhóm;năm;${long}\n${long};A;province;2025;1\n`);
    for (const f of [json, csv]) {
      const r = await capture(["validate", f]);
      expect(r.code).toBe(1);
      for (const line of `${r.out}${r.err}`.split("\n")) expect(line.length, line.slice(0, 200)).toBeLessThan(600);
    }
  });
});

describe("JSON input", () => {
  it(`a .json file over ${MAX_JSON_BYTES / 2 ** 20} MiB is refused with a hint to use NDJSON, without reading it`, async () => {
    const f = join(dir, "huge.json");
    writeFileSync(f, "");
    truncateSync(f, 2 ** 30); // 1 GiB, sparse: more than a string can hold
    const t = performance.now();
    const rows = await collect(f);
    expect(performance.now() - t).toBeLessThan(2000);
    expect(rows).toEqual([{ row: 1, issues: [expect.objectContaining({ params: expect.objectContaining({ kind: "jsonTooLarge", found: 1024, expected: 64 }) })] }]);
    truncateSync(f, MAX_JSON_BYTES + 1); // the command hashes what it was given: a smaller file keeps the test short
    const r = await capture(["validate", f]);
    expect(r.code).toBe(1);
    expect(r.out).toContain("dòng 1: huge.json: tệp JSON lớn 64 MiB, vượt quá giới hạn 64 MiB nên không được đọc — hãy lưu dữ liệu dạng NDJSON");
    const en = await capture(["validate", f, "--lang", "en"]);
    expect(en.out).toContain("save the data as NDJSON (one profile per line");
  });

  it("a .json file at the limit is read", async () => {
    const f = join(dir, "just-under.json");
    const profile = JSON.stringify({ id: "a", name: "A", group: "province", year: 2025, facts: {} });
    writeFileSync(f, `[${profile}${" ".repeat(1000)}]`);
    expect((await collect(f)).map((r) => r.row)).toEqual([1]);
  });
});

describe("special files as inputs are refused at once", () => {
  const fifo = join(dir, "pipe.csv");
  execFileSync("mkfifo", [fifo]);
  const zero = join(dir, "zero.ndjson");
  symlinkSync("/dev/zero", zero);
  const folder = join(dir, "folder.json");
  mkdirSync(folder);
  const cases: [string, string, string][] = [
    [fifo, "fifo", "một đường ống có tên (FIFO)"],
    [zero, "device", "một thiết bị"],
    ["/dev/zero.csv", "", ""],
    [folder, "directory", "một thư mục"],
  ];

  it.each(cases.filter(([, kind]) => kind))("%s (%s)", async (path, kind, vi) => {
    expect(() => checkInputFile(path)).toThrow(InputFileError);
    try {
      checkInputFile(path);
    } catch (e) {
      expect((e as InputFileError).item).toEqual({ key: "cli.inputNotRegular", params: { file: path, fileKind: kind } });
    }
    const t = performance.now();
    const r = await capture(["score", path]);
    expect(performance.now() - t).toBeLessThan(2000);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`thidua: ${path}: không phải tệp dữ liệu thông thường (${vi}) nên không được đọc\n`);
    await expect(collect(path)).rejects.toThrow(InputFileError);
  });

  it("a missing file and an unsupported type are named in the language of the run", async () => {
    expect((await capture(["score", join(dir, "none.csv"), "--lang", "en"])).err).toBe(`thidua: ${join(dir, "none.csv")}: cannot open the file (ENOENT)\n`);
    expect((await capture(["score", "/dev/zero"])).err).toBe("thidua: /dev/zero: không đọc được loại tệp “(không có phần mở rộng)” — hãy dùng .json, .ndjson, .csv, .xlsx\n");
  });
});

describe("reports", () => {
  const formulas = ["=HYPERLINK(\"http://x\")", "+1+2", "-2+3", "@SUM(A1)", "\tx", "\rx", "'quoted"];
  const profiles = formulas.map((f, i) => ({ id: `${f}${i}`, name: f, group: "province", cohort: f, year: 2025, facts: {} }));

  it("CSV cells that a spreadsheet would run as formulas get a single quote in front (OWASP)", async () => {
    const f = join(dir, "formulas.json");
    writeFileSync(f, JSON.stringify([...profiles, { id: "x", name: "=1", year: 2025, group: "nope", facts: {} }]));
    const r = await capture(["score", f, "--format", "csv", "--as-of", "2025-12-31"]);
    expect(r.code).toBe(1);
    const cells = r.out.replace(/^\uFEFF/, "").split("\r\n").flatMap((l) => l.split(","));
    for (const c of cells) expect(c.replace(/^"/, ""), JSON.stringify(c)).not.toMatch(/^[=+\-@\t\r]/);
    expect(r.out).toContain("'=HYPERLINK(\"\"http://x\"\")");
    expect(r.out).toContain("'@SUM(A1)");
  });

  it("an XLSX report does not abort on names starting or ending with an apostrophe, or named History", async () => {
    const f = join(dir, "apostrophes.json");
    writeFileSync(f, JSON.stringify(["'", "'abc", "abc'", "History", "''", "[x]:*?/\\"].map((c, i) => ({ id: `u${i}`, name: `'${c}`, group: "province", cohort: c, year: 2025, facts: {} }))));
    const out = join(dir, "apostrophes.xlsx");
    const r = await capture(["score", f, "--format", "xlsx", "--out", out, "--as-of", "2025-12-31"]);
    expect(r.err).toBe(`Đã chấm điểm 6 đơn vị, 0 dòng bị loại; 0 đề nghị khen thưởng theo bộ tiêu chí; báo cáo đã ghi vào ${out}\n`); // only the summary line
    expect(r.code).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe("PK");
    expect(existsSync(out)).toBe(true);
  });
});
