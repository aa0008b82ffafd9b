import { readFileSync } from "node:fs";
import type { Command } from "commander";
import {
  explain as explainRecommendation,
  formatIssue,
  issueText,
  renderExplanation,
  type DecidedRecommendation,
  type DecisionRecord,
  type Issue,
  type Lang,
  type RuleSet,
} from "../index.js";
import { openOutput, output } from "./io.js";
import { layoutOf, type LayoutSpec, type StreamedFormat } from "./layouts.js";
import { loadRulesOrThrow, scoreFile, UsageError, type ScoreOptions } from "./pipeline.js";
import { readOverrides } from "./overrides.js";
import { renderXlsx } from "./xlsx-report.js";

const FORMATS = ["text", "json", "csv", "md", "xlsx"] as const;
type Format = (typeof FORMATS)[number];

interface CommonFlags {
  rules: string;
  asOf?: string;
  year?: string;
  lang: string;
  decimal?: string;
  allowModifiedRules?: boolean;
  partitionBytes?: string;
  jobs?: string;
}

function langOf(s: string): Lang {
  if (s !== "vi" && s !== "en") throw new UsageError(`--lang must be vi or en, not ${JSON.stringify(s)}`);
  return s;
}

function scoreOptions(o: CommonFlags & { overrides?: string }): ScoreOptions {
  if (o.asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(o.asOf)) throw new UsageError(`--as-of must be YYYY-MM-DD, not ${JSON.stringify(o.asOf)}`);
  const year = o.year === undefined ? undefined : Number(o.year);
  if (year !== undefined && !Number.isInteger(year)) throw new UsageError(`--year must be a year, not ${JSON.stringify(o.year)}`);
  if (o.decimal !== undefined && o.decimal !== "," && o.decimal !== ".") throw new UsageError(`--decimal must be "," or "."`);
  const partitionBytes = o.partitionBytes === undefined ? undefined : Number(o.partitionBytes);
  if (partitionBytes !== undefined && !(Number.isSafeInteger(partitionBytes) && partitionBytes > 0)) throw new UsageError(`--partition-bytes must be a positive number of bytes`);
  const jobs = o.jobs === undefined ? undefined : Number(o.jobs);
  if (jobs !== undefined && !(Number.isSafeInteger(jobs) && jobs >= 0 && jobs <= 64)) throw new UsageError(`--jobs must be a number of threads from 0 to 64`);
  return {
    rules: o.rules,
    ...(o.asOf !== undefined && { asOf: o.asOf }),
    ...(year !== undefined && { year }),
    ...(o.overrides !== undefined && { overrides: o.overrides }),
    ...(o.decimal !== undefined && { decimal: o.decimal as "," | "." }),
    ...(o.allowModifiedRules && { allowModifiedRules: true }),
    ...(partitionBytes !== undefined && { partitionBytes }),
    ...(jobs !== undefined && { jobs }),
  };
}

const common = (c: Command) =>
  c
    .option("--rules <dir|id>", "rule-set directory or bundled id", "vn-2447-2025")
    .option("--as-of <date>", "apply the rules as of this date (YYYY-MM-DD); default: 31 Dec of each profile's year")
    .option("--year <year>", "year for rows that do not give one")
    .option("--lang <lang>", "vi or en", "vi")
    .option("--decimal <sep>", "decimal separator of numbers in CSV/XLSX text cells: , or .")
    .option("--allow-modified-rules", "load rule files whose hash does not match the manifest (every report says so)")
    .option("--partition-bytes <n>", "inputs larger than this are split by cohort into temporary files of about this size (bounded memory)", String(16 * 1024 * 1024))
    .option("--jobs <n>", "threads scoring the partitions of a split input (default: one per core; 0: no worker threads)");

function warn(rs: RuleSet, warnings: readonly Issue[], lang: Lang): void {
  if (!rs.verified) {
    process.stderr.write(
      lang === "vi"
        ? `CẢNH BÁO: bộ tiêu chí ${rs.id} đã bị sửa sau khi lập bản kê mã băm; báo cáo này không phải kết quả chính thức\n`
        : `WARNING: rule set ${rs.id} was modified after its manifest was hashed; this report is not an official result\n`,
    );
  }
  for (const w of warnings) process.stderr.write(`${lang === "vi" ? "lưu ý" : "warning"}: ${issueText(w, lang)}\n`);
}

export function scoreCommands(program: Command, exit: (code: number) => void): void {
  common(program.command("score").argument("<input>", "profiles: .json, .ndjson, .csv or .xlsx"))
    .description("score, rank and propose awards; exit 1 if some rows were rejected (they are listed in the report)")
    .option("--format <format>", `one of ${FORMATS.join(", ")}`, "text")
    .option("--overrides <file>", "committee overrides (JSON array of {unitId, award, reason, decidedBy, date})")
    .option("--out <file>", "write the report to a file (atomically) instead of stdout")
    .action(async (input: string, o: CommonFlags & { format: string; overrides?: string; out?: string }) => {
      if (!(FORMATS as readonly string[]).includes(o.format)) throw new UsageError(`--format must be one of ${FORMATS.join(", ")}`);
      if (o.format === "xlsx" && !o.out) throw new UsageError("--format xlsx needs --out <file>");
      const lang = langOf(o.lang);
      const opts = scoreOptions(o);
      const rs = loadRulesOrThrow(opts.rules, opts.allowModifiedRules);
      // traces (the facts behind each verdict) only where a person reads per-unit explanations
      const trace = o.format === "md";
      if (o.format === "xlsx") {
        // a workbook is built whole in memory (a sheet holds at most 1,048,576 rows anyway)
        const kept = new Map<string, readonly DecidedRecommendation[]>();
        const s = await scoreFile(input, { ...opts, trace }, (c, results) => (kept.set(c.key, results), []), rs);
        try {
          warn(rs, s.warnings, lang);
          const { resultCount: _n, matchedOverrides: _m, ...head } = s.run;
          const record: DecisionRecord = { ...head, results: s.run.cohorts.flatMap((c) => kept.get(c.key) ?? []) };
          output(await renderXlsx(record, rs, lang), o.out);
        } finally {
          s.dispose();
        }
        return exit(s.run.rejected.length ? 1 : 0);
      }
      // the final-decision column when the run has overrides (an empty overrides file has none)
      const spec: LayoutSpec = { format: o.format as StreamedFormat, lang, overrides: opts.overrides !== undefined && readOverrides(opts.overrides, rs).length > 0 };
      const layout = layoutOf(spec, rs);
      const s = await scoreFile(input, { ...opts, trace }, spec, rs);
      const out = openOutput(o.out);
      try {
        warn(rs, s.warnings, lang);
        layout.write(s.run, s.chunks, out.write);
        out.end();
      } catch (e) {
        out.abort();
        throw e;
      } finally {
        s.dispose();
      }
      exit(s.run.rejected.length ? 1 : 0);
    });

  common(program.command("validate").argument("<input>", "profiles: .json, .ndjson, .csv or .xlsx"))
    .description("check every row; print each problem with its row, column and message; exit 1 if any row is rejected")
    .action(async (input: string, o: CommonFlags) => {
      const { rs, run: record, warnings, dispose } = await scoreFile(input, { ...scoreOptions(o), trace: false }, null);
      dispose();
      warn(rs, warnings, langOf(o.lang));
      for (const r of record.rejected) {
        const lang = langOf(o.lang);
        for (const i of r.issues) process.stdout.write(`${lang === "vi" ? "dòng" : "row"} ${r.row ?? r.index + 1}${r.unitId ? ` (${r.unitId})` : ""}: ${issueText(i, lang)} [${i.code}]\n`);
      }
      const n = [record.input.count, record.resultCount, record.rejected.length];
      process.stdout.write(langOf(o.lang) === "vi" ? `${n[0]} dòng: ${n[1]} hợp lệ, ${n[2]} bị loại\n` : `${n[0]} rows: ${n[1]} valid, ${n[2]} rejected\n`);
      exit(record.rejected.length ? 1 : 0);
    });

  common(program.command("explain").argument("<input>", "profiles: .json, .ndjson, .csv or .xlsx"))
    .description("one unit's full explanation")
    .requiredOption("--unit <id>", "unit id")
    .action(async (input: string, o: CommonFlags & { unit: string }) => {
      const lang = langOf(o.lang);
      // the unit's results per cohort, printed in cohort order (cohorts are decided in partition order)
      const found = new Map<string, DecidedRecommendation[]>();
      const { rs, run: record, dispose } = await scoreFile(input, scoreOptions(o), (c, results) => {
        const mine = results.filter((r) => r.unitId === o.unit);
        if (mine.length) found.set(c.key, mine);
        return [];
      });
      dispose();
      const recs = record.cohorts.flatMap((c) => found.get(c.key) ?? []);
      if (!recs.length) {
        const rj = record.rejected.find((r) => r.unitId === o.unit);
        if (rj) {
          rj.issues.forEach((i) => process.stdout.write(`${formatIssue(i)}\n`));
          return exit(1);
        }
        throw new UsageError(`unit ${o.unit} is not in ${input}`);
      }
      for (const r of recs) process.stdout.write(renderExplanation(explainRecommendation(r, rs, lang), lang) + "\n");
      exit(0);
    });

  program
    .command("replay")
    .argument("<record>", "a decision record written by `thidua score --format json`")
    .requiredOption("--profiles <file>", "the input file the record was made from")
    .option("--rules <dir|id>", "rule-set directory (default: the bundled set named in the record)")
    .description("re-run a recorded decision; refuse if the rule set on disk differs from the recorded hash; exit 0 if identical, 1 if not")
    .action(async (file: string, o: { profiles: string; rules?: string }) => {
      let record: DecisionRecord;
      try {
        record = JSON.parse(readFileSync(file, "utf8"));
      } catch (e) {
        throw new UsageError(`${file}: not a decision record (${(e as Error).message})`);
      }
      if (record?.format !== "thidua.decision-record") throw new UsageError(`${file}: not a thidua decision record`);
      const rs = loadRulesOrThrow(o.rules ?? record.ruleset.id, true);
      if (rs.sha256 !== record.ruleset.sha256) {
        throw new UsageError(
          `REFUSED: rule set ${rs.id}@${rs.version} on disk has sha256 ${rs.sha256}, but the record was made with ${record.ruleset.id}@${record.ruleset.version} sha256 ${record.ruleset.sha256}. Restore the recorded rule files to replay this decision.`,
        );
      }
      const opt = record.options;
      // units whose score, rank or award moved, per cohort (printed in cohort order if the outcome differs)
      const before = new Map(record.results.map((r) => [`${r.cohort}|${r.unitId}`, r]));
      const moved = new Map<string, string[]>();
      const again = await scoreFile(o.profiles, {
        rules: rs.id,
        ...(record.asOf !== null && { asOf: record.asOf }),
        ...(typeof opt["year"] === "number" && { year: opt["year"] }),
        ...(opt["decimal"] === "," || opt["decimal"] === "." ? { decimal: opt["decimal"] } : {}),
        trace: false,
      }, (c, results) => {
        const out: string[] = [];
        for (const r of results) {
          const b = before.get(`${r.cohort}|${r.unitId}`);
          if (!b || b.score !== r.score || b.rank !== r.rank || b.award?.id !== r.award?.id) {
            out.push(`  ${r.unitId}: recorded ${b ? `${b.score} #${b.rank} ${b.award?.id ?? "—"}` : "absent"}, now ${r.score} #${r.rank} ${r.award?.id ?? "—"}`);
          }
        }
        if (out.length) moved.set(c.key, out);
        return [];
      }, rs);
      again.dispose();
      const lines = [`rule set ${rs.id}@${rs.version} sha256:${rs.sha256} — matches the record`];
      const inputSame = again.run.input.sha256 === record.input.sha256;
      lines.push(inputSame ? `input sha256:${record.input.sha256} — matches` : `input differs: recorded ${record.input.sha256}, given ${again.run.input.sha256}`);
      const outcome = again.run.outcomeSha256;
      const same = outcome === record.outcomeSha256;
      lines.push(same ? `outcome sha256:${outcome} — IDENTICAL` : `outcome sha256:${outcome} — DIFFERS from the recorded ${record.outcomeSha256}`);
      if (!same) for (const c of again.run.cohorts) lines.push(...(moved.get(c.key) ?? []));
      process.stdout.write(lines.join("\n") + "\n");
      exit(same && inputSame ? 0 : 1);
    });
}
