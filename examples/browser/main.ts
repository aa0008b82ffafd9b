/**
 * The browser example's page script: fetches the national rule set and a cohort of profiles, scores
 * and ranks it, and shows each unit's explanation in Vietnamese. Bundle it with `serve.ts`.
 */
import { createEngine, explain, renderExplanation, type ProfileInput } from "thidua";
import { loadRuleSetFromUrl } from "./load-rule-set.js";

async function main(): Promise<string> {
  const rules = await loadRuleSetFromUrl("/rules/vn-2447-2025/");
  if (!rules.ok) throw new Error(rules.issues.map((i) => i.message).join("\n"));
  const rs = rules.value;
  const profiles = (await (await fetch("/fixtures/cohorts/individuals-2025.json")).json()) as ProfileInput[];
  const engine = createEngine(rs);
  const first = engine.score(profiles[0]!, { asOf: "2025-12-31" });
  const report = engine.recommend(profiles, { asOf: "2025-12-31", trace: true });
  const head = `${rs.id}@${rs.version} sha256 ${rs.sha256}\n${first.unitId}: ${first.score}/${first.nominalMax}\n`;
  return head + report.results.map((r) => renderExplanation(explain(r, rs, "vi"))).join("\n");
}

const out = document.getElementById("out")!;
main().then(
  (text) => {
    out.textContent = text;
    document.body.dataset["status"] = "done";
  },
  (e: unknown) => {
    out.textContent = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    document.body.dataset["status"] = "error";
  },
);
