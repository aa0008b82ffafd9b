import type { Condition, LeafCondition } from "./schema.js";
import type { Criterion } from "./types.js";

export type Path = (string | number)[];

/** Every condition tree of a criterion, with its path inside the criterion. */
export function conditionRoots(c: Criterion): { path: Path; cond: Condition }[] {
  const roots: { path: Path; cond: Condition }[] = [];
  if (c.appliesWhen) roots.push({ path: ["appliesWhen"], cond: c.appliesWhen });
  if (c.conditions) roots.push({ path: ["conditions"], cond: c.conditions });
  c.tiers?.forEach((t, i) => roots.push({ path: ["tiers", i, "conditions"], cond: t.conditions }));
  for (const key of ["bonus", "deductions"] as const) {
    c[key]?.forEach((a, i) => a.conditions && roots.push({ path: [key, i, "conditions"], cond: a.conditions }));
  }
  return roots;
}

/** Visits the leaves of a condition tree depth-first in file order. */
export function walkCondition(cond: Condition, visit: (leaf: LeafCondition, path: Path, depth: number) => void, path: Path = [], depth = 1): void {
  if ("all" in cond) cond.all.forEach((k, i) => walkCondition(k, visit, [...path, "all", i], depth + 1));
  else if ("any" in cond) cond.any.forEach((k, i) => walkCondition(k, visit, [...path, "any", i], depth + 1));
  else if ("not" in cond) walkCondition(cond.not, visit, [...path, "not"], depth + 1);
  else visit(cond, path, depth);
}

export function walkLeaves(c: Criterion, visit: (leaf: LeafCondition, path: Path, depth: number) => void): void {
  for (const r of conditionRoots(c)) walkCondition(r.cond, visit, r.path);
}
