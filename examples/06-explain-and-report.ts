/**
 * 06 — Explanations, the decision record and the Markdown report.
 *
 * `explain` turns a recommendation into data (catalog keys, parameters, citations);
 * `renderExplanation` words it in Vietnamese or English. `buildDecisionRecord` freezes a run (rule
 * set digest, input hash, as-of date, outcome hash) and `renderMarkdown` prints it for the committee.
 */
import { readFileSync } from "node:fs";
import { buildDecisionRecord, createEngine, explain, renderExplanation, renderMarkdown, type CommitteeOverride } from "thidua";
import { loadRuleSet } from "thidua/node";

const rules = loadRuleSet("vn-2447-2025");
if (!rules.ok) throw new Error(rules.issues.map((i) => i.message).join("\n"));
const rs = rules.value;
const engine = createEngine(rs);

const input = readFileSync(new URL("../fixtures/cohorts/individuals-2025.json", import.meta.url), "utf8");
const profiles: unknown[] = JSON.parse(input);
// trace: true keeps the facts that decided each criterion, so the explanation can name them.
const report = engine.recommend(profiles, { asOf: "2025-12-31", trace: true });

// 1. One unit's explanation, in Vietnamese (the reference wording).
const cb04 = report.results.find((r) => r.unitId === "cb-04")!;
const explanation = explain(cb04, rs, "vi");
console.log(`headline item: ${explanation.headline.key} ${JSON.stringify(explanation.headline.params)}`);
console.log(renderExplanation(explanation));

// 2. The decision record, with the committee's overrides applied after the computation.
const overrides: CommitteeOverride[] = JSON.parse(readFileSync(new URL("../fixtures/overrides/individuals-2025.json", import.meta.url), "utf8"));
const record = buildDecisionRecord(rs, report, { input, inputCount: profiles.length, options: { asOf: "2025-12-31" }, overrides });
const { ruleset, input: inp, engine: eng, asOf, outcomeSha256 } = record;
console.log(JSON.stringify({ ruleset: { id: ruleset.id, sha256: ruleset.sha256, verified: ruleset.verified }, input: inp, engine: eng, asOf, outcomeSha256 }, null, 2));
for (const r of record.results.filter((x) => x.final.overridden)) {
  console.log(`${r.unitId}: computed ${r.award?.id ?? "—"}; final ${r.final.award?.id ?? "—"} — ${r.final.override?.reason}`);
}

// 3. The Markdown report: header and the first cohort's table.
const md = renderMarkdown(record, rs, "en").split("\n");
console.log(md.slice(0, md.findIndex((l) => l.startsWith("- Quota") || l.startsWith("## Units")) + 1).join("\n"));
