import { GROUPS, type RuleSet } from "../index.js";

/** Weight up to which a rule set splits its input at the partition size asked for (the bundled sets weigh 25 at most). */
const BASE_WEIGHT = 32;

/** Criteria plus awards of the heaviest subject group: roughly what one unit's result holds. */
export const ruleSetWeight = (rs: RuleSet): number =>
  Math.max(1, ...GROUPS.map((g) => rs.criteria.filter((c) => c.group === g).length + rs.awards.filter((a) => a.groups.includes(g)).length));

/**
 * The share of the partition size a rule set uses: 1 for a set like the bundled ones, less for a larger
 * one (up to the documented limits), so that a partition's results take about the same memory
 * whatever the rule set (measured in bench/limits.ts).
 */
export const partitionShare = (rs: RuleSet): number => Math.min(1, BASE_WEIGHT / ruleSetWeight(rs));
