import { csvLayout } from "./csv.js";
import type { LayoutOptions, ReportLayout } from "./layout.js";
import { markdownLayout } from "./markdown.js";
import { recordJsonLayout } from "./record.js";
import { textLayout } from "./text.js";

/** The formats of a run's report: the text table, the Markdown document, CSV, the decision record as JSON. */
export type ReportFormat = "text" | "markdown" | "csv" | "json";

/**
 * A report format as a {@link ReportLayout}, to write a run cohort by cohort (with `thidua/stream`):
 * `renderText`, `renderMarkdown`, `renderCsv` and `renderRecordJson` are these layouts with every
 * cohort in memory, so a streamed report has the same bytes.
 */
export function reportLayout(format: ReportFormat, opts: LayoutOptions): ReportLayout {
  switch (format) {
    case "text":
      return textLayout(opts);
    case "markdown":
      return markdownLayout(opts);
    case "csv":
      return csvLayout(opts);
    case "json":
      return recordJsonLayout();
  }
}
