import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import { createEngine, formatIssue } from "../index.js";
import { bundledRulesDir, loadRuleset } from "../node/index.js";

const pad = (s: string, n: number) => (s.length >= n ? s : s + " ".repeat(n - s.length));
const padL = (s: string, n: number) => (s.length >= n ? s : " ".repeat(n - s.length) + s);

/** Reads every profile of `fixtures/profiles/*.json` (each file an array or one profile). */
export function readFixtureProfiles(dir: string): unknown[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .flatMap((f) => {
      const v = JSON.parse(readFileSync(join(dir, f), "utf8"));
      return Array.isArray(v) ? v : [v];
    });
}

export function demoCommand(program: Command, exit: (code: number) => void): void {
  program
    .command("demo")
    .description("score the bundled fixtures against the national rule set and print the results per cohort")
    .option("--rules <dir>", "rule set", "vn-2447-2025")
    .option("--as-of <date>", "as-of date", "2025-12-31")
    .action((o: { rules: string; asOf: string }) => {
      const r = loadRuleset(o.rules);
      if (!r.ok) {
        r.issues.forEach((i) => process.stderr.write(`${formatIssue(i)}\n`));
        return exit(2);
      }
      const rs = r.value;
      const out: string[] = [];
      const engine = createEngine(rs);
      const profiles = readFixtureProfiles(join(bundledRulesDir(), "..", "fixtures", "profiles"));
      const report = engine.recommend(profiles, { asOf: o.asOf });
      out.push(`thidua demo — ${rs.manifest.title.vi}`, `rule set ${rs.id}@${rs.version} sha256:${rs.sha256}`);
      out.push(`as of ${o.asOf}; ${profiles.length} profiles: ${report.results.length} scored, ${report.rejected.length} rejected`, "");
      for (const c of report.cohorts) {
        out.push(`== ${c.group} / ${c.cohort ?? "—"} / ${c.year} (${c.size})`);
        out.push(`${pad("#", 3)} ${pad("unit", 40)} ${padL("score", 6)} ${padL("%", 6)}  ${pad("class", 10)} ${pad("proposed award", 58)} notes`);
        for (const x of report.results.filter((y) => y.group === c.group && y.cohort === c.cohort && y.year === c.year)) {
          const notes = [
            x.decidedBy && x.decidedBy !== "score" ? `tie → ${x.decidedBy}` : "",
            x.knockedOut ? `knocked out (${x.scoreResult.knockouts.map((k) => k.criterion).join(", ")})` : "",
            x.missingEvidence.length ? `missing evidence: ${x.missingEvidence.length}` : "",
            x.eligibility.some((e) => e.status === "quota") ? "quota" : "",
          ].filter(Boolean).join("; ");
          const klass = rs.classes.find((k) => k.id === x.classification)?.title.vi ?? "—";
          out.push(`${pad(String(x.rank), 3)} ${pad(`${x.unitId} ${x.name}`.slice(0, 40), 40)} ${padL(x.score, 6)} ${padL(x.percent, 6)}  ${pad(klass, 10)} ${pad((x.award?.title.vi ?? "—").slice(0, 58), 58)} ${notes}`);
        }
        for (const q of c.quotas.filter((y) => y.candidates > 0)) {
          out.push(`    quota ${q.award}: ${q.granted}/${q.allowed} allowed of base ${q.base}, ${q.candidates} candidates${q.binding ? " (binding)" : ""}`);
        }
        out.push("");
      }
      for (const rj of report.rejected) out.push(`rejected #${rj.index} ${rj.unitId ?? ""}: ${rj.issues.map(formatIssue).join("; ")}`);
      process.stdout.write(out.join("\n") + "\n");
      exit(0);
    });
}
