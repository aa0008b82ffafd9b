import { issue, type Issue } from "../errors/index.js";
import { Dec, derivedOrder, extremeDec, formulaField, roundDec, type Fact, type FormulaJson, type FormulaOpJson, type RuleSet } from "../rules/index.js";
import { MAX_MAGNITUDE } from "./schema.js";

/**
 * Derived facts: a fact declared with a formula is computed from the profile's other facts, once,
 * when the profile is validated — so every evaluation path (reference or compiled, criteria or
 * award conditions) reads it like any fact. Arithmetic is exact (big.js): a quotient that does not
 * terminate is rounded half-up at its 40th decimal place; the result is stored as the
 * JavaScript number nearest to it, the same number a rule file's literal with those digits is.
 * Three-valued: an input that is unknown makes the result unknown, except where the operation does
 * not need it (`coalesce`, `and`/`or` decided by a known argument, an `if` whose condition is known).
 */

/** A value while computing: a decimal, a yes/no, a text (an enum value), or undefined (unknown). */
type V = Dec | boolean | string | undefined;
/** Reads a fact of the profile (a field of an object fact with `field`): its raw value, undefined when unknown. */
export type DeriveReader = (fact: string, field?: string) => unknown;

/** Division by zero (a formula cannot be computed: the profile is refused, naming the fact). */
export class FormulaError extends Error {}

const isOp = (f: FormulaJson): f is FormulaOpJson => typeof f === "object" && f !== null && "op" in f;
const dec = (x: V): Dec => x as Dec;

/** A raw fact value as a formula value. */
function toV(raw: unknown): V {
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw === "number") return new Dec(raw);
  if (typeof raw === "boolean" || typeof raw === "string") return raw;
  return undefined;
}

/** The values `sum`/`count` read with `of`: an object fact's fields (all of them, by the catalog) or a set fact's members. */
function overValues(of: { fact: string }, read: DeriveReader, facts: ReadonlyMap<string, Fact>): V[] | undefined {
  const raw = read(of.fact);
  if (raw === undefined || raw === null) return undefined;
  if (Array.isArray(raw)) return raw.map(() => true);
  const fields = Object.keys(facts.get(of.fact)?.fields ?? {});
  const values = fields.map((k) => toV(read(of.fact, k)));
  return values.some((v) => v === undefined) ? undefined : values;
}

const compare = (a: V, b: V): number => (a instanceof Dec ? a.cmp(b as Dec) : a === b ? 0 : 1);

/** One operation on its arguments' values: THE meaning of each operation (computing and tracing share it). */
export function applyOp(f: FormulaOpJson, args: readonly V[], over: V[] | undefined): V {
  const xs = f.of ? over : args;
  switch (f.op) {
    case "and":
      return args.includes(false) ? false : args.includes(undefined) ? undefined : true;
    case "or":
      return args.includes(true) ? true : args.includes(undefined) ? undefined : false;
    case "coalesce":
      return args.find((a) => a !== undefined);
    case "if":
      return args[0] === undefined ? undefined : args[0] ? args[1] : args[2];
  }
  if (xs === undefined || xs.includes(undefined)) return undefined;
  switch (f.op) {
    case "+": case "sum": return xs.reduce((s: Dec, x) => s.plus(dec(x)), new Dec(0));
    case "*": return xs.slice(1).reduce((s: Dec, x) => s.times(dec(x)), dec(xs[0]));
    case "-": return xs.length === 1 ? dec(xs[0]).neg() : dec(xs[0]).minus(dec(xs[1]));
    case "/":
      if (dec(xs[1]).eq(0)) throw new FormulaError("division by zero");
      return dec(xs[0]).div(dec(xs[1]));
    case "min": return extremeDec(xs as Dec[], -1);
    case "max": return extremeDec(xs as Dec[], 1);
    case "clamp": return extremeDec([dec(xs[1]), extremeDec([dec(xs[0]), dec(xs[2])], -1)], 1);
    case "round": return roundDec(dec(xs[0]), f.places ?? 0, f.mode ?? "half-up");
    case "count": return new Dec(xs.filter((x) => x === true).length);
    case "not": return !xs[0];
    case "=": return compare(xs[0], xs[1]) === 0;
    case "!=": return compare(xs[0], xs[1]) !== 0;
    case "<": return dec(xs[0]).lt(dec(xs[1]));
    case "<=": return dec(xs[0]).lte(dec(xs[1]));
    case ">": return dec(xs[0]).gt(dec(xs[1]));
    default: return dec(xs[0]).gte(dec(xs[1]));
  }
}

/** The value of a formula for a profile (undefined: unknown). Throws a FormulaError on a division by zero. */
export function computeFormula(f: FormulaJson, read: DeriveReader, facts: ReadonlyMap<string, Fact>): V {
  if (typeof f === "number") return new Dec(f);
  if (typeof f === "boolean" || typeof f === "string") return f;
  if (!isOp(f)) return toV(read(f.fact, formulaField(f.path)));
  const over = f.of ? overValues(f.of, read, facts) : undefined;
  return applyOp(f, (f.args ?? []).map((a) => computeFormula(a, read, facts)), over);
}

/** A computed value as the profile's row holds it: a number (the nearest to the exact decimal) or a yes/no. */
export const rowValue = (v: V): number | boolean | undefined => (v === undefined || typeof v === "string" ? undefined : typeof v === "boolean" ? v : v.toNumber());

/** The decimal text of a value (exact) or the yes/no: what a trace records. */
export const traceValue = (v: V): string | boolean | undefined => (v instanceof Dec ? v.toFixed() : v);

/** Why a derived value cannot stand: outside its declared range (or not whole for an integer fact). */
function rangeProblem(f: Fact, n: number): string | undefined {
  const min = f.type === "ratio" ? Math.max(f.min ?? 0, 0) : (f.min ?? -MAX_MAGNITUDE);
  const max = f.type === "ratio" ? Math.min(f.max ?? 1, 1) : (f.max ?? MAX_MAGNITUDE);
  if (!Number.isFinite(n) || n < min || n > max) return `is ${n}, outside ${min}–${max}`;
  if (f.type === "integer" && !Number.isInteger(n)) return `is ${n}, not a whole number`;
  return undefined;
}

/** Computes the derived facts of a catalog into a profile's dense row (slots of the catalog order); returns the problems. */
export type Deriver = (row: unknown[]) => Issue[];

/** Builds the deriver of a rule set: its derived facts in dependency order (none: a no-op). */
export function createDeriver(rs: RuleSet, slots: ReadonlyMap<string, number>): Deriver | undefined {
  const order = derivedOrder(rs.facts);
  if (!order.length) return undefined;
  const facts = new Map(rs.facts.map((f) => [f.id, f]));
  return (row) => {
    const read: DeriveReader = (id, field) => {
      const v = row[slots.get(id)!];
      if (field === undefined || v === undefined || v === null) return v;
      return typeof v === "object" && Object.prototype.hasOwnProperty.call(v, field) ? (v as Record<string, unknown>)[field] : undefined;
    };
    const issues: Issue[] = [];
    for (const f of order) {
      const slot = slots.get(f.id)!;
      try {
        const v = rowValue(computeFormula(f.formula!, read, facts));
        const bad = typeof v === "number" ? rangeProblem(f, v) : undefined;
        if (bad) issues.push(issue("profiles.derived", ["facts", f.id], `derived fact ${f.id} ${bad}: check the facts it is computed from`, { fact: f.id, found: String(v) }));
        else if (v !== undefined) row[slot] = v;
      } catch (e) {
        if (!(e instanceof FormulaError)) throw e;
        issues.push(issue("profiles.derived", ["facts", f.id], `derived fact ${f.id} cannot be computed: ${e.message} — check the facts it is computed from`, { fact: f.id, found: e.message }));
      }
    }
    return issues;
  };
}

/** What a formula computed, part by part: data only (ids, decimal texts, yes/no), rendered by `explain`. */
export type FormulaTrace =
  | { readonly kind: "literal"; readonly value: number | boolean | string }
  | { readonly kind: "fact"; readonly fact: string; readonly path?: string; readonly value?: number | string | boolean; readonly missing: boolean }
  | {
      readonly kind: "op";
      readonly op: FormulaOpJson["op"];
      /** The result (a decimal text or a yes/no); absent when unknown. */
      readonly value?: string | boolean;
      readonly args: readonly FormulaTrace[];
      /** `sum`/`count` over a fact's fields or members: the fact, and whether it is known. */
      readonly of?: { readonly fact: string; readonly missing: boolean };
      readonly places?: number;
      readonly mode?: FormulaOpJson["mode"];
      /** Why it cannot be computed (a division by zero). */
      readonly error?: string;
    };

/** The trace of a formula for a profile, with the value of every part. */
export function traceFormula(f: FormulaJson, read: DeriveReader, facts: ReadonlyMap<string, Fact>): FormulaTrace {
  return traced(f, read, facts)[0];
}

function traced(f: FormulaJson, read: DeriveReader, facts: ReadonlyMap<string, Fact>): [FormulaTrace, V] {
  if (typeof f === "number" || typeof f === "boolean" || typeof f === "string") return [{ kind: "literal", value: f }, typeof f === "number" ? new Dec(f) : f];
  if (!isOp(f)) {
    const raw = read(f.fact, formulaField(f.path));
    const v = toV(raw);
    const shown = typeof raw === "number" || typeof raw === "string" || typeof raw === "boolean" ? raw : undefined;
    return [{ kind: "fact", fact: f.fact, ...(f.path !== undefined && { path: f.path }), ...(shown !== undefined && { value: shown }), missing: v === undefined }, v];
  }
  const kids = (f.args ?? []).map((a) => traced(a, read, facts));
  const over = f.of ? overValues(f.of, read, facts) : undefined;
  let v: V;
  let error: string | undefined;
  try {
    v = applyOp(f, kids.map((k) => k[1]), over);
  } catch (e) {
    if (!(e instanceof FormulaError)) throw e;
    error = e.message;
  }
  const t = traceValue(v);
  const trace: FormulaTrace = {
    kind: "op",
    op: f.op,
    ...(t !== undefined && { value: t }),
    args: kids.map((k) => k[0]),
    ...(f.of && { of: { fact: f.of.fact, missing: over === undefined } }),
    ...(f.places !== undefined && { places: f.places }),
    ...(f.mode !== undefined && { mode: f.mode }),
    ...(error !== undefined && { error }),
  };
  return [trace, v];
}

/**
 * The input facts whose absence leaves a formula unknown, each once, in the order they appear: an
 * unknown derived fact it reads stands for its own missing inputs; an `if` whose condition is known
 * needs only the branch taken; a part whose value is known needs nothing.
 */
export function missingInputs(f: FormulaJson, read: DeriveReader, facts: ReadonlyMap<string, Fact>, out: string[] = []): string[] {
  const add = (id: string) => void (!out.includes(id) && out.push(id));
  if (typeof f !== "object" || f === null) return out;
  if (!isOp(f)) {
    if (toV(read(f.fact, formulaField(f.path))) !== undefined) return out;
    const d = facts.get(f.fact)?.formula;
    if (d !== undefined) missingInputs(d, read, facts, out);
    else add(f.fact);
    return out;
  }
  let known: boolean;
  try {
    known = computeFormula(f, read, facts) !== undefined;
  } catch {
    known = true; // a division by zero is refused at validation, not missing
  }
  if (known) return out;
  if (f.of) add(f.of.fact);
  const args = f.args ?? [];
  const cond = f.op === "if" ? computeFormula(args[0]!, read, facts) : undefined;
  const needed = f.op === "if" && cond !== undefined ? [cond ? args[1]! : args[2]!] : args;
  for (const a of needed) missingInputs(a, read, facts, out);
  return out;
}
