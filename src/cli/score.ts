import { readFileSync } from "node:fs";
import type { Command } from "commander";
import type { DecisionRecord } from "../index.js";
import { loadRulesOrThrow, scoreFile, UsageError } from "./pipeline.js";
import { scoreCommand } from "./score-command.js";
import { explainCommand, validateCommand } from "./validate-command.js";

/** `score`, `validate`, `explain` and `replay`: the commands that read profiles. */
export function scoreCommands(program: Command, exit: (code: number) => void): void {
  scoreCommand(program, exit);
  validateCommand(program, exit);
  explainCommand(program, exit);

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
