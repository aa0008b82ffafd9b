import { refusedLine } from "./options.js";
import { basename } from "node:path";
import type { Command } from "commander";
import { say } from "./messages/index.js";
import { explain, renderExplanation, type DecidedRecommendation, type Issue, type Lang } from "../index.js";
import { cliIssueText } from "./issues.js";
import { common, hasErrors, langOf, scoreOptions, warn, type CommonFlags } from "./options.js";
import { scoreFile } from "./pipeline.js";
import { usageError } from "./rules-load.js";

/** A value shown in a message line: at most 40 characters (an id can be as long as the file). */
const clip = (s: string) => (s.length > 40 ? `${s.slice(0, 40)}…` : s);

/** One problem of `validate`: its row (and unit), the catalog text, the code. */
const problemLine = (lang: Lang, row: number | string, unitId: string | undefined, i: Issue) =>
  `${lang === "vi" ? "dòng" : "row"} ${row}${unitId ? ` (${clip(unitId)})` : ""}: ${cliIssueText(i, lang)} [${i.code}]\n`;

/** `thidua validate`: every problem with its row and column, then how many rows were valid. */
export function validateCommand(program: Command, exit: (code: number) => void): void {
  common(program.command("validate").argument("<input>", "profiles: .json, .ndjson, .csv or .xlsx"))
    .description("check every row; print each problem with its row, column and message; exit 1 if any row is rejected")
    .action(async (input: string, o: CommonFlags) => {
      const lang = langOf(o.lang);
      const { rs, run: record, warnings, dispose } = await scoreFile(input, { ...scoreOptions(o), trace: false }, null);
      dispose();
      // the header's errors are listed with the rows' problems (row of the header), but are not rows
      const headerErrors = warnings.filter((w) => w.severity === "error");
      warn(rs, warnings.filter((w) => w.severity !== "error"), lang);
      for (const i of headerErrors) process.stdout.write(problemLine(lang, String(i.params?.["row"] ?? 1), undefined, i));
      for (const r of record.rejected) for (const i of r.issues) process.stdout.write(problemLine(lang, r.row ?? r.index + 1, r.unitId, i));
      const n = [record.input.count, record.resultCount, record.rejected.length];
      process.stdout.write(lang === "vi" ? `${n[0]} dòng: ${n[1]} hợp lệ, ${n[2]} bị loại\n` : `${n[0]} rows: ${n[1]} valid, ${n[2]} rejected\n`);
      exit(record.rejected.length || hasErrors(warnings) ? 1 : 0);
    });
}

/** `thidua explain`: one unit's full explanation, in every cohort it appears in (cohort order). */
export function explainCommand(program: Command, exit: (code: number) => void): void {
  common(program.command("explain").argument("<input>", "profiles: .json, .ndjson, .csv or .xlsx"))
    .description("one unit's full explanation")
    .requiredOption("--unit <id>", "unit id")
    .action(async (input: string, o: CommonFlags & { unit: string }) => {
      const lang = langOf(o.lang);
      // the unit's results per cohort, printed in cohort order (cohorts are decided in partition order)
      const found = new Map<string, DecidedRecommendation[]>();
      const { rs, run: record, warnings, dispose } = await scoreFile(input, scoreOptions(o), (c, results) => {
        const mine = results.filter((r) => r.unitId === o.unit);
        if (mine.length) found.set(c.key, mine);
        return [];
      });
      dispose();
      // a column dropped would make an explanation without its facts: refused, as score refuses it
      if (hasErrors(warnings)) {
        warn(rs, warnings, lang);
        process.stderr.write(`${refusedLine(warnings, input, lang)}\n`);
        return exit(1);
      }
      const recs = record.cohorts.flatMap((c) => found.get(c.key) ?? []);
      if (!recs.length) {
        const rj = record.rejected.find((r) => r.unitId === o.unit);
        if (rj) {
          rj.issues.forEach((i) => process.stdout.write(`${cliIssueText(i, lang)}\n`));
          return exit(1);
        }
        throw usageError("usage.unitNotFound", { unitId: o.unit, file: input });
      }
      for (const r of recs) process.stdout.write(renderExplanation(explain(r, rs, lang), lang) + "\n");
      exit(0);
    });
}
