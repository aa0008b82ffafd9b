/** Ranking: order a cohort (group + cluster/block + year) by score and a documented tie-break chain. */
export { rankCohort, cohortKey, pointsOf, TIE_BREAKS, type Ranked, type TieBreak } from "./rank.js";
