import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import { buildDecisionRecord, createEngine, formatIssue, renderText, type Lang } from "../index.js";
import { bundledRulesDir, loadRuleSet } from "../node/index.js";

/** Reads every profile of `fixtures/profiles/*.json` (each file an array or one profile), in file-name order. */
export function readFixtureProfiles(dir: string): { profiles: unknown[]; bytes: string } {
  const files = readdirSync(dir).filter((f) => f.endsWith(".json")).sort();
  const texts = files.map((f) => readFileSync(join(dir, f), "utf8"));
  const profiles = texts.flatMap((t) => {
    const v = JSON.parse(t);
    return Array.isArray(v) ? v : [v];
  });
  return { profiles, bytes: texts.join("\n") };
}

/**
 * `thidua demo` (what `npm run demo` runs): scores the bundled fixtures (25 profiles, five subject
 * groups, Hà Giang 2023 included) against the national rule set and prints the committee's text report:
 * a ranked table per cohort with the proposed award and the main reason.
 */
export function demoCommand(program: Command, exit: (code: number) => void): void {
  program
    .command("demo")
    .description("score the bundled fixtures against the national rule set and print the ranked recommendations per cohort")
    .option("--rules <dir>", "rule set", "vn-2447-2025")
    .option("--as-of <date>", "as-of date", "2025-12-31")
    .option("--lang <lang>", "vi or en", "vi")
    .action((o: { rules: string; asOf: string; lang: string }) => {
      const r = loadRuleSet(o.rules);
      if (!r.ok) {
        r.issues.forEach((i) => process.stderr.write(`${formatIssue(i)}\n`));
        return exit(2);
      }
      const lang: Lang = o.lang === "en" ? "en" : "vi";
      const { profiles, bytes } = readFixtureProfiles(join(bundledRulesDir(), "..", "fixtures", "profiles"));
      const report = createEngine(r.value).recommend(profiles, { asOf: o.asOf });
      const record = buildDecisionRecord(r.value, report, { input: bytes, inputCount: profiles.length, options: { asOf: o.asOf, rules: r.value.id } });
      process.stdout.write(renderText(record, r.value, lang));
      exit(report.rejected.length ? 1 : 0);
    });
}
