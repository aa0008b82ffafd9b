/** Report: decision records, committee overrides, rule books; renders data through the message catalogs. */
export { renderRulebook } from "./rulebook.js";
export { buildDecisionRecord, applyCommitteeOverrides, createOverrideApplier, outcomeDigest, outcomeProjection, outcomeJsonPieces, resultProjectionJson, resultsProjectionJson, recordHead, renderRecordJson, recordJsonLayout, ENGINE_VERSION, type OverrideApplier, type RecordOptions } from "./record.js";
export type { CommitteeOverride, DecidedRecommendation, DecisionRecord, FinalDecision } from "./types.js";
export { renderMarkdown, markdownLayout, issueText } from "./markdown.js";
export { cohortResults, reportHeadOf, renderWithLayout, type ReportLayout, type ReportChunk, type LayoutOptions, type ReportHead } from "./layout.js";
export { renderCsv, csvLayout, csvField } from "./csv.js";
export { renderText, textLayout } from "./text.js";
export { reportLayout, type ReportFormat } from "./formats.js";
