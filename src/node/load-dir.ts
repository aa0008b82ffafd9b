import { closeSync, constants, existsSync, fstatSync, lstatSync, openSync, readFileSync } from "node:fs";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { fail, issue, type Issue, type Result } from "../errors/index.js";
import { createHash } from "node:crypto";
import { loadRuleSetFromFiles, MAX_RULE_FILE_BYTES, RULESET_LIMITS, type BuiltinGroup, type Group, type LoadOptions, type RuleSet, type RuleSetFiles } from "../rules/index.js";

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

/** Open flags of a rule file: never through a symbolic link, never blocking on a FIFO. */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/**
 * The bytes of `rel` inside `dir` if it is a regular file reached without any symbolic link below
 * `dir`; "refused" for a symbolic link (to anywhere), a folder, a device or a FIFO; undefined when
 * it does not exist. A file larger than the limit is not read (the loader reports its size).
 */
function readRegular(dir: string, rel: string): Uint8Array | "refused" | undefined {
  const parts = rel.split(/[\\/]/);
  for (let k = 1; k <= parts.length; k++) {
    let st;
    try {
      st = lstatSync(join(dir, ...parts.slice(0, k)));
    } catch {
      return undefined;
    }
    if (st.isSymbolicLink() || (k < parts.length ? !st.isDirectory() : !st.isFile())) return "refused";
  }
  let fd: number;
  try {
    fd = openSync(join(dir, rel), OPEN_FLAGS);
  } catch {
    return "refused"; // replaced by a link since the check, or unreadable
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return "refused";
    if (st.size > MAX_RULE_FILE_BYTES) return new Uint8Array(MAX_RULE_FILE_BYTES + 1);
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Files of a rule-set folder as read, and the listed files refused (not regular files inside the folder). */
export interface RuleSetDirRead {
  readonly files: RuleSetFiles | undefined;
  readonly refused: readonly string[];
}

/** Reads manifest.json and every file it lists (paths may not leave the directory; symbolic links and special files are refused). */
export function readRuleSetDir(dir: string): RuleSetDirRead {
  const refused: string[] = [];
  const take = (rel: string) => {
    const r = readRegular(dir, rel);
    if (r === "refused") refused.push(rel);
    return r === "refused" ? undefined : r;
  };
  const manifestBytes = take("manifest.json");
  if (!manifestBytes) return { files: undefined, refused };
  const files: Record<string, Uint8Array> = { "manifest.json": manifestBytes };
  let listed: unknown;
  try {
    listed = JSON.parse(new TextDecoder().decode(manifestBytes)).files;
  } catch {
    return { files, refused }; // the core loader reports the JSON error with the file name
  }
  if (Array.isArray(listed)) {
    // past the limit the core loader refuses the manifest: nothing more is read
    for (const f of listed.slice(0, RULESET_LIMITS.files + 1)) {
      const p = f && typeof f.path === "string" ? f.path : undefined;
      if (!p || isAbsolute(p) || p.split(/[\\/]/).includes("..") || Object.hasOwn(files, p)) continue;
      const bytes = take(p);
      if (bytes) files[p] = bytes;
    }
  }
  return { files, refused };
}

/** Reads manifest.json and every file it lists (see {@link readRuleSetDir}); undefined when there is no manifest. */
export function readRuleSetFiles(dir: string): RuleSetFiles | undefined {
  return readRuleSetDir(dir).files;
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
 * Typed by what it loads: a bundled set by id knows its groups (the five of Decision 2447, so a profile
 * with a misspelt group fails to type-check); a folder's groups are any string unless given,
 * `loadRuleSet<"commune" | "household">(dir)`.
 */
export function loadRuleSet(id: (typeof BUNDLED_RULE_SETS)[number], opts?: Omit<LoadOptions, "resolveParent">): Result<RuleSet<BuiltinGroup>>;
export function loadRuleSet<G extends string = Group>(dirOrId: string, opts?: Omit<LoadOptions, "resolveParent">): Result<RuleSet<G>>;
export function loadRuleSet(dirOrId: string, opts: Omit<LoadOptions, "resolveParent"> = {}): Result<RuleSet> {
  const dir = resolveRuleSetDir(dirOrId);
  const refused: Issue[] = [];
  const read = (d: string, prefix: string[]) => {
    const r = readRuleSetDir(d);
    for (const f of r.refused) {
      refused.push(issue("rules.not_regular_file", [...prefix, f], `${f} in ${d} is not a regular file inside the rule-set folder (a symbolic link, a folder or a device): refused`, { file: f }));
    }
    return r.files;
  };
  const files = read(dir, []);
  if (!files && !refused.length) return fail([issue("rules.missing_file", [join(dir, "manifest.json")], `no rule set at ${dirOrId} (manifest.json not found)`, { file: dir })]);
  const resolveParent = (id: string) => read(join(dir, "..", id), [`${id}:`]) ?? read(join(bundledRulesDir(), id), [`${id}:`]);
  const r = files ? loadRuleSetFromFiles(files, { sha256: nodeSha256, ...opts, resolveParent }) : undefined;
  // a refused file is the cause: reported alone (never read, so never quoted)
  return refused.length || !r ? fail(refused) : r;
}

/** SHA-256 (hex) with node:crypto: the same digest as the core's portable implementation. */
const nodeSha256 = (data: string | Uint8Array): string => createHash("sha256").update(data).digest("hex");
