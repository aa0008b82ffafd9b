import type { FormulaTrace } from "../profiles/index.js";
import { formulaField, type Fact, type FormulaJson, type FormulaOpJson, type Lang } from "../rules/index.js";
import { catalogFor } from "./catalog.js";
import { formatValue } from "./conditions.js";
import { numberFormat } from "./number-format.js";

/**
 * Formulas of derived facts in words: `«Số hội viên đạt danh hiệu» ÷ «Tổng số hội viên»` as the rule
 * book prints it, and with the values of a profile — `62 ÷ 100` — as explanations do.
 */
type Op = FormulaOpJson["op"];
const INFIX: Readonly<Partial<Record<Op, { readonly symbol: string; readonly level: number }>>> = {
  or: { symbol: "or", level: 1 }, and: { symbol: "and", level: 2 },
  "=": { symbol: "=", level: 3 }, "!=": { symbol: "≠", level: 3 }, "<": { symbol: "<", level: 3 }, "<=": { symbol: "≤", level: 3 }, ">": { symbol: ">", level: 3 }, ">=": { symbol: "≥", level: 3 },
  "+": { symbol: "+", level: 4 }, "-": { symbol: "−", level: 4 }, "*": { symbol: "×", level: 5 }, "/": { symbol: "÷", level: 5 },
};

/** How one part of a formula is written: a leaf's text, or an operation with its arguments' texts. */
interface Writer {
  readonly lang: Lang;
  readonly facts: ReadonlyMap<string, Fact>;
  /** The text of a fact reference (its label, or its value in a trace). */
  readonly fact: (fact: string, path: string | undefined, value: number | string | boolean | undefined, traced: boolean) => string;
}

const levelOf = (f: { op?: Op } | unknown): number => (typeof f === "object" && f !== null && "op" in f ? (INFIX[(f as { op: Op }).op]?.level ?? 9) : 9);

function opText(w: Writer, f: { op: Op; of?: { fact: string } | undefined; places?: number | undefined; mode?: FormulaOpJson["mode"] }, args: readonly { text: string; level: number }[]): string {
  const fx = catalogFor(w.lang).formula;
  const infix = INFIX[f.op];
  if (infix && args.length >= 2) {
    const sym = f.op === "and" ? fx.and : f.op === "or" ? fx.or : infix.symbol;
    // the right operand of − and ÷ (and of comparisons) needs brackets at the same level
    return args.map((a, i) => (a.level < infix.level || (i > 0 && a.level === infix.level && (f.op === "-" || f.op === "/" || infix.level === 3)) ? `(${a.text})` : a.text)).join(` ${sym} `);
  }
  const list = args.map((a) => a.text).join(fx.sep);
  switch (f.op) {
    case "-": return `−${args[0]!.level < 9 ? `(${args[0]!.text})` : args[0]!.text}`;
    case "not": return fx.not(args[0]!.text);
    case "if": return fx.if(args[0]!.text, args[1]!.text, args[2]!.text);
    case "coalesce": return fx.coalesce(args.map((a) => a.text));
    case "clamp": return fx.clamp(args[0]!.text, args[1]!.text, args[2]!.text);
    case "round": return fx.round(args[0]!.text, f.places ?? 0, f.mode ?? "half-up");
    case "sum": case "count":
      if (f.of) return fx.over(f.op, w.fact(f.of.fact, undefined, undefined, false), w.facts.get(f.of.fact)?.type === "set");
      return `${fx.fn[f.op]}(${list})`;
    default: return `${fx.fn[f.op as "min" | "max"]}(${list})`;
  }
}

function literal(v: number | boolean | string, lang: Lang): string {
  return typeof v === "number" ? numberFormat(catalogFor(lang).locale, 4).format(v) : formatValue(v, undefined, lang);
}

function written(w: Writer, f: FormulaJson): { text: string; level: number } {
  if (typeof f !== "object" || f === null) return { text: literal(f, w.lang), level: 9 };
  if (!("op" in f)) return { text: w.fact(f.fact, f.path, undefined, false), level: 9 };
  return { text: opText(w, f, (f.args ?? []).map((a) => written(w, a))), level: levelOf(f) };
}

function writtenTrace(w: Writer, t: FormulaTrace): { text: string; level: number } {
  if (t.kind === "literal") return { text: literal(t.value, w.lang), level: 9 };
  if (t.kind === "fact") return { text: w.fact(t.fact, t.path, t.value, true), level: 9 };
  if (t.of) return { text: t.value === undefined ? catalogFor(w.lang).formula.unknown : decimalText(t.value, w.lang), level: 9 };
  return { text: opText(w, t, t.args.map((a) => writtenTrace(w, a))), level: levelOf(t) };
}

/** A fact's label (with the field of an object fact) in «guillemets». */
function factLabel(facts: ReadonlyMap<string, Fact>, id: string, path: string | undefined, lang: Lang): string {
  const f = facts.get(id);
  const field = formulaField(path);
  const base = f?.label[lang] ?? id;
  return `«${field !== undefined ? `${base} › ${f?.fields?.[field]?.label[lang] ?? field}` : base}»`;
}

/** A decimal text (exact) or yes/no as people read it: at most four decimals, "≈" when more were cut. */
export function decimalText(v: string | boolean, lang: Lang, fact?: Fact): string {
  if (typeof v === "boolean") return formatValue(v, fact, lang);
  const n = Number(v);
  if (fact?.type === "ratio") return formatValue(n, fact, lang);
  const s = numberFormat(catalogFor(lang).locale, 4).format(n);
  return (v.split(".")[1]?.length ?? 0) > 4 ? `≈ ${s}` : s;
}

/** A formula in words, facts by their labels. */
export function formulaText(f: FormulaJson, facts: ReadonlyMap<string, Fact>, lang: Lang): string {
  return written({ lang, facts, fact: (id, path) => factLabel(facts, id, path, lang) }, f).text;
}

/** A formula with a profile's values in place of its facts (an unknown one as "?"). */
export function formulaValuesText(t: FormulaTrace, facts: ReadonlyMap<string, Fact>, lang: Lang): string {
  const unknown = catalogFor(lang).formula.unknown;
  const value = (id: string, path: string | undefined, v: number | string | boolean | undefined) => {
    if (v === undefined) return unknown;
    const f = facts.get(id);
    return formatValue(v, f, lang, formulaField(path));
  };
  return writtenTrace({ lang, facts, fact: value }, t).text;
}
