import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { buildDecisionRecord, checkRecordSeal, createEngine, outcomeDigest, type CommitteeOverride } from "thidua";
import { capture } from "./support/cli.js";
import { loadNational } from "./support/rules.js";

/**
 * Outputs quoted in README.md, rules/README.md and docs/ (STYLE §2.9): a ```text block right after a
 * `<!-- output: NAME -->` line must be what NAME produces here. SHA-256 digests compare by their first
 * eight digits (the docs may shorten them to `ae926eb3…`).
 */
const root = new URL("../", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "thidua-docs-outputs-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const cohort = join(root, "fixtures/cohorts/individuals-2025.json");

function markdownFiles(): string[] {
  const out = ["README.md", "rules/README.md"];
  const walk = (d: string) => {
    for (const e of readdirSync(join(root, d), { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else if (e.name.endsWith(".md")) out.push(join(d, e.name));
    }
  };
  walk("docs");
  return out;
}

/** Every quoted output: its name, where it is, and its text. */
function quoted(): { name: string; where: string; text: string }[] {
  const out: { name: string; where: string; text: string }[] = [];
  for (const file of markdownFiles()) {
    const lines = readFileSync(join(root, file), "utf8").split("\n");
    lines.forEach((l, i) => {
      const m = /^\s*<!-- output: ([a-z0-9-]+) -->\s*$/.exec(l);
      if (!m) return;
      expect(lines[i + 1]?.trim(), `${file}:${i + 2} must open a text block`).toBe("```text");
      const end = lines.findIndex((x, j) => j > i + 1 && x.trim() === "```");
      const indent = /^\s*/.exec(lines[i + 1]!)![0].length; // a block inside a list item is indented
      out.push({ name: m[1]!, where: `${file}:${i + 1}`, text: lines.slice(i + 2, end).map((x) => x.slice(indent)).join("\n") });
    });
  }
  return out;
}

const short = (s: string) => s.replace(/\b([0-9a-f]{8})[0-9a-f]{56}\b/g, "$1…").trimEnd();

/** The sheets of an XLSX report as a secretary sees them: each sheet's name, its first row and how many rows it has. */
async function xlsxSheets(file: string, rows = "dòng"): Promise<string> {
  const { default: ExcelJS } = await import("exceljs");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.worksheets.map((ws) => `${ws.name} (${ws.rowCount} ${rows}): ${(ws.getRow(1).values as unknown[]).slice(1).map(String).join(" | ")}`).join("\n");
}

/** One list of the Word report (the table under “Hình thức: <award>”), one line per row, cells joined by “ | ”. */
async function docxList(file: string, award: string, form = "Hình thức"): Promise<string> {
  const { default: JSZip } = await import("jszip");
  const raw = await (await JSZip.loadAsync(readFileSync(file))).file("word/document.xml")!.async("string");
  const xml = raw.replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
  const text = (s: string) => [...s.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
  const at = xml.indexOf(`${form}: ${award} —`);
  const [, tbl] = /<w:tbl>(.*?)<\/w:tbl>/s.exec(xml.slice(at))!;
  const rows = [...tbl!.matchAll(/<w:tr\b.*?<\/w:tr>/gs)].map(([tr]) => [...tr.matchAll(/<w:tc>(.*?)<\/w:tc>/gs)].map(([, tc]) => text(tc!)).join(" | "));
  return [`${form}: ${award}`, ...rows].join("\n");
}

async function produce(): Promise<Record<string, string>> {
  const record = join(dir, "record.json");
  expect((await capture(["score", cohort, "--as-of", "2025-12-31", "--format", "json", "--out", record])).code).toBe(0);
  const edited = JSON.parse(readFileSync(record, "utf8"));
  const u = edited.results.find((x: { unitId: string }) => x.unitId === "ca-05");
  u.final = { award: edited.results[0].award, overridden: false };
  writeFileSync(join(dir, "edited.json"), JSON.stringify(edited, null, 2));
  const changed = JSON.parse(readFileSync(cohort, "utf8"));
  changed.find((p: { id: string }) => p.id === "ca-05").facts["person.movementActivities"] = 2;
  writeFileSync(join(dir, "changed.json"), JSON.stringify(changed));
  const replay = async (file: string, profiles: string, ...more: string[]) => (await capture(["replay", join(dir, file), "--profiles", profiles, ...more])).out;
  // the library example of docs/decision-records-and-replay.md
  const rs = loadNational();
  const input = readFileSync(cohort, "utf8");
  const profiles: unknown[] = JSON.parse(input);
  const report = createEngine(rs).recommend(profiles, { asOf: "2025-12-31" });
  const overrides: CommitteeOverride[] = JSON.parse(readFileSync(join(root, "fixtures/overrides/individuals-2025.json"), "utf8"));
  const built = buildDecisionRecord(rs, report, { input, inputCount: profiles.length, options: { asOf: "2025-12-31" }, overrides });
  const again = createEngine(rs).recommend(JSON.parse(input) as unknown[], { asOf: "2025-12-31", trace: true });
  // the secretary's year in docs/vi/huong-dan.md, on the bundled fixtures (relative paths, as the guide types them)
  const rel = (t: string) => t.split(`${dir}/`).join("");
  const provinces = "fixtures/inputs/provinces-excel.csv";
  const ignoring = await capture(["validate", provinces, "--ignore-unknown-columns"]);
  const cohortRel = "fixtures/cohorts/individuals-2025.json";
  const overridesRel = "fixtures/overrides/hoi-dong-2025.json";
  const score = async (format: string, out: string, ...more: string[]) => {
    const r = await capture(["score", cohortRel, "--as-of", "2025-12-31", "--format", format, "--out", join(dir, out), ...more]);
    expect(r.code, r.err).toBe(0);
    return rel(r.err);
  };
  const formats = { xlsx: await score("xlsx", "ket-qua.xlsx"), html: await score("html", "ket-qua.html"), docx: await score("docx", "danh-sach-de-nghi.docx") };
  const scored = await capture(["score", cohortRel, "--as-of", "2025-12-31", "--overrides", overridesRel, "--format", "md", "--out", join(dir, "ket-qua.md")]);
  const bienBan = join(dir, "bien-ban-2025.json");
  expect((await capture(["score", cohortRel, "--as-of", "2025-12-31", "--overrides", overridesRel, "--format", "json", "--out", bienBan])).code).toBe(0);
  const assessed = ["fixtures/inputs/ca-nhan-tham-dinh.csv", "--assessments", "fixtures/inputs/ca-nhan-tham-dinh-danh-gia.csv"];
  const en = { xlsx: await score("xlsx", "results.xlsx", "--lang", "en"), html: await score("html", "results.html", "--lang", "en"), docx: await score("docx", "proposals.docx", "--lang", "en") };
  const ignoringEn = await capture(["validate", provinces, "--ignore-unknown-columns", "--lang", "en"]);
  const councilEn = await capture(["score", cohortRel, "--as-of", "2025-12-31", "--overrides", overridesRel, "--format", "docx", "--out", join(dir, "council-proposals.docx"), "--lang", "en"]);
  const recordEn = join(dir, "record-2025.json");
  expect((await capture(["score", cohortRel, "--as-of", "2025-12-31", "--overrides", overridesRel, "--format", "json", "--out", recordEn, "--lang", "en"])).code).toBe(0);
  // the English guide (docs/en/guide.md): the same year, with --lang en
  const guideEn = {
    "guide-version-en": (await capture(["--version", "--lang", "en"])).out,
    "guide-validate-ignore-en": `${ignoringEn.err}${ignoringEn.out}`,
    "guide-score-xlsx-en": en.xlsx,
    "guide-xlsx-sheets-en": await xlsxSheets(join(dir, "results.xlsx"), "rows"),
    "guide-score-html-en": en.html,
    "guide-score-docx-en": en.docx,
    "guide-docx-table-en": await docxList(join(dir, "proposals.docx"), "Grassroots Emulation Fighter", "Form"),
    "guide-docx-council-en": `${rel(councilEn.err)}\n${await docxList(join(dir, "council-proposals.docx"), "Commemorative Medal 'For the Protection of National Security'", "Form")}`,
    "guide-explain-en": (await capture(["explain", cohortRel, "--unit", "cb-04", "--as-of", "2025-12-31", "--lang", "en"])).out,
    "guide-replay-en": (await capture(["replay", recordEn, "--profiles", cohortRel, "--lang", "en"])).out,
  };
  const guide = {
    ...guideEn,
    "cli-rules-verify": (await capture(["rules", "verify", "vn-2447-2025", "--lang", "en"])).out,
    "guide-rules-verify-vi": (await capture(["rules", "verify", "vn-2447-2025"])).out,
    "guide-rules-verify-en": (await capture(["rules", "verify", "vn-2447-2025", "--lang", "en"])).out,
    "cli-validate-en": (await capture(["validate", provinces, "--lang", "en"])).out,
    "cli-score-text": (await capture(["score", "fixtures/inputs/individuals.json", "--as-of", "2025-12-31"])).out,
    "guide-replay-vi": (await capture(["replay", bienBan, "--profiles", cohortRel])).out,
    "guide-validate-vi": (await capture(["validate", provinces])).out,
    "guide-validate-ignore-vi": `${ignoring.err}${ignoring.out}`,
    "guide-score-out-vi": rel(scored.err),
    "guide-explain-vi": (await capture(["explain", cohortRel, "--unit", "cb-04", "--as-of", "2025-12-31"])).out,
    "guide-version-vi": (await capture(["--version"])).out,
    // assessments from a CSV input (issue 21 point 5): a change without a reason names its file, row and column
    "guide-assessments-vi": (await capture(["validate", ...assessed])).out,
    "guide-assessments-en": (await capture(["validate", ...assessed, "--lang", "en"])).out,
    "guide-assessments-explain-vi": (await capture(["explain", ...assessed, "--unit", "ca-11", "--as-of", "2025-12-31"])).out.split("\n").slice(0, 9).join("\n"),
    "guide-score-xlsx-vi": formats.xlsx,
    "guide-xlsx-sheets-vi": await xlsxSheets(join(dir, "ket-qua.xlsx")),
    "guide-score-html-vi": formats.html,
    "guide-score-docx-vi": formats.docx,
    "guide-docx-table-vi": await docxList(join(dir, "danh-sach-de-nghi.docx"), "Chiến sĩ thi đua cơ sở"),
    "guide-overrides-file": readFileSync(join(root, overridesRel), "utf8"),
    "guide-docx-council-vi": await (async () => {
      const out = join(dir, "danh-sach-hoi-dong.docx");
      expect((await capture(["score", cohortRel, "--as-of", "2025-12-31", "--overrides", overridesRel, "--format", "docx", "--out", out])).code).toBe(0);
      return docxList(out, "Kỷ niệm chương “Bảo vệ an ninh Tổ quốc”");
    })(),
  };
  // README's quick start (examples/00-quick-start.ts, run and compared by test/examples.test.ts): the README quotes the first lines of the explanation it prints
  const quickStart = readFileSync(join(root, "examples/00-quick-start.expected.txt"), "utf8").split("\n");
  return {
    ...guide,
    ...(await altered()),
    "readme-explanation": quickStart.slice(1, quickStart.indexOf("", 4)).join("\n"),
    "build-record": [built.outcomeSha256, outcomeDigest(again) === built.outcomeSha256, checkRecordSeal(built).intact].join("\n"),
    "replay-identical-en": await replay("record.json", cohort, "--lang", "en"),
    "replay-edited-en": await replay("edited.json", cohort, "--lang", "en"),
    "replay-input-differs-en": await replay("record.json", join(dir, "changed.json"), "--lang", "en"),
  };
}

/**
 * A copy of the national set with awards.json altered (docs/cli.md: `rules verify` names it), and the
 * same copy rehashed as a rule set of its own: a record made with it does not replay over the bundled
 * set (docs/decision-records-and-replay.md).
 */
async function altered(): Promise<Record<string, string>> {
  const copy = (name: string) => {
    const to = join(dir, name, "vn-2447-2025");
    cpSync(join(root, "rules/vn-2447-2025"), to, { recursive: true });
    writeFileSync(join(to, "awards.json"), `${readFileSync(join(to, "awards.json"), "utf8")}\n`);
    return to;
  };
  const verify = await capture(["rules", "verify", copy("altered"), "--lang", "en"]);
  expect(verify.code).toBe(1);
  const rehashed = copy("rehashed");
  const manifest = JSON.parse(readFileSync(join(rehashed, "manifest.json"), "utf8")) as { files: { path: string; sha256: string }[] };
  for (const f of manifest.files) f.sha256 = createHash("sha256").update(readFileSync(join(rehashed, f.path))).digest("hex");
  writeFileSync(join(rehashed, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  const made = await capture(["score", cohort, "--rules", rehashed, "--as-of", "2025-12-31", "--format", "json", "--out", join(dir, "other-rules.json")]);
  expect(made.code, made.err).toBe(0);
  const refused = await capture(["replay", join(dir, "other-rules.json"), "--profiles", cohort, "--lang", "en"]);
  expect(refused.code).toBe(2);
  return { "cli-rules-verify-altered-en": `${verify.err}${verify.out}`.trimEnd(), "replay-other-rules-en": refused.err.trimEnd() };
}

/** `UPDATE_DOCS=1`: writes what the commands print into the quoted blocks (digests shortened where the doc shortens them). */
function rewrite(blocks: readonly { name: string; where: string; text: string }[], made: Record<string, string>): void {
  // from the last block of a file up: rewriting a block changes the line numbers of those below it
  const byLine = (w: string) => Number(w.slice(w.lastIndexOf(":") + 1));
  const fileOf = (w: string) => w.slice(0, w.lastIndexOf(":"));
  for (const b of [...blocks].sort((x, y) => (fileOf(x.where) < fileOf(y.where) ? -1 : fileOf(x.where) > fileOf(y.where) ? 1 : byLine(y.where) - byLine(x.where)))) {
    const [file, at] = [b.where.slice(0, b.where.lastIndexOf(":")), Number(b.where.slice(b.where.lastIndexOf(":") + 1))];
    const lines = readFileSync(join(root, file), "utf8").split("\n");
    const indent = /^\s*/.exec(lines[at]!)![0];
    const end = lines.findIndex((x, j) => j > at && x.trim() === "```");
    const text = /[0-9a-f]{8}…/.test(b.text) ? short(made[b.name] ?? "") : (made[b.name] ?? "").trimEnd();
    lines.splice(at + 1, end - at - 1, ...text.split("\n").map((x) => (x ? indent + x : x)));
    writeFileSync(join(root, file), lines.join("\n"));
  }
}

/** Every excerpt of an example's output: a ```text block right after `<!-- excerpt: examples/NN-name.expected.txt -->`. */
function excerpts(): { file: string; where: string; lines: string[] }[] {
  const out: { file: string; where: string; lines: string[] }[] = [];
  for (const md of markdownFiles()) {
    const lines = readFileSync(join(root, md), "utf8").split("\n");
    lines.forEach((l, i) => {
      const m = /^\s*<!-- excerpt: (examples\/[0-9a-z-]+\.expected\.txt) -->\s*$/.exec(l);
      if (!m) return;
      expect(lines[i + 1]?.trim(), `${md}:${i + 2} must open a text block`).toBe("```text");
      const end = lines.findIndex((x, j) => j > i + 1 && x.trim() === "```");
      out.push({ file: m[1]!, where: `${md}:${i + 1}`, lines: lines.slice(i + 2, end) });
    });
  }
  return out;
}

describe("excerpts of the examples' outputs quoted in the docs", () => {
  it("each line (but “…”) is a line of the example's output (checked by test/examples.test.ts), in the same order", () => {
    const all = excerpts();
    expect(all.length).toBeGreaterThan(0);
    for (const x of all) {
      const output = readFileSync(join(root, x.file), "utf8").split("\n");
      let at = 0;
      for (const line of x.lines.filter((l) => l.trim() !== "…")) {
        const found = output.indexOf(line, at);
        expect(found, `${x.where}: “${line}” is not (in this order) in ${x.file}`).toBeGreaterThanOrEqual(0);
        at = found + 1;
      }
    }
  });
});

/**
 * Every output of a code sample: a ```text block right after `<!-- output-of-sample -->`, which must be what
 * the ```ts block above it prints with console.log when run (as a module; `thidua` is the source).
 */
function samples(): { where: string; code: string; text: string }[] {
  const out: { where: string; code: string; text: string }[] = [];
  for (const md of markdownFiles()) {
    const lines = readFileSync(join(root, md), "utf8").split("\n");
    lines.forEach((l, i) => {
      if (l.trim() !== "<!-- output-of-sample -->") return;
      expect(lines[i + 1]?.trim(), `${md}:${i + 2} must open a text block`).toBe("```text");
      const end = lines.findIndex((x, j) => j > i + 1 && x.trim() === "```");
      const close = lines.slice(0, i).lastIndexOf("```");
      const open = lines.slice(0, close).lastIndexOf("```ts");
      expect(open, `${md}:${i + 1}: no \`\`\`ts block above`).toBeGreaterThanOrEqual(0);
      out.push({ where: `${md}:${i + 1}`, code: lines.slice(open + 1, close).join("\n"), text: lines.slice(i + 2, end).join("\n") });
    });
  }
  return out;
}

describe("outputs of the code samples quoted in the docs", () => {
  it("are what the samples print", async () => {
    const all = samples();
    expect(all.length).toBeGreaterThan(0);
    for (const [n, x] of all.entries()) {
      const file = join(dir, `sample-${n}.ts`);
      writeFileSync(file, x.code);
      const printed: string[] = [];
      const log = vi.spyOn(console, "log").mockImplementation((...a: unknown[]) => void printed.push(a.map(String).join(" ")));
      try {
        await import(/* @vite-ignore */ file);
      } finally {
        log.mockRestore();
      }
      if (process.env["UPDATE_DOCS"] === "1") rewriteSample(x.where, printed.join("\n"));
      else expect(short(x.text), x.where).toBe(short(printed.join("\n")));
    }
  });
});

/** `UPDATE_DOCS=1`: the block after the marker at `where` (file:line, 1-based) becomes `text`. */
function rewriteSample(where: string, text: string): void {
  const [file, at] = [where.slice(0, where.lastIndexOf(":")), Number(where.slice(where.lastIndexOf(":") + 1))];
  const lines = readFileSync(join(root, file), "utf8").split("\n");
  const end = lines.findIndex((x, j) => j > at && x.trim() === "```");
  lines.splice(at + 1, end - at - 1, ...text.split("\n"));
  writeFileSync(join(root, file), lines.join("\n"));
}

describe("outputs quoted in the docs", () => {
  it("are what the commands print", async () => {
    const blocks = quoted();
    const made = await produce();
    if (process.env["UPDATE_DOCS"] === "1") rewrite(blocks, made);
    for (const b of quoted()) {
      expect(Object.keys(made), `${b.where}: no producer for output ${b.name}`).toContain(b.name);
      expect(short(b.text), b.where).toBe(short(made[b.name]!));
    }
    // every producer is quoted somewhere (a renamed block cannot silently stop being checked)
    expect([...new Set(blocks.map((b) => b.name))].sort()).toEqual(Object.keys(made).sort());
  });
});
