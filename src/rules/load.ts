import type { z } from "zod";
import { fail, issue, ok, type Issue, type Result } from "../errors/index.js";
import { rulesetDigest, sha256Hex } from "./hash.js";
import { scanDatedValues } from "./dated.js";
import { lintRuleset } from "./lint.js";
import { applyOverrides } from "./overrides.js";
import {
  AwardsFileSchema,
  ClassesFileSchema,
  CriteriaFileSchema,
  FactsFileSchema,
  ManifestSchema,
  OverridesFileSchema,
  SchemeFileSchema,
  GROUPS,
  type ManifestJson,
  type OverrideJson,
  type SchemeJson,
} from "./schema.js";
import type { Award, ClassDef, Criterion, Fact, GroupCapDef, GroupDef, RuleSet, RuleSetFileInfo, RuleSetFiles } from "./types.js";

/** Options of `loadRulesetFromFiles` (and, without `resolveParent`, of `loadRuleset` in `thidua/node`). */
export interface LoadOptions {
  /** Returns the files of a parent rule set named in `extends` (the Node loader looks beside the set and in the bundled rules). */
  readonly resolveParent?: (id: string) => RuleSetFiles | undefined;
  /** Load even when a file's bytes do not match the manifest (for editing). The rule set then says `verified: false`. */
  readonly allowModified?: boolean;
  /** Skip the semantic lints (schema validation still runs). Only for tools that print lints themselves. */
  readonly skipLints?: boolean;
  /**
   * SHA-256 (hex) to hash the files with; default: the portable pure-JS one. The Node loader passes
   * `node:crypto`'s (same digests, faster on a cold start).
   */
  readonly sha256?: (data: string | Uint8Array) => string;
}

/** Upper bound on one rule file, in bytes (documented in SECURITY.md). */
export const MAX_RULE_FILE_BYTES = 4 * 1024 * 1024;

const decoder = new TextDecoder("utf-8", { fatal: false });

interface Parsed {
  manifest: ManifestJson;
  files: RuleSetFileInfo[];
  facts: Fact[];
  criteria: Criterion[];
  groupCaps: GroupCapDef[];
  classes: ClassDef[];
  classesCitation?: RuleSet["classesCitation"];
  awards: Award[];
  overrides: (OverrideJson & { origin: string; file: string })[];
  scheme?: SchemeJson;
}

/** zod issues → ours, prefixed with the file name; zod types never leave this folder. */
function fromZod(file: string, err: z.ZodError): Issue[] {
  return err.issues.slice(0, 50).map((zi) => {
    const path = [file, ...zi.path.map((p) => (typeof p === "symbol" ? String(p) : p))];
    const params: Record<string, string | number> = { zodCode: zi.code };
    if ("expected" in zi && typeof zi.expected === "string") params["expected"] = zi.expected;
    return issue("rules.schema", path, zi.message, params);
  });
}

function parseJson(file: string, data: string | Uint8Array | undefined): Result<unknown> {
  if (data === undefined) return fail([issue("rules.missing_file", [file], `file ${file} is missing`, { file })]);
  const size = typeof data === "string" ? data.length : data.byteLength;
  if (size > MAX_RULE_FILE_BYTES) {
    return fail([issue("rules.too_large", [file], `file ${file} is larger than ${MAX_RULE_FILE_BYTES} bytes`, { file, size })]);
  }
  const text = typeof data === "string" ? data : decoder.decode(data);
  try {
    return ok(JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text));
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    return fail([issue("rules.invalid_json", [file], `${file} is not valid JSON: ${msg}`, { file })]);
  }
}

function validate<T>(file: string, data: string | Uint8Array | undefined, schema: z.ZodType<T>): Result<T> {
  const json = parseJson(file, data);
  if (!json.ok) return json;
  // a rule file is parsed once per load: interpreting beats compiling the schema on first use (cold start)
  const r = schema.safeParse(json.value, { jitless: true });
  return r.success ? ok(r.data) : fail(fromZod(file, r.error));
}

function parseOne(files: RuleSetFiles, opts: LoadOptions, issues: Issue[]): Parsed | undefined {
  const m = validate("manifest.json", files["manifest.json"], ManifestSchema);
  if (!m.ok) {
    issues.push(...m.issues);
    return undefined;
  }
  const manifest = m.value;
  const origin = manifest.id;
  const out: Parsed = { manifest, files: [], facts: [], criteria: [], groupCaps: [], classes: [], awards: [], overrides: [] };
  for (const f of manifest.files) {
    const bytes = files[f.path];
    if (bytes === undefined) {
      issues.push(issue("rules.missing_file", ["manifest.json", "files", f.path], `listed file ${f.path} is missing`, { file: f.path }));
      continue;
    }
    const actual = (opts.sha256 ?? sha256Hex)(bytes);
    const verified = actual === f.sha256;
    if (!verified) {
      const severity = opts.allowModified ? "warning" : "error";
      issues.push(
        issue("rules.hash_mismatch", [f.path], `${origin}/${f.path} was modified: sha256 ${actual} does not match the manifest's ${f.sha256}`,
          { file: f.path, expected: f.sha256, actual, ruleset: origin }, severity),
      );
    }
    out.files.push({ path: f.path, kind: f.kind, sha256: actual, verified, origin });
    collect(out, f.path, f.kind, bytes, origin, issues);
  }
  return out;
}

function collect(out: Parsed, file: string, kind: string, bytes: string | Uint8Array, origin: string, issues: Issue[]): void {
  const push = <T>(r: Result<T>, use: (v: T) => void): void => {
    if (r.ok) use(r.value);
    else issues.push(...r.issues);
  };
  switch (kind) {
    case "facts":
      return push(validate(file, bytes, FactsFileSchema), (v) => out.facts.push(...v.facts.map((x) => ({ ...x, origin }))));
    case "criteria":
      return push(validate(file, bytes, CriteriaFileSchema), (v) => {
        v.criteria.forEach((c, i) => {
          if (c.group !== v.group) {
            issues.push(issue("rules.group_mismatch", [file, "criteria", i, "group"], `criterion ${c.id} has group ${c.group} in a ${v.group} file`, { id: c.id }));
          }
          out.criteria.push({ ...c, origin, file });
        });
        out.groupCaps.push(...(v.groupCaps ?? []).map((g) => ({ ...g, origin })));
      });
    case "awards":
      return push(validate(file, bytes, AwardsFileSchema), (v) => out.awards.push(...v.awards.map((a) => ({ ...a, origin }))));
    case "classes":
      return push(validate(file, bytes, ClassesFileSchema), (v) => {
        out.classes.push(...v.classes.map((c) => ({ ...c, origin })));
        out.classesCitation = v.citation;
      });
    case "overrides":
      return push(validate(file, bytes, OverridesFileSchema), (v) => out.overrides.push(...v.overrides.map((o) => ({ ...o, origin, file }))));
    case "scheme":
      return push(validate(file, bytes, SchemeFileSchema), (v) => {
        if (out.scheme) issues.push(issue("rules.schema", [file], `a rule set has at most one scheme file`, { file }));
        out.scheme = v;
      });
  }
}

/** The subject groups: the parent's, then those the set declares (a declared built-in id may be listed again to name it); none declared anywhere: the five of Decision 2447. */
function groupsOf(own: Parsed, parent: RuleSet | undefined): GroupDef[] {
  const origin = own.manifest.id;
  const declared = (own.scheme?.groups ?? []).map((g) => ({ ...g, origin }));
  const base: GroupDef[] = parent ? [...parent.groups] : declared.length ? [] : GROUPS.map((id) => ({ id, origin }));
  const out = [...base];
  for (const g of declared) {
    const i = out.findIndex((x) => x.id === g.id);
    if (i >= 0) out[i] = g;
    else out.push(g);
  }
  return out;
}

function deepFreeze<T>(v: T): T {
  if (v && typeof v === "object" && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const k of Object.keys(v)) deepFreeze((v as Record<string, unknown>)[k]);
  }
  return v;
}

/**
 * Loads a rule set from its raw files (browser-safe: no file system). Validates every file against
 * the schema, verifies every file's sha256 against the manifest, resolves `extends` through
 * `resolveParent`, applies the overrides of a local set, lints the result and returns it frozen.
 */
export function loadRulesetFromFiles(files: RuleSetFiles, opts: LoadOptions = {}): Result<RuleSet> {
  return loadChain(files, opts, []);
}

function loadChain(files: RuleSetFiles, opts: LoadOptions, seen: string[]): Result<RuleSet> {
  const issues: Issue[] = [];
  const own = parseOne(files, opts, issues);
  if (!own) return fail(issues);
  const { manifest } = own;
  let parent: RuleSet | undefined;
  if (manifest.extends) {
    const pid = manifest.extends.id;
    if (seen.includes(pid) || pid === manifest.id) {
      return fail([issue("rules.extends_cycle", ["manifest.json", "extends"], `extends cycle: ${[...seen, manifest.id, pid].join(" → ")}`, { id: pid })]);
    }
    const pfiles = opts.resolveParent?.(pid);
    if (!pfiles) {
      return fail([...issues, issue("rules.parent_not_found", ["manifest.json", "extends", "id"], `parent rule set ${pid} not found`, { id: pid })]);
    }
    const pr = loadChain(pfiles, { ...opts, skipLints: true }, [...seen, manifest.id]);
    if (!pr.ok) return fail([...issues, ...pr.issues.map((i) => ({ ...i, path: [`${pid}:`, ...i.path] }))]);
    parent = pr.value;
    // the parent's warnings (e.g. a modified file loaded with allowModified) stay visible
    issues.push(...(pr.warnings ?? []).map((i) => ({ ...i, path: [`${pid}:`, ...i.path] })));
    const want = manifest.extends;
    if (want.version !== parent.version || (want.sha256 && want.sha256 !== parent.sha256)) {
      issues.push(issue("rules.parent_mismatch", ["manifest.json", "extends"],
        `extends ${pid}@${want.version}${want.sha256 ? ` (${want.sha256.slice(0, 12)}…)` : ""} but found ${parent.version} (${parent.sha256.slice(0, 12)}…)`,
        { id: pid, expected: want.version, actual: parent.version }));
    }
  }
  const listing = [{ path: "manifest.json", sha256: (opts.sha256 ?? sha256Hex)(files["manifest.json"] ?? "") }, ...own.files];
  const digest = rulesetDigest(listing, parent ? { id: parent.id, digest: parent.sha256 } : undefined);
  const merged = merge(own, parent, digest);
  const overrides = applyOverrides(merged, own.overrides, issues);
  const ruleset: RuleSet = { ...merged, overrides: [...(parent?.overrides ?? []), ...overrides], ...(scanDatedValues(merged) && { datedValues: true as const }) };
  if (!opts.skipLints) issues.push(...lintRuleset(ruleset));
  const errors = issues.filter((i) => i.severity === "error");
  if (errors.length) return fail(issues);
  return ok(deepFreeze(ruleset), issues);
}

function merge(own: Parsed, parent: RuleSet | undefined, digest: string): RuleSet {
  const m = own.manifest;
  const classes = own.classes.length ? own.classes : [...(parent?.classes ?? [])];
  const ranking = own.scheme?.ranking ? { ...own.scheme.ranking, origin: m.id } : parent?.ranking;
  const assessments = own.scheme?.assessments ? { ...own.scheme.assessments, origin: m.id } : parent?.assessments;
  return {
    id: m.id,
    version: m.version,
    sha256: digest,
    manifest: m,
    lineage: [...(parent?.lineage ?? []), { id: m.id, version: m.version, sha256: digest }],
    files: [...(parent?.files ?? []), ...own.files],
    verified: (parent?.verified ?? true) && own.files.every((f) => f.verified),
    sources: [...(parent?.sources ?? []).filter((s) => !m.sources.some((o) => o.id === s.id)), ...m.sources],
    groups: groupsOf(own, parent),
    ...(ranking && { ranking: structuredClone(ranking) }),
    ...(assessments && { assessments }),
    facts: [...(parent?.facts ?? []), ...own.facts],
    criteria: [...(parent?.criteria ?? []).map((c) => structuredClone(c)), ...own.criteria],
    groupCaps: [...(parent?.groupCaps ?? []), ...own.groupCaps],
    classes: classes.map((c) => structuredClone(c)),
    classesCitation: own.classesCitation ?? parent?.classesCitation ?? { source: m.sources[0]?.id ?? m.id },
    awards: [...(parent?.awards ?? []).map((a) => structuredClone(a)), ...own.awards],
    overrides: [],
  };
}
