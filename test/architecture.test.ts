import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Pipeline order (STYLE §2.1): a folder may import only from earlier folders, and only through their index.ts.
 * `conditions` and `stream` are public entry points (`thidua/conditions`, `thidua/stream`) over the stages, so
 * they come after the last stage they re-export (report): no stage can import an entry point.
 */
const ORDER = ["errors", "rules", "profiles", "evaluation", "scoring", "ranking", "awards", "engine", "explain", "report", "conditions", "stream", "node", "cli"];
const SRC = new URL("../src/", import.meta.url).pathname;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith(".ts") && !p.endsWith(".test.ts") ? [p] : [];
  });
}

const importLines = (path: string) =>
  [...readFileSync(path, "utf8").matchAll(/^\s*(import|export)(\s+type)?[^;]*?from\s+"([^"]+)"/gm)].map((m) => ({ spec: m[3]!, typeOnly: Boolean(m[2]) }));
const imports = (path: string) => importLines(path).map((l) => l.spec);

describe("architecture", () => {
  const all = files(SRC);

  it("the core imports no Node built-ins (only src/node and src/cli may)", () => {
    for (const f of all) {
      const folder = relative(SRC, f).split("/")[0]!;
      if (folder === "node" || folder === "cli") continue;
      const bad = imports(f).filter((s) => s.startsWith("node:") || ["fs", "path", "os", "crypto", "url"].includes(s));
      expect(bad, relative(SRC, f)).toEqual([]);
      expect(readFileSync(f, "utf8"), relative(SRC, f)).not.toMatch(/\bprocess\.|\bBuffer\b/);
    }
  });

  it("folders import each other only through index.ts and only from earlier stages", () => {
    for (const f of all) {
      const rel = relative(SRC, f);
      const folder = rel.includes("/") ? rel.split("/")[0]! : "";
      for (const { spec, typeOnly } of importLines(f).filter((s) => s.spec.startsWith("."))) {
        const target = relative(SRC, join(f, "..", spec));
        const tFolder = target.includes("/") ? target.split("/")[0]! : "";
        if (!folder || tFolder === folder) continue;
        if (target === "index.js") {
          expect(["cli", "node"], `${rel} imports the public index`).toContain(folder); // the CLI uses only the public API
          continue;
        }
        expect(target, `${rel} → ${spec}`).toMatch(new RegExp(`^${tFolder}/index\\.js$`));
        if (folder === "explain" && typeOnly) continue; // explain may read the types of every stage
        expect(ORDER.indexOf(tFolder), `${rel} imports ${tFolder}, a later stage`).toBeLessThanOrEqual(ORDER.indexOf(folder));
      }
    }
  });

  it("zod stays inside rules/, profiles/ and report/ (which reads decision records)", () => {
    for (const f of all) {
      const folder = relative(SRC, f).split("/")[0]!;
      if (imports(f).includes("zod")) expect(["rules", "profiles", "report"], relative(SRC, f)).toContain(folder);
    }
  });

  it("uses named exports only", () => {
    for (const f of all) expect(readFileSync(f, "utf8"), relative(SRC, f)).not.toMatch(/export default/);
  });
});
