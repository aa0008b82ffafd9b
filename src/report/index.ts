/** Report: decision records, committee overrides, rule books; renders data through the message catalogs. */
export { renderRulebook } from "./rulebook.js";
export { buildDecisionRecord, applyCommitteeOverrides, outcomeDigest, outcomeProjection, ENGINE_VERSION, type RecordOptions } from "./record.js";
export type { CommitteeOverride, DecidedRecommendation, DecisionRecord, FinalDecision } from "./types.js";
export { renderMarkdown, issueText, cohortResults } from "./markdown.js";
export { renderCsv, csvField } from "./csv.js";
export { renderText } from "./text.js";
