import { and2, type Truth } from "../../evaluation/index.js";
import { conditionsCheck } from "./conditions.js";
import { criteriaCheck } from "./criteria.js";
import { deferralCheck } from "./deferral.js";
import { historyChecks } from "./history.js";
import { knockoutCheck } from "./knockout.js";
import { minClassCheck } from "./min-class.js";
import { minPercentCheck } from "./min-percent.js";
import { requiresThisYearCheck } from "./requires-this-year.js";
import type { Award, RuleSet } from "../../rules/index.js";
import type { AwardCheck, AwardChecker, AwardCheckKind, CompiledCheck } from "./types.js";

/**
 * The eligibility checks of a unit for an award, one module each, in the order they are made and
 * listed; the quota (`quota.ts`) comes last, over the cohort. Adding a check kind: its module, a
 * line here, its rule-file shape in rules/schema.ts, its catalog keys.
 */
export const AWARD_CHECKS: readonly AwardCheckKind[] = [deferralCheck, knockoutCheck, minClassCheck, minPercentCheck, criteriaCheck, conditionsCheck, requiresThisYearCheck, historyChecks];

/** An award's checks for a unit as the specification makes them: every kind, in order. */
export const referenceChecks: AwardChecker = (award, input) => AWARD_CHECKS.flatMap((kind) => kind.checks(award, input));

/**
 * An award's checks compiled once per engine (the accelerated path): for each award, only the kinds
 * it asks for, each in its compiled form when its module has one. Equal as data to
 * {@link referenceChecks}.
 */
export function compileAwardChecks(rs: RuleSet): AwardChecker {
  const stepsOf = (award: Award): CompiledCheck[] =>
    AWARD_CHECKS.flatMap((kind) => {
      if (!kind.compile) return [(input) => kind.checks(award, input)];
      const step = kind.compile(award, rs);
      return step ? [step] : [];
    });
  const plans = new Map(rs.awards.map((a) => [a, stepsOf(a)]));
  return (award, input) => {
    const steps = plans.get(award);
    if (steps === undefined) return referenceChecks(award, input); // an award of another rule set object
    const out: AwardCheck[] = [];
    for (const step of steps) {
      const checks = step(input);
      for (let i = 0; i < checks.length; i++) out.push(checks[i]!); // an index loop: a for-of over the steps' frozen lists cost 1 µs a unit
    }
    return out;
  };
}

/**
 * The verdict of an award's checks before any quota: their Kleene conjunction — except that an award
 * a deferral holds back, and that nothing else rules out, is `deferred` (not decided yet), not
 * ineligible.
 */
export function checksVerdict(checks: readonly AwardCheck[]): "eligible" | "ineligible" | "unknown" | "deferred" {
  let others: Truth = true;
  let deferrals: Truth = true;
  for (const c of checks) {
    if (c.kind === "deferral") deferrals = and2(deferrals, c.result);
    else others = and2(others, c.result);
  }
  if (others !== false && deferrals === false) return "deferred";
  const all = and2(others, deferrals);
  return all === true ? "eligible" : all === false ? "ineligible" : "unknown";
}

export { pastAwards, historyCheck } from "./history.js";
export { activeQuota, quotaAllowed, quotaCheck, quotaExact, QUOTA_MESSAGE_KEYS } from "./quota.js";
export type { AwardCheck, AwardChecker, AwardCheckKind, AwardConditions, UnitInput } from "./types.js";
