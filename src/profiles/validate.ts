import type * as z from "zod/mini";
import { issue, type Issue, type Result } from "../errors/index.js";
import { FORBIDDEN_KEYS, zodContext, type Fact, type Group, type RuleSet } from "../rules/index.js";
import { assessmentIssues, officialPolicy, resolveAssessments } from "./assess.js";
import { createDeriver, type Deriver } from "./derive.js";
import { buildFastCheck } from "./fast.js";
import { buildProfileSchema } from "./schema.js";
import { clip, FactEntries, snapshotProfile, withFactsObject } from "./snapshot.js";
import { ROW, type HistoryEntry, type Profile, type ValidProfile } from "./types.js";

/** A profile as read from the caller: its facts as entries when they are an object (see {@link snapshotProfile}). */
type Snapshot = Omit<Profile, "facts"> & { readonly facts: FactEntries | Profile["facts"] };

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

/** What the schema cannot say of a history: a year listed twice, an award not in the rule set. */
function historyIssues(history: readonly HistoryEntry[], awards: ReadonlySet<string>): Issue[] {
  const issues: Issue[] = [];
  const seenYears = new Set<number>();
  for (const [i, h] of history.entries()) {
    if (seenYears.has(h.year)) issues.push(issue("profiles.schema", ["history", i, "year"], `history lists ${h.year} twice: give one entry per year`, { found: h.year }));
    seenYears.add(h.year);
    for (const list of ["awards", "thematic", "sudden"] as const) {
      h[list]?.forEach((a, j) => {
        if (!awards.has(a)) issues.push(issue("profiles.unknown_award", ["history", i, list, j], `unknown award ${show(a)}`, { found: a }));
      });
    }
  }
  return issues;
}

const NO_EXTRA: Readonly<Record<string, unknown>> = Object.freeze({});
const NO_PATH: readonly (string | number)[] = Object.freeze([]);

/** What turning a profile that passed the schema into a valid one needs, built once per validator. */
interface Finisher {
  readonly rs: RuleSet;
  readonly slots: ReadonlyMap<string, number>;
  readonly facts: ReadonlyMap<string, Fact>;
  readonly awards: ReadonlySet<string>;
  readonly descriptor: PropertyDescriptor;
  readonly derive: Deriver | undefined;
}

/** A profile's facts as a valid profile: the dense row, the derived facts computed into it (their problems, if any, refuse it). */
function withFacts(ctx: Finisher, p: Snapshot, facts: FactEntries | Profile["facts"], extra: Readonly<Record<string, unknown>>, at: readonly (string | number)[]): Result<ValidProfile> {
  const row = factRow(facts, ctx.rs.facts, ctx.slots);
  const derived = ctx.derive?.(row);
  if (derived?.length) return { ok: false, issues: derived.map((i) => ({ ...i, path: [...at, ...i.path] })) };
  return { ok: true, value: normalise(p, Object.freeze(row), ctx.descriptor, extra) };
}

/**
 * The last steps of validation: the history and assessments checks the schema cannot make; then
 * the profile with its facts — or, for a profile with assessments, the official facts (the rule
 * set's policy) with the self-assessment beside it as a profile of its own.
 */
function finishProfile(ctx: Finisher, p: Snapshot): Result<ValidProfile> {
  const history = p.history?.length ? historyIssues(p.history, ctx.awards) : undefined;
  if (!p.assessments) return history?.length ? { ok: false, issues: history } : withFacts(ctx, p, p.facts, NO_EXTRA, NO_PATH);
  const issues = [...(history ?? []), ...assessmentIssues(p as Profile, ctx.facts)];
  if (issues.length) return { ok: false, issues };
  const policy = officialPolicy(ctx.rs);
  const r = resolveAssessments(p.assessments, policy);
  const { assessments: _omit, ...plain } = p;
  const self = withFacts(ctx, plain as Snapshot, r.self, {}, ["assessments", 0]);
  if (!self.ok) return self;
  const assessed = Object.freeze({ official: policy, self: self.value, changes: Object.freeze(r.changes.map((c) => Object.freeze(c))) });
  return withFacts(ctx, p, r.official, { assessments: deepFreezeCopy(p.assessments), assessed }, []);
}

const deepFreezeCopy = <T>(v: T): T => {
  const c = structuredClone(v);
  const freeze = (x: unknown): void => {
    if (x && typeof x === "object" && !Object.isFrozen(x)) {
      Object.freeze(x);
      for (const k of Object.keys(x)) freeze((x as Record<string, unknown>)[k]);
    }
  };
  freeze(c);
  return c;
};

/** Builds the validator for a rule set: zod schemas per group from the fact catalog, and fact slots. */
export function createProfileValidator(rs: RuleSet): ProfileValidator {
  const slots = new Map(rs.facts.map((f, i) => [f.id, i]));
  const facts = new Map(rs.facts.map((f) => [f.id, f]));
  const schemas = new Map<string, z.ZodMiniType>();
  const parseContext = { ...zodContext(), jitless: false, reportInput: true };
  const schemaFor = (g: Group, assessed: boolean) => {
    const key = `${assessed ? "a" : "f"}:${g}`;
    let s = schemas.get(key);
    if (!s) schemas.set(key, (s = buildProfileSchema(rs, g, assessed)));
    return s;
  };
  const fast = buildFastCheck(rs);
  const ctx: Finisher = { rs, slots, facts, awards: new Set(rs.awards.map((a) => a.id)), descriptor: factsProperty(rs.facts), derive: createDeriver(rs, slots) };
  const groups: readonly string[] = rs.groups.map((g) => g.id);
  const validate = (raw: unknown): Result<ValidProfile> => {
    const snapshot = snapshotProfile(raw);
    if (fast(snapshot)) return finishProfile(ctx, snapshot as Snapshot);
    const input = withFactsObject(snapshot);
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
    const r = schemaFor(group, has.call(obj, "assessments")).safeParse(obj, parseContext);
    if (!r.success) return { ok: false, issues: r.error.issues.flatMap((zi) => mapIssue(zi, facts, group)) };
    // profiles with facts reach here only if the fast path and zod disagree (a property test checks they do not); profiles with assessments always do
    return finishProfile(ctx, obj as unknown as Snapshot);
  };
  const slowAccepts = (input: unknown) => {
    if (input === null || typeof input !== "object") return false;
    const g = (input as { group?: unknown }).group;
    return typeof g === "string" && groups.includes(g) && schemaFor(g, has.call(input, "assessments")).safeParse(input).success;
  };
  return { slots, validate, fastAccepts: (input: unknown) => fast(snapshotProfile(input)), slowAccepts };
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
        const row = this[ROW];
        for (let i = 0; i < catalog.length; i++) if (row[i] !== undefined) out[catalog[i]!.id] = row[i];
        built.set(this, (facts = Object.freeze(out)));
      }
      return facts;
    },
  };
}

/** The dense row of a profile's facts in catalog order (sets sorted, objects copied without blanks); derived facts are computed into it after. */
function factRow(facts: FactEntries | Profile["facts"], catalog: readonly Fact[], slots: ReadonlyMap<string, number>): unknown[] {
  const { keys, values } = facts instanceof FactEntries ? facts : FactEntries.of(facts);
  const row: unknown[] = new Array(catalog.length);
  for (let i = 0; i < keys.length; i++) {
    const v = values[i];
    const s = slots.get(keys[i]!);
    if (v === null || v === undefined || s === undefined) continue;
    const t = catalog[s]!.type;
    row[s] = t === "set" ? Object.freeze([...(v as string[])].sort()) : t === "object" ? copyObject(v as Record<string, unknown>) : v;
  }
  return row;
}

function normalise(p: Snapshot, row: readonly unknown[], factsDescriptor: PropertyDescriptor, extra: Readonly<Record<string, unknown>>): ValidProfile {
  // properties in this order: id, name, group, cohort?, year, facts, history?, initiatives?, assessments?, assessed?, [ROW]
  const out: Record<string | symbol, unknown> = { id: nfc(p.id), name: nfc(p.name), group: p.group };
  if (p.cohort !== undefined) out["cohort"] = nfc(p.cohort);
  out["year"] = p.year;
  Object.defineProperty(out, "facts", factsDescriptor);
  if (p.history) {
    const history: HistoryEntry[] = p.history
      .map((h) =>
        Object.freeze({
          year: h.year,
          awards: Object.freeze([...h.awards].sort()),
          ...(h.thematic?.length && { thematic: Object.freeze([...h.thematic].sort()) }),
          ...(h.sudden?.length && { sudden: Object.freeze([...h.sudden].sort()) }),
          ...(h.initiatives && { initiatives: Object.freeze([...h.initiatives].sort()) }),
        }),
      )
      .sort((a, b) => a.year - b.year);
    out["history"] = Object.freeze(history);
  }
  if (p.initiatives) out["initiatives"] = Object.freeze([...new Set(p.initiatives)].sort());
  if (extra !== NO_EXTRA) Object.assign(out, extra);
  out[ROW] = row;
  return Object.freeze(out) as unknown as ValidProfile;
}

function mapIssue(zi: z.core.$ZodIssue, facts: ReadonlyMap<string, Fact>, group: Group): Issue[] {
  const path = zi.path.map((s) => (typeof s === "symbol" ? String(s) : s));
  const input = (zi as { input?: unknown }).input;
  // a fact of `facts`, or of the self-assessment's `facts`
  const at = path[0] === "facts" ? 1 : path[0] === "assessments" && path[2] === "facts" ? 3 : -1;
  const inFacts = at > 0 && path.length > at;
  const fact = inFacts ? facts.get(String(path[at])) : undefined;
  switch (zi.code) {
    case "unrecognized_keys":
      return zi.keys.map((k) => {
        if (at < 0) return issue("profiles.schema", [...path, k], `unknown field ${clip(k)}`, { found: clip(k) });
        const f = facts.get(k);
        if (f?.formula !== undefined && f.groups.includes(group)) return issue("profiles.derived", [...path, k], `fact ${k} is derived (computed by its formula from other facts): leave it out of the profile`, { fact: k });
        return f
          ? issue("profiles.fact_not_in_group", [...path, k], `fact ${k} does not apply to group ${group} (it applies to ${f.groups.join(", ")})`, { fact: k, group })
          : issue("profiles.unknown_fact", [...path, k], `unknown fact ${clip(k)}: not in the rule set's fact catalog`, { fact: clip(k) });
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
      const ids = (zi.values ?? []).map(String);
      const values = ids.join(", ");
      const code = inFacts ? "profiles.fact_enum" : "profiles.schema";
      // each value's label beside it (same order as `expected`), for messages that show labels, not ids
      const labels = fact?.valueLabels && { choicesVi: ids.map((v) => fact.valueLabels?.[v]?.vi ?? v).join(" | "), choicesEn: ids.map((v) => fact.valueLabels?.[v]?.en ?? v).join(" | ") };
      return [issue(code, path, `expected one of ${values}, found ${show(input)}`, { expected: values, found: show(input), ...labels })];
    }
    case "custom":
      return [issue(fact?.type === "date" ? "profiles.fact_date" : "profiles.schema", path, `${zi.message}, found ${show(input)}`, { expected: fact?.type === "date" ? "YYYY-MM-DD" : zi.message, found: show(input) })];
    default:
      return [issue(inFacts ? "profiles.fact_type" : "profiles.schema", path, `${zi.message}${input !== undefined ? `, found ${show(input)}` : ""}`, { found: show(input) })];
  }
}
