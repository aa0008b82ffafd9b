/** Writes rules/schema/*.schema.json from the zod schemas. `test/schema-drift.test.ts` checks it. */
import { writeFileSync, mkdirSync } from "node:fs";
import { ruleFileJsonSchemas } from "../src/rules/json-schema.js";

const dir = new URL("../rules/schema/", import.meta.url);
mkdirSync(dir, { recursive: true });
for (const [name, schema] of Object.entries(ruleFileJsonSchemas())) {
  writeFileSync(new URL(name, dir), JSON.stringify(schema, null, 2) + "\n");
  console.log(`wrote rules/schema/${name}`);
}
