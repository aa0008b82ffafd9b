import { issue, type Issue } from "../errors/index.js";
import type { OverrideJson } from "./schema.js";
import { walkLeaves } from "./walk.js";
import type { AppliedOverride, Basis, RuleSet } from "./types.js";

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Applies a local rule set's overrides to the (cloned) parent items, OpenFisca-reform style: the
 * parent files are not edited, the change is recorded with its reason, and a value whose basis is
 * `law` may only be overridden with a citation (`rules.law_override_without_citation`).
 */
export function applyOverrides(
  rs: RuleSet,
  overrides: readonly (OverrideJson & { origin: string; file: string })[],
  issues: Issue[],
): AppliedOverride[] {
  const applied: AppliedOverride[] = [];
  overrides.forEach((o, i) => {
    const path = [o.file, "overrides", i];
    const hit = locate(rs, o.target);
    if (!hit) {
      issues.push(issue("rules.override_target", [...path, "target"], `override target ${describe(o.target)} does not exist`, { target: describe(o.target) }));
      return;
    }
    if ((hit.basis === "law" || hit.basis === "regulation") && !o.citation) {
      issues.push(issue("rules.law_override_without_citation", path,
        `override of ${describe(o.target)} changes a value fixed by ${hit.basis === "law" ? "law" : "a regulation"} (basis "${hit.basis}") but gives no citation`, { target: describe(o.target) }));
      return;
    }
    const bad = invalidValue(o.target, o.value);
    if (bad) {
      issues.push(issue("rules.schema", [...path, "value"], `override of ${describe(o.target)}: ${bad}, found ${JSON.stringify(o.value)}`, { target: describe(o.target) }));
      return;
    }
    const from = hit.get();
    hit.set(o.value);
    const rec: AppliedOverride = { target: o.target, from, to: o.value, basis: hit.basis, reason: o.reason, origin: o.origin };
    applied.push(o.citation ? { ...rec, citation: o.citation } : rec);
  });
  return applied;
}

/** The new value must have the type of the value it replaces (thresholds are re-checked by the lints). */
function invalidValue(t: OverrideJson["target"], v: unknown): string | undefined {
  const points = (x: unknown) => typeof x === "number" && Number.isFinite(x) && x >= 0 && Math.abs(Math.round(x * 100) - x * 100) < 1e-9;
  switch (t.kind) {
    case "class":
      if (t.field === "minPoints") return points(v) ? undefined : "expected points (a non-negative number with at most two decimals)";
      return typeof v === "number" && Number.isFinite(v) && v >= 0 && v <= 100 ? undefined : "expected a percentage from 0 to 100";
    case "quota":
      if (t.field === "enabled") return typeof v === "boolean" ? undefined : "expected true (apply the quota) or false";
      return typeof v === "string" && /^0(?:\.\d+)?$|^1(?:\.0+)?$/.test(v) ? undefined : 'expected a decimal share as a string, e.g. "0.15"';
    case "perUnit":
      return points(v) ? undefined : "expected points (a non-negative number with at most two decimals)";
    case "threshold":
      return undefined;
  }
}

export function describe(t: OverrideJson["target"]): string {
  switch (t.kind) {
    case "threshold":
      return `${t.criterion}#${t.threshold}`;
    case "class":
      return `class ${t.class}.${t.field}`;
    case "quota":
      return `${t.award}.quota.${t.field}`;
    case "perUnit":
      return `${t.criterion}.perUnit.${t.field}`;
  }
}

interface Hit {
  basis: Basis;
  get(): unknown;
  set(v: unknown): void;
}

function locate(rs: RuleSet, t: OverrideJson["target"]): Hit | undefined {
  if (t.kind === "class") {
    const c = rs.classes.find((x) => x.id === t.class) as Mutable<RuleSet["classes"][number]> | undefined;
    // a class by points is overridden in points, a class by percent in percent
    if (!c || c[t.field] === undefined) return undefined;
    return { basis: c.basis, get: () => c[t.field], set: (v) => (c[t.field] = v as number) };
  }
  if (t.kind === "quota") {
    const q = rs.awards.find((a) => a.id === t.award)?.quota as { share: string; enabled?: boolean; basis: Basis } | undefined;
    if (!q) return undefined;
    if (t.field === "enabled") return { basis: q.basis, get: () => q.enabled ?? true, set: (v) => (q.enabled = v as boolean) };
    return { basis: q.basis, get: () => q.share, set: (v) => (q.share = v as string) };
  }
  const c = rs.criteria.find((x) => x.id === t.criterion);
  if (!c) return undefined;
  if (t.kind === "perUnit") {
    const pu = c.perUnit as Record<string, unknown> & { basis: Basis } | undefined;
    return pu && { basis: pu.basis, get: () => pu[t.field], set: (v) => (pu[t.field] = v) };
  }
  let found: Hit | undefined;
  walkLeaves(c, (leaf) => {
    if (leaf.id === t.threshold && !found) {
      const l = leaf as { value: unknown; basis?: Basis };
      found = { basis: l.basis ?? c.basis, get: () => l.value, set: (v) => (l.value = v) };
    }
  });
  return found;
}
