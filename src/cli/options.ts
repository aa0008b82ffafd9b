import { basename } from "node:path";
import type { Command } from "commander";
import type { Issue, Lang, RuleSet } from "../index.js";
import { cliIssueText } from "./issues.js";
import { say } from "./messages/index.js";
import { type ScoreOptions } from "./pipeline.js";
import { usageError } from "./rules-load.js";

/** The flags every command that reads profiles takes (see `common`). */
export interface CommonFlags {
  rules: string;
  asOf?: string;
  year?: string;
  lang: string;
  decimal?: string;
  allowModifiedRules?: boolean;
  partitionBytes?: string;
  jobs?: string;
  ignoreUnknownColumns?: boolean;
  assessments?: string;
}

export function langOf(s: string): Lang {
  if (s !== "vi" && s !== "en") throw usageError("usage.badValue", { option: "--lang", value: s, allowed: "vi, en" });
  return s;
}

/** The pipeline's options from the command line, each checked (a usage error otherwise). */
export function scoreOptions(o: CommonFlags & { overrides?: string }): ScoreOptions {
  if (o.asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(o.asOf)) throw usageError("usage.badValue", { option: "--as-of", value: o.asOf, allowed: "YYYY-MM-DD (2025-12-31)" });
  const year = o.year === undefined ? undefined : Number(o.year);
  if (year !== undefined && !Number.isInteger(year)) throw usageError("usage.badValue", { option: "--year", value: String(o.year), allowed: "YYYY (2025)" });
  if (o.decimal !== undefined && o.decimal !== "," && o.decimal !== ".") throw usageError("usage.badValue", { option: "--decimal", value: o.decimal, allowed: "“,” / “.”" });
  const partitionBytes = o.partitionBytes === undefined ? undefined : Number(o.partitionBytes);
  if (partitionBytes !== undefined && !(Number.isSafeInteger(partitionBytes) && partitionBytes > 0)) throw usageError("usage.badValue", { option: "--partition-bytes", value: String(o.partitionBytes), allowed: "> 0" });
  const jobs = o.jobs === undefined ? undefined : Number(o.jobs);
  if (jobs !== undefined && !(Number.isSafeInteger(jobs) && jobs >= 0 && jobs <= 64)) throw usageError("usage.badValue", { option: "--jobs", value: String(o.jobs), allowed: "0–64" });
  return {
    rules: o.rules,
    ...(o.asOf !== undefined && { asOf: o.asOf }),
    ...(year !== undefined && { year }),
    ...(o.overrides !== undefined && { overrides: o.overrides }),
    ...(o.decimal !== undefined && { decimal: o.decimal as "," | "." }),
    ...(o.allowModifiedRules && { allowModifiedRules: true }),
    ...(partitionBytes !== undefined && { partitionBytes }),
    ...(jobs !== undefined && { jobs }),
    ...(o.ignoreUnknownColumns && { ignoreUnknownColumns: true }),
    ...(o.assessments !== undefined && { assessments: o.assessments }),
    lang: langOf(o.lang),
  };
}

/**
 * Why no report is made from a run whose notes have an error: the input's header, or the assessments
 * file (a row naming no unit of the data, a missing column, a workbook that cannot be read).
 */
export function refusedLine(notes: readonly Issue[], input: string, lang: Lang): string {
  const own = basename(input);
  const other = notes.find((i) => i.severity === "error" && (i.params?.["kind"] === "assessment" || (typeof i.params?.["file"] === "string" && i.params["file"] !== own)));
  return other ? say(lang, "cli.assessmentsRefused", { file: String(other.params?.["file"] ?? "") }) : say(lang, "cli.headerRefused", { file: own });
}

/** Declares the common flags on a command that reads profiles. */
export const common = (c: Command) =>
  c
    .option("--rules <dir|id>", "rule-set directory or bundled id", "vn-2447-2025")
    .option("--as-of <date>", "apply the rules as of this date (YYYY-MM-DD); default: 31 Dec of each profile's year")
    .option("--year <year>", "year for rows that do not give one")
    .option("--lang <lang>", "vi or en", "vi")
    .option("--decimal <sep>", "decimal separator of numbers in CSV/XLSX text cells: , or .")
    .option("--allow-modified-rules", "load rule files whose hash does not match the manifest (every report says so)")
    .option("--partition-bytes <n>", "inputs larger than this are split by cohort into temporary files of about this size (bounded memory)", String(16 * 1024 * 1024))
    .option("--ignore-unknown-columns", "ignore input columns that name no fact (listed in the report and the decision record) instead of refusing the file")
    .option("--jobs <n>", "threads scoring the partitions of a split input (default: one per core; 0: no worker threads)")
    .option("--assessments <file>", "a CSV input's assessments (CSV or XLSX: unit, role, assessor, date, fact, new value, reason); an XLSX input's sheet “Đánh giá” is read without it");

/** True when some note is an error (a header problem): the command then exits 1. */
export const hasErrors = (notes: readonly Issue[]): boolean => notes.some((i) => i.severity === "error");

/** On stderr: the warning of a modified rule set, then each note on the input (header problems, unmatched overrides). */
export function warn(rs: RuleSet, notes: readonly Issue[], lang: Lang): void {
  if (!rs.verified) {
    process.stderr.write(
      lang === "vi"
        ? `CẢNH BÁO: bộ tiêu chí ${rs.id} đã bị sửa sau khi lập bản kê mã băm; báo cáo này không phải kết quả chính thức\n`
        : `WARNING: rule set ${rs.id} was modified after its manifest was hashed; this report is not an official result\n`,
    );
  }
  for (const w of notes) process.stderr.write(`${say(lang, "cli.note", { severity: w.severity, text: cliIssueText(w, lang) })}\n`);
}
