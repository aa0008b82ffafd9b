import { formatPath } from "../errors/index.js";
import { explainRecommendation, formatItem } from "../explain/index.js";
import type { Lang, RuleSet } from "../rules/index.js";
import { classText, cohortResults, computedText, finalText, issueText, numberIn, say } from "./markdown.js";
import type { DecisionRecord } from "./types.js";

/** RFC 4180 field: quoted when it holds a quote, a comma, a semicolon or a line break; quotes doubled. */
export function csvField(s: string): string {
  return /[",;\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * One row per unit, then one per rejected input row (class column "bị loại" / "rejected", issues as
 * the reasons), so every input row appears. UTF-8 with a BOM (spreadsheets then read Vietnamese
 * correctly), CRLF line ends, RFC 4180 quoting; numbers in the language's locale. Pure.
 */
export function renderCsv(record: DecisionRecord, rs: RuleSet, lang: Lang): string {
  const num = numberIn(lang);
  const header = (["col.cohort", "col.rank", "col.unitId", "col.name", "col.score", "col.percent", "col.class", "col.award", "col.final", "col.overrideReason", "col.reasons", "col.missing"] as const).map((k) => say(lang, k, {}));
  const rows: string[][] = [header];
  for (const c of record.cohorts) {
    for (const r of cohortResults(record, c)) {
      const e = explainRecommendation(r, rs, lang);
      rows.push([
        r.cohort ?? "",
        String(r.rank),
        r.unitId,
        r.name,
        num(Number(r.score)),
        `${num(Number(r.percent))}%`,
        classText(rs, r.classification, lang),
        computedText(r, lang),
        finalText(r, lang),
        r.final.overridden ? (r.final.override?.reason ?? "") : "",
        e.summary.map((i) => formatItem(i, lang)).join("; "),
        String(r.missingEvidence.length),
      ]);
    }
  }
  for (const rj of [...record.rejected].sort((a, b) => a.index - b.index)) {
    const issues = rj.issues.map((i) => `${i.path.length ? `${formatPath(i.path)}: ` : ""}${issueText(i, lang)}`);
    rows.push(["", "", rj.unitId ?? "", "", "", "", say(lang, "class.rejected", {}), "", "", "", [say(lang, "report.rowAt", { row: rj.row ?? rj.index + 1 }), ...issues].join("; "), ""]);
  }
  return `\uFEFF${rows.map((r) => r.map(csvField).join(",")).join("\r\n")}\r\n`.normalize("NFC");
}
