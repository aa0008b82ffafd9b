/**
 * The reports' own wording (cluster sections, rejected rows, spreadsheet sheets, the printable HTML
 * page, the Word proposal list), per language, apart from the library's catalog so that a program
 * that explains results without writing reports does not carry it. `vi.ts` is the reference, `en.ts`
 * the translation; each ends in `satisfies ReportCatalog`. Numbers and dates use the library's
 * formatter.
 */
import type { Formatter, GroupKey } from "../../explain/index.js";

export interface ReportMessageParams {
  /** A cluster section's title: the cluster as the input names it, the group, the year. */
  "cohort.title": { cohort: string; group: GroupKey; year: number };
  /** "4 đơn vị được chấm, 2 đơn vị bị loại". */
  "cohort.counts": { group: GroupKey; scored: number; rejected: number };
  /** Under the quotas of a cluster with rejected rows. */
  "cohort.quotaBase": { group: GroupKey; rejected: number };
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
  "docx.achievement": { rank: number; size: number; cohort: string; score: number; cls: string };
  "docx.total": { count: number };
  "docx.signer": Record<never, never>;
  "docx.signerTitle": Record<never, never>;
  "docx.signerName": Record<never, never>;
  "docx.recipients": Record<never, never>;
  "docx.recipientsList": Record<never, never>;
}
export type ReportMessageKey = keyof ReportMessageParams;

/** One function per key; a missing key or a wrong parameter fails to compile. */
export type ReportCatalog = { readonly [K in ReportMessageKey]: (p: Readonly<ReportMessageParams[K]>, f: Formatter) => string };
