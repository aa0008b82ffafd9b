/** Report: decision records, committee overrides, rule books; renders data through the message catalogs. */
export { renderRulebook } from "./rulebook.js";
export { buildDecisionRecord, applyCommitteeOverrides, createRecordBuilder, outcomeDigest, outcomeDigestOf, outcomeProjection, outcomeJsonPieces, resultProjectionJson, resultsProjectionJson, recordHead, rejectedIds, renderRecordJson, recordJsonLayout, ENGINE_VERSION, RECORD_FORMAT_VERSION, type RecordBuilder, type RecordOptions } from "./record.js";
export { createOverrideApplier, validateCommitteeOverrides, overrideOutcomeIssues, overrideDate, awardFits, type OverrideApplier } from "./overrides.js";
export { sealRecord, checkRecordSeal, compactJson, digestOf, portableSha256, type Sha256Stream, type Sha256Factory, type SealCheck, type EditedPart } from "./seal.js";
export { parseDecisionRecord, MAX_RECORD_DEPTH, MAX_RECORD_BYTES, type ReadRecord } from "./record-schema.js";
export type { CommitteeOverride, DecidedRecommendation, DecisionRecord, FinalDecision, RecordSeal } from "./types.js";
export { renderMarkdown, markdownLayout } from "./markdown.js";
export { issueText, say as formatMessage } from "./words.js";
export { jsonDifferences, unitKey, type FieldDifference } from "./compare.js";
export { resultsByCohort, recordOrder, reportHeadOf, renderWithLayout, type ReportLayout, type ReportChunk, type LayoutOptions, type ReportHead } from "./layout.js";
export { renderCsv, csvLayout, csvField } from "./csv.js";
export { renderText, textLayout } from "./text.js";
export { reportLayout, type ReportFormat } from "./formats.js";
export { unitFacts, anyAssessed, awardsText, cohortHeading, rejectedByCohort, rejectedKey, rejectedWho, rejectedWhy, type UnitFacts } from "./unit-facts.js";
export { sayReport, viReport, enReport, reportCatalog, type ReportCatalog, type ReportMessageKey, type ReportMessageParams } from "./messages/index.js";
export { classText, headerLines, numberIn, optionsText } from "./words.js";
export { renderHtml } from "./html.js";
