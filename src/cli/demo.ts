import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import { createEngine, formatIssue, type ScoreResult } from "../index.js";
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
      const engine = createEngine(rs);
      const profiles = readFixtureProfiles(join(bundledRulesDir(), "..", "fixtures", "profiles"));
      const batch = engine.evaluateMany(profiles, { asOf: o.asOf });
      const out: string[] = [`thidua demo — ${rs.manifest.title.vi}`, `rule set ${rs.id}@${rs.version} sha256:${rs.sha256}`, `as of ${o.asOf}; ${profiles.length} profiles: ${batch.results.length} scored, ${batch.rejected.length} rejected`, ""];
      const cohorts = new Map<string, ScoreResult[]>();
      for (const x of batch.results) {
        const k = `${x.group} / ${x.cohort ?? "—"} / ${x.year}`;
        cohorts.set(k, [...(cohorts.get(k) ?? []), x]);
      }
      for (const k of [...cohorts.keys()].sort()) {
        out.push(`== ${k}`);
        out.push(`${pad("#", 3)} ${pad("unit", 44)} ${padL("score", 7)} ${padL("%", 7)}  ${pad("class", 12)} notes`);
        const rows = [...cohorts.get(k)!].sort((a, b) => Number(b.score) - Number(a.score) || (a.unitId < b.unitId ? -1 : 1));
        rows.forEach((x, i) => {
          const notes = [x.knockedOut ? `knocked out (${x.knockouts.map((k) => k.criterion).join(", ")})` : "", x.missingFacts.length ? `missing: ${x.missingFacts.length} facts` : ""].filter(Boolean).join("; ");
          out.push(`${pad(String(i + 1), 3)} ${pad(`${x.unitId} ${x.name}`.slice(0, 44), 44)} ${padL(x.score, 7)} ${padL(x.percent, 7)}  ${pad(x.classification?.title.vi ?? "—", 12)} ${notes}`);
        });
        out.push("");
      }
      for (const rj of batch.rejected) out.push(`rejected #${rj.index} ${rj.unitId ?? ""}: ${rj.issues.map(formatIssue).join("; ")}`);
      process.stdout.write(out.join("\n") + "\n");
      exit(0);
    });
}
