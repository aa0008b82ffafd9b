import { cohortKey } from "../ranking/index.js";
import type { Lang, RuleSet } from "../rules/index.js";
import { renderWithLayout, type LayoutOptions, type ReportHead, type ReportLayout } from "./layout.js";
import { say } from "./words.js";
import { sayReport } from "./messages/index.js";
import { awardsText, rejectedByCohort, rejectedWho, rejectedWhy, unitFacts } from "./unit-facts.js";
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

/**
 * RFC 4180 field, formula-neutralised: quoted when it holds a quote, a line break or the separator
 * (`sep`; without one, a comma or a semicolon); quotes doubled.
 */
export function csvField(cell: string, sep?: ";" | ","): string {
  const s = neutraliseFormula(cell);
  const special = sep === ";" ? /[";\r\n]/ : sep === "," ? /[",\r\n]/ : /[",;\r\n]/;
  return special.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function line(cells: readonly string[], sep: ";" | ","): string {
  let s = csvField(cells[0]!, sep);
  for (let i = 1; i < cells.length; i++) s += `${sep}${csvField(cells[i]!, sep)}`;
  return `${s}\r\n`;
}

/** A number as a spreadsheet reads it: no grouping, the decimal comma of Vietnamese Excel (`;`-separated, Vietnamese), else a point. */
const plainNumber = (comma: boolean) => (n: number): string => (comma ? String(n).replace(".", ",") : String(n));

/** The CSV report as a layout: per cohort its units, then its rejected rows (see {@link renderCsv}). */
export function csvLayout({ rs, lang, csvDelimiter }: LayoutOptions): ReportLayout {
  const sep = csvDelimiter ?? ";";
  const num = plainNumber(sep === ";" && lang === "vi");
  const rejectedClass = say(lang, "class.rejected", {});
  const rejectedRows = (cohort: string, rows: ReportHead["rejected"]) =>
    rows.map((rj) => line([cohort, "", rj.unitId ?? "", rj.name ?? "", "", "", rejectedClass, "", "", "", `${rejectedWho(rj, lang)}: ${rejectedWhy(rj, rs, lang)}`, ""], sep)).join("");
  return {
    parts: 1,
    cohort(c, results) {
      let s = "";
      for (const r of results) {
        const f = unitFacts(r, rs, lang);
        s += line([c.cohort ?? "", String(f.rank), f.unitId, f.name, num(f.score), num(f.percent), f.class, awardsText(f, lang), f.decision, f.overrideReason, f.reasons, f.missing.join("; ")], sep);
      }
      return [s.normalize("NFC")];
    },
    write(run, chunks, out) {
      const header = (["col.cohort", "col.rank", "col.unitId", "col.name", "col.score", "col.percent", "col.class", "col.award", "col.final", "col.overrideReason", "col.reasons"] as const).map((k) => say(lang, k, {}));
      header[5] = `${header[5]} (%)`;
      out(`\uFEFF${line([...header, sayReport(lang, "col.missingEvidence", {})], sep)}`.normalize("NFC"));
      const { byCohort, unplaced } = rejectedByCohort(run);
      const it = chunks(0)[Symbol.iterator]();
      for (const c of run.cohorts) {
        out(it.next().value ?? "");
        const rows = rejectedRows(c.cohort ?? "", byCohort.get(cohortKey(c)) ?? []);
        if (rows) out(rows.normalize("NFC"));
      }
      const tail = rejectedRows("", unplaced);
      if (tail) out(tail.normalize("NFC"));
      // input columns the user asked to ignore, named where the reasons go
      if (run.ignoredColumns?.length) out(line(["", "", "", "", "", "", "", "", "", "", say(lang, "report.ignoredColumns", { list: run.ignoredColumns.map((c) => `«${c}»`).join(", ") }), ""], sep).normalize("NFC"));
    },
  };
}

/**
 * One row per unit, each cohort followed by its rejected input rows (class column "bị loại" /
 * "rejected", who and why as the reasons; rows of no scored cohort last), so every input row
 * appears. As Vietnamese Excel opens it: `;`-separated (`delimiter` "," for the other convention),
 * UTF-8 with a BOM, CRLF line ends, RFC 4180 quoting, numbers without grouping and with a decimal
 * comma (a point in English or with ","); a cell that starts with `=`, `+`, `-`, `@`, a tab or a
 * carriage return (a formula to a spreadsheet) gets a single quote in front. Pure.
 */
export function renderCsv(record: DecisionRecord, rs: RuleSet, lang: Lang, delimiter: ";" | "," = ";"): string {
  return renderWithLayout(csvLayout({ rs, lang, overrides: record.overrides.length > 0, csvDelimiter: delimiter }), record);
}
