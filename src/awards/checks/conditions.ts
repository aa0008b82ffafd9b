import { traceCondition, traceLeaves, type LeafTrace, type Truth } from "../../evaluation/index.js";
import { factReader, type ScoredUnit } from "../../scoring/index.js";
import type { Award } from "../../rules/index.js";
import type { AwardCheck, AwardCheckKind } from "./types.js";

/** The leaves of an award's conditions that do not hold for a unit, from the reference interpreter's trace. */
export const unmetLeaves = (award: Award, unit: ScoredUnit): LeafTrace[] =>
  traceLeaves(traceCondition(award.eligibility.conditions!, factReader(unit.profile))).filter((l) => l.result !== true);

/**
 * A conditions check that is not met. Which leaves failed is worked out by the reference interpreter
 * when first read (most such checks are never shown); the property is an ordinary enumerable value
 * for every reader (JSON, deep equality).
 */
function unmetCheck(award: Award, unit: ScoredUnit, result: Truth, fixedBar: boolean): AwardCheck {
  let unmet: readonly LeafTrace[] | undefined;
  const check = { kind: "conditions", result } as { kind: "conditions"; result: Truth; readonly unmet: readonly LeafTrace[]; fixedBar: boolean };
  Object.defineProperty(check, "unmet", { enumerable: true, configurable: true, get: () => (unmet ??= unmetLeaves(award, unit)) });
  check.fixedBar = fixedBar;
  return check;
}

/**
 * `eligibility.conditions`: the award's own conditions on this year's facts (task rating, unity…).
 * `fixedBar` says the conditions fail on facts that cannot improve (a person's category, sex, an
 * organisation's kind), so the award is not "near" for this unit.
 */
export const conditionsCheck: AwardCheckKind = {
  kind: "conditions",
  checks(award, { unit, conditions }) {
    if (!award.eligibility.conditions) return [];
    const result = conditions.verdict(award, unit);
    if (result === true) return [{ kind: "conditions", result, unmet: [], fixedBar: false }];
    return [unmetCheck(award, unit, result, result === false && conditions.fixedOnly(award, unit) === false)];
  },
  messageKeys: ["fact.unmet", "fact.missing"],
};
