import type { CohortSummary, QuotaUse } from "../awards/index.js";
import { cohortKey } from "../ranking/index.js";
import type { Lang, RuleSet } from "../rules/index.js";
import { block, endWithOneNewline, renderWithLayout, type LayoutOptions, type ReportHead, type ReportLayout } from "./layout.js";
import { headerLines, numberIn, quotaParams, say } from "./words.js";
import { sayReport } from "./messages/index.js";
import type { DecidedRecommendation, DecisionRecord } from "./types.js";
import { anyAssessed, awardsText, cohortHeading, rejectedByCohort, rejectedWho, rejectedWhy, unitFacts } from "./unit-facts.js";

/** Width in characters (code points; NFC Vietnamese has one per letter). */
const width = (s: string) => [...s].length;
const pad = (s: string, n: number, right = false) => (right ? " ".repeat(Math.max(0, n - width(s))) + s : s + " ".repeat(Math.max(0, n - width(s))));

type Rejected = ReportHead["rejected"][number];

/** The quota lines of a cohort or of the run. */
function quotaLines(rs: RuleSet, lang: Lang, quotas: readonly QuotaUse[]): string[] {
  return [...quotas]
    .sort((a, b) => (a.award < b.award ? -1 : a.award > b.award ? 1 : 0))
    .map((q) => `   ${say(lang, "report.quota", { ...quotaParams(rs, q.award, lang), allowed: q.allowed, base: q.base, exact: Number(q.exact), candidates: q.candidates, granted: q.granted, binding: q.binding ? 1 : 0 })}`);
}

/** The rejected rows of a section: who (row, id, name) and why. */
const rejectedLines = (rows: readonly Rejected[], rs: RuleSet, lang: Lang): string[] => rows.map((rj) => `   - ${rejectedWho(rj, lang)}: ${rejectedWhy(rj, rs, lang)}`);

/** A cluster's table: a row per unit (the self-assessed score beside the score where a unit has assessments), its changes and evidence to supply beneath, then its quotas. */
function cohortTable(rs: RuleSet, lang: Lang, overridden: boolean, c: CohortSummary, results: readonly DecidedRecommendation[]): string[] {
  const num = numberIn(lang);
  const missingLabel = sayReport(lang, "col.missingEvidence", {});
  const changesLabel = sayReport(lang, "col.changes", {});
  const facts = results.map((r) => unitFacts(r, rs, lang));
  // the self-assessed score beside the official one, in a cluster where a unit has assessments
  const self = anyAssessed(results);
  const rows = facts.map((f) => [
    String(f.rank),
    `${f.unitId} ${f.name}`,
    num(f.score),
    ...(self ? [f.assessment ? num(f.assessment.self) : ""] : []),
    `${num(f.percent)}%`,
    f.class,
    awardsText(f, lang),
    ...(overridden ? [f.overridden ? `* ${f.decision}` : ""] : []),
    f.reasons,
  ]);
  const head = ["#", say(lang, "col.unit", { group: c.group }), say(lang, "col.score", {}), ...(self ? [sayReport(lang, "col.selfScore", {})] : []), say(lang, "col.percent", {}), say(lang, "col.class", {}), say(lang, "col.award", {}), ...(overridden ? [say(lang, "col.final", {})] : []), say(lang, "col.reasons", {})];
  const widths = head.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]!))));
  const right = new Set(self ? [0, 2, 3, 4] : [0, 2, 3]);
  const out = [head, ...rows].flatMap((r, n) => {
    const line = r.map((x, i) => (i === r.length - 1 ? x : pad(x, widths[i]!, right.has(i)))).join("  ").trimEnd();
    const f = n > 0 ? facts[n - 1]! : undefined;
    const changes = (f?.assessment?.changes ?? []).map((ch) => `     ↳ ${changesLabel}: ${ch.text}`);
    return f?.missing.length ? [line, ...changes, `     ↳ ${missingLabel}: ${f.missing.join("; ")}`] : [line, ...changes];
  });
  out.push(...quotaLines(rs, lang, c.quotas));
  return out;
}

/** The console report as a layout: one table per cohort (see {@link renderText}). */
export function textLayout({ rs, lang, overrides: overridden }: LayoutOptions): ReportLayout {
  return {
    parts: 1,
    cohort: (c, results) => [block(cohortTable(rs, lang, overridden, c, results))],
    write(run, chunks, write) {
      const out = endWithOneNewline(write);
      out.write(block([say(lang, "report.title", {}), ...headerLines(run, rs, lang), ""]));
      const { byCohort, unplaced } = rejectedByCohort(run);
      const it = chunks(0)[Symbol.iterator]();
      for (const c of run.cohorts) {
        const rejected = byCohort.get(cohortKey(c)) ?? [];
        const { title, counts } = cohortHeading(c, rejected.length, lang);
        out.write(block([`== ${title}`, `   ${counts}`]));
        out.write(it.next().value ?? "");
        const tail = rejected.length && c.quotas.length ? [`   ${sayReport(lang, "cohort.quotaBase", { group: c.group, rejected: rejected.length })}`] : [];
        if (rejected.length) tail.push(`   ${sayReport(lang, "cohort.rejectedTitle", {})}:`, ...rejectedLines(rejected, rs, lang));
        out.write(block([...tail, ""]));
      }
      const tail: string[] = [];
      if (run.runQuotas.length) tail.push(`== ${say(lang, "report.runQuotas", {})}`, ...quotaLines(rs, lang, run.runQuotas), "");
      if (unplaced.length) tail.push(`== ${sayReport(lang, "rejected.unplaced", {})}`, ...rejectedLines(unplaced, rs, lang), "");
      out.write(block(tail));
      out.end();
    },
  };
}

/**
 * A compact console table per cohort (the CLI's default output): its counts of units scored and
 * rejected, then rank, unit, points, percent, class, every proposed award, the final decision when
 * the run has committee overrides, and the main reasons (with the self-assessed score beside the score
 * in a cohort where a unit has assessments); each change on review with its reason, and the evidence
 * to supply, under each unit;
 * the quotas; the cohort's rejected rows. Pure: same record → same bytes.
 */
export function renderText(record: DecisionRecord, rs: RuleSet, lang: Lang): string {
  return renderWithLayout(textLayout({ rs, lang, overrides: record.overrides.length > 0 }), record);
}
