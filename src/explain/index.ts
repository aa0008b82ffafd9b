/** Explain: message catalogs (vi reference, en translation), conditions in words, recommendations as items. */
export { vi } from "./messages/vi.js";
export { en } from "./messages/en.js";
export type { Catalog, Formatter, GroupKey, IssueParams, QuotaParams, InputIssueKind, MessageCatalog, MessageKey, MessageParams, Operator, TieParams, RoundingKey, OverrideIssueKind, RulesIssueKind, SpecialFileKind } from "./messages/types.js";
export { INPUT_ISSUE_KINDS, ASSESSMENT_ISSUE_KINDS, RULES_ISSUE_KINDS, SPECIAL_FILE_KINDS } from "./messages/types.js";
export { catalogFor } from "./catalog.js";
export { describeCondition, formatValue, type ConditionLine } from "./conditions.js";
export { formulaText, formulaValuesText, decimalText } from "./formula.js";
export { explainAssessment, type AssessedView, type AssessedChange } from "./explain.js";
export { fillLabel, finalAwards, groupNamed, createFormatter, explain, explainReasons, type Explainable, formatItem, renderExplanation, renderItems, type Explanation, type Item, type ItemRef } from "./explain.js";
export { numberFormat } from "./number-format.js";
