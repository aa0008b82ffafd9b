import { loadRuleSetFromFiles, type RuleSet, type RuleSetFiles } from "thidua";
import { sha256Hex } from "../../src/rules/index.js";
import { bundledRulesDir, readRuleSetFiles } from "thidua/node";
import { join } from "node:path";

export const NATIONAL = "vn-2447-2025";
export const LOCAL = "khanh-hoa-2025";

export function filesOf(id: string): Record<string, string | Uint8Array> {
  const f = readRuleSetFiles(join(bundledRulesDir(), id));
  if (!f) throw new Error(`no bundled rule set ${id}`);
  return { ...f };
}

const decode = (b: string | Uint8Array) => (typeof b === "string" ? b : new TextDecoder().decode(b));
export const jsonOf = (files: RuleSetFiles, path: string): any => JSON.parse(decode(files[path]!));

/** Edits one JSON file of a rule set in memory and re-hashes the manifest, as a maintainer would. */
export function edit(files: RuleSetFiles, path: string, change: (json: any) => void, rehash = true): Record<string, string | Uint8Array> {
  const out: Record<string, string | Uint8Array> = { ...files };
  const json = jsonOf(files, path);
  change(json);
  out[path] = JSON.stringify(json, null, 2) + "\n";
  if (rehash && path !== "manifest.json") {
    const m = jsonOf(out, "manifest.json");
    for (const f of m.files) f.sha256 = sha256Hex(out[f.path]!);
    out["manifest.json"] = JSON.stringify(m, null, 2) + "\n";
  }
  return out;
}

export function loadNational(): RuleSet {
  const r = loadRuleSetFromFiles(filesOf(NATIONAL));
  if (!r.ok) throw new Error(JSON.stringify(r.issues, null, 2));
  return r.value;
}

export function loadLocal(): RuleSet {
  const r = loadRuleSetFromFiles(filesOf(LOCAL), { resolveParent: (id) => filesOf(id) });
  if (!r.ok) throw new Error(JSON.stringify(r.issues, null, 2));
  return r.value;
}
