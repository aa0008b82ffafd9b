/**
 * 08 — A standalone rule set: a Fatherland Front ward-scoring table, unrelated to Decision 2447.
 *
 * `examples/rules/mttq-phuong-2025/` declares its own subject group (`phuong`), a derived fact
 * (households taking part ÷ all households), a comparison of two facts (money raised ≥ the target),
 * blanks that count as zero (`unknownAs`), classes by points (≥ 95 / ≥ 85 / else, and «Chưa chấm»
 * for an empty sheet), a ranking chain (official total, then self-assessed total, then ward name in
 * Vietnamese order) and assessments (the ward's own, the reviewers', the council's, each change with
 * its reason; the last one is official). It has no award catalog: it scores, classes and ranks only.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createEngine, explain, renderExplanation } from "thidua";
import { loadRuleSet } from "thidua/node";

const loaded = loadRuleSet(fileURLToPath(new URL("./rules/mttq-phuong-2025/", import.meta.url)));
if (!loaded.ok) throw new Error(loaded.issues.map((i) => i.message).join("\n"));
const rs = loaded.value;
const wards: unknown[] = JSON.parse(readFileSync(new URL("./data/mttq-phuong-2025.json", import.meta.url), "utf8"));

const report = createEngine(rs).recommend(wards, { asOf: "2025-12-31", trace: true });
console.log(`${rs.id}: ${rs.groups.map((g) => g.title?.vi).join(", ")}; ${rs.awards.length} awards`);
for (const r of report.results) {
  const a = r.scoreResult.assessment;
  const self = a ? `, tự chấm ${a.self.score}` : "";
  const tie = r.decidedBy && r.decidedBy !== "score" ? ` — decidedBy: ${r.decidedBy}` : "";
  const cls = rs.classes.find((k) => k.id === r.classification)?.title.vi;
  console.log(`${r.rank}. ${r.name}: ${r.score} điểm${self} (${cls})${tie}`);
}

// Why Đồng Xoài has 97 points: the changes with their reasons, the derived share, the fund compared with its target.
const dongXoai = report.results.find((r) => r.unitId === "p-dong-xoai")!;
console.log(`\n${renderExplanation(explain(dongXoai, rs, "vi"))}`);
