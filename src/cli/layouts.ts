import type { CohortSummary, DecidedRecommendation, Lang, RuleSet } from "../index.js";
import type { ReportLayout } from "../stream/index.js";
import { csvLayout, markdownLayout, recordJsonLayout, textLayout } from "../report/index.js";
import { nodeSha256 } from "./hash.js";

/**
 * What a command does with each cohort as soon as it is decided: the report chunks it wants kept
 * (see `ReportLayout.cohort`), or none. It sees the cohort's units once; whatever it keeps beyond
 * the returned chunks is its own memory.
 */
export type CohortSink = (summary: CohortSummary, results: readonly DecidedRecommendation[]) => readonly string[];

/** The report formats written cohort by cohort (XLSX is built in memory). */
export type StreamedFormat = "text" | "json" | "csv" | "md";

/** What a worker thread needs to build the same layout as the main thread: plain data. */
export interface LayoutSpec {
  readonly format: StreamedFormat;
  readonly lang: Lang;
  /** The run has committee overrides (the text report then shows the final-decision column). */
  readonly overrides: boolean;
  /** CSV: the field separator (`;` by default, as Vietnamese Excel reads it). */
  readonly csvDelimiter?: ";" | ",";
}

/** The layout of a streamed format. */
export function layoutOf(spec: LayoutSpec, rs: RuleSet): ReportLayout {
  const o = { rs, lang: spec.lang, overrides: spec.overrides, ...(spec.csvDelimiter && { csvDelimiter: spec.csvDelimiter }) };
  return spec.format === "json" ? recordJsonLayout({ hash: nodeSha256 }) : spec.format === "csv" ? csvLayout(o) : spec.format === "md" ? markdownLayout(o) : textLayout(o);
}

/** The sink of a command: its own function, a layout's chunks (plain data a worker thread can rebuild), or nothing. */
export function sinkOf(sink: CohortSink | LayoutSpec | null, rs: RuleSet): CohortSink {
  return typeof sink === "function" ? sink : sink ? layoutOf(sink, rs).cohort : () => [];
}
