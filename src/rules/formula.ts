import { issue, type Issue } from "../errors/index.js";
import { parsePath } from "./path.js";
import type { FactValueJson, FormulaJson, FormulaOpJson } from "./json-types.js";
import type { Fact, Group } from "./types.js";
import type { Path } from "./walk.js";

/** Maximum nesting depth of a formula (documented in SECURITY.md, as conditions). */
export const MAX_FORMULA_DEPTH = 32;

/** The type a formula (or one of its parts) computes: a whole number, a decimal number, a yes/no, or a text compared with an enum fact. */
export type FormulaType = "integer" | "number" | "boolean" | "string";

const NUMERIC = new Set<FormulaType>(["integer", "number"]);
const isOp = (f: FormulaJson): f is FormulaOpJson => typeof f === "object" && f !== null && "op" in f;
const isFactRef = (f: FormulaJson): f is FactValueJson => typeof f === "object" && f !== null && "fact" in f;

/** The field a formula reads of an object fact: `$.name` or `$['name']` (one step), or undefined. */
export function formulaField(path: string | undefined): string | undefined {
  if (path === undefined) return undefined;
  const p = parsePath(path);
  return p.ok && p.segments.length === 1 && typeof p.segments[0] === "string" ? p.segments[0] : undefined;
}

/** The facts a formula reads directly (fact references and `of`), each once, in the order they appear. */
export function formulaFacts(f: FormulaJson): string[] {
  const out: string[] = [];
  const visit = (x: FormulaJson) => {
    if (isFactRef(x)) {
      if (!out.includes(x.fact)) out.push(x.fact);
    } else if (isOp(x)) {
      if (x.of && !out.includes(x.of.fact)) out.push(x.of.fact);
      x.args?.forEach(visit);
    }
  };
  visit(f);
  return out;
}

/** What type-checking a formula needs: the catalog, the groups the derived fact applies to, where to report. */
interface CheckContext {
  readonly facts: ReadonlyMap<string, Fact>;
  readonly groups: readonly Group[];
  readonly out: Issue[];
}

type Checked = { readonly type: FormulaType; readonly values?: readonly string[]; readonly literal?: string } | undefined;

function bad(ctx: CheckContext, at: Path, message: string): undefined {
  ctx.out.push(issue("rules.formula", at, message));
  return undefined;
}

/** The type of a fact read by a formula (a scalar fact, or one field of an object fact). */
function factType(ref: FactValueJson, ctx: CheckContext, at: Path): Checked {
  const fact = ctx.facts.get(ref.fact);
  if (!fact) {
    ctx.out.push(issue("rules.unknown_fact", [...at, "fact"], `unknown fact ${ref.fact}`, { fact: ref.fact }));
    return undefined;
  }
  const missing = ctx.groups.filter((g) => !fact.groups.includes(g));
  if (missing.length) ctx.out.push(issue("rules.fact_not_in_group", [...at, "fact"], `fact ${fact.id} does not apply to group ${missing.join(", ")}`, { fact: fact.id, group: missing.join(",") }));
  let spec: { type: string; values?: readonly string[] | undefined } = fact;
  if (ref.path !== undefined) {
    const field = formulaField(ref.path);
    const f = fact.type === "object" && field !== undefined ? fact.fields?.[field] : undefined;
    if (!f) return bad(ctx, [...at, "path"], `a formula reads one field of an object fact ($.name or $['name']); ${ref.path} of ${fact.id} is not one`);
    spec = f;
  }
  switch (spec.type) {
    case "boolean":
      return { type: "boolean" };
    case "integer":
      return { type: "integer" };
    case "number":
    case "ratio":
      return { type: "number" };
    case "enum":
      return { type: "string", values: spec.values ?? [] };
    default:
      return bad(ctx, at, `a formula cannot compute with ${spec.type} fact ${fact.id}${spec.type === "set" || spec.type === "object" ? " (use sum or count with `of`)" : ""}`);
  }
}

const numeric = (ts: readonly Checked[]): FormulaType | undefined =>
  ts.every((t) => t && NUMERIC.has(t.type)) ? (ts.every((t) => t!.type === "integer") ? "integer" : "number") : undefined;

/** `sum`/`count` over an object fact's fields or a set fact's members (`of`). */
function overFact(f: FormulaOpJson, ctx: CheckContext, at: Path): Checked {
  const of = f.of!;
  const fact = ctx.facts.get(of.fact);
  if (!fact) return void ctx.out.push(issue("rules.unknown_fact", [...at, "of", "fact"], `unknown fact ${of.fact}`, { fact: of.fact })) as undefined;
  if (of.path !== undefined) return bad(ctx, [...at, "of", "path"], "`of` names a whole object or set fact, without a path");
  if (f.args) return bad(ctx, at, `${f.op} takes either args or of, not both`);
  const fields = Object.values(fact.fields ?? {});
  if (f.op === "count" && fact.type === "set") return { type: "integer" };
  if (fact.type !== "object") return bad(ctx, [...at, "of"], `${f.op} of needs an object fact${f.op === "count" ? " or a set fact" : ""}; ${fact.id} is ${fact.type}`);
  if (f.op === "count") return fields.every((x) => x.type === "boolean") ? { type: "integer" } : bad(ctx, [...at, "of"], `count of ${fact.id} needs yes/no fields only`);
  if (!fields.every((x) => ["integer", "number", "ratio"].includes(x.type))) return bad(ctx, [...at, "of"], `sum of ${fact.id} needs number fields only`);
  return { type: fields.every((x) => x.type === "integer") ? "integer" : "number" };
}

const ARITY: Readonly<Record<FormulaOpJson["op"], readonly [number, number]>> = {
  "+": [2, 64], "*": [2, 64], "-": [1, 2], "/": [2, 2], min: [1, 64], max: [1, 64], clamp: [3, 3], round: [1, 1], sum: [1, 64], count: [1, 64],
  "=": [2, 2], "!=": [2, 2], "<": [2, 2], "<=": [2, 2], ">": [2, 2], ">=": [2, 2], and: [1, 64], or: [1, 64], not: [1, 1], if: [3, 3], coalesce: [2, 64],
};

/** The type of an operation from the types of its arguments, or undefined (reported) when they do not fit. */
function opType(f: FormulaOpJson, args: readonly Checked[], ctx: CheckContext, at: Path): Checked {
  const num = numeric(args);
  const say = (what: string) => bad(ctx, at, `${f.op} needs ${what}`);
  switch (f.op) {
    case "+": case "-": case "*": case "min": case "max": case "clamp": case "sum":
      return num ? { type: num } : say("numbers");
    case "/":
      return num ? { type: "number" } : say("numbers");
    case "round":
      if (f.mode === undefined) return say("a stated rounding rule (`mode`: half-up, half-even, floor or ceil)");
      return num ? { type: (f.places ?? 0) === 0 ? "integer" : "number" } : say("a number");
    case "count": case "and": case "or": case "not":
      return args.every((t) => t?.type === "boolean") ? { type: f.op === "count" ? "integer" : "boolean" } : say("yes/no values");
    case "<": case "<=": case ">": case ">=":
      return num ? { type: "boolean" } : say("numbers");
    case "=": case "!=":
      return comparable(args[0], args[1]) ? { type: "boolean" } : say("two values of one type (an enum fact is compared with one of its values)");
    case "if":
      if (args[0]?.type !== "boolean") return say("a yes/no condition first");
      return same(args.slice(1), say);
    case "coalesce":
      return same(args, say);
  }
}

function comparable(a: Checked, b: Checked): boolean {
  if (!a || !b) return false;
  if (NUMERIC.has(a.type) && NUMERIC.has(b.type)) return true;
  if (a.type !== b.type) return false;
  if (a.type === "boolean") return true;
  // text: an enum fact with another enum fact, or with a literal that is one of its values
  if (a.values && b.values) return true;
  const values = a.values ?? b.values;
  const literal = a.values ? b.literal : a.literal;
  return values !== undefined && literal !== undefined && values.includes(literal);
}

function same(args: readonly Checked[], say: (what: string) => undefined): Checked {
  const num = numeric(args);
  if (num) return { type: num };
  return args.every((x) => x?.type === "boolean") ? { type: "boolean" } : say("numbers, or yes/no values");
}

/** Type-checks a formula against the catalog; issues go to `ctx.out`, paths relative to `at`. */
export function checkFormula(f: FormulaJson, ctx: CheckContext, at: Path, depth = 1): Checked {
  if (depth > MAX_FORMULA_DEPTH) return void ctx.out.push(issue("rules.depth_limit", at, `formula deeper than ${MAX_FORMULA_DEPTH}`)) as undefined;
  if (typeof f === "number") return { type: Number.isInteger(f) ? "integer" : "number" };
  if (typeof f === "boolean") return { type: "boolean" };
  if (typeof f === "string") return { type: "string", literal: f };
  if (isFactRef(f)) return factType(f, ctx, at);
  const [lo, hi] = ARITY[f.op];
  if (f.of) return f.op === "sum" || f.op === "count" ? overFact(f, ctx, at) : bad(ctx, [...at, "of"], `only sum and count take of`);
  const n = f.args?.length ?? 0;
  if (n < lo || n > hi) return bad(ctx, [...at, "args"], `${f.op} takes ${lo === hi ? lo : `${lo} to ${hi}`} arguments, found ${n}`);
  if ((f.places !== undefined || f.mode !== undefined) && f.op !== "round") return bad(ctx, at, "only round takes places and mode");
  const args = f.args!.map((a, i) => checkFormula(a, ctx, [...at, "args", i], depth + 1));
  if (args.some((a) => a === undefined)) return undefined;
  return opType(f, args, ctx, at);
}

const FITS: Readonly<Record<string, readonly FormulaType[]>> = { integer: ["integer"], number: ["integer", "number"], ratio: ["integer", "number"], boolean: ["boolean"] };

/** Checks every derived fact: its formula's type against its declared type, and no cycle through derived facts. */
export function lintFormulas(facts: readonly Fact[], out: Issue[]): void {
  const byId = new Map(facts.map((f) => [f.id, f]));
  for (const [i, f] of facts.entries()) {
    if (f.formula === undefined) continue;
    const at: Path = ["facts", i, "formula"];
    const t = checkFormula(f.formula, { facts: byId, groups: f.groups, out }, at);
    const fits = FITS[f.type];
    if (!fits) out.push(issue("rules.formula", ["facts", i, "type"], `a derived fact is an integer, number, ratio or boolean; ${f.id} is ${f.type}`, { fact: f.id }));
    else if (t && !fits.includes(t.type)) out.push(issue("rules.formula", at, `formula of ${f.id} computes ${t.type === "string" ? "a text" : `a ${t.type}`}, but the fact is declared ${f.type}`, { fact: f.id }));
  }
  const cycle = findCycle(facts, byId);
  if (cycle) out.push(issue("rules.formula_cycle", ["facts", facts.findIndex((f) => f.id === cycle[0]), "formula"], `derived facts depend on each other: ${cycle.join(" → ")}`, { fact: cycle[0]! }));
}

function findCycle(facts: readonly Fact[], byId: ReadonlyMap<string, Fact>): string[] | undefined {
  const state = new Map<string, "open" | "done">();
  const visit = (id: string, trail: string[]): string[] | undefined => {
    const f = byId.get(id);
    if (!f?.formula || state.get(id) === "done") return undefined;
    if (state.get(id) === "open") return [...trail.slice(trail.indexOf(id)), id];
    state.set(id, "open");
    for (const d of formulaFacts(f.formula)) {
      const c = visit(d, [...trail, id]);
      if (c) return c;
    }
    state.set(id, "done");
    return undefined;
  };
  for (const f of facts) {
    const c = visit(f.id, []);
    if (c) return c;
  }
  return undefined;
}

/** The derived facts of a catalog, each after the derived facts its formula reads (the order they are computed in). */
export function derivedOrder(facts: readonly Fact[]): Fact[] {
  const byId = new Map(facts.map((f) => [f.id, f]));
  const out: Fact[] = [];
  const seen = new Set<string>();
  const visit = (f: Fact) => {
    if (seen.has(f.id) || !f.formula) return;
    seen.add(f.id);
    for (const d of formulaFacts(f.formula)) {
      const g = byId.get(d);
      if (g) visit(g);
    }
    out.push(f);
  };
  facts.forEach(visit);
  return out;
}

/** The input facts (not derived) a fact rests on, transitively, each once; a plain fact rests on itself. */
export function inputFacts(id: string, byId: ReadonlyMap<string, Fact>, seen: Set<string> = new Set()): string[] {
  if (seen.has(id)) return [];
  seen.add(id);
  const f = byId.get(id);
  if (!f?.formula) return [id];
  return formulaFacts(f.formula).flatMap((d) => inputFacts(d, byId, seen));
}
