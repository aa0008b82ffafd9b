import { defineConfig } from "tsup";

/**
 * The published library has three builds:
 * - ESM, one file per source module (`dist/index.js`, `dist/rules/…`): with `"sideEffects": false` a
 *   bundler keeps only the modules a program reaches (`compileCondition` alone needs neither zod nor
 *   big.js);
 * - CommonJS, one file per entry point, with `@noble/hashes` (ESM-only) bundled in, so that
 *   `require("thidua")` works without Node's `require(esm)`;
 * - type declarations for both.
 * Source maps only when asked: `SOURCEMAP=1 npm run build`.
 */
const sourcemap = process.env["SOURCEMAP"] === "1";
const library = ["src/**/*.ts", "!src/cli/**", "!src/**/*.test.ts", "!src/**/test-support.ts"];
const entries = { index: "src/index.ts", node: "src/node/index.ts", stream: "src/stream/index.ts" };

export default defineConfig([
  { entry: library, format: ["esm"], bundle: false, sourcemap, target: "node20", outDir: "dist" },
  { entry: entries, format: ["cjs"], sourcemap, target: "node20", splitting: true, treeshake: true, shims: true, noExternal: [/^@noble\/hashes/] },
  { entry: entries, format: ["esm", "cjs"], dts: { only: true } },
  {
    entry: { cli: "src/cli/main.ts", "cli-worker": "src/cli/worker.ts" },
    format: ["esm"],
    sourcemap,
    shims: true,
    target: "node20",
    banner: { js: "#!/usr/bin/env node" },
  },
]);
