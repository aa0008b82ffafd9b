import { NONE } from "./types.js";
import type { AwardCheckKind } from "./types.js";

/**
 * `eligibility.conditions`: the award's own conditions on this year's facts (task rating, unity…),
 * checked by the engine's `AwardConditions` (the reference interpreter, or compiled).
 */
export const conditionsCheck: AwardCheckKind = {
  kind: "conditions",
  checks: (award, { unit, conditions }) => (award.eligibility.conditions ? [conditions.check(award, unit)] : NONE),
  // compiled: nothing to do for an award without conditions (the engine's award conditions are compiled already)
  compile: (award) => (award.eligibility.conditions ? (input) => conditionsCheck.checks(award, input) : undefined),
  messageKeys: ["fact.unmet", "fact.missing"],
};
