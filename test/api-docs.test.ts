/**
 * docs/api.md is generated from the declarations and doc comments of the public entry points
 * (`npm run docs:api`, scripts/api-docs.ts). This test fails when the committed page is stale and
 * when an exported symbol has no doc comment.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { collectApi, renderApiDocs } from "../scripts/api-docs.js";

const api = collectApi();

describe("docs/api.md", () => {
  it("covers the four entry points", () => {
    expect(api.some((e) => e.module === "thidua" && e.name === "createEngine")).toBe(true);
    expect(api.some((e) => e.module === "thidua/node" && e.name === "loadRuleSet")).toBe(true);
    expect(api.some((e) => e.module === "thidua/stream" && e.name === "recommendPartitioned")).toBe(true);
    expect(api.some((e) => e.module === "thidua/stream" && e.name === "reportLayout")).toBe(true);
    expect(api.some((e) => e.module === "thidua/conditions" && e.name === "compileCondition")).toBe(true);
  });

  it("every exported symbol has a doc comment", () => {
    const undocumented = api.filter((e) => e.doc.trim() === "").map((e) => `${e.module}: ${e.name} (${e.source})`);
    expect(undocumented, "add a /** … */ comment above these declarations").toEqual([]);
  });

  it("is up to date (run `npm run docs:api`)", () => {
    const committed = readFileSync(new URL("../docs/api.md", import.meta.url), "utf8");
    expect(committed).toBe(renderApiDocs(api));
  });
});
