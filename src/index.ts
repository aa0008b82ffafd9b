/**
 * thidua — rules engine for emulation and commendation work (thi đua – khen thưởng) under the
 * movement "Toàn dân bảo vệ an ninh Tổ quốc" (Decision 2447/QĐ-TTg, 2025). Browser-safe core; file
 * loading lives in `thidua/node`.
 */
export { createEngine, partitionKey, type Engine, type EvaluateOptions, type BatchResult, type Rejected, type RuleSetRef, type RecommendationReport, type WhatIfResult, type IndexedProfile, type CohortDecision, type PartitionedReport, type PartitionOutcome, type PartitionRevisit, type CohortGroups, type PartitionRows, type RunQuotaDecisions, type RunQuotaPlan, type RunQuotaDecision } from "./engine/index.js";
export type { Recommendation, AwardStatus, AwardStatusKind, AwardCheck, NearMiss, MissingEvidence, ProposedAward, CohortSummary, QuotaUse } from "./awards/index.js";
export { TIE_BREAKS, type TieBreak, type RankKey } from "./ranking/index.js";
export { explainRecommendation, explainSummary, renderExplanation, type Explanation, type Item, type MessageKey, type MessageParams } from "./explain/index.js";
export { loadRulesetFromFiles, lintRuleset, ruleFileJsonSchemas, rulesetDigest, sha256Hex, canonicalJson, scanJson, OPERATORS, GROUPS, FACT_TYPES, MAX_RULE_FILE_BYTES, MAX_JSON_DEPTH, MAX_EXTENDS_DEPTH, RULESET_LIMITS, type LoadOptions, type JsonScanError } from "./rules/index.js";
export type { RuleSet, RuleSetFiles, Fact, Criterion, Award, ClassDef, Condition, LeafCondition, Group, Localized, Lang, Basis, AppliedOverride } from "./rules/index.js";
export { compileCondition, safeCompileCondition, traceCondition, type Truth, type TraceNode, type LeafTrace } from "./evaluation/index.js";
export type { Profile, ValidProfile, HistoryEntry } from "./profiles/index.js";
export { PROFILE_LIMITS } from "./profiles/index.js";
export type { ScoreResult, CriterionResult, CriterionStatus, CriterionTrace } from "./scoring/index.js";
export { renderRulebook, renderMarkdown, renderCsv, renderText, renderRecordJson, renderWithLayout, csvLayout, textLayout, markdownLayout, recordJsonLayout, summaryOf, issueText, formatMessage, resultsByCohort, recordOrder, parseDecisionRecord, jsonDifferences, unitKey, MAX_RECORD_DEPTH, MAX_RECORD_BYTES, buildDecisionRecord, createRecordBuilder, recordHead, applyCommitteeOverrides, createOverrideApplier, validateCommitteeOverrides, overrideOutcomeIssues, rejectedIds, outcomeDigest, outcomeDigestOf, outcomeJsonPieces, resultProjectionJson, resultsProjectionJson, sealRecord, checkRecordSeal, ENGINE_VERSION, RECORD_FORMAT_VERSION, type CommitteeOverride, type DecidedRecommendation, type DecisionRecord, type FinalDecision, type RecordSeal, type ReadRecord, type FieldDifference, type RecordOptions, type RecordBuilder, type SealCheck, type EditedPart, type Sha256Factory, type Sha256Stream, type ReportLayout, type ReportChunk, type LayoutOptions, type RunSummary, type OverrideApplier } from "./report/index.js";
export { ThiduaError, formatIssue, formatPath, ISSUE_CODES, type Issue, type IssueCode, type Result } from "./errors/index.js";
