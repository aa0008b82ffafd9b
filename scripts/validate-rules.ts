/** Schema-only validation of one rule set's files (a quick check while editing). Usage: tsx scripts/validate-rules.ts <dir> */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  AwardsFileSchema, ClassesFileSchema, CriteriaFileSchema, FactsFileSchema, ManifestSchema, OverridesFileSchema,
} from "../src/rules/schema.js";

const dir = process.argv[2] ?? "rules/vn-2447-2025";
const bykind = { facts: FactsFileSchema, criteria: CriteriaFileSchema, awards: AwardsFileSchema, classes: ClassesFileSchema, overrides: OverridesFileSchema } as const;
let bad = 0;
const check = (name: string, schema: { safeParse(v: unknown): { success: boolean; error?: { issues: unknown[] } } }) => {
  const r = schema.safeParse(JSON.parse(readFileSync(join(dir, name), "utf8")));
  if (!r.success) { bad++; console.log(name, JSON.stringify(r.error?.issues.slice(0, 10), null, 1)); } else console.log(`${name}: ok`);
};
check("manifest.json", ManifestSchema);
const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8"));
for (const f of manifest.files) check(f.path, bykind[f.kind as keyof typeof bykind]);
process.exit(bad ? 1 : 0);
