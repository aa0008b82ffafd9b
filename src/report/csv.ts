import { cohortKey } from "../ranking/index.js";
import type { Lang, RuleSet } from "../rules/index.js";
import type { CohortSummary } from "../awards/index.js";
import { renderWithLayout, type LayoutOptions, type ReportChunk, type ReportHead, type ReportLayout } from "./layout.js";
import { say } from "./words.js";
import { sayReport } from "./messages/index.js";
import { anyAssessed, awardsText, rejectedByCohort, rejectedWho, rejectedWhy, unitFacts } from "./unit-facts.js";
import type { DecidedRecommendation, DecisionRecord } from "./types.js";

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

/** What makes a field need quotes, by separator (without one: either). */
const SPECIAL = { ";": /[";\r\n]/, ",": /[",\r\n]/, any: /[",;\r\n]/ } as const;

/**
 * RFC 4180 field, formula-neutralised: quoted when it holds a quote, a line break or the separator
 * (`sep`; without one, a comma or a semicolon); quotes doubled.
 */
export function csvField(cell: string, sep?: ";" | ","): string {
  const s = neutraliseFormula(cell);
  return SPECIAL[sep ?? "any"].test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function line(cells: readonly string[], sep: ";" | ","): string {
  let s = csvField(cells[0]!, sep);
  for (let i = 1; i < cells.length; i++) s += `${sep}${csvField(cells[i]!, sep)}`;
  return `${s}\r\n`;
}

/** A number as a spreadsheet reads it: no grouping, the decimal comma of Vietnamese Excel (`;`-separated, Vietnamese), else a point. */
const plainNumber = (comma: boolean) => (n: number): string => (comma ? String(n).replace(".", ",") : String(n));

/**
 * A cohort's rows (each a whole CSV record) with `pad` (empty fields) added at the end of each: the
 * rows of a cluster without assessments in a run where another cluster has some. A line break inside
 * a quoted field is not a row's end (an even count of quotes before it is).
 */
function padRows(chunk: ReportChunk, pad: string): string {
  const s = typeof chunk === "string" ? chunk : new TextDecoder().decode(chunk);
  let out = "";
  let from = 0;
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    if (ch === 34) quoted = !quoted;
    else if (ch === 13 && !quoted && s.charCodeAt(i + 1) === 10) {
      out += s.slice(from, i) + pad;
      from = i;
    }
  }
  return out + s.slice(from);
}

/** A cohort's unit rows: with the self-assessed score and the changes on review at the end when a unit of the cluster has assessments. */
function unitRows(rs: RuleSet, lang: Lang, sep: ";" | ",", num: (n: number) => string, c: CohortSummary, results: readonly DecidedRecommendation[], self: boolean): string {
  let s = "";
  for (const r of results) {
    const f = unitFacts(r, rs, lang);
    const assessed = self ? [f.assessment ? num(f.assessment.self) : "", (f.assessment?.changes ?? []).map((ch) => ch.text).join("; ")] : [];
    s += line([c.cohort ?? "", String(f.rank), f.unitId, f.name, num(f.score), num(f.percent), f.class, awardsText(f, lang), f.decision, f.overrideReason, f.reasons, f.missing.join("; "), ...assessed], sep);
  }
  return s.normalize("NFC");
}

/**
 * The CSV report as a layout: per cohort its units, then its rejected rows (see {@link renderCsv}).
 * Part 1 of a cohort marks a cluster with assessments ("1"): the header then has the self-assessed
 * score and the changes as its last two columns, and the rows of other clusters get them empty.
 */
export function csvLayout({ rs, lang, csvDelimiter }: LayoutOptions): ReportLayout {
  const sep = csvDelimiter ?? ";";
  const num = plainNumber(sep === ";" && lang === "vi");
  const rejectedClass = say(lang, "class.rejected", {});
  const rejectedRows = (cohort: string, rows: ReportHead["rejected"], extra: readonly string[]) =>
    rows.map((rj) => line([cohort, "", rj.unitId ?? "", rj.name ?? "", "", "", rejectedClass, "", "", "", `${rejectedWho(rj, lang)}: ${rejectedWhy(rj, rs, lang)}`, "", ...extra], sep)).join("");
  return {
    parts: 2,
    cohort(c, results) {
      const self = anyAssessed(results);
      return [unitRows(rs, lang, sep, num, c, results, self), self ? "1" : ""];
    },
    write(run, chunks, out) {
      const assessed = [...chunks(1)].some((m) => m.length > 0);
      const extra = assessed ? ["", ""] : [];
      const header = (["col.cohort", "col.rank", "col.unitId", "col.name", "col.score", "col.percent", "col.class", "col.award", "col.final", "col.overrideReason", "col.reasons"] as const).map((k) => say(lang, k, {}));
      header[5] = `${header[5]} (%)`;
      const tailHeads = assessed ? [sayReport(lang, "col.selfScore", {}), sayReport(lang, "col.changes", {})] : [];
      out(`\uFEFF${line([...header, sayReport(lang, "col.missingEvidence", {}), ...tailHeads], sep)}`.normalize("NFC"));
      const { byCohort, unplaced } = rejectedByCohort(run);
      const it = chunks(0)[Symbol.iterator]();
      const marks = chunks(1)[Symbol.iterator]();
      for (const c of run.cohorts) {
        const rows = it.next().value ?? "";
        out(assessed && !(marks.next().value ?? "").length ? padRows(rows, sep.repeat(2)) : rows);
        const rejected = rejectedRows(c.cohort ?? "", byCohort.get(cohortKey(c)) ?? [], extra);
        if (rejected) out(rejected.normalize("NFC"));
      }
      const tail = rejectedRows("", unplaced, extra);
      if (tail) out(tail.normalize("NFC"));
      // input columns the user asked to ignore, named where the reasons go
      if (run.ignoredColumns?.length) out(line(["", "", "", "", "", "", "", "", "", "", say(lang, "report.ignoredColumns", { list: run.ignoredColumns.map((c) => `«${c}»`).join(", ") }), "", ...extra], sep).normalize("NFC"));
    },
  };
}

/**
 * One row per unit, each cohort followed by its rejected input rows (class column "bị loại" /
 * "rejected", who and why as the reasons; rows of no scored cohort last), so every input row
 * appears; when a unit has assessments, two last columns: its self-assessed score and each change on
 * review with its reason (empty for the others). As Vietnamese Excel opens it: `;`-separated (`delimiter` "," for the other convention),
 * UTF-8 with a BOM, CRLF line ends, RFC 4180 quoting, numbers without grouping and with a decimal
 * comma (a point in English or with ","); a cell that starts with `=`, `+`, `-`, `@`, a tab or a
 * carriage return (a formula to a spreadsheet) gets a single quote in front. Pure.
 */
export function renderCsv(record: DecisionRecord, rs: RuleSet, lang: Lang, delimiter: ";" | "," = ";"): string {
  return renderWithLayout(csvLayout({ rs, lang, overrides: record.overrides.length > 0, csvDelimiter: delimiter }), record);
}
