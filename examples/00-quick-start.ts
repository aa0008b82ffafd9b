/**
 * 00 — The README's quick start: load the national rule set, recommend for one province, explain it in
 * Vietnamese. README.md quotes this file (its code block) and the first lines of its output.
 */
import { createEngine, explain, renderExplanation } from "thidua";
import { loadRuleSet } from "thidua/node";       // in a browser: loadRuleSetFromFiles({ "manifest.json": …, … })

const rules = loadRuleSet("vn-2447-2025");        // validates, checks every file's sha256, lints
if (!rules.ok) throw new Error(rules.issues.map((i) => i.message).join("\n"));
const engine = createEngine(rules.value);         // compile once, score many

const report = engine.recommend([{
  id: "pv-ha-giang", name: "Tỉnh Hà Giang", group: "province", year: 2025,
  facts: { "models.effectiveCount": 857, "selfManagement.groups": { count: 2028, members: 11300 } },
}], { asOf: "2025-12-31", trace: true });        // trace: the explanation names the deciding facts
const rec = report.results[0]!;
console.log(rec.score, rec.percent, rec.classification, rec.award?.title.vi ?? "—");   // 20 20 yeu —
console.log(renderExplanation(explain(rec, rules.value, "vi")));
