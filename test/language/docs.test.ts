import { readFileSync } from "node:fs";
import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";

/**
 * The rule-language section of docs/rule-sets.md quotes rule files and outputs: a block opened with
 * ```json from=<file> must be (deep-equal to) a part of that JSON file, and a block opened with
 * ```text from=<file> must appear line by line in that file (an example's .expected.txt, a rule book
 * a test keeps fresh) — so the docs cannot drift from what the engine reads and prints.
 */
const root = new URL("../../", import.meta.url);
const doc = readFileSync(new URL("docs/rule-sets.md", root), "utf8");

const blocks = [...doc.matchAll(/^```(json|text) from=(\S+)\n([\s\S]*?)^```$/gm)].map((m) => ({ kind: m[1]!, file: m[2]!, body: m[3]! }));

function contains(haystack: unknown, needle: unknown): boolean {
  if (isDeepStrictEqual(haystack, needle)) return true;
  if (haystack === null || typeof haystack !== "object") return false;
  return Object.values(haystack).some((v) => contains(v, needle));
}

describe("docs/rule-sets.md quotes what the files say", () => {
  it("has quoted blocks to check", () => {
    expect(blocks.filter((b) => b.kind === "json").length).toBeGreaterThanOrEqual(6);
    expect(blocks.filter((b) => b.kind === "text").length).toBeGreaterThanOrEqual(6);
  });

  it.each(blocks.map((b, i) => [`${i} ${b.kind} from ${b.file}`, b] as const))("%s", (_name, b) => {
    const text = readFileSync(new URL(b.file, root), "utf8");
    if (b.kind === "json") expect(contains(JSON.parse(text), JSON.parse(b.body)), b.body).toBe(true);
    else for (const line of b.body.trimEnd().split("\n")) expect(text.split("\n"), line).toContain(line);
  });
});
