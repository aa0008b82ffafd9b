/** Awards: eligibility, history, quotas and exclusivity over a ranked cohort → proposals with reasons. */
export { compileAwards, combine, historyCheck, scoreChecks, type AwardCheck, type CompiledAward } from "./checks.js";
export {
  recommendCohort,
  decideRunQuotas,
  planRunQuotas,
  emptyRunQuotaPlan,
  runQuotaAwards,
  runPositionKey,
  type RunQuotaPlan,
  quotaAllowed,
  type RunQuotaDecision,
  type AwardStatus,
  type AwardStatusKind,
  type CohortSummary,
  type MissingEvidence,
  type NearMiss,
  type ProposedAward,
  type QuotaUse,
  type Recommendation,
} from "./recommend.js";
