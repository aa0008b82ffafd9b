import { issue, type Issue } from "../errors/index.js";
import type { Condition } from "./schema.js";
import type { RuleSet } from "./types.js";
import { conditionRoots, walkCondition, type Path } from "./walk.js";

/**
 * Largest value of any points field of a rule file (documented in SECURITY.md). Points are integers
 * in hundredths inside the engine: within this bound and the rule-set limits, every total, cap and
 * per-unit product stays a safe integer, so what loads also scores.
 */
export const MAX_POINTS = 1_000_000;

/**
 * Names that an object inherits from `Object.prototype` (fixed here, not read from the runtime): an
 * enum value, a set member, a field or a fact id with one of these names would read an inherited
 * property wherever it is used as a key.
 */
export const PROTOTYPE_NAMES: readonly string[] = [
  "__proto__",
  "__defineGetter__",
  "__defineSetter__",
  "__lookupGetter__",
  "__lookupSetter__",
  "constructor",
  "hasOwnProperty",
  "isPrototypeOf",
  "propertyIsEnumerable",
  "toLocaleString",
  "toString",
  "valueOf",
  "prototype",
];
const PROTO = new Set(PROTOTYPE_NAMES);

/** Every points field of the set with its path: what the engine turns into integer hundredths. */
function pointsFields(rs: RuleSet): { value: number; at: Path }[] {
  const out: { value: number; at: Path }[] = [];
  const add = (value: number | undefined, at: Path) => value !== undefined && out.push({ value, at });
  for (const c of rs.criteria) {
    const at: Path = [c.file, c.id];
    add(c.maxPoints, [...at, "maxPoints"]);
    add(c.floor, [...at, "floor"]);
    c.tiers?.forEach((t, i) => add(t.points, [...at, "tiers", i, "points"]));
    add(c.perUnit?.pointsPerUnit, [...at, "perUnit", "pointsPerUnit"]);
    add(c.perUnit?.cap, [...at, "perUnit", "cap"]);
    for (const a of [...(c.bonus ?? []), ...(c.deductions ?? [])]) {
      add(a.points, [...at, a.id, "points"]);
      add(a.cap, [...at, a.id, "cap"]);
      add(a.perUnit?.pointsPerUnit, [...at, a.id, "perUnit", "pointsPerUnit"]);
      add(a.perUnit?.cap, [...at, a.id, "perUnit", "cap"]);
    }
  }
  for (const g of rs.groupCaps) add(g.maxPoints, ["groupCaps", g.id, "maxPoints"]);
  for (const k of rs.classes) k.requires?.forEach((r, i) => add(r.minPoints, ["classes", k.id, "requires", i, "minPoints"]));
  return out;
}

/** Points the engine could not hold exactly: a value above `MAX_POINTS`, or a largest total that is not a safe integer in hundredths. */
function lintPoints(rs: RuleSet, out: Issue[]): void {
  for (const { value, at } of pointsFields(rs)) {
    if (!(value <= MAX_POINTS)) out.push(issue("rules.points_unit", at, `${value} points is more than the supported ${MAX_POINTS}`, { found: value, limit: MAX_POINTS }));
  }
  const totals = new Map<string, number>();
  for (const c of rs.criteria) {
    const bonus = (c.bonus ?? []).reduce((s, b) => s + Math.round(b.cap * 100), 0);
    totals.set(c.group, (totals.get(c.group) ?? 0) + Math.round(c.maxPoints * 100) + bonus);
  }
  for (const [group, total] of totals) {
    if (!Number.isSafeInteger(total)) out.push(issue("rules.points_unit", [group], `the largest total of group ${group} is not a safe integer in hundredths`, { group }));
  }
}

/** The threshold ids of a condition tree, in file order (no paths built: this runs on every load). */
function idsOf(c: Condition, out: string[]): void {
  if ("all" in c) c.all.forEach((k) => idsOf(k, out));
  else if ("any" in c) c.any.forEach((k) => idsOf(k, out));
  else if ("not" in c) idsOf(c.not, out);
  else if (c.id !== undefined) out.push(c.id);
}

/** Threshold ids must be unique within a criterion, across all its condition trees (an override targets one). */
function lintThresholdIds(rs: RuleSet, out: Issue[]): void {
  for (const c of rs.criteria) {
    const ids: string[] = [];
    for (const r of conditionRoots(c)) idsOf(r.cond, ids);
    if (new Set(ids).size === ids.length) continue;
    // a repeated id: walked again with paths, to name where the second one is
    const seen = new Set<string>();
    const named = new Set<string>();
    for (const r of conditionRoots(c)) {
      walkCondition(r.cond, (leaf, p) => {
        if (leaf.id === undefined) return;
        if (seen.has(leaf.id) && !named.has(leaf.id)) {
          named.add(leaf.id);
          out.push(issue("rules.duplicate_id", [c.file, c.id, ...r.path, ...p, "id"], `threshold id ${leaf.id} appears more than once in criterion ${c.id}`, { id: leaf.id, kind: "threshold" }));
        }
        seen.add(leaf.id);
      });
    }
  }
}

/** Values and names that would be read through `Object.prototype` when used as keys. */
function lintPrototypeNames(rs: RuleSet, out: Issue[]): void {
  const bad = (name: string, at: Path, what: string) => out.push(issue("rules.forbidden_key", at, `${what} ${JSON.stringify(name)} is the name of a built-in object property`, { key: name, what }));
  for (const f of rs.facts) {
    const at: Path = ["facts", f.id];
    for (const seg of f.id.split(".")) if (PROTO.has(seg)) bad(f.id, [...at, "id"], "fact id");
    for (const v of f.values ?? []) if (PROTO.has(v)) bad(v, [...at, "values"], "value");
    for (const k of Object.keys(f.valueLabels ?? {})) if (PROTO.has(k)) bad(k, [...at, "valueLabels"], "value label");
    for (const [name, field] of Object.entries(f.fields ?? {})) {
      if (PROTO.has(name)) bad(name, [...at, "fields", name], "field");
      for (const v of field.values ?? []) if (PROTO.has(v)) bad(v, [...at, "fields", name, "values"], "value");
    }
  }
}

/** An override's citation must name a source the manifests declare. */
function lintOverrideCitations(rs: RuleSet, out: Issue[]): void {
  const sources = new Set(rs.sources.map((s) => s.id));
  rs.overrides.forEach((o, i) => {
    const src = o.citation?.source;
    if (src !== undefined && !sources.has(src)) out.push(issue("rules.unknown_source", ["overrides", i, "citation", "source"], `override of ${o.origin} cites unknown source ${src}`, { source: src }));
  });
}

/**
 * The lints that keep a rule set meaning one thing: everything scoring would refuse later is refused
 * at load (points beyond the engine's range), an override cannot silently change only the first of
 * two thresholds with one id, cite a source nobody declared, or meet a value named like a built-in
 * property.
 */
export function lintIntegrity(rs: RuleSet): Issue[] {
  const out: Issue[] = [];
  lintPoints(rs, out);
  lintThresholdIds(rs, out);
  lintPrototypeNames(rs, out);
  lintOverrideCitations(rs, out);
  return out;
}
