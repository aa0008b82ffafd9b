import type { ScoredUnit } from "../scoring/index.js";
import type { Points } from "../scoring/index.js";

/** What can decide the order of two units: the score, then the tie-break chain, in this order. */
export const TIE_BREAKS = ["score", "notKnockedOut", "fewerUnknown", "moreMet", "unitId"] as const;
/** One step of the ranking chain; `Recommendation.decidedBy` names the one that separated a unit from the unit above. */
export type TieBreak = (typeof TIE_BREAKS)[number];

/** A unit's place in its cohort. */
export interface Ranked {
  readonly unit: ScoredUnit;
  /** 1-based position in the cohort. */
  readonly rank: number;
  /** What put this unit behind the one ranked just above it (absent for rank 1). */
  readonly decidedBy?: TieBreak;
}

/** Cohort key: subject group + cluster/block + year. */
export const cohortKey = (r: { group: string; cohort: string | null; year: number }): string => `${r.group}|${r.cohort ?? ""}|${r.year}`;

/** What ranking reads of a unit: its score, whether it is knocked out, its unknown and met criteria, its id and cohort. Plain data. */
export interface RankKey {
  readonly score: Points;
  readonly knocked: boolean;
  readonly unknown: number;
  /** Criteria fully met, knock-outs not counted. */
  readonly met: number;
  readonly id: string;
  readonly cohort: string;
}

export function rankKey(u: ScoredUnit): RankKey {
  const r = u.result;
  return {
    score: u.score,
    knocked: r.knockedOut,
    unknown: r.criteria.filter((c) => c.status === "unknown").length,
    met: r.criteria.filter((c) => c.status === "met" && !c.knockout).length,
    id: r.unitId,
    cohort: cohortKey(r),
  };
}

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The ranking chain: higher score first, then not knocked out, fewer unknown criteria, more
 * criteria fully met, then unit id (code-point order) — so the order never depends on the input
 * order. Returns the step that decides between two units, or null for the same unit.
 */
export function decidingStep(a: RankKey, b: RankKey): { step: TieBreak; order: number } | null {
  if (a.score !== b.score) return { step: "score", order: b.score - a.score };
  if (a.knocked !== b.knocked) return { step: "notKnockedOut", order: a.knocked ? 1 : -1 };
  if (a.unknown !== b.unknown) return { step: "fewerUnknown", order: a.unknown - b.unknown };
  if (a.met !== b.met) return { step: "moreMet", order: b.met - a.met };
  // equal ids meet only when several cohorts are ranked together (run-wide quotas): the cohort decides
  const order = byCodePoint(a.id, b.id) || byCodePoint(a.cohort, b.cohort);
  return order === 0 ? null : { step: "unitId", order };
}

/** Order of two rank keys (negative: `a` ranks above `b`); 0 only for the same unit of the same cohort. */
export const compareRankKeys = (a: RankKey, b: RankKey): number => decidingStep(a, b)?.order ?? 0;

/** Ranks one cohort by the ranking chain; each unit after the first says which step put it below the one above. */
export function rankCohort(units: readonly ScoredUnit[]): Ranked[] {
  const keyed = units.map((unit) => ({ unit, key: rankKey(unit) })).sort((x, y) => compareRankKeys(x.key, y.key));
  return keyed.map(({ unit, key }, i) => {
    const step = i === 0 ? null : decidingStep(keyed[i - 1]!.key, key);
    return step ? { unit, rank: i + 1, decidedBy: step.step } : { unit, rank: i + 1 };
  });
}
