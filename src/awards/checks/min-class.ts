import type { Truth } from "../../evaluation/index.js";
import { classAt, type RuleSet } from "../../rules/index.js";
import { formatPoints, pointsFor, toPercent, toPoints, type ScoredUnit } from "../../scoring/index.js";
import { NONE, type AwardCheck, type AwardCheckKind } from "./types.js";

/** Points a unit lacks to reach a percentage of its nominal maximum, as a decimal string (none if it reaches it). */
export function pointsShort(unit: ScoredUnit, percent: number): string | undefined {
  const short = pointsFor(toPercent(percent), unit.nominalMax) - unit.score;
  return short > 0 ? formatPoints(short) : undefined;
}

/** Points a unit lacks to reach a score (a class by points), as a decimal string (none if it reaches it). */
function pointsShortOf(unit: ScoredUnit, points: number): string | undefined {
  const short = toPoints(points) - unit.score;
  return short > 0 ? formatPoints(short) : undefined;
}

/** A class's rank (-1: none, or not in the catalog). */
const rankOf = (rs: RuleSet, id: string | null | undefined) => (id == null ? -1 : (rs.classes.find((k) => k.id === id)?.rank ?? -1));

function minClass(rs: RuleSet, unit: ScoredUnit, required: string): AwardCheck {
  const need = rankOf(rs, required);
  const r = unit.result;
  const result: Truth = rankOf(rs, r.classification) >= need ? true : rankOf(rs, r.potentialClassification) >= need ? "unknown" : false;
  const k = rs.classes.find((x) => x.id === required);
  const at = k ? classAt(k, r.asOf) : {};
  const short = result === true ? undefined : at.minPoints !== undefined ? pointsShortOf(unit, at.minPoints) : at.minPercent === undefined ? undefined : pointsShort(unit, at.minPercent);
  const check = { kind: "minClass" as const, result, required, actual: r.classification, potential: r.potentialClassification };
  return short === undefined ? check : { ...check, pointsShort: short };
}

/** `eligibility.minClass`: the unit's class ranks at least as high; unknown if only its best case does. */
export const minClassCheck: AwardCheckKind = {
  kind: "minClass",
  checks(award, { rs, unit, once }) {
    const required = award.eligibility.minClass;
    return required === undefined ? NONE : once(`minClass ${required}`, () => [minClass(rs, unit, required)]);
  },
  messageKeys: ["check.minClass"],
};
