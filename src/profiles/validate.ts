import type { z } from "zod";
import { issue, type Issue, type Result } from "../errors/index.js";
import { FORBIDDEN_KEYS, type Fact, type Group, type RuleSet } from "../rules/index.js";
import { createDeriver } from "./derive.js";
import { buildFastCheck } from "./fast.js";
import { buildProfileSchema } from "./schema.js";
import type { HistoryEntry, Profile, ValidProfile } from "./types.js";

const FORBIDDEN = new Set<string>(FORBIDDEN_KEYS);
const has = Object.prototype.hasOwnProperty;

export interface ProfileValidator {
  /** Fact id → slot in the dense row. */
  readonly slots: ReadonlyMap<string, number>;
  validate(input: unknown): Result<ValidProfile>;
  /** The fast path alone (for the differential test). */
  fastAccepts(input: unknown): boolean;
  /** The zod schema alone (for the differential test). */
  slowAccepts(input: unknown): boolean;
}

const describeType = (v: unknown) => (v === null ? "null" : Array.isArray(v) ? "array" : typeof v === "number" && !Number.isFinite(v) ? String(v) : typeof v);
const show = (v: unknown) => {
  if (typeof v === "string") return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (typeof v === "number" || typeof v === "boolean" || v === null) return String(v);
  return describeType(v);
};

function forbiddenKeys(v: unknown, path: (string | number)[], out: Issue[], depth = 0): void {
  if (v === null || typeof v !== "object" || depth > 4) return;
  for (const k of Object.keys(v)) {
    if (FORBIDDEN.has(k)) out.push(issue("profiles.forbidden_key", [...path, k], `key ${k} is not allowed`, { key: k }));
    else forbiddenKeys((v as Record<string, unknown>)[k], [...path, k], out, depth + 1);
  }
}

/** Builds the validator for a rule set: zod schemas per group from the fact catalog, and fact slots. */
export function createProfileValidator(rs: RuleSet): ProfileValidator {
  const slots = new Map(rs.facts.map((f, i) => [f.id, i]));
  const facts = new Map(rs.facts.map((f) => [f.id, f]));
  const awards = new Set(rs.awards.map((a) => a.id));
  const schemas = new Map<Group, z.ZodType>();
  const schemaFor = (g: Group) => {
    let s = schemas.get(g);
    if (!s) schemas.set(g, (s = buildProfileSchema(rs, g)));
    return s;
  };
  const fast = buildFastCheck(rs);
  const factsDescriptor = factsProperty(rs.facts);
  const derive = createDeriver(rs, slots);
  /** What the schema cannot say of a history: a year listed twice, an award not in the rule set. */
  const historyIssues = (history: readonly HistoryEntry[]): Issue[] => {
    const issues: Issue[] = [];
    const seenYears = new Set<number>();
    for (const [i, h] of history.entries()) {
      if (seenYears.has(h.year)) issues.push(issue("profiles.schema", ["history", i, "year"], `history lists ${h.year} twice: give one entry per year`, { found: h.year }));
      seenYears.add(h.year);
      h.awards.forEach((a, j) => {
        if (!awards.has(a)) issues.push(issue("profiles.unknown_award", ["history", i, "awards", j], `unknown award ${show(a)}`, { found: a }));
      });
    }
    return issues;
  };
  const finish = (p: Profile): Result<ValidProfile> => {
    const issues = p.history?.length ? historyIssues(p.history) : [];
    if (issues.length) return { ok: false, issues };
    const row = factRow(p.facts, rs.facts, slots);
    const derived = derive?.(row);
    if (derived?.length) return { ok: false, issues: derived };
    return { ok: true, value: normalise(p, Object.freeze(row), factsDescriptor) };
  };
  const groups: readonly string[] = rs.groups.map((g) => g.id);
  const validate = (input: unknown): Result<ValidProfile> => {
    if (fast(input)) return finish(input as Profile);
    if (input === null || typeof input !== "object" || Array.isArray(input)) {
      return { ok: false, issues: [issue("profiles.schema", [], `expected a profile object, found ${describeType(input)}`, { expected: "object", found: describeType(input) })] };
    }
    const obj = input as Record<string, unknown>;
    const issues: Issue[] = [];
    forbiddenKeys(obj, [], issues);
    if (issues.length) return { ok: false, issues };
    const group = obj["group"];
    if (typeof group !== "string" || !groups.includes(group)) {
      return { ok: false, issues: [issue("profiles.unknown_group", ["group"], `expected one of ${groups.join(", ")}, found ${show(group)}`, { expected: groups.join("|"), found: show(group) })] };
    }
    const r = schemaFor(group as Group).safeParse(obj, { reportInput: true });
    if (!r.success) return { ok: false, issues: r.error.issues.flatMap((zi) => mapIssue(zi, facts, group as Group)) };
    return finish(obj as unknown as Profile); // unreachable while the fast path and zod agree (a property test checks)
  };
  /** For tests: the fast check alone. */
  const accepts = (input: unknown) => fast(input);
  return { slots, validate, fastAccepts: accepts, slowAccepts: (input: unknown) => { if (input === null || typeof input !== "object") return false; const g = (input as { group?: unknown }).group; return typeof g === "string" && groups.includes(g) && schemaFor(g as Group).safeParse(input).success; } };
}

function copyObject(v: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v).sort()) if (v[k] !== undefined && v[k] !== null) out[k] = v[k];
  return Object.freeze(out);
}

/** NFC of a string; ASCII text is its own NFC (most ids and clusters), so it skips ICU. */
export const nfc = (s: string): string => (/^[\x00-\x7f]*$/.test(s) ? s : s.normalize("NFC"));

/**
 * The `facts` property of the valid profiles of one fact catalog: an own, enumerable getter (as an
 * object literal's `get facts()` would be) built on first read from the dense row, in catalog order
 * — traces and explanations read it, scoring never does. One descriptor shared by every profile:
 * a getter written in each object literal would give every profile its own hidden class (measured
 * about 2 µs a profile, most of a validation).
 */
function factsProperty(catalog: readonly Fact[]): PropertyDescriptor {
  const built = new WeakMap<object, Readonly<Record<string, unknown>>>();
  return {
    enumerable: true,
    configurable: true,
    get(this: ValidProfile) {
      let facts = built.get(this);
      if (!facts) {
        const out: Record<string, unknown> = {};
        const row = this.row;
        for (let i = 0; i < catalog.length; i++) if (row[i] !== undefined) out[catalog[i]!.id] = row[i];
        built.set(this, (facts = Object.freeze(out)));
      }
      return facts;
    },
  };
}

/** The dense row of a profile's facts in catalog order (sets sorted, objects copied without blanks); derived facts are computed into it after. */
function factRow(src: Profile["facts"], catalog: readonly Fact[], slots: ReadonlyMap<string, number>): unknown[] {
  const row: unknown[] = new Array(catalog.length);
  for (const k in src) {
    if (!has.call(src, k)) continue;
    const v = src[k];
    const s = slots.get(k);
    if (v === null || v === undefined || s === undefined) continue;
    const t = catalog[s]!.type;
    row[s] = t === "set" ? Object.freeze([...(v as string[])].sort()) : t === "object" ? copyObject(v as Record<string, unknown>) : v;
  }
  return row;
}

function normalise(p: Profile, row: readonly unknown[], factsDescriptor: PropertyDescriptor): ValidProfile {
  // properties in this order: id, name, group, cohort?, year, facts, history?, initiatives?, row
  const out: Record<string, unknown> = { id: nfc(p.id), name: nfc(p.name), group: p.group };
  if (p.cohort !== undefined) out["cohort"] = nfc(p.cohort);
  out["year"] = p.year;
  Object.defineProperty(out, "facts", factsDescriptor);
  if (p.history) {
    const history: HistoryEntry[] = p.history
      .map((h) => Object.freeze({ year: h.year, awards: Object.freeze([...h.awards].sort()), ...(h.initiatives && { initiatives: Object.freeze([...h.initiatives].sort()) }) }))
      .sort((a, b) => a.year - b.year);
    out["history"] = Object.freeze(history);
  }
  if (p.initiatives) out["initiatives"] = Object.freeze([...new Set(p.initiatives)].sort());
  out["row"] = row;
  return Object.freeze(out) as unknown as ValidProfile;
}

function mapIssue(zi: z.core.$ZodIssue, facts: ReadonlyMap<string, Fact>, group: Group): Issue[] {
  const path = zi.path.map((s) => (typeof s === "symbol" ? String(s) : s));
  const input = (zi as { input?: unknown }).input;
  const inFacts = path[0] === "facts" && path.length >= 2;
  const fact = inFacts ? facts.get(String(path[1])) : undefined;
  switch (zi.code) {
    case "unrecognized_keys":
      return zi.keys.map((k) => {
        if (path[0] !== "facts") return issue("profiles.schema", [...path, k], `unknown field ${k}`, { found: k });
        const f = facts.get(k);
        if (f?.formula !== undefined && f.groups.includes(group)) return issue("profiles.derived", [...path, k], `fact ${k} is derived (computed by its formula from other facts): leave it out of the profile`, { fact: k });
        return f
          ? issue("profiles.fact_not_in_group", [...path, k], `fact ${k} does not apply to group ${group} (it applies to ${f.groups.join(", ")})`, { fact: k, group })
          : issue("profiles.unknown_fact", [...path, k], `unknown fact ${k}: not in the rule set's fact catalog`, { fact: k });
      });
    case "invalid_type": {
      const expected = fact?.type === "integer" || zi.expected === "int" ? "integer" : fact?.type === "ratio" ? "ratio (0–1)" : String(zi.expected);
      const code = inFacts ? "profiles.fact_type" : "profiles.schema";
      return [issue(code, path, `expected ${expected}, found ${show(input)}`, { expected, found: show(input) })];
    }
    case "too_small":
    case "too_big": {
      const bound = Number((zi as { minimum?: unknown; maximum?: unknown }).minimum ?? (zi as { maximum?: unknown }).maximum);
      const rel = zi.code === "too_small" ? ">=" : "<=";
      const code = inFacts ? "profiles.fact_range" : "profiles.schema";
      return [issue(code, path, `expected a value ${rel} ${bound}, found ${show(input)}`, { expected: `${rel} ${bound}`, found: show(input) })];
    }
    case "invalid_value": {
      const values = (zi.values ?? []).map(String).join(", ");
      const code = inFacts ? "profiles.fact_enum" : "profiles.schema";
      return [issue(code, path, `expected one of ${values}, found ${show(input)}`, { expected: values, found: show(input) })];
    }
    case "custom":
      return [issue(fact?.type === "date" ? "profiles.fact_date" : "profiles.schema", path, `${zi.message}, found ${show(input)}`, { expected: fact?.type === "date" ? "YYYY-MM-DD" : zi.message, found: show(input) })];
    default:
      return [issue(inFacts ? "profiles.fact_type" : "profiles.schema", path, `${zi.message}${input !== undefined ? `, found ${show(input)}` : ""}`, { found: show(input) })];
  }
}
