/**
 * thidua — rules engine for emulation and commendation work (thi đua – khen thưởng) under the
 * movement "Toàn dân bảo vệ an ninh Tổ quốc" (Decision 2447/QĐ-TTg, 2025). Browser-safe core: what a
 * program needs to load rule sets, score, recommend, explain, render, record and replay, and the
 * error types. File loading lives in `thidua/node`; inputs larger than memory, and reports written
 * cohort by cohort, in `thidua/stream`; one condition evaluated on its own in `thidua/conditions`.
 */
// load
export { loadRuleSetFromFiles, GROUPS, canonicalJson, type LoadOptions } from "./rules/index.js";
export type { RuleSet, RuleSetFiles, Fact, Criterion, Award, ClassDef, Condition, LeafCondition, Group, BuiltinGroup, Localized, Lang, Basis, AppliedOverride } from "./rules/index.js";
export type { ManifestFile, FactsFile, CriteriaFile, ClassesFile, AwardsFile, OverridesFile, SchemeFile } from "./rules/index.js";
// score, recommend, what-if
export { createEngine, type Engine, type EngineOptions, type ProfileArg, type RunOptions, type BatchResult, type Rejected, type RuleSetRef, type RecommendationReport, type WhatIfResult } from "./engine/index.js";
export { PROFILE_LIMITS, type ProfileInput, type Profile, type HistoryEntry, type Assessment, type AssessmentChange, type FactChange } from "./profiles/index.js";
export type { ScoreResult, CriterionResult, CriterionStatus, CriterionTrace, DerivedValue, AssessedScore, AssessmentSummary } from "./scoring/index.js";
export { TIE_BREAKS, type TieBreak } from "./ranking/index.js";
export type { Recommendation, AwardStatus, AwardStatusKind, AwardCheck, NearMiss, MissingEvidence, ProposedAward, CohortSummary, QuotaUse } from "./awards/index.js";
// the parts of traces in results (a condition on its own: `thidua/conditions`)
export type { Truth, TraceNode, LeafTrace } from "./evaluation/index.js";
// explain and render
export { explain, renderExplanation, type Explainable, type Explanation, type Item, type ItemRef } from "./explain/index.js";
export { renderText, renderMarkdown, renderCsv, renderHtml, renderRecordJson, renderRulebook, issueText } from "./report/index.js";
// record and replay
export { buildDecisionRecord, applyCommitteeOverrides, validateCommitteeOverrides, outcomeDigest, parseDecisionRecord, checkRecordSeal, type ReadRecord, type SealCheck, type CommitteeOverride, type DecidedRecommendation, type DecisionRecord, type FinalDecision, type RecordOptions } from "./report/index.js";
// errors
export { ThiduaError, formatIssue, formatPath, ISSUE_CODES, type Issue, type IssueCode, type Result } from "./errors/index.js";
