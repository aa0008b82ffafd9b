import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createEngine, loadRuleSetFromFiles, ThiduaError } from "thidua";
import { edit, filesOf, jsonOf, loadNational, NATIONAL } from "../support/rules.js";

/** Bounded here; `npm run fuzz` runs the same properties with many more cases (FUZZ_RUNS). */
const RUNS = Number(process.env["FUZZ_RUNS"] ?? 150);
const rs = loadNational();
const engine = createEngine(rs);
const base = filesOf(NATIONAL);
const ruleFiles = (jsonOf(base, "manifest.json").files as { path: string }[]).map((f) => f.path);

/** Applies a random mutation at a random place of a JSON document. */
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
      else if (mode === 2) node["__proto__x"] = replacement;
      else if (mode === 3) Object.defineProperty(node, "__proto__", { value: replacement, enumerable: true, configurable: true, writable: true });
      else node[k] = { all: [{ any: [{ not: child }] }] };
      return;
    }
    node = child;
  }
}

const hostile = fc.oneof(
  fc.anything({ maxDepth: 3 }),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -1, 1e308, "", "constructor", "$..*", "$[?(@.x)]", { fact: "__proto__", operator: "equal", value: 1 }),
);

describe("fuzzing: hostile rule files", () => {
  it("the loader never throws: it returns issues with a code, a message and a path", () => {
    fc.assert(
      fc.property(fc.constantFrom(...ruleFiles), fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), hostile, fc.nat({ max: 4 }), fc.boolean(), (file, path, replacement, mode, rehash) => {
        const files = edit(base, file, (j) => mutate(j, path, replacement, mode), rehash);
        const r = loadRuleSetFromFiles(files);
        if (!r.ok) {
          expect(r.issues.length).toBeGreaterThan(0);
          for (const i of r.issues) {
            expect(typeof i.code).toBe("string");
            expect(i.message.length).toBeGreaterThan(0);
            expect(Array.isArray(i.path)).toBe(true);
          }
          return;
        }
        // a mutation the lints accept must still compile and score, or fail with our own error type
        try {
          const e = createEngine(r.value);
          e.scoreMany([{ id: "x", name: "x", group: "province", year: 2025, facts: {} }]);
        } catch (err) {
          expect(err).toBeInstanceOf(ThiduaError);
        }
      }),
      { numRuns: RUNS, seed: 81 },
    );
  });

  it("garbage bytes in any file give issues, not exceptions", () => {
    fc.assert(
      fc.property(fc.constantFrom("manifest.json", ...ruleFiles), fc.uint8Array({ maxLength: 200 }), (file, bytes) => {
        const r = loadRuleSetFromFiles({ ...base, [file]: bytes });
        expect(r.ok).toBe(false);
      }),
      { numRuns: RUNS, seed: 82 },
    );
  });
});

describe("fuzzing: hostile profiles", () => {
  it("validation never throws and every row is accounted for", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.anything({ maxDepth: 4 }), fc.record({ id: fc.string(), name: fc.string(), group: fc.constantFrom("province", "individual", "district"), year: fc.oneof(fc.integer(), fc.double()), facts: fc.dictionary(fc.constantFrom(...rs.facts.map((f) => f.id), "__proto__", "constructor", "x"), fc.anything({ maxDepth: 2 })) })), { maxLength: 20 }), (rows) => {
        const out = engine.scoreMany(rows);
        expect(out.results.length + out.rejected.length).toBe(rows.length);
        const seen = new Set(out.rejected.map((r) => r.index));
        expect(seen.size).toBe(out.rejected.length);
        for (const rj of out.rejected) for (const i of rj.issues) expect(i.message.length).toBeGreaterThan(0);
        const rec = engine.recommend(rows);
        expect(rec.results.length + rec.rejected.length).toBe(rows.length);
      }),
      { numRuns: RUNS * 2, seed: 83 },
    );
  });
});
