import type { Truth } from "../../evaluation/index.js";
import { formatPoints, pointsFor, toPercent, type ScoredUnit } from "../../scoring/index.js";
import type { AwardCheckKind } from "./types.js";

/** Points a unit lacks to reach a percentage of its nominal maximum, as a decimal string (none if it reaches it). */
export function pointsShort(unit: ScoredUnit, percent: number): string | undefined {
  const short = pointsFor(toPercent(percent), unit.nominalMax) - unit.score;
  return short > 0 ? formatPoints(short) : undefined;
}

/** `eligibility.minClass`: the unit's class ranks at least as high; unknown if only its best case does. */
export const minClassCheck: AwardCheckKind = {
  kind: "minClass",
  checks(award, { rs, unit }) {
    const required = award.eligibility.minClass;
    if (required === undefined) return [];
    const rankOf = (id: string | null | undefined) => (id == null ? -1 : (rs.classes.find((k) => k.id === id)?.rank ?? -1));
    const need = rankOf(required);
    const r = unit.result;
    const result: Truth = rankOf(r.classification?.id) >= need ? true : rankOf(r.potentialClassification) >= need ? "unknown" : false;
    const percent = rs.classes.find((k) => k.id === required)?.minPercent;
    const short = result === true || percent === undefined ? undefined : pointsShort(unit, percent);
    const actual = r.classification?.id ?? null;
    return [{ kind: "minClass", result, required, actual, potential: r.potentialClassification, ...(short !== undefined && { pointsShort: short }) }];
  },
  messageKeys: ["check.minClass"],
};
