import type * as z from "zod/mini";
import { fail, issue, ok, requireObject, ThiduaError, type Issue, type Result } from "../errors/index.js";
import { ruleSetDigest, sha256Hex } from "./hash.js";
import { scanJson, type JsonScanError } from "./json-scan.js";
import { checkLimits, RULESET_LIMITS } from "./limits.js";
import { scanDatedValues } from "./dated.js";
import { lintRuleSet } from "./lint.js";
import { zodContext } from "./zod-context.js";
import { GROUPS } from "./constants.js";
import { applyOverrides } from "./overrides.js";
import {
  AwardsFileSchema,
  ClassesFileSchema,
  CriteriaFileSchema,
  FactsFileSchema,
  ManifestSchema,
  OverridesFileSchema,
  SchemeFileSchema,
  type ManifestJson,
  type OverrideJson,
  type SchemeJson,
} from "./schema.js";
import type { Award, ClassDef, Criterion, Deferral, Fact, Group, GroupCapDef, GroupDef, RuleSet, RuleSetFileInfo, RuleSetFiles } from "./types.js";

/** Options of `loadRuleSetFromFiles` (and, without `resolveParent`, of `loadRuleSet` in `thidua/node`). */
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

/** Longest `extends` chain: a rule set and up to seven ancestors (documented in SECURITY.md). */
export const MAX_EXTENDS_DEPTH = 8;

/** Upper bound on one rule file, in bytes (documented in SECURITY.md). */
export const MAX_RULE_FILE_BYTES = 4 * 1024 * 1024;

/**
 * Deepest nesting of objects and arrays a rule file may have (documented in SECURITY.md): a
 * condition at the lint's limit of 32 levels sits about 70 deep in its file; a file nested deeper is
 * refused (`rules.depth_limit`) before anything recurses into it.
 */
export const MAX_JSON_DEPTH = 100;

/** Refuses invalid UTF-8 instead of reading it with replacement characters. */
const decoder = new TextDecoder("utf-8", { fatal: true });

interface Parsed {
  manifest: ManifestJson;
  files: RuleSetFileInfo[];
  facts: Fact[];
  criteria: Criterion[];
  groupCaps: GroupCapDef[];
  classes: ClassDef[];
  classesCitation?: RuleSet["classesCitation"];
  awards: Award[];
  deferrals: Deferral[];
  overrides: (OverrideJson & { origin: string; file: string })[];
  scheme?: SchemeJson;
}

/** zod issues → ours, prefixed with the file name; zod types never leave this folder. */
function fromZod(file: string, err: z.core.$ZodError): Issue[] {
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
  let text: string;
  try {
    text = typeof data === "string" ? data : decoder.decode(data);
  } catch {
    const at = firstInvalidUtf8(data as Uint8Array);
    return fail([issue("rules.invalid_utf8", [file], `${file} is not valid UTF-8 (byte ${at})`, { file, offset: at })]);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const bad = scanJson(text, MAX_JSON_DEPTH);
  if (bad) return fail([scanIssue(file, bad)]);
  return ok(JSON.parse(text));
}

/** A scanner's refusal as an issue: where, never what the text says there. */
function scanIssue(file: string, e: JsonScanError): Issue {
  const where = { file, line: e.line, column: e.column };
  if (e.kind === "depth") return issue("rules.depth_limit", [file, ...e.path], `${file} nests objects and arrays deeper than ${MAX_JSON_DEPTH} levels`, { ...where, limit: MAX_JSON_DEPTH });
  if (e.kind === "duplicate_key") return issue("rules.duplicate_key", [file, ...e.path], `${file}, line ${e.line}: key ${JSON.stringify(e.key)} appears twice in one object`, { ...where, key: e.key! });
  return issue("rules.invalid_json", [file], `${file} is not valid JSON: line ${e.line}, column ${e.column}: expected ${e.expected}`, { ...where, expected: e.expected ?? "" });
}

/** Offset of the first byte of the first sequence that is not valid UTF-8. */
function firstInvalidUtf8(b: Uint8Array): number {
  let lo = 0;
  let hi = b.length;
  // the longest valid prefix, by bisection (decoding a prefix may only fail at its end or before)
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(b.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid - 1;
    }
  }
  // the valid prefix may end with the start of the broken sequence (stream mode waits for its rest)
  let k = lo;
  while (k > 0 && lo - k < 3 && (b[k - 1]! & 0xc0) === 0x80) k--;
  return k > 0 && b[k - 1]! >= 0xc0 ? k - 1 : lo;
}

function validate<T>(file: string, data: string | Uint8Array | undefined, schema: z.ZodMiniType<T>): Result<T> {
  const json = parseJson(file, data);
  if (!json.ok) return json;
  const r = schema.safeParse(json.value, zodContext());
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
  if (manifest.files.length > RULESET_LIMITS.files) {
    issues.push(issue("rules.limit", ["manifest.json", "files"], `manifest lists ${manifest.files.length} files; at most ${RULESET_LIMITS.files} are supported`, { what: "files", limit: RULESET_LIMITS.files, found: manifest.files.length }));
    return undefined;
  }
  const out: Parsed = { manifest, files: [], facts: [], criteria: [], groupCaps: [], classes: [], awards: [], deferrals: [], overrides: [] };
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
      return push(validate(file, bytes, AwardsFileSchema), (v) => {
        out.awards.push(...v.awards.map((a) => ({ ...a, origin })));
        out.deferrals.push(...(v.deferrals ?? []).map((d) => ({ ...d, origin })));
      });
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
export function loadRuleSetFromFiles<G extends string = Group>(files: RuleSetFiles, opts?: LoadOptions): Result<RuleSet<G>>;
export function loadRuleSetFromFiles(files: RuleSetFiles, opts: LoadOptions = {}): Result<RuleSet> {
  requireFiles(files, "loadRuleSetFromFiles(files)");
  const parentOf = opts.resolveParent;
  const resolveParent = parentOf && ((id: string) => {
    const f = parentOf(id);
    if (f !== undefined) requireFiles(f, `resolveParent(${JSON.stringify(id)})`);
    return f;
  });
  return loadChain(files, resolveParent ? { ...opts, resolveParent } : opts, []);
}

/**
 * A rule set's files as bytes or text, by path — a programmer's mistake otherwise (thrown, with the
 * code `api.invalid_argument`): the hashes are over a file's exact bytes, so a file given as parsed
 * JSON (what a bundler's `import … from "./x.json"` gives) cannot be verified.
 */
function requireFiles(files: unknown, where: string): void {
  requireObject(files, where, "the rule set's files: path → text or bytes");
  for (const [path, v] of Object.entries(files as object)) {
    if (typeof v === "string" || v instanceof Uint8Array) continue;
    const what = v instanceof ArrayBuffer ? "an ArrayBuffer (wrap it: new Uint8Array(buffer))" : v !== null && typeof v === "object" ? "parsed JSON" : typeof v;
    const message =
      `${where}: rule file ${path} must be given as its bytes (Uint8Array) or its text (string), not ${what}: the manifest's sha256 is over the file's exact bytes. ` +
      "In a browser use new Uint8Array(await (await fetch(url)).arrayBuffer()); with a bundler import the file as bytes or text, not as JSON.";
    throw new ThiduaError(message, [issue("api.invalid_argument", [path], message, { file: path })]);
  }
}

/** Issues of a file that could not be read as its kind: the rule set is not merged or linted after one. */
const PARSE_CODES = new Set<string>(["rules.missing_file", "rules.too_large", "rules.invalid_utf8", "rules.invalid_json", "rules.duplicate_key", "rules.depth_limit", "rules.schema", "rules.limit"]);

/** A rule set in an `extends` chain, known by its manifest's id and the SHA-256 of its manifest file (never by the folder it was found in). */
interface ChainLink {
  readonly id: string;
  readonly manifestSha256: string;
}

const linkName = (l: ChainLink) => `${l.id} (${l.manifestSha256.slice(0, 12)}…)`;

function loadChain(files: RuleSetFiles, opts: LoadOptions, chain: readonly ChainLink[]): Result<RuleSet> {
  const issues: Issue[] = [];
  const own = parseOne(files, opts, issues);
  // a file that cannot be read or parsed: its own issue alone, not the lints of a set missing its items
  if (!own || issues.some((i) => i.severity === "error" && PARSE_CODES.has(i.code))) return fail(issues);
  const manifestSha256 = (opts.sha256 ?? sha256Hex)(files["manifest.json"] ?? "");
  let parent: RuleSet | undefined;
  if (own.manifest.extends) {
    const p = loadParent(own.manifest, opts, [...chain, { id: own.manifest.id, manifestSha256 }], issues);
    if (!p) return fail(issues);
    parent = p;
  }
  const listing = [{ path: "manifest.json", sha256: manifestSha256 }, ...own.files];
  const digest = ruleSetDigest(listing, parent ? { id: parent.id, digest: parent.sha256 } : undefined);
  const merged = merge(own, parent, digest);
  const overrides = applyOverrides(merged, own.overrides, issues);
  const ruleset: RuleSet = { ...merged, overrides: [...(parent?.overrides ?? []), ...overrides], ...(scanDatedValues(merged) && { datedValues: true as const }) };
  issues.push(...checkLimits(ruleset));
  if (!opts.skipLints) issues.push(...lintRuleSet(ruleset));
  const errors = issues.filter((i) => i.severity === "error");
  if (errors.length) return fail(issues);
  return ok(deepFreeze(ruleset), issues);
}

/**
 * Finds and loads the parent named in `extends`. The parent is identified by its own manifest: it is
 * accepted only if its id and version are the ones `extends` names (and its digest, where given); a
 * parent already in the chain (same id) is a cycle, however its folders are named; a chain longer
 * than `MAX_EXTENDS_DEPTH` is refused. Issues go to `issues`; undefined when the parent cannot be used.
 */
function loadParent(manifest: ManifestJson, opts: LoadOptions, chain: readonly ChainLink[], issues: Issue[]): RuleSet | undefined {
  const want = manifest.extends!;
  const at = ["manifest.json", "extends"];
  const mismatch = (found: string) =>
    issue("rules.parent_mismatch", at, `extends ${want.id}@${want.version}${want.sha256 ? ` (${want.sha256.slice(0, 12)}…)` : ""} but found ${found}`, { id: want.id, expected: want.version, actual: found });
  if (chain.length >= MAX_EXTENDS_DEPTH) {
    issues.push(issue("rules.limit", at, `extends chain longer than ${MAX_EXTENDS_DEPTH} rule sets`, { limit: MAX_EXTENDS_DEPTH, what: "extends" }));
    return undefined;
  }
  const pfiles = opts.resolveParent?.(want.id);
  if (!pfiles) {
    issues.push(issue("rules.parent_not_found", [...at, "id"], `parent rule set ${want.id} not found`, { id: want.id }));
    return undefined;
  }
  const pm = validate("manifest.json", pfiles["manifest.json"], ManifestSchema);
  if (!pm.ok) {
    issues.push(...pm.issues.map((i) => ({ ...i, path: [`${want.id}:`, ...i.path] })));
    return undefined;
  }
  const link = { id: pm.value.id, manifestSha256: (opts.sha256 ?? sha256Hex)(pfiles["manifest.json"]!) };
  if (chain.some((l) => l.id === link.id)) {
    issues.push(issue("rules.extends_cycle", at, `extends cycle: ${[...chain, link].map(linkName).join(" → ")}`, { id: link.id }));
    return undefined;
  }
  if (pm.value.id !== want.id || pm.value.version !== want.version) {
    issues.push(mismatch(`${pm.value.id}@${pm.value.version}`));
    return undefined;
  }
  const pr = loadChain(pfiles, { ...opts, skipLints: true }, chain);
  if (!pr.ok) {
    issues.push(...pr.issues.map((i) => ({ ...i, path: [`${want.id}:`, ...i.path] })));
    return undefined;
  }
  // the parent's warnings (e.g. a modified file loaded with allowModified) stay visible
  issues.push(...(pr.warnings ?? []).map((i) => ({ ...i, path: [`${want.id}:`, ...i.path] })));
  if (want.sha256 && want.sha256 !== pr.value.sha256) issues.push(mismatch(`${pr.value.id}@${pr.value.version} (${pr.value.sha256.slice(0, 12)}…)`));
  return pr.value;
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
    deferrals: [...(parent?.deferrals ?? []), ...own.deferrals],
    overrides: [],
  };
}
