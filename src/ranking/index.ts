/** Ranking: order a cohort (group + cluster/block + year) by score and a documented tie-break chain. */
export { rankCohort, rankKey, compareRankKeys, decidingStep, rankComparator, cohortKey, TIE_BREAKS, type Ranked, type RankKey, type TieBreak, type RankComparator } from "./rank.js";
