import { refusedLine } from "./options.js";
import { basename } from "node:path";
import type { Command } from "commander";
import type { CommitteeOverride, DecidedRecommendation, DecisionRecord, Lang, RuleSet } from "../index.js";
import { canonicalJson } from "../rules/index.js";
import { renderHtml, sealRecord } from "../report/index.js";
import { nodeSha256 } from "./hash.js";
import { issueLines } from "./issues.js";
import { say } from "./messages/index.js";
import { checkOutputPath, openOutput, output } from "./io.js";
import { layoutOf, type LayoutSpec, type StreamedFormat } from "./layouts.js";
import { common, hasErrors, langOf, scoreOptions, warn, type CommonFlags } from "./options.js";
import { readOverrides } from "./overrides.js";
import { loadRulesOrThrow, scoreFile, type ScoreOptions, type Scored } from "./pipeline.js";
import { usageError } from "./rules-load.js";
import { renderXlsx } from "./xlsx-report.js";
import { renderDocx } from "./docx-report.js";

const FORMATS = ["text", "json", "csv", "md", "xlsx", "html", "docx"] as const;

/** The formats built whole in memory from the decision record (a workbook, a page, a document). */
type Render = (record: DecisionRecord, rs: RuleSet, lang: Lang) => Promise<string | Uint8Array>;
const IN_MEMORY: Readonly<Record<string, Render>> = {
  xlsx: renderXlsx,
  html: async (record, rs, lang) => renderHtml(record, rs, lang),
  docx: renderDocx,
};

type ScoreFlags = CommonFlags & { format: string; overrides?: string; out?: string; csvDelimiter: string };

/** `thidua score`: score, rank and propose awards; the report in one of five formats, to stdout or a file. */
export function scoreCommand(program: Command, exit: (code: number) => void): void {
  common(program.command("score").argument("<input>", "profiles: .json, .ndjson, .csv or .xlsx"))
    .description("score, rank and propose awards; exit 1 if some rows were rejected (they are listed in the report)")
    .option("--format <format>", `one of ${FORMATS.join(", ")}`, "text")
    .option("--overrides <file>", "committee overrides (JSON array of {unitId, award, reason, decidedBy, date})")
    .option("--out <file>", "write the report to a file (atomically) instead of stdout")
    .option("--csv-delimiter <sep>", "CSV report: ; (Vietnamese Excel, decimal comma) or , (decimal point)", ";")
    .action(async (input: string, o: ScoreFlags) => {
      if (!(FORMATS as readonly string[]).includes(o.format)) throw usageError("usage.badValue", { option: "--format", value: o.format, allowed: FORMATS.join(", ") });
      if ((o.format === "xlsx" || o.format === "docx") && !o.out) throw usageError("usage.needs", { option: `--format ${o.format}`, needs: "--out" });
      if (o.csvDelimiter !== ";" && o.csvDelimiter !== ",") throw usageError("usage.badValue", { option: "--csv-delimiter", value: o.csvDelimiter, allowed: "; ," });
      const lang = langOf(o.lang);
      if (o.out) checkOutputPath(o.out); // refused before the run, not after it
      const rs = loadRulesOrThrow(o.rules, o.allowModifiedRules);
      // the committee's overrides are read (and checked) once, before any scoring
      const overrideList = o.overrides !== undefined ? await readOverrides(o.overrides, rs, lang) : [];
      const opts = { ...scoreOptions(o), overrideList };
      const render = IN_MEMORY[o.format];
      exit(render ? await scoreInMemory(input, opts, rs, lang, o.out, render) : await scoreStreamed(input, opts, rs, { format: o.format as StreamedFormat, lang, out: o.out, csvDelimiter: o.csvDelimiter }));
    });
}

/** A header with an error (a column naming no fact, a duplicate or missing column): its notes and one line saying no report is written. */
function refusedHeader(s: Scored, input: string, lang: Lang): boolean {
  if (!hasErrors(s.warnings)) return false;
  warn(s.rs, s.warnings, lang);
  process.stderr.write(`${refusedLine(s.warnings, input, lang)}\n`);
  return true;
}

/** An override for a unit that is not scored, or whose award does not fit the unit: an error, and no report. */
function refusedOverrides(s: Scored, lang: Lang): boolean {
  if (!s.overrideIssues.length) return false;
  for (const l of issueLines(s.overrideIssues, lang)) process.stderr.write(`${lang === "vi" ? "lỗi" : "error"}: ${l}\n`);
  return true;
}

/** The exit code of a run: 1 if a row was rejected or the header has an error. */
const exitCode = (s: { run: { rejected: readonly unknown[] }; warnings: Parameters<typeof hasErrors>[0] }) => (s.run.rejected.length || hasErrors(s.warnings) ? 1 : 0);

/** After `--out`: one line on stderr saying how many units were scored and rejected, how many awards proposed, and where the report is. */
function summary(s: Scored, lang: Lang, out: string | undefined, overrides: number): void {
  if (out === undefined) return;
  const counts = { scored: s.run.resultCount, rejected: s.run.rejected.length, proposals: s.proposals(), overrides, file: out };
  process.stderr.write(`${say(lang, "cli.summary", counts)}\n`);
}

/** The chunks of every part, ticking the writing stage's bar by each cohort's units as its part-0 chunk goes out. */
function ticking(s: Scored): { chunks: Scored["chunks"]; stop(): void } {
  const bar = s.progress.stage(s.run.resultCount, "write");
  const sizes = s.run.cohorts.map((c) => c.size);
  return {
    chunks: function* (part) {
      let i = 0;
      for (const c of s.chunks(part)) {
        yield c;
        if (part === 0) bar.tick(sizes[i++] ?? 0);
      }
    },
    stop: () => bar.stop(),
  };
}

/** A workbook, page or document is built whole in memory (a sheet holds at most 1,048,576 rows anyway). */
async function scoreInMemory(input: string, opts: ScoreOptions & { overrideList: readonly CommitteeOverride[] }, rs: RuleSet, lang: Lang, out: string | undefined, render: Render): Promise<number> {
  const kept = new Map<string, readonly DecidedRecommendation[]>();
  // traces (the facts behind each verdict) for the page's explanations
  const s = await scoreFile(input, { ...opts, trace: render === IN_MEMORY["html"] }, (c, results) => (kept.set(c.key, results), []), rs);
  try {
    if (refusedHeader(s, input, lang) || refusedOverrides(s, lang)) return 1;
    warn(rs, s.warnings, lang);
    const { resultCount: _n, matchedOverrides: _m, ...head } = s.run;
    const results = s.run.cohorts.flatMap((c) => kept.get(c.key) ?? []);
    const record: DecisionRecord = { ...head, results, seal: sealRecord(head, results.map((r) => canonicalJson(r)), nodeSha256) };
    const bar = s.progress.stage(results.length, "write");
    output(await render(record, rs, lang), out);
    bar.stop();
    summary(s, lang, out, opts.overrideList.length);
  } finally {
    s.dispose();
  }
  return exitCode(s);
}

/** Text, JSON, CSV and Markdown: written cohort by cohort from the chunks the run kept. */
async function scoreStreamed(input: string, opts: ScoreOptions & { overrideList: readonly CommitteeOverride[] }, rs: RuleSet, o: { format: StreamedFormat; lang: Lang; out: string | undefined; csvDelimiter: ";" | "," }): Promise<number> {
  // the final-decision column when the run has overrides (an empty overrides file has none)
  const spec: LayoutSpec = { format: o.format, lang: o.lang, overrides: opts.overrideList.length > 0, csvDelimiter: o.csvDelimiter };
  const layout = layoutOf(spec, rs);
  // traces (the facts behind each verdict) only where a person reads per-unit explanations
  const s = await scoreFile(input, { ...opts, trace: o.format === "md" }, spec, rs);
  try {
    if (refusedHeader(s, input, o.lang) || refusedOverrides(s, o.lang)) return 1;
    warn(rs, s.warnings, o.lang);
    const out = openOutput(o.out);
    const writing = ticking(s);
    try {
      layout.write(s.run, writing.chunks, out.write);
      out.end();
    } catch (e) {
      out.abort();
      throw e;
    }
    writing.stop();
    summary(s, o.lang, o.out, opts.overrideList.length);
  } finally {
    s.dispose();
  }
  return exitCode(s);
}
