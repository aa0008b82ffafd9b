import type { Truth } from "../../evaluation/index.js";
import { classAt, classesById, classRanks, type ClassDef, type RuleSet } from "../../rules/index.js";
import { formatPoints, pointsFor, toPercent, toPoints, type ScoredUnit } from "../../scoring/index.js";
import { SHARED_CHECKS, sharedBy2 } from "./shared.js";
import { NONE, type AwardCheck, type AwardCheckKind, type UnitInput } from "./types.js";

/** Points a unit lacks to reach a percentage of its nominal maximum, as a decimal string (none if it reaches it). */
export function pointsShort(unit: ScoredUnit, percent: number): string | undefined {
  const short = pointsFor(toPercent(percent), unit.nominalMax) - unit.score;
  return short > 0 ? formatPoints(short) : undefined;
}

/** A class's rank in a rule set's table of ranks (-1: none, or not in the catalog). */
const rankOf = (ranks: ReadonlyMap<string, number>, id: string | null) => (id === null ? -1 : (ranks.get(id) ?? -1));

/** Points (hundredths) a unit lacks to reach a class's threshold as of its date (0 or less: none; undefined: the class sets no threshold, or is not in the catalog). */
function pointsLacking(k: ClassDef | undefined, unit: ScoredUnit): number | undefined {
  const at = k ? classAt(k, unit.result.asOf) : {};
  if (at.minPoints !== undefined) return toPoints(at.minPoints) - unit.score;
  return at.minPercent === undefined ? undefined : pointsFor(toPercent(at.minPercent), unit.nominalMax) - unit.score;
}

/** The class check's verdict: the unit's class ranks at least as high as the required one; unknown if only its best-case class does. */
function classResult(rank: (id: string | null) => number, need: number, r: { classification: string | null; potentialClassification: string | null }): Truth {
  return rank(r.classification) >= need ? true : rank(r.potentialClassification) >= need ? "unknown" : false;
}

/** A number that stands for a class and a best-case class (each by its place in the catalog, or none); undefined for a class outside it. */
function classPair(rs: RuleSet): (c: string | null, potential: string | null) => number | undefined {
  const place = new Map<string | null, number>([[null, 0], ...rs.classes.map((k, i) => [k.id, i + 1] as const)]);
  const places = rs.classes.length + 1;
  return (c, potential) => {
    const x = place.get(c);
    const y = place.get(potential);
    return x === undefined || y === undefined ? undefined : x * places + y;
  };
}

function minClass(rs: RuleSet, unit: ScoredUnit, required: string): AwardCheck {
  const r = unit.result;
  const ranks = classRanks(rs);
  const result = classResult((id) => rankOf(ranks, id), rankOf(ranks, required), r);
  const lacking = result === true ? undefined : pointsLacking(classesById(rs).get(required), unit);
  const check = { kind: "minClass" as const, result, required, actual: r.classification, potential: r.potentialClassification };
  return lacking === undefined || lacking <= 0 ? check : { ...check, pointsShort: formatPoints(lacking) };
}

/** `eligibility.minClass`: the unit's class ranks at least as high; unknown if only its best case does. */
export const minClassCheck: AwardCheckKind = {
  kind: "minClass",
  checks(award, { once }) {
    const required = award.eligibility.minClass;
    return required === undefined ? NONE : once(`minClass ${required}`, ({ rs, unit }) => [minClass(rs, unit, required)]);
  },
  // compiled: the check's content is the unit's class, its best-case class and the points it lacks;
  // the units with the same three share one check (the two classes found by a number, see classPair)
  compile(award, rs) {
    const required = award.eligibility.minClass;
    if (required === undefined) return undefined;
    const ranks = classRanks(rs);
    const rank = (id: string | null) => rankOf(ranks, id);
    const need = rank(required);
    const k = classesById(rs).get(required);
    const pair = classPair(rs);
    const shared = sharedBy2<number, number, readonly AwardCheck[]>(SHARED_CHECKS);
    const key = `minClass ${required}`;
    const make = ({ unit }: UnitInput) => {
      const r = unit.result;
      const classes = pair(r.classification, r.potentialClassification);
      if (classes === undefined) return [minClass(rs, unit, required)]; // a class outside the catalog: made afresh
      const lacking = classResult(rank, need, r) === true ? undefined : pointsLacking(k, unit);
      return shared(classes, lacking !== undefined && lacking > 0 ? lacking : 0, () => [minClass(rs, unit, required)]);
    };
    return ({ once }) => once(key, make);
  },
  messageKeys: ["check.minClass"],
};
