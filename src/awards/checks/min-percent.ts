import type { Truth } from "../../evaluation/index.js";
import { toPercent, type ScoredUnit } from "../../scoring/index.js";
import { pointsShort } from "./min-class.js";
import { NONE, type AwardCheck, type AwardCheckKind, type UnitInput } from "./types.js";

/** `eligibility.minPercent`: the score reaches this share of the nominal maximum; unknown if only the best case does. */
export const minPercentCheck: AwardCheckKind = {
  kind: "minPercent",
  checks: (award, { once }) => {
    const required = award.eligibility.minPercent;
    return required === undefined ? NONE : once(`minPercent ${required}`, ({ unit }) => minPercent(unit, required));
  },
  // compiled: the same check, with the function that makes it made once for the award
  compile(award) {
    const required = award.eligibility.minPercent;
    if (required === undefined) return undefined;
    const key = `minPercent ${required}`;
    const make = ({ unit }: UnitInput) => minPercent(unit, required);
    return ({ once }) => once(key, make);
  },
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
