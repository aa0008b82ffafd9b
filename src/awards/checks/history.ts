import type { Truth } from "../../evaluation/index.js";
import type { ValidProfile } from "../../profiles/index.js";
import type { Award } from "../../rules/index.js";
import type { AwardCheck, AwardCheckKind, UnitInput } from "./types.js";

type Requirement = NonNullable<Award["history"]>[number];

/**
 * The merit awards (công trạng) of each past year the profile lists: what history prerequisites
 * count. Thematic and sudden awards are left out — Decree 152/2025/NĐ-CP Art. 4(3): «Kết quả khen
 * thưởng thành tích đột xuất, thi đua theo chuyên đề không dùng làm căn cứ để đề nghị cấp trên khen
 * thưởng công trạng.»
 */
export function pastAwards(p: ValidProfile): ReadonlyMap<number, readonly string[]> {
  const past = new Map<number, readonly string[]>();
  for (const x of p.history ?? []) if (x.year < p.year) past.set(x.year, x.awards);
  return past;
}

/** Every award of each past year, whatever its kind (what "awarded at most once" counts). */
const everyPastAward = (p: ValidProfile): ReadonlyMap<number, readonly string[]> =>
  new Map((p.history ?? []).filter((x) => x.year < p.year).map((x) => [x.year, [...x.awards, ...(x.thematic ?? []), ...(x.sudden ?? [])]]));

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

/** The last past year the record shows the unit receiving one of `awards` (-Infinity: never). */
function lastYearHolding(past: ReadonlyMap<number, readonly string[]>, awards: readonly string[]): number {
  let last = -Infinity;
  for (const [y, list] of past) if (y > last && holdsOne(awards, list)) last = y;
  return last;
}

/**
 * `consecutive`: the title held `times` times in a row, counted back from this year (when
 * `includeCurrentYear` and it is granted) and last year. Walking back a year at a time:
 * - a year holding one of `awards` counts;
 * - a year holding one of `linkedBy` keeps the run going without counting (two provincial titles are
 *   "consecutive" when the grassroots title was held every year between them); any other year ends the run;
 * - a year the record does not list leaves the check unknown, never assumed empty;
 * - unless `reuse: "allowed"`, a run is consumed by the award it earned: years up to the last time the
 *   unit received this award do not count again (Law 06/2022 Art. 5(2)(c): one achievement is not
 *   rewarded several times; how the law counts runs is unconfirmed — this reading is policy-default).
 */
function consecutive(h: Extract<Requirement, { kind: "consecutive" }>, award: Award, { unit, past, thisYear }: UnitInput): AwardCheck {
  const p = unit.profile;
  const current: Truth = !h.includeCurrentYear ? false : h.awards.some((a) => thisYear(a) === true) ? true : h.awards.some((a) => thisYear(a) === "unknown") ? "unknown" : false;
  const consumedUpTo = h.reuse === "allowed" ? -Infinity : lastYearHolding(past, [award.id]);
  let found = current === true ? 1 : 0;
  const missingYears: number[] = [];
  for (let y = p.year - 1; found < h.times && y > consumedUpTo; y--) {
    const list = past.get(y);
    if (list === undefined) {
      missingYears.push(y);
      break;
    }
    if (holdsOne(h.awards, list)) found++;
    else if (!h.linkedBy || !holdsOne(h.linkedBy, list)) break;
  }
  const couldReach = missingYears.length > 0 || p.history === undefined || (current === "unknown" && found + 1 >= h.times);
  return { kind: "history", requirement: h, found, missingYears, result: found >= h.times ? true : couldReach ? "unknown" : false };
}

/** `prior` (held at least once, within `withinYears` if given) and `never` (awarded at most once). */
function priorOrNever(h: Extract<Requirement, { kind: "prior" | "never" }>, input: UnitInput): AwardCheck {
  const p = input.unit.profile;
  const past = h.kind === "never" ? everyPastAward(p) : input.past;
  const window = h.kind === "prior" ? h.withinYears : undefined;
  let found = 0; // the years (within the window) holding one of the awards
  for (const [y, list] of past) if ((window === undefined || y >= p.year - window) && holdsOne(h.awards, list)) found++;
  const missingYears: number[] = [];
  if (window !== undefined) for (let y = p.year - window; y < p.year; y++) if (!past.has(y)) missingYears.push(y);
  const none = p.history === undefined;
  if (h.kind === "never") return { kind: "history", requirement: h, found, missingYears, result: found > 0 ? false : none ? "unknown" : true };
  return { kind: "history", requirement: h, found, missingYears, result: found > 0 ? true : none || missingYears.length ? "unknown" : false };
}

/** One history requirement over the unit's record. A profile without `history` is unknown on every one. */
export function historyCheck(h: Requirement, award: Award, input: UnitInput): AwardCheck {
  switch (h.kind) {
    case "freshInitiatives":
      return freshInitiatives(h, input.unit.profile);
    case "consecutive":
      return consecutive(h, award, input);
    default:
      return priorOrNever(h, input);
  }
}

/** `history`: prerequisites over past years' awards (Law 06/2022 Arts 21–23: titles held a number of times in a row). */
export const historyChecks: AwardCheckKind = {
  kind: "history",
  checks: (award, input) => (award.history ?? []).map((h) => historyCheck(h, award, input)),
  // compiled: nothing to do for an award without history requirements
  compile: (award) => (award.history?.length ? (input) => historyChecks.checks(award, input) : undefined),
  messageKeys: ["check.consecutive", "check.prior", "check.never", "check.freshInitiatives", "check.missingYears", "check.neverUnknown"],
};
