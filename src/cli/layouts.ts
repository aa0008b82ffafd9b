import { csvLayout, markdownLayout, recordJsonLayout, textLayout, type Lang, type ReportLayout, type RuleSet } from "../index.js";

/** The report formats written cohort by cohort (XLSX is built in memory). */
export type StreamedFormat = "text" | "json" | "csv" | "md";

/** What a worker thread needs to build the same layout as the main thread: plain data. */
export interface LayoutSpec {
  readonly format: StreamedFormat;
  readonly lang: Lang;
  /** The run has committee overrides (the text report then shows the final-decision column). */
  readonly overrides: boolean;
}

/** The layout of a streamed format. */
export function layoutOf(spec: LayoutSpec, rs: RuleSet): ReportLayout {
  const o = { rs, lang: spec.lang, overrides: spec.overrides };
  return spec.format === "json" ? recordJsonLayout() : spec.format === "csv" ? csvLayout(o) : spec.format === "md" ? markdownLayout(o) : textLayout(o);
}
