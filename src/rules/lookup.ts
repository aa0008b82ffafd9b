import type { Award, ClassDef, Fact, RuleSet } from "./types.js";
import { walkCondition } from "./walk.js";

/**
 * A value derived from a rule set once and kept as long as the rule set lives (rule sets are frozen,
 * so the value never goes stale): the one mechanism behind the lookup tables below.
 */
export function perRuleSet<T>(derive: (rs: RuleSet) => T): (rs: RuleSet) => T {
  const cache = new WeakMap<RuleSet, T>();
  return (rs) => {
    let v = cache.get(rs);
    if (v === undefined) cache.set(rs, (v = derive(rs)));
    return v;
  };
}

/** The fact catalog by id. */
export const factsById = perRuleSet((rs): ReadonlyMap<string, Fact> => new Map(rs.facts.map((f) => [f.id, f])));
/** The classes from the highest rank down (the order they are tried in). */
export const classesByRank = perRuleSet((rs): readonly ClassDef[] => [...rs.classes].sort((a, b) => b.rank - a.rank));
/** Items by id, the first of each id (what a search of the list finds, even in a set loaded without its lints). */
function byId<T extends { readonly id: string }>(items: readonly T[]): ReadonlyMap<string, T> {
  const out = new Map<string, T>();
  for (const x of items) if (!out.has(x.id)) out.set(x.id, x);
  return out;
}
/** The classes by id. */
export const classesById = perRuleSet((rs) => byId(rs.classes));
/** The awards by id. */
export const awardsById = perRuleSet((rs) => byId(rs.awards));
/** The groups some award of the rule set is for (a group with none is scored only). */
export const groupsWithAwards = perRuleSet((rs): ReadonlySet<string> => new Set(rs.awards.flatMap((a) => a.groups)));
/** The facts each award's own conditions read (`eligibility.conditions`), in catalog order; none for an award without conditions. */
export const awardConditionFacts = perRuleSet((rs): ReadonlyMap<Award, readonly string[]> => {
  const factsOf = (a: Award) => {
    const read = new Set<string>();
    if (a.eligibility.conditions) walkCondition(a.eligibility.conditions, (leaf) => void read.add(leaf.fact));
    return rs.facts.filter((f) => read.has(f.id)).map((f) => f.id);
  };
  return new Map(rs.awards.map((a) => [a, factsOf(a)]));
});
/** Each class's rank by id. */
export const classRanks = perRuleSet((rs): ReadonlyMap<string, number> => new Map(rs.classes.map((k) => [k.id, k.rank])));

/** `record[key]` if it is the record's own property (never one inherited from `Object.prototype`, such as `toString`). */
export const ownValue = <T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined =>
  record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
