import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ruleFileJsonSchemas } from "../src/rules/index.js";

describe("published JSON Schema", () => {
  const dir = new URL("../rules/schema/", import.meta.url);
  const fresh = ruleFileJsonSchemas();

  it("matches a fresh generation from the zod schemas (run `npm run schema` after changing them)", () => {
    for (const [name, schema] of Object.entries(fresh)) {
      const committed = readFileSync(new URL(name, dir), "utf8");
      expect(committed, name).toBe(JSON.stringify(schema, null, 2) + "\n");
    }
  });

  it("has no stale files", () => {
    expect(readdirSync(dir).sort()).toEqual(Object.keys(fresh).sort());
  });

  it("describes conditions in json-rules-engine's format", () => {
    const s = JSON.stringify(fresh["criteria.schema.json"]);
    for (const key of ['"all"', '"any"', '"not"', '"fact"', '"operator"', '"value"', '"path"']) expect(s).toContain(key);
  });
});
