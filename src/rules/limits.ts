import { issue, type Issue } from "../errors/index.js";
import type { RuleSet } from "./types.js";
import type { Condition } from "./schema.js";
import { conditionRoots } from "./walk.js";

/** Leaves of a condition tree (no paths built: this runs on every load). */
const leavesOf = (c: Condition): number =>
  "all" in c ? c.all.reduce((n, k) => n + leavesOf(k), 0) : "any" in c ? c.any.reduce((n, k) => n + leavesOf(k), 0) : "not" in c ? leavesOf(c.not) : 1;

/**
 * Sizes a rule set may not exceed (documented in SECURITY.md), checked when it loads
 * (`rules.limit`), parents included. Within them a rule set loads in milliseconds and a unit's
 * result stays small, so that a large batch scores in bounded memory (the CLI holds one partition per
 * thread).
 */
export const RULESET_LIMITS = {
  /** Files listed by the manifests of the set and its parents. */
  files: 100,
  /** Facts in the catalog. */
  facts: 2_000,
  /** Criteria, all subject groups together. */
  criteria: 500,
  /** Criteria of one subject group (what one unit's result lists). */
  criteriaPerGroup: 200,
  /** Leaf conditions in the whole set: criteria (tiers, adjustments, `appliesWhen`) and award eligibility. */
  conditions: 20_000,
  /** Tiers plus bonus and deduction adjustments of one criterion. */
  tiersAndAdjustments: 100,
  /** Awards in the catalog. */
  awards: 200,
  /** Classes. */
  classes: 50,
  /** Legal sources listed by the manifests. */
  sources: 500,
} as const;

/** One `rules.limit` issue per limit exceeded, naming the limit and the size found. */
export function checkLimits(rs: RuleSet): Issue[] {
  const out: Issue[] = [];
  const check = (what: keyof typeof RULESET_LIMITS, found: number, path: (string | number)[] = []) => {
    const limit = RULESET_LIMITS[what];
    if (found > limit) out.push(issue("rules.limit", path, `rule set ${rs.id} has ${found} ${what}; at most ${limit} are supported`, { what, limit, found }));
  };
  check("files", rs.files.length);
  check("facts", rs.facts.length);
  check("criteria", rs.criteria.length);
  check("awards", rs.awards.length);
  check("classes", rs.classes.length);
  check("sources", rs.sources.length);
  const perGroup = new Map<string, number>();
  let leaves = 0;
  for (const c of rs.criteria) {
    perGroup.set(c.group, (perGroup.get(c.group) ?? 0) + 1);
    check("tiersAndAdjustments", (c.tiers?.length ?? 0) + (c.bonus?.length ?? 0) + (c.deductions?.length ?? 0), [c.file, c.id]);
    for (const r of conditionRoots(c)) leaves += leavesOf(r.cond);
  }
  for (const a of rs.awards) if (a.eligibility.conditions) leaves += leavesOf(a.eligibility.conditions);
  for (const [group, n] of perGroup) check("criteriaPerGroup", n, [group]);
  check("conditions", leaves);
  return out;
}
