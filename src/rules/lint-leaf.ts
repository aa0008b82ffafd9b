import { issue, type Issue } from "../errors/index.js";
import { isIsoDate } from "./dates.js";
import { ownValue } from "./lookup.js";
import { parsePath, WILDCARD } from "./path.js";
import { OPERATORS } from "./constants.js";
import type { LeafCondition } from "./schema.js";
import type { FactValueJson } from "./json-types.js";
import type { Fact, Group } from "./types.js";
import type { Path } from "./walk.js";

const NUMERIC_OPS = new Set(["lessThan", "lessThanInclusive", "greaterThan", "greaterThanInclusive"]);
const NUMBERS = new Set(["integer", "number", "ratio"]);

/**
 * What a leaf reads: the fact's type, the type of the object field named by `path`, or — through a
 * wildcard `$[*]` — a `list` of the object's field values (`element`: their common type) or a set's
 * members.
 */
export interface ScalarSpec {
  type: string;
  values?: readonly string[] | undefined;
  min?: number | undefined;
  max?: number | undefined;
  element?: ScalarSpec | undefined;
}

export function leafSpec(fact: Fact, path: string | undefined): ScalarSpec | string {
  if (path === undefined) {
    if (fact.type === "object") return `fact ${fact.id} is an object: the condition needs a path`;
    return fact;
  }
  const p = parsePath(path);
  if (!p.ok) return p.reason;
  const [first, ...rest] = p.segments;
  if (first === WILDCARD && rest.length === 0) {
    if (fact.type === "set") return fact;
    const fields = Object.values(fact.fields ?? {});
    if (fact.type !== "object" || !fields.length) return `path ${path} used on ${fact.type} fact ${fact.id}`;
    const t = fields[0]!.type;
    if (!fields.every((f) => f.type === t || (NUMBERS.has(f.type) && NUMBERS.has(t)))) return `the fields of ${fact.id} have different types: ${path} cannot list them`;
    return { type: "list", element: { type: t, values: [...new Set(fields.flatMap((f) => f.values ?? []))] } };
  }
  if (fact.type !== "object") return `path ${path} used on ${fact.type} fact ${fact.id}`;
  const field = rest.length === 0 && typeof first === "string" ? ownValue(fact.fields, first) : undefined;
  return field ?? `fact ${fact.id} has no field ${path}`;
}

function scalarOk(spec: ScalarSpec, v: unknown): boolean {
  switch (spec.type) {
    case "boolean":
      return typeof v === "boolean";
    case "integer":
    case "number":
    case "ratio":
      return typeof v === "number" && Number.isFinite(v);
    case "date":
      return typeof v === "string" && isIsoDate(v);
    case "enum":
    case "set":
      return typeof v === "string" && (spec.values ?? []).includes(v);
    case "list":
      return spec.element !== undefined && scalarOk(spec.element, v);
    default:
      return false;
  }
}

const isList = (s: ScalarSpec) => s.type === "set" || s.type === "list";
/** The type of one member of a set or list (a set's members are its values). */
const member = (s: ScalarSpec): ScalarSpec => (s.type === "set" ? { type: "enum", values: s.values } : (s.element ?? { type: "none" }));

/** Whether a threshold value fits the operator on what the leaf reads. */
function valueFits(op: string, spec: ScalarSpec, v: unknown): boolean {
  if (NUMERIC_OPS.has(op)) return (NUMBERS.has(spec.type) || spec.type === "date") && scalarOk(spec, v);
  if (op === "in" || op === "notIn") return !isList(spec) && Array.isArray(v) && v.length > 0 && v.every((x) => scalarOk(spec, x));
  if (op === "contains" || op === "doesNotContain") return isList(spec) && scalarOk(spec, v);
  return !isList(spec) && scalarOk(spec, v);
}

/** Whether two scalar kinds compare: numbers with numbers, dates with dates, the same enum values, yes/no with yes/no. */
function sameKind(a: ScalarSpec, b: ScalarSpec): boolean {
  if (NUMBERS.has(a.type)) return NUMBERS.has(b.type);
  if (a.type === "enum" && b.type === "enum") return (a.values ?? []).some((v) => (b.values ?? []).includes(v));
  return a.type === b.type && !isList(a);
}

/** Whether a fact-to-fact comparison makes sense: the kinds of both sides under the operator. */
function factsFit(op: string, a: ScalarSpec, b: ScalarSpec): boolean {
  if (NUMERIC_OPS.has(op)) return (NUMBERS.has(a.type) && NUMBERS.has(b.type)) || (a.type === "date" && b.type === "date");
  if (op === "in" || op === "notIn") return !isList(a) && isList(b) && sameKind(a, member(b));
  if (op === "contains" || op === "doesNotContain") return isList(a) && !isList(b) && sameKind(member(a), b);
  return !isList(a) && !isList(b) && sameKind(a, b);
}

function checkFactValue(leaf: LeafCondition, spec: ScalarSpec, value: FactValueJson, facts: ReadonlyMap<string, Fact>, groups: readonly Group[], at: Path): Issue[] {
  const other = facts.get(value.fact);
  if (!other) return [issue("rules.unknown_fact", [...at, "value", "fact"], `unknown fact ${value.fact}`, { fact: value.fact })];
  const out: Issue[] = [];
  const missing = groups.filter((g) => !other.groups.includes(g));
  if (missing.length) out.push(issue("rules.fact_not_in_group", [...at, "value", "fact"], `fact ${other.id} does not apply to group ${missing.join(", ")}`, { fact: other.id, group: missing.join(",") }));
  const b = leafSpec(other, value.path);
  if (typeof b === "string") return [...out, issue("rules.bad_path", [...at, "value", "path"], b, { fact: other.id })];
  if (!factsFit(leaf.operator, spec, b)) {
    out.push(issue("rules.value_type", [...at, "value"], `${leaf.fact} (${spec.type}) cannot be compared with ${other.id} (${b.type}) by ${leaf.operator}`, { fact: leaf.fact, operator: leaf.operator, type: spec.type }));
  }
  if (leaf.dated) out.push(issue("rules.schema", [...at, "dated"], "a comparison with another fact has no threshold to date"));
  return out;
}

/** Checks one leaf against the fact catalog; returns issues (paths relative to `at`). */
export function checkLeaf(leaf: LeafCondition, facts: ReadonlyMap<string, Fact>, groups: readonly Group[], at: Path): Issue[] {
  const out: Issue[] = [];
  const fact = facts.get(leaf.fact);
  if (!fact) return [issue("rules.unknown_fact", [...at, "fact"], `unknown fact ${leaf.fact}`, { fact: leaf.fact })];
  if (!(OPERATORS as readonly string[]).includes(leaf.operator)) {
    out.push(issue("rules.unknown_operator", [...at, "operator"], `unknown operator ${leaf.operator}; allowed: ${OPERATORS.join(", ")}`, { operator: leaf.operator }));
    return out;
  }
  const missing = groups.filter((g) => !fact.groups.includes(g));
  if (missing.length) {
    out.push(issue("rules.fact_not_in_group", [...at, "fact"], `fact ${fact.id} does not apply to group ${missing.join(", ")}`, { fact: fact.id, group: missing.join(",") }));
  }
  const spec = leafSpec(fact, leaf.path);
  if (typeof spec === "string") return [...out, issue("rules.bad_path", [...at, "path"], spec, { fact: fact.id })];
  const v = leaf.value;
  if (v !== null && typeof v === "object" && !Array.isArray(v)) return [...out, ...checkFactValue(leaf, spec, v, facts, groups, at)];
  const values: [unknown, Path][] = [[v, [...at, "value"]], ...(leaf.dated ?? []).map((d, i): [unknown, Path] => [d.value, [...at, "dated", i, "value"]])];
  for (const [x, where] of values) {
    if (!valueFits(leaf.operator, spec, x)) {
      out.push(issue("rules.value_type", where, `value ${JSON.stringify(x)} does not fit operator ${leaf.operator} on ${spec.type} fact ${fact.id}`, { fact: fact.id, operator: leaf.operator, type: spec.type }));
    } else if (spec.type === "ratio" && typeof x === "number" && (x < 0 || x > 1)) {
      out.push(issue("rules.value_type", where, `ratio threshold ${x} is outside 0–1`, { fact: fact.id }));
    }
  }
  // a number or a date is a threshold someone chose: it says why (an enum or yes/no selects, it does not measure)
  if ((NUMBERS.has(spec.type) || spec.type === "date" || (isList(spec) && NUMBERS.has(member(spec).type))) && leaf.basis === undefined) {
    out.push(issue("rules.threshold_without_basis", at, `threshold ${JSON.stringify(v)} on ${fact.id} does not say its basis (law, regulation or policy-default)`, { fact: fact.id }));
  }
  return out;
}
