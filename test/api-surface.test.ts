/**
 * The public surface (issue 17.6): each entry point exports exactly the values listed in
 * test/support/api-surface.ts, so an export cannot be added or lost by accident; the root stays within
 * its budget; every value has one home; and every entry point is wired up wherever a subpath must be
 * (package.json "exports" for import and require with types, the node10 stub, tsup, tsconfig, vitest,
 * docs/api.md).
 */
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as root from "thidua";
import * as conditions from "thidua/conditions";
import * as node from "thidua/node";
import * as stream from "thidua/stream";
import { ENTRY_POINTS } from "../scripts/api-docs.js";
import { expectedValues, PUBLIC_VALUES, valueNames, type EntryPoint } from "./support/api-surface.js";

const modules: Record<EntryPoint, object> = { thidua: root, "thidua/node": node, "thidua/stream": stream, "thidua/conditions": conditions };
const entries = Object.keys(PUBLIC_VALUES) as EntryPoint[];
const file = (f: string) => readFileSync(new URL(`../${f}`, import.meta.url), "utf8");
const subpaths = entries.filter((e) => e !== "thidua").map((e) => e.slice("thidua/".length));

describe("the public surface", () => {
  it.each(entries)("%s exports exactly its listed values", (entry) => {
    expect(valueNames(modules[entry])).toEqual(expectedValues(entry));
  });

  it("the root entry `thidua` stays small: at most 26 values (issue 17.6 aims at about 25)", () => {
    expect(valueNames(root).length).toBeLessThanOrEqual(26);
  });

  it("every value has one home: no value is exported by two entry points", () => {
    const homes = new Map<string, string[]>();
    for (const e of entries) for (const n of valueNames(modules[e])) homes.set(n, [...(homes.get(n) ?? []), e]);
    expect([...homes].filter(([, at]) => at.length > 1)).toEqual([]);
  });

  it("what moved off the root is importable from its new home", () => {
    for (const n of ["reportLayout", "recordHead"]) expect([n, typeof (stream as Record<string, unknown>)[n]]).toEqual([n, "function"]);
    for (const n of ["compileCondition", "safeCompileCondition", "traceCondition"]) expect([n, typeof (conditions as Record<string, unknown>)[n]]).toEqual([n, "function"]);
    // a condition compiled from the subpath throws the root's error class
    expect(() => conditions.compileCondition({ fact: "a", operator: "startsWith", value: 1 } as never)).toThrow(root.ThiduaError);
  });
});

describe("every entry point is wired up", () => {
  const pkg = JSON.parse(file("package.json")) as { exports: Record<string, unknown>; files: string[] };
  const tsconfig = JSON.parse(file("tsconfig.json")) as { compilerOptions: { paths: Record<string, string[]> } };

  it("package.json exports each entry (ESM and CommonJS, each with its types) and nothing else", () => {
    const keys = Object.keys(pkg.exports).filter((k) => k !== "./rules/*" && k !== "./package.json");
    expect(keys.sort()).toEqual(entries.map((e) => (e === "thidua" ? "." : `./${e.slice("thidua/".length)}`)).sort());
    for (const sub of subpaths) {
      expect(pkg.exports[`./${sub}`], sub).toEqual({
        import: { types: `./dist/${sub}.d.ts`, default: `./dist/${sub}/index.js` },
        require: { types: `./dist/${sub}.d.cts`, default: `./dist/${sub}.cjs` },
      });
    }
  });

  it("each subpath has its node10 stub, shipped in the package", () => {
    for (const sub of subpaths) {
      expect(pkg.files, sub).toContain(`${sub}/package.json`);
      expect(JSON.parse(file(`${sub}/package.json`)), sub).toEqual({ main: `../dist/${sub}.cjs`, types: `../dist/${sub}.d.cts` });
    }
  });

  it("tsup builds each entry; tsconfig and vitest resolve each to src/<sub>/index.ts; docs/api.md lists each", () => {
    const tsup = file("tsup.config.ts");
    const vitest = file("vitest.config.ts");
    for (const sub of subpaths) {
      expect(existsSync(new URL(`../src/${sub}/index.ts`, import.meta.url)), sub).toBe(true);
      expect(tsup, sub).toContain(`${sub}: "src/${sub}/index.ts"`);
      expect(tsconfig.compilerOptions.paths[`thidua/${sub}`], sub).toEqual([`./src/${sub}/index.ts`]);
      expect(vitest, sub).toContain(`"thidua/${sub}": fileURLToPath(new URL("./src/${sub}/index.ts"`);
    }
    expect(ENTRY_POINTS.map((e) => e.module).sort()).toEqual([...entries].sort());
    for (const e of entries) expect(file("docs/api.md"), e).toContain(`## \`${e}\``);
  });
});
