/**
 * What reports print beside the explanations — headings, columns, rejected rows and the wording of
 * every issue (`issueText`) — per language, apart from the library's explanation catalog: only the
 * report renderers and the command line read it, so a program that explains results without
 * rendering a report does not carry it. `vi.ts` is the reference, `en.ts` the translation; each
 * ends in `satisfies ReportCatalog`. Formatting helpers (numbers, dates) are the library's.
 */
import type { Formatter, InputIssueKind, IssueParams, OverrideIssueKind, QuotaParams, RulesIssueKind } from "../../explain/index.js";

export interface ReportMessageParams {
  "report.title": Record<never, never>;
  "report.ruleset": { title: string; id: string; version: string };
  "report.rulesetHash": { sha256: string; verified: number };
  "report.lineage": { list: string };
  "report.asOf": { date: string };
  "report.input": { count: number; sha256: string };
  "report.engine": { name: string; version: string };
  /** Input columns that named no fact, ignored because the user asked to (listed in every report). */
  "report.ignoredColumns": { list: string };
  "report.options": { year: string; decimal: string; modified: boolean; other: string };
  "report.outcome": { sha256: string };
  "report.quota": QuotaParams & { award: string; candidates: number; granted: number; binding: number };
  "report.overrides": Record<never, never>;
  "report.runQuotas": Record<never, never>;
  "report.overrideLine": { unitId: string; award: string; reason: string; decidedBy: string; date: string; matched: number };
  "report.units": Record<never, never>;
  "report.unclassified": Record<never, never>;
  "col.rank": Record<never, never>;
  "col.unit": { group: string };
  "col.score": Record<never, never>;
  "col.percent": Record<never, never>;
  "col.class": Record<never, never>;
  "col.award": Record<never, never>;
  "col.final": Record<never, never>;
  "col.cohort": Record<never, never>;
  "col.unitId": Record<never, never>;
  "col.name": Record<never, never>;
  "col.overrideReason": Record<never, never>;
  "col.reasons": Record<never, never>;
  "col.row": Record<never, never>;
  "col.issue": Record<never, never>;
  "class.rejected": Record<never, never>;
  /** `kind` (for `assessment`): which rule of assessments the profile breaks (see `ASSESSMENT_ISSUE_KINDS`). */
  "issue.profiles": IssueParams & { field: string; code: "schema" | "unknown_fact" | "fact_type" | "fact_range" | "fact_enum" | "fact_date" | "fact_not_in_group" | "unknown_group" | "duplicate_id" | "forbidden_key" | "unknown_award" | "derived" | "assessment"; kind?: string; choices?: string };
  "issue.other": IssueParams & { code: string };
  /** A spreadsheet/JSON cell that could not be read: `kind` is the fact type or the profile column. */
  "issue.cell": IssueParams & { row: string; column: string; kind: string; other: string; award: string; choices?: string };
  /** An input column that is neither a fact nor a profile field: ignored. */
  "issue.unknownColumn": IssueParams & { column: string; suggestion: string };
  "issue.unmatchedOverride": IssueParams & { unitId: string };
  /** `rules.law_unconfirmed`: a value claims `basis: "law"` on a citation that is not a checked provision; `standing` is a `CitationStanding` kind or `noCitation`. */
  "issue.lawUnconfirmed": IssueParams & { source: string; section: string; standing: string };
  /** A file-level or header problem of the CLI's input (see `INPUT_ISSUE_KINDS`); `reason` is the parser's own words. */
  "issue.input": IssueParams & { problem: InputIssueKind; file: string; row: string; line: string; column: string; reason: string; other: string };
  /** A committee override refused (see `validateCommitteeOverrides`, `overrideOutcomeIssues`); `index` is 0-based. */
  "issue.overrides": IssueParams & { code: OverrideIssueKind; problem: string; index: number; field: string; other: number; unitId: string; award: string; group: string; cohort: string; rejected: number; otherAward?: string };
  /** A decision record that cannot be read (`parseDecisionRecord`). */
  "issue.record": IssueParams & { code: "invalid_json" | "schema" | "unsupported_version"; problem: string; field: string; line: number; column: number };
  /** Rule-file problems found by the integrity checks (file reading, JSON scanning, chains, limits). */
  "issue.rules": IssueParams & { code: RulesIssueKind; file: string; line: number; column: number; key: string; limit: number; what: string; count: number; offset: number };
  // the cluster sections, spreadsheet sheets, printable page and Word list of the committee outputs
  /** A cluster section's title: the cluster as the input names it, the group, the year. */
  "cohort.title": { cohort: string; group: string; groupName?: string; year: number };
  /** "4 đơn vị được chấm, 2 đơn vị bị loại". */
  "cohort.counts": { group: string; groupName?: string; scored: number; rejected: number };
  /** Under the quotas of a cluster with rejected rows. */
  "cohort.quotaBase": { group: string; groupName?: string; rejected: number };
  "cohort.rejectedTitle": Record<never, never>;
  /** Rows rejected whose cluster cannot be read. */
  "rejected.unplaced": Record<never, never>;
  /** Who a rejected row is: its row, and its id and name when readable. */
  "rejected.who": { row: number; unitId: string; name: string };
  "col.missingEvidence": Record<never, never>;
  "col.group": Record<never, never>;
  "col.year": Record<never, never>;
  "col.scored": Record<never, never>;
  "col.rejected": Record<never, never>;
  "col.proposed": Record<never, never>;
  "col.document": Record<never, never>;
  "col.received": Record<never, never>;
  "col.cohortName": Record<never, never>;
  "sheet.summary": Record<never, never>;
  "sheet.evidence": Record<never, never>;
  "sheet.proposals": Record<never, never>;
  "sheet.rejected": Record<never, never>;
  "sheet.record": Record<never, never>;
  "record.item": Record<never, never>;
  "record.value": Record<never, never>;
  "record.field": { field: "ruleset" | "rulesetSha256" | "verified" | "asOf" | "inputSha256" | "inputCount" | "engine" | "outcomeSha256" | "options" };
  "record.yes": Record<never, never>;
  "record.no": Record<never, never>;
  "html.chart": { cohort: string };
  "html.threshold": { cls: string; percent: number };
  "html.explanation": Record<never, never>;
  "html.contents": Record<never, never>;
  "docx.motto": Record<never, never>;
  "docx.motto2": Record<never, never>;
  "docx.body": Record<never, never>;
  "docx.council": Record<never, never>;
  "docx.number": Record<never, never>;
  "docx.placeDate": Record<never, never>;
  "docx.title": Record<never, never>;
  "docx.subtitle": { award: string; year: number };
  "docx.stt": Record<never, never>;
  "docx.unit": Record<never, never>;
  "docx.summary": Record<never, never>;
  "docx.score": Record<never, never>;
  "docx.award": Record<never, never>;
  "docx.basis": Record<never, never>;
  /** `self`: the self-assessed score, when the unit has assessments and it differs from the official one. */
  "docx.achievement": { rank: number; size: number; cohort: string; score: number; cls: string; self?: number };
  "docx.total": { count: number };
  "docx.signer": Record<never, never>;
  "docx.signerTitle": Record<never, never>;
  "docx.signerName": Record<never, never>;
  "docx.recipients": Record<never, never>;
  "docx.recipientsList": Record<never, never>;
  /** The self-assessed score beside the official one (a cluster with assessments). */
  "col.selfScore": Record<never, never>;
  /** Each change of a reviewer or the council, with its reason (under the unit, or a CSV column). */
  "col.changes": Record<never, never>;
  /** The sheet of every change made on review: one row per change. */
  "sheet.assessments": Record<never, never>;
  "col.role": Record<never, never>;
  "col.assessor": Record<never, never>;
  "col.date": Record<never, never>;
  "col.fact": Record<never, never>;
  "col.oldValue": Record<never, never>;
  "col.newValue": Record<never, never>;
  "col.changeReason": Record<never, never>;
  /** Whether the change gives the official value. */
  "col.official": Record<never, never>;
  /** Who changed a value: a reviewer or the council (the words of the assessments sheet). */
  "assessment.role": { role: "reviewer" | "council" };
  /** The SHA-256 of the assessments file a CSV input was scored with (`--assessments`). */
  "report.assessments": { sha256: string };
}
/** The key of a report message. */
export type ReportMessageKey = keyof ReportMessageParams;
/** One language's report messages. */
export type ReportCatalog = { readonly [K in ReportMessageKey]: (p: ReportMessageParams[K], f: Formatter) => string };
