import { ownValue, parsePath, type Condition, type Fact, type Lang, type LeafCondition } from "../rules/index.js";
import { catalogFor } from "./catalog.js";
import { numberFormat } from "./number-format.js";

export interface ConditionLine {
  readonly depth: number;
  readonly text: string;
  readonly leaf?: LeafCondition;
}

/** Formats a condition value for people: yes/no, enum labels, ratios as percentages, numbers per locale. */
export function formatValue(v: unknown, fact: Fact | undefined, lang: Lang, field?: string): string {
  const cat = catalogFor(lang);
  if (Array.isArray(v)) return v.map((x) => formatValue(x, fact, lang, field)).join(lang === "vi" ? "; " : ", ");
  if (typeof v === "boolean") return v ? cat.yes : cat.no;
  const spec = field ? ownValue(fact?.fields, field) : fact;
  if (typeof v === "number") {
    if (spec?.type === "ratio") return `${numberFormat(cat.locale, 2).format(v * 100)}%`;
    return numberFormat(cat.locale, 4).format(v);
  }
  const label = typeof v === "string" ? ownValue(fact?.valueLabels, v) : undefined;
  if (label) return `«${label[lang]}»`;
  return typeof v === "string" ? `«${v}»` : String(v);
}

function factLabel(leaf: LeafCondition, fact: Fact | undefined, lang: Lang): { label: string; field?: string } {
  const base = fact ? fact.label[lang] : leaf.fact;
  if (leaf.path === undefined) return { label: base };
  const p = parsePath(leaf.path);
  const field = p.ok && typeof p.segments[0] === "string" ? p.segments[0] : undefined;
  const fl = field && ownValue(fact?.fields, field)?.label[lang];
  return { label: `${base} › ${fl ?? leaf.path}`, ...(field && { field }) };
}

/** One sentence for a leaf: "Số mô hình hiệu quả từ 5 trở lên". */
export function describeLeaf(leaf: LeafCondition, facts: ReadonlyMap<string, Fact>, lang: Lang): string {
  const cat = catalogFor(lang);
  const fact = facts.get(leaf.fact);
  const { label, field } = factLabel(leaf, fact, lang);
  const spec = field ? ownValue(fact?.fields, field) : fact;
  if (spec?.type === "boolean" && typeof leaf.value === "boolean" && (leaf.operator === "equal" || leaf.operator === "notEqual")) {
    return (leaf.value === (leaf.operator === "equal")) ? cat.isTrue(label) : cat.isFalse(label);
  }
  const op = cat.op[leaf.operator as keyof typeof cat.op];
  const v = leaf.value;
  // a comparison with another fact names that fact
  const value = v !== null && typeof v === "object" && !Array.isArray(v) ? `«${factLabel({ fact: v.fact, path: v.path } as LeafCondition, facts.get(v.fact), lang).label}»` : formatValue(v, fact, lang, field);
  return op ? op(label, value) : `${label} ${leaf.operator} ${value}`;
}

/** A condition tree as indented lines, in file order. */
export function describeCondition(cond: Condition, facts: ReadonlyMap<string, Fact>, lang: Lang, depth = 0): ConditionLine[] {
  const cat = catalogFor(lang);
  if ("all" in cond || "any" in cond) {
    const list = "all" in cond ? cond.all : cond.any;
    if (list.length === 1) return describeCondition(list[0]!, facts, lang, depth);
    return [{ depth, text: "all" in cond ? cat.allOf : cat.anyOf }, ...list.flatMap((c) => describeCondition(c, facts, lang, depth + 1))];
  }
  if ("not" in cond) return [{ depth, text: cat.notThat }, ...describeCondition(cond.not, facts, lang, depth + 1)];
  return [{ depth, text: describeLeaf(cond, facts, lang), leaf: cond }];
}
