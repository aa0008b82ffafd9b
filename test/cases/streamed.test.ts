import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateProfiles } from "../../bench/generate.js";
import { scoreFile, type ScoreOptions } from "../../src/cli/pipeline.js";
import { partitionOf } from "../../src/cli/spill.js";
import { buildDecisionRecord, createEngine, renderCsv, renderMarkdown, renderRecordJson, renderText } from "../../src/index.js";
import { csvLayout, markdownLayout, recordJsonLayout, textLayout } from "../../src/report/index.js";
import { loadLocal } from "../support/rules.js";
import { partitionKey, recommendPartitioned, type IndexedProfile, type ReportLayout } from "thidua/stream";

/**
 * Differential tests of the bounded-memory path: the CLI pipeline that splits a large input into
 * partition files by cohort and writes reports cohort by cohort must give byte-identical reports,
 * records and outcome hashes to the in-memory engine and renderers, whatever the partitioning.
 */
// Khánh Hòa's set: it switches on the run-wide Government-flag quota, which must hold across partitions and threads
const rs = loadLocal();
const dir = mkdtempSync(join(tmpdir(), "thidua-streamed-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// ~2,400 generated units in all five groups (50 per cohort), plus hostile rows
const profiles: Record<string, unknown>[] = [];
for (const [i, g] of (["ministry", "province", "front", "enterprise", "individual"] as const).entries()) {
  profiles.push(...generateProfiles(rs, g, 480, 90 + i, 0.9));
}
profiles[7]!["facts"] = { ...(profiles[7]!["facts"] as object), notAFact: 1 }; // unknown fact
// strong provinces in 24 clusters: candidates of the Government flag (a run-wide quota) in many partitions
const provinces = JSON.parse(readFileSync(new URL("../../fixtures/profiles/province.json", import.meta.url), "utf8"));
const strong = provinces.find((p: { id: string }) => p.id === "pv-quang-ninh");
const flagged = Array.from({ length: 72 }, (_, i) => ({ ...strong, id: `flag-${i}`, cohort: `co-${i % 24}` }));
profiles.push(...flagged);
// one cluster written in NFC and in NFD (a spreadsheet on macOS): one cohort, whatever the partitioning
for (let i = 0; i < 40; i++) profiles.push({ ...profiles[1000 + i]!, id: `nfd-${i}`, cohort: (i % 2 ? "Cụm Tây Nguyên" : "Cụm Tây Nguyên".normalize("NFD")) });
profiles.push({ ...profiles[12]!, name: "bản sao" }); // the same id twice in one cohort: both rejected
profiles.push({ ...profiles[600]!, year: 1990 }); // a cohort of its own (the as-of date decides the period)
const lines = profiles.map((p) => JSON.stringify(p));
lines.splice(100, 0, "{ not json");
lines.splice(2000, 0, "[1, 2]");
const ndjson = join(dir, "run.ndjson");
writeFileSync(ndjson, lines.join("\n") + "\n");
const overridesFile = join(dir, "overrides.json");
writeFileSync(
  overridesFile,
  JSON.stringify([
    { unitId: "pro-3", award: null, reason: "hồ sơ thiếu", decidedBy: "Hội đồng", date: "2025-12-20" },
    { unitId: "ind-77", award: "award.chien-si-thi-dua-co-so", reason: "đột xuất", decidedBy: "Hội đồng", date: "2025-12-20", cohort: "cum-1" },
    { unitId: "nobody", award: null, reason: "không có", decidedBy: "Hội đồng", date: "2025-12-20" },
  ]),
);
// the overrides that name a unit of the clean input below (a library record refuses one that names none)
const matchingFile = join(dir, "overrides-matching.json");
writeFileSync(matchingFile, JSON.stringify(JSON.parse(readFileSync(overridesFile, "utf8")).slice(0, 1)));
const base: ScoreOptions = { rules: rs.id, asOf: "2025-12-31", overrides: overridesFile };

async function run(layout: ReportLayout, opts: Partial<ScoreOptions> = {}, input = ndjson) {
  const s = await scoreFile(input, { ...base, ...opts }, layout.cohort, rs);
  const out: Buffer[] = [];
  layout.write(s.run, s.chunks, (x) => out.push(typeof x === "string" ? Buffer.from(x) : Buffer.from(x.buffer, x.byteOffset, x.byteLength)));
  s.dispose();
  return { text: Buffer.concat(out).toString("utf8"), run: s.run, overrideIssues: s.overrideIssues };
}

const LAYOUTS = {
  csv: () => csvLayout({ rs, lang: "vi", overrides: true }),
  text: () => textLayout({ rs, lang: "en", overrides: true }),
  md: () => markdownLayout({ rs, lang: "vi", overrides: true }),
  json: () => recordJsonLayout(),
};

describe("streamed run (partition files) against the in-memory run", () => {
  it("splits the input into many partitions and deletes them afterwards", async () => {
    const keys = new Set(profiles.map((p) => partitionOf(partitionKey(p), 40)));
    expect(keys.size).toBeGreaterThan(20); // the cohorts really spread over the partitions
    // temporary files in a directory of this test's own (other test files may be running split inputs meanwhile)
    const scratch = mkdtempSync(join(tmpdir(), "thidua-streamed-"));
    const saved = process.env["TMPDIR"];
    process.env["TMPDIR"] = scratch;
    let seen = 0;
    try {
      const csv = LAYOUTS.csv();
      const r = await run({ ...csv, cohort: (c, results) => ((seen = Math.max(seen, readdirSync(scratch).length)), csv.cohort(c, results)) }, { partitionBytes: 20_000 });
      expect(r.run.resultCount + r.run.rejected.length).toBe(lines.length);
      expect(seen).toBe(1); // the run's directory existed while it ran
      expect(readdirSync(scratch)).toEqual([]); // and is gone
    } finally {
      if (saved === undefined) delete process.env["TMPDIR"];
      else process.env["TMPDIR"] = saved;
      rmSync(scratch, { recursive: true, force: true });
    }
  });

  for (const [name, layout] of Object.entries(LAYOUTS)) {
    it(`${name}: byte-identical for 1, 7 and ~60 partitions`, async () => {
      const memory = await run(layout(), { partitionBytes: 1 << 30 });
      const few = await run(layout(), { partitionBytes: 300_000 });
      const many = await run(layout(), { partitionBytes: 30_000 });
      expect(few.text).toBe(memory.text);
      expect(many.text).toBe(memory.text);
      expect(many.run.outcomeSha256).toBe(memory.run.outcomeSha256);
    });
  }

  it("the rejected list names every bad row with its line, and the overrides that matched", async () => {
    const { run: r, overrideIssues } = await run(LAYOUTS.csv(), { partitionBytes: 30_000 });
    expect(overrideIssues.map((i) => [i.code, i.params?.["unitId"]])).toEqual([["overrides.unmatched", "nobody"]]);
    const rows = r.rejected.map((x) => [x.row, x.issues[0]!.code]);
    expect(rows).toEqual([
      [8, "profiles.unknown_fact"],
      [13, "profiles.duplicate_id"],
      [101, "input.parse"],
      [2001, "profiles.schema"],
      [lines.length - 1, "profiles.duplicate_id"],
    ]);
    expect(r.cohorts.some((c) => c.year === 1990 && c.size === 1)).toBe(true);
    expect(r.cohorts.filter((c) => c.cohort === "Cụm Tây Nguyên").map((c) => c.size)).toEqual([40]);
    expect(r.matchedOverrides).toEqual([true, true, false]);
  });
});

describe("streamed run against the library's in-memory record and renderers", () => {
  // a clean JSON array: every row reaches the engine, so the library can be given the same input
  const clean = [...flagged, ...profiles.slice(0, 1500)];
  const file = join(dir, "clean.json");
  writeFileSync(file, JSON.stringify(clean));
  const overrides = JSON.parse(readFileSync(matchingFile, "utf8"));
  const engine = createEngine(rs);
  const report = engine.recommend(clean, { asOf: "2025-12-31", trace: true });
  // the CLI numbers rejected rows as the user sees them: a JSON array's element i is row i + 1
  const record = buildDecisionRecord(rs, { ...report, rejected: report.rejected.map((r) => ({ ...r, row: r.index + 1 })) }, {
    input: readFileSync(file),
    inputCount: clean.length,
    options: { rules: rs.id, asOf: "2025-12-31", year: null, decimal: null, allowModifiedRules: false },
    overrides,
  });
  const opts = { partitionBytes: 25_000, overrides: matchingFile };

  it("same outcome hash, input hash, cohorts, quotas and rejected rows", async () => {
    const { run: r } = await run(LAYOUTS.json(), opts, file);
    expect(r.outcomeSha256).toBe(record.outcomeSha256);
    expect(r.input).toEqual(record.input);
    expect(r.cohorts).toEqual(record.cohorts);
    expect(r.runQuotas).toEqual(record.runQuotas);
    // the Government flag: 24 cluster flags → floor(20%) = 4 of 24 candidates, decided across partitions
    expect(r.runQuotas).toEqual([{ award: "award.co-thi-dua-chinh-phu", share: "0.2", base: 24, exact: "4.8", allowed: 4, candidates: 24, granted: 4, binding: true }]);
    expect(r.rejected.map((x) => x.index)).toEqual(record.rejected.map((x) => x.index));
  });

  it("same bytes as renderCsv, renderText, renderMarkdown and the JSON record", async () => {
    expect((await run(LAYOUTS.csv(), opts, file)).text).toBe(renderCsv(record, rs, "vi"));
    expect((await run(LAYOUTS.text(), opts, file)).text).toBe(renderText(record, rs, "en"));
    expect((await run(LAYOUTS.md(), opts, file)).text).toBe(renderMarkdown(record, rs, "vi"));
    expect((await run(LAYOUTS.json(), opts, file)).text).toBe(renderRecordJson(record));
  });

  it("recommendPartitioned refuses a cohort split over two partitions", () => {
    const rows: IndexedProfile[] = clean.slice(0, 100).map((profile, index) => ({ index, profile }));
    expect(() => recommendPartitioned(engine, () => [rows.slice(0, 30), rows.slice(30)], () => {}, { asOf: "2025-12-31" })).toThrow(/more than one partition/);
  });
});

describe("resultProjectionJson", () => {
  it("writes the same bytes as canonicalJson of the projection entry, for every unit of a run", async () => {
    const { resultProjectionCanonical, resultProjectionJson, resultsProjectionJson } = await import("../../src/report/record.js");
    const report = createEngine(rs).recommend([...profiles.slice(0, 800), { ...profiles[3]!, id: "Đơn vị Hòa".normalize("NFD"), cohort: "Cụm Nam Trung Bộ".normalize("NFD") }], { asOf: "2025-12-31" });
    expect(report.results.length).toBeGreaterThan(790);
    for (const r of report.results) expect(resultProjectionJson(r)).toBe(resultProjectionCanonical(r));
    expect(resultsProjectionJson(report.results)).toBe(report.results.map(resultProjectionCanonical).join(","));
  });
});
