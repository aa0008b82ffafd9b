import { defineConfig } from "vitest/config";

/** Runs after `npm run build`: checks the published ESM, CJS and CLI builds, not the sources. */
export default defineConfig({
  test: { include: ["test/dist/**/*.test.ts"], testTimeout: 120_000, hookTimeout: 300_000 },
});
