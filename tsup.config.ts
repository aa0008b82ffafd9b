import { cpSync, readFileSync, rmSync } from "node:fs";
import { defineConfig } from "tsup";

/**
 * The published library has three builds:
 * - ESM, one file per source module (`dist/index.js`, `dist/rules/…`): with `"sideEffects": false` a
 *   bundler keeps only the modules a program reaches (`compileCondition` from `thidua/conditions`
 *   needs neither zod nor big.js);
 * - CommonJS, one file per entry point, with `@noble/hashes` (ESM-only) bundled in, so that
 *   `require("thidua")` works without Node's `require(esm)`;
 * - type declarations for both.
 * The command line is its own package, `packages/cli` (`thidua-cli`, bin `thidua`), so that a program
 * importing the library does not install the spreadsheet, argument and progress libraries: its build
 * bundles src/cli with the library code it uses into packages/cli/dist (its npm dependencies stay
 * external, listed in packages/cli/package.json), and copies beside it the bundled rule sets and the
 * demo's fixtures.
 * Source maps only when asked: `SOURCEMAP=1 npm run build`.
 */
const sourcemap = process.env["SOURCEMAP"] === "1";
const library = ["src/**/*.ts", "!src/cli/**", "!src/**/*.test.ts", "!src/**/test-support.ts"];
const cliPackage = JSON.parse(readFileSync("packages/cli/package.json", "utf8")) as { dependencies: Record<string, string> };
const cliDir = "packages/cli";

/** The CLI package's copies of the rule sets and of the demo's profiles (`thidua demo` reads them beside dist/). */
function copyCliAssets(): Promise<void> {
  for (const d of ["rules", "fixtures"]) rmSync(`${cliDir}/${d}`, { recursive: true, force: true });
  cpSync("rules", `${cliDir}/rules`, { recursive: true });
  cpSync("fixtures/profiles", `${cliDir}/fixtures/profiles`, { recursive: true });
  return Promise.resolve();
}

const entries = { index: "src/index.ts", node: "src/node/index.ts", stream: "src/stream/index.ts", conditions: "src/conditions/index.ts" };

export default defineConfig([
  { entry: library, format: ["esm"], bundle: false, sourcemap, target: "node20", outDir: "dist" },
  { entry: entries, format: ["cjs"], sourcemap, target: "node20", splitting: true, treeshake: true, shims: true, noExternal: [/^@noble\/hashes/] },
  { entry: entries, format: ["esm", "cjs"], dts: { only: true } },
  {
    entry: { cli: "src/cli/main.ts", "cli-worker": "src/cli/worker.ts" },
    outDir: `${cliDir}/dist`,
    clean: true,
    external: Object.keys(cliPackage.dependencies).map((d) => new RegExp(`^${d}(/|$)`)),
    onSuccess: copyCliAssets,
    format: ["esm"],
    sourcemap,
    shims: true,
    target: "node20",
    banner: { js: "#!/usr/bin/env node" },
  },
]);
