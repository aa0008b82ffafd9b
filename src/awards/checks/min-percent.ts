import type { Truth } from "../../evaluation/index.js";
import { toPercent } from "../../scoring/index.js";
import { pointsShort } from "./min-class.js";
import type { AwardCheckKind } from "./types.js";

/** `eligibility.minPercent`: the score reaches this share of the nominal maximum; unknown if only the best case does. */
export const minPercentCheck: AwardCheckKind = {
  kind: "minPercent",
  checks(award, { unit }) {
    const required = award.eligibility.minPercent;
    if (required === undefined) return [];
    const need = toPercent(required);
    const ok = unit.percent >= need;
    const potentialOk = unit.potentialScore * 10000 >= unit.nominalMax * need;
    const result: Truth = ok ? true : potentialOk ? "unknown" : false;
    const short = ok ? undefined : pointsShort(unit, required);
    return [{ kind: "minPercent", result, required, actual: unit.result.percent, ...(short !== undefined && { pointsShort: short }) }];
  },
  messageKeys: ["check.minPercent"],
};
