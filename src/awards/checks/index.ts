import { and, type Truth } from "../../evaluation/index.js";
import { conditionsCheck } from "./conditions.js";
import { criteriaCheck } from "./criteria.js";
import { deferralCheck } from "./deferral.js";
import { historyChecks } from "./history.js";
import { knockoutCheck } from "./knockout.js";
import { minClassCheck } from "./min-class.js";
import { minPercentCheck } from "./min-percent.js";
import { requiresThisYearCheck } from "./requires-this-year.js";
import type { AwardCheck, AwardCheckKind } from "./types.js";

/**
 * The eligibility checks of a unit for an award, one module each, in the order they are made and
 * listed; the quota (`quota.ts`) comes last, over the cohort. Adding a check kind: its module, a
 * line here, its rule-file shape in rules/schema.ts, its catalog keys.
 */
export const AWARD_CHECKS: readonly AwardCheckKind[] = [deferralCheck, knockoutCheck, minClassCheck, minPercentCheck, criteriaCheck, conditionsCheck, requiresThisYearCheck, historyChecks];

/**
 * The verdict of an award's checks before any quota: their Kleene conjunction — except that an award
 * a deferral holds back, and that nothing else rules out, is `deferred` (not decided yet), not
 * ineligible.
 */
export function checksVerdict(checks: readonly AwardCheck[]): "eligible" | "ineligible" | "unknown" | "deferred" {
  const others: Truth = and(checks.filter((c) => c.kind !== "deferral").map((c) => c.result));
  if (others !== false && checks.some((c) => c.kind === "deferral" && c.result === false)) return "deferred";
  const all: Truth = and(checks.map((c) => c.result));
  return all === true ? "eligible" : all === false ? "ineligible" : "unknown";
}

export { pastAwards, historyCheck } from "./history.js";
export { activeQuota, quotaAllowed, quotaCheck, quotaExact, QUOTA_MESSAGE_KEYS } from "./quota.js";
export type { AwardCheck, AwardCheckKind, AwardConditions, UnitInput } from "./types.js";
