/** Ranking: order a cohort (group + cluster/block + year) by score and a documented tie-break chain. */
export { rankCohort, rankKey, rankOrder, cohortKey, TIE_BREAKS, type Ranked, type RankKey, type TieBreak } from "./rank.js";
