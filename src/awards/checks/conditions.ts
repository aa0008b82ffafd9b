import { NONE } from "./types.js";
import type { AwardCheckKind } from "./types.js";

/**
 * `eligibility.conditions`: the award's own conditions on this year's facts (task rating, unity…),
 * checked by the engine's `AwardConditions` (the reference interpreter, or compiled).
 */
export const conditionsCheck: AwardCheckKind = {
  kind: "conditions",
  checks: (award, { unit, conditions }) => (award.eligibility.conditions ? [conditions.check(award, unit)] : NONE),
  messageKeys: ["fact.unmet", "fact.missing"],
};
