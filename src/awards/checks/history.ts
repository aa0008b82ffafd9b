import type { Truth } from "../../evaluation/index.js";
import type { ValidProfile } from "../../profiles/index.js";
import type { Award } from "../../rules/index.js";
import type { AwardCheck, AwardCheckKind, UnitInput } from "./types.js";

type Requirement = NonNullable<Award["history"]>[number];

/** The awards of each past year the profile lists. */
export const pastAwards = (p: ValidProfile): ReadonlyMap<number, readonly string[]> => new Map((p.history ?? []).filter((x) => x.year < p.year).map((x) => [x.year, x.awards]));

/** Whether a year's awards include one of those a requirement names (a year not listed: no). */
const holdsOne = (wanted: readonly string[], awards: readonly string[] | undefined) => awards !== undefined && wanted.some((a) => awards.includes(a));

/**
 * "An initiative counts once" (Letter 5007/BNV-TĐKT, guidance): the initiatives the profile presents
 * this year that no earlier award relied on. Too few is a definite no; enough is settled only
 * against a record of past awards.
 */
function freshInitiatives(h: Extract<Requirement, { kind: "freshInitiatives" }>, p: ValidProfile): AwardCheck {
  const used = new Set((p.history ?? []).filter((x) => x.year < p.year).flatMap((x) => x.initiatives ?? []));
  const found = (p.initiatives ?? []).filter((id) => !used.has(id)).length;
  const result: Truth = p.initiatives === undefined ? "unknown" : found < h.min ? false : p.history === undefined ? "unknown" : true;
  return { kind: "history", requirement: h, found, missingYears: [], result };
}

/**
 * `consecutive`: the title held in each of the last `times` years (this year's counts when
 * `includeCurrentYear`). A past year the record does not list is unknown, never assumed empty.
 */
function consecutive(h: Extract<Requirement, { kind: "consecutive" }>, { unit, past, thisYear }: UnitInput): AwardCheck {
  const p = unit.profile;
  const current: Truth = !h.includeCurrentYear ? false : h.awards.some((a) => thisYear(a) === true) ? true : h.awards.some((a) => thisYear(a) === "unknown") ? "unknown" : false;
  let held = 0;
  const missingYears: number[] = [];
  for (let y = p.year - 1; held < h.times && y >= p.year - h.times - 1; y--) {
    const list = past.get(y);
    if (list === undefined) {
      missingYears.push(y);
      break;
    }
    if (!holdsOne(h.awards, list)) break;
    held++;
  }
  const found = held + (current === true ? 1 : 0);
  const couldReach = missingYears.length > 0 || p.history === undefined || (current === "unknown" && held + 1 >= h.times);
  return { kind: "history", requirement: h, found, missingYears, result: found >= h.times ? true : couldReach ? "unknown" : false };
}

/** `prior` (held at least once, within `withinYears` if given) and `never` (awarded at most once). */
function priorOrNever(h: Extract<Requirement, { kind: "prior" | "never" }>, { unit, past }: UnitInput): AwardCheck {
  const p = unit.profile;
  const window = h.kind === "prior" ? h.withinYears : undefined;
  const years = [...past.keys()].filter((y) => window === undefined || y >= p.year - window);
  const found = years.filter((y) => holdsOne(h.awards, past.get(y))).length;
  const missingYears: number[] = [];
  if (window !== undefined) for (let y = p.year - window; y < p.year; y++) if (!past.has(y)) missingYears.push(y);
  const none = p.history === undefined;
  if (h.kind === "never") return { kind: "history", requirement: h, found, missingYears, result: found > 0 ? false : none ? "unknown" : true };
  return { kind: "history", requirement: h, found, missingYears, result: found > 0 ? true : none || missingYears.length ? "unknown" : false };
}

/** One history requirement over the unit's record. A profile without `history` is unknown on every one. */
export function historyCheck(h: Requirement, input: UnitInput): AwardCheck {
  switch (h.kind) {
    case "freshInitiatives":
      return freshInitiatives(h, input.unit.profile);
    case "consecutive":
      return consecutive(h, input);
    default:
      return priorOrNever(h, input);
  }
}

/** `history`: prerequisites over past years' awards (Law 06/2022 Arts 21–23: titles held a number of times in a row). */
export const historyChecks: AwardCheckKind = {
  kind: "history",
  checks: (award, input) => (award.history ?? []).map((h) => historyCheck(h, input)),
  messageKeys: ["check.consecutive", "check.prior", "check.never", "check.freshInitiatives", "check.missingYears"],
};
