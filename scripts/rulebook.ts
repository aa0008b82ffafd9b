/**
 * Writes rules/<id>/RULEBOOK.{vi,en}.md for every bundled rule set, and the example rule sets' under
 * examples/rules/. `test/rulebook.test.ts` and `test/schemes/schemes.test.ts` fail when they are stale.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { renderRulebook } from "../src/index.js";
import { BUNDLED_RULE_SETS, bundledRulesDir, loadRuleSet } from "../src/node/index.js";

for (const id of BUNDLED_RULE_SETS) {
  const r = loadRuleSet(id);
  if (!r.ok) {
    console.error(`${id}: cannot load`, r.issues);
    process.exitCode = 1;
    continue;
  }
  for (const lang of ["vi", "en"] as const) {
    writeFileSync(join(bundledRulesDir(), id, `RULEBOOK.${lang}.md`), renderRulebook(r.value, lang));
    console.log(`wrote rules/${id}/RULEBOOK.${lang}.md`);
  }
}

for (const dir of ["examples/rules/mttq-phuong-2025"]) {
  const r = loadRuleSet(join(bundledRulesDir(), "..", dir));
  if (!r.ok) {
    console.error(`${dir}: cannot load`, r.issues);
    process.exitCode = 1;
    continue;
  }
  for (const lang of ["vi", "en"] as const) {
    writeFileSync(join(bundledRulesDir(), "..", dir, `RULEBOOK.${lang}.md`), renderRulebook(r.value, lang));
    console.log(`wrote ${dir}/RULEBOOK.${lang}.md`);
  }
}
