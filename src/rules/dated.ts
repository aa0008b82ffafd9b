import type { PeriodJson } from "./json-types.js";
import { walkLeaves } from "./walk.js";
import type { Condition } from "./schema.js";
import type { ClassDef, Criterion, RuleSet } from "./types.js";

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Whether a dated value is in force on a day (both ends included; an open end is unbounded). */
export const inForceOn = (d: PeriodJson, asOf: string): boolean => (d.validFrom === undefined || d.validFrom <= asOf) && (d.validTo === undefined || asOf <= d.validTo);

/** The first dated entry in force on a day that gives `key`, or undefined (then the base value applies). */
export function datedEntry<K extends string>(list: readonly (PeriodJson & { readonly [P in K]?: unknown })[] | undefined, key: K, asOf: string): (PeriodJson & { readonly [P in K]?: unknown }) | undefined {
  return list?.find((d) => d[key] !== undefined && inForceOn(d, asOf));
}

/** A class's thresholds in force on a day. */
export function classAt(k: ClassDef, asOf: string): { minPercent?: number; minPoints?: number } {
  const d = datedEntry(k.dated, k.minPoints !== undefined ? "minPoints" : "minPercent", asOf);
  if (k.minPoints !== undefined) return { minPoints: (d?.minPoints as number | undefined) ?? k.minPoints };
  return k.minPercent === undefined ? {} : { minPercent: (d?.minPercent as number | undefined) ?? k.minPercent };
}

/** Whether a condition tree holds a dated threshold (a plain walk, allocating nothing: it runs for every explanation). */
function conditionDated(c: Condition | undefined): boolean {
  if (c === undefined) return false;
  if ("all" in c || "any" in c) {
    const list = "all" in c ? c.all : c.any;
    for (const x of list) if (conditionDated(x)) return true;
    return false;
  }
  if ("not" in c) return conditionDated(c.not);
  return c.dated !== undefined;
}

/** Whether a bonus or deduction list holds a dated value. */
function adjustmentsDated(list: Criterion["bonus"]): boolean {
  if (list === undefined) return false;
  for (const a of list) if (a.dated !== undefined || a.perUnit?.dated !== undefined || conditionDated(a.conditions)) return true;
  return false;
}

/** Whether a criterion carries a dated value anywhere (thresholds, tier points, per-unit rates, adjustments); allocates nothing. */
function criterionDated(c: Criterion): boolean {
  if (c.perUnit?.dated !== undefined || adjustmentsDated(c.bonus) || adjustmentsDated(c.deductions)) return true;
  if (c.tiers) for (const t of c.tiers) if (t.dated !== undefined || conditionDated(t.conditions)) return true;
  return conditionDated(c.conditions) || conditionDated(c.appliesWhen);
}

/** Whether any value of a rule set's criteria or classes is dated: the loader records it (`RuleSet.datedValues`). */
export const scanDatedValues = (rs: Pick<RuleSet, "classes" | "criteria">): boolean => rs.classes.some((k) => k.dated) || rs.criteria.some(criterionDated);

/** Whether any value of the rule set is dated (then scoring depends on the as-of date beyond criteria in force). */
export const hasDatedValues = (rs: RuleSet): boolean => rs.datedValues === true;

/** A criterion with every dated value replaced by the one in force on the day. */
function criterionAt(c: Criterion, asOf: string): Criterion {
  if (!criterionDated(c)) return c;
  const out = structuredClone(c) as Mutable<Criterion>;
  walkLeaves(out, (leaf) => {
    const d = datedEntry(leaf.dated, "value", asOf);
    if (d) (leaf as { value: unknown }).value = d.value;
  });
  for (const t of out.tiers ?? []) t.points = (datedEntry(t.dated, "points", asOf)?.points as number | undefined) ?? t.points;
  for (const pu of [out.perUnit, ...[...(out.bonus ?? []), ...(out.deductions ?? [])].map((a) => a.perUnit)]) {
    if (!pu) continue;
    pu.pointsPerUnit = (datedEntry(pu.dated, "pointsPerUnit", asOf)?.pointsPerUnit as number | undefined) ?? pu.pointsPerUnit;
    const cap = datedEntry(pu.dated, "cap", asOf)?.cap as number | undefined;
    if (cap !== undefined) pu.cap = cap;
  }
  for (const a of [...(out.bonus ?? []), ...(out.deductions ?? [])]) {
    const points = datedEntry(a.dated, "points", asOf)?.points as number | undefined;
    if (points !== undefined) a.points = points;
    a.cap = (datedEntry(a.dated, "cap", asOf)?.cap as number | undefined) ?? a.cap;
  }
  return Object.freeze(out);
}

/**
 * The rule set as it reads on a day: every dated value (thresholds, tier points, per-unit rates and
 * caps, adjustment points and caps, class thresholds) replaced by the one in force then. A set with
 * no dated value is returned as it is; otherwise a frozen copy of the criteria and classes.
 */
export function rulesetAsOf(rs: RuleSet, asOf: string): RuleSet {
  if (!hasDatedValues(rs)) return rs;
  const classes = rs.classes.map((k) => (k.dated ? Object.freeze({ ...k, ...classAt(k, asOf) }) : k));
  return Object.freeze({ ...rs, criteria: Object.freeze(rs.criteria.map((c) => criterionAt(c, asOf))), classes: Object.freeze(classes) });
}
