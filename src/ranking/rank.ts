import type { ScoreResult } from "../scoring/index.js";

/** What can decide the order of two units: the score, then the tie-break chain, in this order. */
export const TIE_BREAKS = ["score", "notKnockedOut", "fewerUnknown", "moreMet", "unitId"] as const;
/** One step of the ranking chain; `Recommendation.decidedBy` names the one that separated a unit from the unit above. */
export type TieBreak = (typeof TIE_BREAKS)[number];

export interface Ranked {
  readonly result: ScoreResult;
  /** 1-based position in the cohort. */
  readonly rank: number;
  /** What put this unit behind the one ranked just above it (absent for rank 1). */
  readonly decidedBy?: TieBreak;
}

const parsed = new Map<string, number>();
/** Hundredths from a decimal string of at most two decimals ("12.5" → 1250), exact (memoised: scores repeat). */
export function pointsOf(s: string): number {
  let u = parsed.get(s);
  if (u === undefined) {
    u = parsePoints(s);
    if (parsed.size < 65536) parsed.set(s, u);
  }
  return u;
}

function parsePoints(s: string): number {
  const neg = s.startsWith("-");
  const [w, f = ""] = (neg ? s.slice(1) : s).split(".");
  const u = Number(w) * 100 + Number((f + "00").slice(0, 2));
  return neg ? -u : u;
}

/** What ranking reads of a unit: points (hundredths), knocked out, unknown and met criteria, id, cohort key. */
export interface RankKey {
  readonly score: number;
  readonly knocked: number;
  readonly unknown: number;
  readonly met: number;
  readonly id: string;
  readonly cohort: string;
}
type Key = RankKey;

/** The rank key of a scored unit (small: what run-wide quotas keep of each candidate). */
export function rankKey(r: ScoreResult): RankKey {
  let unknown = 0;
  let met = 0;
  for (const c of r.criteria) {
    if (c.status === "unknown") unknown++;
    else if (c.status === "met" && !c.knockout) met++;
  }
  return { score: pointsOf(r.score), knocked: r.knockedOut ? 1 : 0, unknown, met, id: r.unitId, cohort: cohortKey(r) };
}

/** Order of two rank keys (negative: `a` ranks above `b`); 0 only for the same unit of the same cohort. */
export function compareRankKeys(a: RankKey, b: RankKey): number {
  if (a.score !== b.score) return b.score - a.score;
  if (a.knocked !== b.knocked) return a.knocked - b.knocked;
  if (a.unknown !== b.unknown) return a.unknown - b.unknown;
  if (a.met !== b.met) return b.met - a.met;
  // equal ids only meet when several cohorts are ranked together (run-wide quotas): the cohort decides
  return a.id < b.id ? -1 : a.id > b.id ? 1 : a.cohort < b.cohort ? -1 : a.cohort > b.cohort ? 1 : 0;
}

/** The step of the chain that orders two units: the first key on which `compareRankKeys` finds them apart. */
function decider(a: Key, b: Key): TieBreak {
  if (a.score !== b.score) return "score";
  if (a.knocked !== b.knocked) return "notKnockedOut";
  if (a.unknown !== b.unknown) return "fewerUnknown";
  if (a.met !== b.met) return "moreMet";
  return "unitId";
}

/**
 * Ranks one cohort: by score, then not knocked out, fewer unknown criteria, more criteria fully
 * met, then unit id (code-point order). The order never depends on the input order.
 */
export function rankCohort(results: readonly ScoreResult[]): Ranked[] {
  const keyed = results.map((r) => ({ r, k: rankKey(r) }));
  // the comparator allocates nothing: a sort calls it n log n times
  keyed.sort((x, y) => compareRankKeys(x.k, y.k));
  return keyed.map(({ r, k }, i) => {
    if (i === 0) return { result: r, rank: 1 };
    return { result: r, rank: i + 1, decidedBy: decider(keyed[i - 1]!.k, k) };
  });
}

/** Cohort key: subject group + cluster/block + year. */
export const cohortKey = (r: { group: string; cohort: string | null; year: number }): string => `${r.group}|${r.cohort ?? ""}|${r.year}`;
