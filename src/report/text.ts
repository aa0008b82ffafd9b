import type { QuotaUse } from "../awards/index.js";
import { explainReasons, formatItem } from "../explain/index.js";
import type { Lang, RuleSet } from "../rules/index.js";
import { block, endWithOneNewline, renderWithLayout, type LayoutOptions, type ReportLayout } from "./layout.js";
import { classText, computedText, finalText, headerLines, issueText, numberIn, quotaParams, say } from "./markdown.js";
import type { DecisionRecord } from "./types.js";

/** Width in characters (code points; NFC Vietnamese has one per letter). */
const width = (s: string) => [...s].length;
const fit = (s: string, n: number) => (width(s) > n ? `${[...s].slice(0, n - 1).join("")}…` : s);
const pad = (s: string, n: number, right = false) => (right ? " ".repeat(Math.max(0, n - width(s))) + s : s + " ".repeat(Math.max(0, n - width(s))));

/** The console report as a layout: one table per cohort (see {@link renderText}). */
export function textLayout({ rs, lang, overrides: overridden }: LayoutOptions): ReportLayout {
  const num = numberIn(lang);
  const quotaLine = (q: QuotaUse) =>
    `   ${say(lang, "report.quota", { ...quotaParams(rs, q.award, lang), allowed: q.allowed, base: q.base, exact: Number(q.exact), candidates: q.candidates, granted: q.granted, binding: q.binding ? 1 : 0 })}`;
  return {
    parts: 1,
    cohort(c, results) {
      const out = [`== ${say(lang, "report.cohort", { cohort: c.cohort ?? "", group: c.group, year: c.year, size: c.size })}`];
      const rows = results.map((r) => [
        String(r.rank),
        fit(`${r.unitId} ${r.name}`, 36),
        num(Number(r.score)),
        `${num(Number(r.percent))}%`,
        classText(rs, r.classification, lang),
        fit(computedText(r, lang), 48),
        ...(overridden ? [r.final.overridden ? `* ${fit(finalText(r, lang), 40)}` : ""] : []),
        explainReasons(r, rs, lang).map((i) => formatItem(i, lang)).join("; "),
      ]);
      const head = [
        "#",
        say(lang, "col.unit", { group: c.group }),
        say(lang, "col.score", {}),
        say(lang, "col.percent", {}),
        say(lang, "col.class", {}),
        say(lang, "col.award", {}),
        ...(overridden ? [say(lang, "col.final", {})] : []),
        say(lang, "col.reasons", {}),
      ];
      const widths = head.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]!))));
      const right = new Set([0, 2, 3]);
      for (const r of [head, ...rows]) {
        out.push(r.map((x, i) => (i === r.length - 1 ? x : pad(x, widths[i]!, right.has(i)))).join("  ").trimEnd());
      }
      for (const q of [...c.quotas].sort((a, b) => (a.award < b.award ? -1 : a.award > b.award ? 1 : 0))) out.push(quotaLine(q));
      out.push("");
      return [block(out)];
    },
    write(run, chunks, write) {
      const out = endWithOneNewline(write);
      out.write(block([say(lang, "report.title", {}), ...headerLines(run, rs, lang), ""]));
      for (const chunk of chunks(0)) out.write(chunk);
      const tail: string[] = [];
      if (run.runQuotas.length) tail.push(`== ${say(lang, "report.runQuotas", {})}`, ...run.runQuotas.map(quotaLine), "");
      if (run.rejected.length) {
        tail.push(`== ${say(lang, "report.rejected", {})}`);
        for (const rj of run.rejected) {
          const issues = rj.issues.map((i) => issueText(i, lang));
          tail.push(`${say(lang, "report.rowAt", { row: rj.row ?? rj.index + 1 })}${rj.unitId ? ` (${rj.unitId})` : ""}: ${issues.join("; ")}`);
        }
        tail.push("");
      }
      out.write(block(tail));
      out.end();
    },
  };
}

/**
 * A compact console table per cohort (the CLI's default output): rank, unit, points, percent,
 * class, proposed award, the final decision when the run has committee overrides, and the main
 * reasons; then the quotas and the rejected rows. Pure: same record → same bytes.
 */
export function renderText(record: DecisionRecord, rs: RuleSet, lang: Lang): string {
  return renderWithLayout(textLayout({ rs, lang, overrides: record.overrides.length > 0 }), record);
}
