/**
 * 03 — A local rule set: Khánh Hòa extends the national one.
 *
 * `khanh-hoa-2025` names `vn-2447-2025` in its manifest (`extends`), adds facts and criteria from the
 * provincial plan (seed 002) and overrides two policy-default thresholds of criterion enterprise.2.
 * The loader records every override, and the local digest covers the parent's digest (lineage).
 */
import { createEngine, type RuleSet } from "thidua";
import { loadRuleSet } from "thidua/node";

const load = (id: string): RuleSet => {
  const r = loadRuleSet(id);
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join("\n"));
  return r.value;
};
const national = load("vn-2447-2025");
const local = load("khanh-hoa-2025");

console.log("lineage:", local.lineage.map((l) => `${l.id}@${l.version} (${l.sha256.slice(0, 12)}…)`).join(" → "));
console.log(`criteria: ${national.criteria.length} national, ${local.criteria.length} local (${local.criteria.filter((c) => c.origin === local.id).length} added)`);
for (const o of local.overrides) {
  const t = o.target.kind === "threshold" ? `${o.target.criterion}#${o.target.threshold}` : o.target.kind;
  console.log(`override ${t}: ${String(o.from)} → ${String(o.to)} (${o.basis}, by ${o.origin})`);
}

// A provincial agency: staffed to norm, 75 % of its security force trained this year.
const base = {
  "org.kind": "agency", "org.safeStandardRecognised": true, "unit.seriousIncident": false, "unit.disciplined": false,
  "securityForce.staffedToNorm": true, "securityForce.policiesEnsured": true, "securityForce.trainedRate": 0.75,
};
const agency = (facts: Record<string, unknown>) => ({ id: "so-tu-phap", name: "Sở Tư pháp", group: "enterprise" as const, year: 2025, facts });
const khFacts = { ...base, "kh.detailedPlan.issued": true, "kh.planReport.beforeSep2025": true };

const rejected = createEngine(national).safeScore(agency(khFacts), { asOf: "2025-12-31" });
if (!rejected.ok) console.log(`national set on local facts: ${rejected.issues.map((i) => i.code).join(", ")}`);

for (const [rs, facts] of [[national, base], [local, khFacts]] as const) {
  const r = createEngine(rs).score(agency(facts), { asOf: "2025-12-31" });
  const e2 = r.criteria.find((c) => c.id === "enterprise.2")!;
  console.log(`\n${rs.id}: score ${r.score} / ${r.nominalMax} = ${r.percent}% (${r.classification ?? "—"})`);
  console.log(`  enterprise.2: ${e2.status}, ${e2.points}/${e2.maxPoints} (tier ${e2.tier === undefined ? "—" : e2.tier + 1})`);
  const added = r.criteria.filter((c) => c.id.startsWith("enterprise.kh"));
  if (added.length) console.log(`  added: ${added.map((c) => `${c.id} ${c.points}/${c.maxPoints}`).join(", ")}`);
}
