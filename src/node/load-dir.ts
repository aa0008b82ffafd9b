import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { fail, issue, type Result } from "../errors/index.js";
import { createHash } from "node:crypto";
import { loadRuleSetFromFiles, MAX_RULE_FILE_BYTES, type LoadOptions, type RuleSet, type RuleSetFiles } from "../rules/index.js";

/** The `rules/` folder shipped with the package (works from `src/` under tsx and from `dist/`). */
export function bundledRulesDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const cand of [join(here, "..", "rules"), join(here, "..", "..", "rules")]) {
    if (existsSync(join(cand, "vn-2447-2025", "manifest.json"))) return cand;
  }
  return join(here, "..", "rules");
}

/** Ids of the rule sets bundled with the package. */
export const BUNDLED_RULE_SETS = ["vn-2447-2025", "khanh-hoa-2025"] as const;

function readIfSmall(path: string): Uint8Array | undefined {
  if (!existsSync(path) || !statSync(path).isFile()) return undefined;
  if (statSync(path).size > MAX_RULE_FILE_BYTES) return new Uint8Array(MAX_RULE_FILE_BYTES + 1);
  return readFileSync(path);
}

/** Reads manifest.json and every file it lists (paths may not leave the directory). */
export function readRuleSetFiles(dir: string): RuleSetFiles | undefined {
  const manifestBytes = readIfSmall(join(dir, "manifest.json"));
  if (!manifestBytes) return undefined;
  const files: Record<string, Uint8Array> = { "manifest.json": manifestBytes };
  let listed: unknown;
  try {
    listed = JSON.parse(new TextDecoder().decode(manifestBytes)).files;
  } catch {
    return files; // the core loader reports the JSON error with the file name
  }
  if (Array.isArray(listed)) {
    for (const f of listed) {
      const p = f && typeof f.path === "string" ? f.path : undefined;
      if (!p || isAbsolute(p) || p.split(/[\\/]/).includes("..")) continue;
      const bytes = readIfSmall(join(dir, p));
      if (bytes) files[p] = bytes;
    }
  }
  return files;
}

/** Resolves a directory path or a bundled rule-set id to a directory. */
export function resolveRuleSetDir(dirOrId: string): string {
  if (existsSync(join(dirOrId, "manifest.json"))) return resolve(dirOrId);
  return join(bundledRulesDir(), dirOrId);
}

/**
 * Loads a rule set from a directory (or a bundled id such as `vn-2447-2025`): validates it, checks
 * every file's sha256 against the manifest, resolves `extends` from a sibling directory or the
 * bundled rules, applies overrides and lints. Node only; in a browser use `loadRuleSetFromFiles`.
 */
export function loadRuleSet(dirOrId: string, opts: Omit<LoadOptions, "resolveParent"> = {}): Result<RuleSet> {
  const dir = resolveRuleSetDir(dirOrId);
  const files = readRuleSetFiles(dir);
  if (!files) return fail([issue("rules.missing_file", [join(dir, "manifest.json")], `no rule set at ${dirOrId} (manifest.json not found)`, { file: dir })]);
  const resolveParent = (id: string) => readRuleSetFiles(join(dir, "..", id)) ?? readRuleSetFiles(join(bundledRulesDir(), id));
  return loadRuleSetFromFiles(files, { sha256: nodeSha256, ...opts, resolveParent });
}

/** SHA-256 (hex) with node:crypto: the same digest as the core's portable implementation. */
const nodeSha256 = (data: string | Uint8Array): string => createHash("sha256").update(data).digest("hex");
