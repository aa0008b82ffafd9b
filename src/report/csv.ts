import { explainReasons, formatItem } from "../explain/index.js";
import type { Lang, RuleSet } from "../rules/index.js";
import { renderWithLayout, type LayoutOptions, type ReportLayout } from "./layout.js";
import { classText, computedText, finalText, issueText, numberIn, say } from "./markdown.js";
import type { DecisionRecord } from "./types.js";

/** What makes a spreadsheet read a cell as a formula when it comes first: `=`, `+`, `-`, `@`, tab, carriage return (OWASP's list), and NUL. */
const FORMULA_START = /^[=+\-@\t\r\0]/;
/** A plain number as the report writes it (`-3`, `12,5`, `70%`): no formula, left as it is. */
const PLAIN_NUMBER = /^[+-]?\d[\d.,]*%?$/;

/**
 * A cell a spreadsheet would run as a formula (an id or a name typed as `=HYPERLINK(…)`, `@SUM(…)`,
 * `-2+3`…) gets a single quote in front, as OWASP recommends for CSV injection: the spreadsheet
 * then shows it as text.
 */
export const neutraliseFormula = (s: string): string => (FORMULA_START.test(s) && !PLAIN_NUMBER.test(s) ? `'${s}` : s);

/** RFC 4180 field, formula-neutralised: quoted when it holds a quote, a comma, a semicolon or a line break; quotes doubled. */
export function csvField(cell: string): string {
  const s = neutraliseFormula(cell);
  return /[",;\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function line(cells: readonly string[]): string {
  let s = csvField(cells[0]!);
  for (let i = 1; i < cells.length; i++) s += `,${csvField(cells[i]!)}`;
  return `${s}\r\n`;
}

/** The CSV report as a layout: one chunk of rows per cohort (see {@link renderCsv}). */
export function csvLayout({ rs, lang }: LayoutOptions): ReportLayout {
  const num = numberIn(lang);
  return {
    parts: 1,
    cohort(_c, results) {
      let s = "";
      for (const r of results) {
        const computed = computedText(r, lang);
        s += line([
          r.cohort ?? "",
          String(r.rank),
          r.unitId,
          r.name,
          num(Number(r.score)),
          `${num(Number(r.percent))}%`,
          classText(rs, r.classification, lang),
          computed,
          r.final.overridden ? finalText(r, lang) : computed,
          r.final.overridden ? (r.final.override?.reason ?? "") : "",
          explainReasons(r, rs, lang).map((i) => formatItem(i, lang)).join("; "),
          String(r.missingEvidence.length),
        ]);
      }
      return [s.normalize("NFC")];
    },
    write(run, chunks, out) {
      const header = (["col.cohort", "col.rank", "col.unitId", "col.name", "col.score", "col.percent", "col.class", "col.award", "col.final", "col.overrideReason", "col.reasons", "col.missing"] as const).map((k) => say(lang, k, {}));
      out(`\uFEFF${line(header)}`.normalize("NFC"));
      for (const chunk of chunks(0)) out(chunk);
      let tail = "";
      for (const rj of run.rejected) {
        const issues = rj.issues.map((i) => issueText(i, lang));
        tail += line(["", "", rj.unitId ?? "", "", "", "", say(lang, "class.rejected", {}), "", "", "", [say(lang, "report.rowAt", { row: rj.row ?? rj.index + 1 }), ...issues].join("; "), ""]);
      }
      if (run.ignoredColumns?.length) tail += line(["", "", "", "", "", "", "", "", "", "", say(lang, "report.ignoredColumns", { list: run.ignoredColumns.map((c) => `«${c}»`).join(", ") }), ""]);
      if (tail) out(tail.normalize("NFC"));
    },
  };
}

/**
 * One row per unit, then one per rejected input row (class column "bị loại" / "rejected", issues as
 * the reasons), so every input row appears. UTF-8 with a BOM (spreadsheets then read Vietnamese
 * correctly), CRLF line ends, RFC 4180 quoting; a cell that starts with `=`, `+`, `-`, `@`, a tab or
 * a carriage return (a formula to a spreadsheet) gets a single quote in front; numbers in the
 * language's locale. Pure.
 */
export function renderCsv(record: DecisionRecord, rs: RuleSet, lang: Lang): string {
  return renderWithLayout(csvLayout({ rs, lang, overrides: record.overrides.length > 0 }), record);
}
