/**
 * 01 — Score one profile against the national rule set.
 *
 * Loads `vn-2447-2025` (schema, sha256 of every file, lints), compiles it once into an engine and
 * scores the Hà Giang figures of the 6 June 2023 conference (seed 004). Only four facts are known:
 * every other criterion is "unknown", never "not met", and the result lists the missing evidence.
 */
import { createEngine } from "thidua";
import { loadRuleSet } from "thidua/node";

const rules = loadRuleSet("vn-2447-2025");
if (!rules.ok) throw new Error(rules.issues.map((i) => i.message).join("\n"));
const engine = createEngine(rules.value);

const result = engine.score(
  {
    id: "pv-ha-giang",
    name: "Tỉnh Hà Giang",
    group: "province",
    year: 2025,
    facts: {
      "models.effectiveCount": 857,
      "models.massMobilisationCount": 299,
      "selfManagement.groups": { count: 2028, members: 11300 },
      "propaganda.classes": { count: 614, participants: 18400 },
    },
  },
  { asOf: "2025-12-31" }, // always pass asOf: the same inputs then give the same result
);

console.log(`rule set ${engine.ref.id}@${engine.ref.version} sha256 ${engine.ref.sha256.slice(0, 16)}…`);
console.log(`score ${result.score} / ${result.nominalMax} (${result.percent}%), class: ${rules.value.classes.find((k) => k.id === result.classification)?.title.vi ?? "—"}`);
console.log(`best case if every missing fact were favourable: ${result.potentialScore} (${result.potentialClassification})`);
console.log("criterion     status       points  bonus  deduction  missing facts");
for (const c of result.criteria) {
  const pts = `${c.points}/${c.maxPoints}`;
  console.log(`${c.id.padEnd(13)} ${c.status.padEnd(12)} ${pts.padStart(6)}  ${c.bonus.padStart(5)}  ${c.deduction.padStart(9)}  ${c.missingFacts.length}`);
}
for (const cap of result.groupCaps.filter((g) => g.applied)) console.log(`group cap ${cap.id}: ${cap.points} capped at ${cap.cap}`);
console.log(`missing evidence (${result.missingFacts.length}): ${result.missingFacts.slice(0, 4).join(", ")}, …`);
