import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkRecordSeal, parseDecisionRecord } from "thidua";
import { canonicalJson } from "../../src/rules/index.js";
import { capture } from "../support/cli.js";

/**
 * Fuzzing decision records: random edits of a real sealed record (values replaced, keys deleted or
 * added, subtrees nested deeper), random truncations and byte flips. Reading never throws and names
 * a record.* code; the seal is intact exactly when the record still says the same thing; replay
 * exits 0 only for such a record, otherwise 1 or 2 with a message, never a stack trace. Bounded
 * here; `npm run fuzz` runs many more cases (FUZZ_RUNS).
 */
const RUNS = Number(process.env["FUZZ_RUNS"] ?? 60);
const root = new URL("../../", import.meta.url).pathname;
const profiles = join(root, "fixtures/cohorts/individuals-2025.json");
const dir = mkdtempSync(join(tmpdir(), "thidua-fuzz-records-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let original = "";
let canonical = "";
beforeAll(async () => {
  const out = join(dir, "record.json");
  const r = await capture(["score", profiles, "--as-of", "2025-12-31", "--overrides", join(root, "fixtures/overrides/individuals-2025.json"), "--format", "json", "--out", out]);
  expect(r.code, r.err).toBe(0);
  original = readFileSync(out, "utf8");
  canonical = canonicalJson(JSON.parse(original));
});

/** Applies a random edit at a random place of a JSON document. */
function mutate(doc: unknown, path: number[], replacement: unknown, mode: number): void {
  let node: any = doc;
  for (let i = 0; i < path.length && node && typeof node === "object"; i++) {
    const keys = Object.keys(node);
    if (!keys.length) break;
    const k = keys[path[i]! % keys.length]!;
    const child = node[k];
    if (i === path.length - 1 || !child || typeof child !== "object") {
      if (mode === 0) node[k] = replacement;
      else if (mode === 1) delete node[k];
      else if (mode === 2) node[`${k}x`] = replacement;
      else node[k] = [[{ x: child }]];
      return;
    }
    node = child;
  }
}

const hostile = fc.oneof(fc.anything({ maxDepth: 3 }), fc.constantFrom(null, "", -1, 1e308, "99", "award.co-thi-dua-chinh-phu", { id: "x" }, [], {}));
const edits = fc.tuple(fc.array(fc.nat(), { minLength: 1, maxLength: 7 }), hostile, fc.nat({ max: 3 }));

describe("fuzzing decision records", () => {
  it("reading never throws; the seal is intact exactly when the record says the same thing", () => {
    fc.assert(
      fc.property(edits, ([path, replacement, mode]) => {
        const doc = JSON.parse(original);
        mutate(doc, path, replacement, mode);
        const text = JSON.stringify(doc);
        const r = parseDecisionRecord(text);
        if (!r.ok) {
          for (const i of r.issues) expect(i.code).toMatch(/^record\./);
          return;
        }
        const same = canonicalJson(JSON.parse(text)) === canonical;
        if (r.value.version === 2) expect(checkRecordSeal(r.value.record).intact).toBe(same);
      }),
      { numRuns: RUNS * 3, seed: 11 },
    );
  });

  it("truncated or bit-flipped bytes give a record.* issue, never an exception", () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), fc.integer({ min: 1, max: 255 }), fc.boolean(), (cut, at, xor, flip) => {
        const bytes = new TextEncoder().encode(original);
        const b = flip ? bytes.map((x, i) => (i === at % bytes.length ? x ^ xor : x)) : bytes.slice(0, cut % bytes.length);
        const r = parseDecisionRecord(b);
        if (!r.ok) for (const i of r.issues) expect(i.code).toMatch(/^record\./);
        else if (r.value.version === 2) expect(checkRecordSeal(r.value.record).intact).toBe(canonicalJson(r.value.record) === canonical);
      }),
      { numRuns: RUNS * 3, seed: 12 },
    );
  });

  it("replay of an edited record: exit 0 only when nothing changed, else 1 or 2 with a message; no stack trace", async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(edits, async ([path, replacement, mode]) => {
        const doc = JSON.parse(original);
        mutate(doc, path, replacement, mode);
        const file = join(dir, `edited-${n++}.json`);
        writeFileSync(file, JSON.stringify(doc));
        const r = await capture(["replay", file, "--profiles", profiles, "--lang", "en"]);
        expect([0, 1, 2]).toContain(r.code);
        expect(r.code === 0).toBe(canonicalJson(doc) === canonical);
        if (r.code !== 0) expect(r.out.length + r.err.length).toBeGreaterThan(0);
        expect(r.err).not.toMatch(/\n\s+at .+:\d+:\d+|TypeError/);
      }),
      { numRuns: RUNS, seed: 13 },
    );
  });
});
