import { defineConfig } from "tsup";

export default defineConfig([
  {
    entry: { index: "src/index.ts", node: "src/node/index.ts", stream: "src/stream/index.ts" },
    format: ["esm", "cjs"],
    dts: true,
    sourcemap: true,
    clean: true,
    shims: true,
    target: "node20",
    splitting: false,
    treeshake: true,
  },
  {
    entry: { cli: "src/cli/main.ts", "cli-worker": "src/cli/worker.ts" },
    format: ["esm"],
    sourcemap: true,
    shims: true,
    target: "node20",
    banner: { js: "#!/usr/bin/env node" },
  },
]);
