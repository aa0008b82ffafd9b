/**
 * 02 — Rank an emulation cluster and propose awards.
 *
 * `engine.recommend` scores every profile, groups them into cohorts (subject group + cluster/block +
 * year), ranks each cohort with the documented tie-break chain, checks every award's eligibility
 * (class, conditions, history, this-year prerequisites), applies quotas and proposes, for each unit,
 * the highest award it is granted. Every input ends up once in `results` or in `rejected`.
 */
import { readFileSync } from "node:fs";
import { createEngine } from "thidua";
import { loadRuleSet } from "thidua/node";

const rules = loadRuleSet("vn-2447-2025");
if (!rules.ok) throw new Error(rules.issues.map((i) => i.message).join("\n"));
const engine = createEngine(rules.value);

const profiles: unknown[] = JSON.parse(readFileSync(new URL("../fixtures/cohorts/individuals-2025.json", import.meta.url), "utf8"));
const report = engine.recommend(profiles, { asOf: "2025-12-31" });

console.log(`${profiles.length} profiles → ${report.results.length} ranked, ${report.rejected.length} rejected`);
for (const cohort of report.cohorts) {
  console.log(`\n== ${cohort.key} (${cohort.size} units)`);
  for (const r of report.results.filter((x) => x.cohort === cohort.cohort && x.group === cohort.group)) {
    const tie = r.decidedBy && r.decidedBy !== "score" ? ` [tie → ${r.decidedBy}]` : "";
    const beside = r.alongside.length ? ` (+ ${r.alongside.map((a) => a.id).join(", ")})` : "";
    const awards = r.award ? `${r.award.title.vi}${beside}` : "—";
    console.log(`${String(r.rank).padStart(2)}. ${r.unitId} ${r.score.padStart(4)} ${(r.classification ?? "-").padEnd(10)} ${awards}${tie}`);
    const next = r.nearMisses.find((n) => n.pointsShort !== null);
    if (next) console.log(`      next step: ${next.title.vi} — ${next.status}, ${next.pointsShort} points short`);
  }
  for (const q of cohort.quotas) {
    console.log(`   quota ${q.award}: ${q.granted}/${q.allowed} allowed of base ${q.base}, ${q.candidates} candidates${q.binding ? " (binding)" : ""}`);
  }
}
