import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "thidua/stream": fileURLToPath(new URL("./src/stream/index.ts", import.meta.url)),
      "thidua/conditions": fileURLToPath(new URL("./src/conditions/index.ts", import.meta.url)),
      "thidua/node": fileURLToPath(new URL("./src/node/index.ts", import.meta.url)),
      thidua: fileURLToPath(new URL("./src/index.ts", import.meta.url)),
    },
  },
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    exclude: ["test/dist/**", "node_modules/**"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
