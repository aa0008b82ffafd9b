import type { Issue } from "../../errors/index.js";
import type { Group, RuleSet } from "../../rules/index.js";

/** One input row, numbered as the user sees it (see {@link readProfiles}). */
export interface InputRow {
  /**
   * CSV/XLSX: spreadsheet row number, header = 1, first data row = 2; JSON: array index + 1 (1 for a
   * single object); NDJSON: line number.
   */
  readonly row: number;
  /** A plain profile object ready for engine validation; absent when the row has error issues. */
  readonly profile?: unknown;
  /** A row with error issues: what is readable of it (id, name, group, cluster, year), so that the report lists it under its cluster. */
  readonly identity?: unknown;
  /** NDJSON: the line's JSON text, when `profile` is exactly its parse (a large run spills it as is). */
  readonly raw?: string;
  /** Parse problems (code `input.parse`, path `["row", n, column]`). */
  readonly issues?: readonly Issue[];
  /** The CSV/XLSX header's problems: notes on the file, not an input row (never counted as one). */
  readonly header?: true;
  /** The header's columns that name no fact nor profile column, as written (with `header`). */
  readonly unknownColumns?: readonly string[];
}

export interface ReadOptions {
  readonly rules: RuleSet;
  /** Decimal separator of text numbers. Default: `.` in `,`-delimited CSV, `,` in `;`-delimited CSV and XLSX text cells. */
  readonly decimal?: "," | ".";
  /** Year used when the row has no year. */
  readonly defaultYear?: number;
  /** Group used when the row has no group. */
  readonly defaultGroup?: Group;
  /** Columns naming no fact are warnings (the run lists them as ignored) instead of errors. */
  readonly ignoreUnknownColumns?: boolean;
  /**
   * A CSV or XLSX file of assessments (one change a row: unit, role, who, when, fact, new value,
   * reason) for a CSV or XLSX input; an XLSX input's own sheet “Đánh giá” is read without it.
   */
  readonly assessments?: string;
}

/** A cell as a reader hands it over: CSV gives strings, XLSX may give numbers, booleans and dates. */
export type CellValue = string | number | boolean | Date | null | undefined;

/** First cell of the template's second row starts with this marker: that row holds labels and is skipped. */
export const LABEL_ROW_MARKER = "#";
