/** Writes rules/<id>/RULEBOOK.{vi,en}.md for every bundled rule set. `test/rulebook.test.ts` fails when they are stale. */
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
