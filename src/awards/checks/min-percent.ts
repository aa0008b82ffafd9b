import type { Truth } from "../../evaluation/index.js";
import { toPercent, type ScoredUnit } from "../../scoring/index.js";
import { pointsShort } from "./min-class.js";
import { NONE, type AwardCheck, type AwardCheckKind } from "./types.js";

/** `eligibility.minPercent`: the score reaches this share of the nominal maximum; unknown if only the best case does. */
export const minPercentCheck: AwardCheckKind = {
  kind: "minPercent",
  checks: (award, { unit, once }) => {
    const required = award.eligibility.minPercent;
    return required === undefined ? NONE : once(`minPercent ${required}`, () => minPercent(unit, required));
  },
  // compiled: nothing to do for an award without a percentage
  compile: (award) => (award.eligibility.minPercent === undefined ? undefined : (input) => minPercentCheck.checks(award, input)),
  messageKeys: ["check.minPercent"],
};

function minPercent(unit: ScoredUnit, required: number): readonly AwardCheck[] {
  const need = toPercent(required);
  const ok = unit.percent >= need;
  const potentialOk = unit.potentialScore * 10000 >= unit.nominalMax * need;
  const result: Truth = ok ? true : potentialOk ? "unknown" : false;
  const short = ok ? undefined : pointsShort(unit, required);
  return [{ kind: "minPercent", result, required, actual: unit.result.percent, ...(short !== undefined && { pointsShort: short }) }];
}
