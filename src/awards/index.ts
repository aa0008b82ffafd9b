/**
 * Awards: eligibility checks (one module each in `checks/`), quotas and exclusivity over a ranked
 * cohort → proposals with reasons. `decide.ts` is the award ladder as the rule book states it.
 */
export { decideCohort, awardsOf, compileAwardPath, referenceAwardPath, type AwardPath, type CohortOutcome, type RunQuotaDecision, type RunQuotaShare } from "./decide.js";
export { emptyRunQuotaPlan, addRunShares, decideRunQuotas, runQuotaAwards, type RunQuotaPlan } from "./run-quotas.js";
export { AWARD_CHECKS, quotaAllowed, QUOTA_MESSAGE_KEYS, type AwardCheck, type AwardCheckKind, type AwardConditions } from "./checks/index.js";
export type { AwardStatus, AwardStatusKind, CohortSummary, CommitteeOverride, DecidedRecommendation, FinalDecision, MissingEvidence, NearMiss, ProposedAward, QuotaUse, Recommendation } from "./types.js";
