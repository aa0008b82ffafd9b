import { block, endWithOneNewline, renderWithLayout, type LayoutOptions, type ReportHead, type ReportLayout } from "./layout.js";
import { sayReport } from "./messages/index.js";
import { anyAssessed, awardsText, cohortHeading, rejectedByCohort, rejectedWho, rejectedWhy, unitFacts } from "./unit-facts.js";
import { cohortKey } from "../ranking/index.js";
import { explain, formatItem, renderItems } from "../explain/index.js";
import { awardsById, type Lang, type RuleSet } from "../rules/index.js";
import { headerLines, numberIn, quotaParams, say } from "./words.js";
import type { DecidedRecommendation, DecisionRecord } from "./types.js";

type Cohort = DecisionRecord["cohorts"][number];

const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\r?\n|\r/g, " ");
const line = (s: string) => s.replace(/\r?\n|\r/g, " ");

function cohortSection(rs: RuleSet, lang: Lang, c: Cohort, results: readonly DecidedRecommendation[]): string[] {
  const num = numberIn(lang);
  // the self-assessed score beside the official one, in a cluster where a unit has assessments (its changes are in the unit's explanation)
  const self = anyAssessed(results);
  const cols = [say(lang, "col.rank", {}), say(lang, "col.unit", { group: c.group }), say(lang, "col.score", {}), ...(self ? [sayReport(lang, "col.selfScore", {})] : []), say(lang, "col.percent", {}), say(lang, "col.class", {}), say(lang, "col.award", {}), say(lang, "col.final", {}), say(lang, "col.reasons", {}), sayReport(lang, "col.missingEvidence", {})];
  const out = [`| ${cols.join(" | ")} |`, `|---:|---|---:|${self ? "---:|" : ""}---:|---|---|---|---|---|`];
  for (const r of results) {
    const f = unitFacts(r, rs, lang);
    const fin = f.overridden ? `**${f.decision}** — ${f.overrideReason}` : f.decision;
    const selfCell = self ? [f.assessment ? num(f.assessment.self) : ""] : [];
    const row = [String(f.rank), `${f.unitId} — ${f.name}`, num(f.score), ...selfCell, `${num(f.percent)}%`, f.class, awardsText(f, lang), fin, f.reasons, f.missing.join("; ")];
    out.push(`| ${row.map(cell).join(" | ")} |`);
  }
  const quotas = [...c.quotas].sort((a, b) => (a.award < b.award ? -1 : a.award > b.award ? 1 : 0));
  if (quotas.length) out.push("");
  for (const q of quotas) {
    const p = quotaParams(rs, q.award, lang);
    out.push(`- ${line(say(lang, "report.quota", { ...p, allowed: q.allowed, base: q.base, exact: Number(q.exact), candidates: q.candidates, granted: q.granted, binding: q.binding ? 1 : 0 }))}`);
  }
  return out;
}

/** A cohort's heading and counts (before its table), or its rejected rows (after it). */
function cohortFrame(rs: RuleSet, lang: Lang, c: Cohort, rejected: readonly ReportHead["rejected"][number][]): { head: string[]; tail: string[] } {
  const { title, counts } = cohortHeading(c, rejected.length, lang);
  const tail = [""];
  if (rejected.length && c.quotas.length) tail.push(`- ${sayReport(lang, "cohort.quotaBase", { group: c.group, rejected: rejected.length })}`, "");
  if (rejected.length) tail.push(`**${sayReport(lang, "cohort.rejectedTitle", {})}**`, "", ...rejected.map((rj) => `- ${line(`${rejectedWho(rj, lang)}: ${rejectedWhy(rj, rs, lang)}`)}`), "");
  return { head: [`## ${line(title)}`, "", line(counts), ""], tail };
}

function unitSection(r: DecidedRecommendation, rs: RuleSet, lang: Lang): string[] {
  const e = explain(r, rs, lang);
  const out = [`### ${line(say(lang, "unit.name", { unitId: r.unitId, name: r.name }))}`, "", `**${line(formatItem(e.headline, lang))}**`, ""];
  const sections = [
    ["section.standing", e.standing],
    ["section.criteria", e.criteria],
    ["section.award", e.award],
    ["section.nearMisses", e.nearMisses],
    ["section.todo", e.todo],
  ] as const;
  for (const [key, items] of sections) {
    if (items.length) out.push(`#### ${say(lang, key, {})}`, "", ...renderItems(items, lang, e.sources).map(line), "");
  }
  return out;
}


/** The Markdown report as a layout: per cohort its ranked table and its units' explanations (see {@link renderMarkdown}). */
export function markdownLayout({ rs, lang }: LayoutOptions): ReportLayout {
  return {
    parts: 2,
    cohort: (c, results) => [block(cohortSection(rs, lang, c, results)), block(results.flatMap((r) => unitSection(r, rs, lang)))],
    write(run, chunks, write) {
      const out = endWithOneNewline(write);
      out.write(block([`# ${say(lang, "report.title", {})}`, "", ...headerLines(run, rs, lang).map((l) => `- ${line(l)}`), ""]));
      const { byCohort, unplaced } = rejectedByCohort(run);
      const it = chunks(0)[Symbol.iterator]();
      for (const c of run.cohorts) {
        const { head, tail } = cohortFrame(rs, lang, c, byCohort.get(cohortKey(c)) ?? []);
        out.write(block(head));
        out.write(it.next().value ?? "");
        out.write(block(tail));
      }
      out.write(block(runSections(run, rs, lang)));
      for (const chunk of chunks(1)) out.write(chunk);
      if (unplaced.length) {
        const tail = [`## ${sayReport(lang, "rejected.unplaced", {})}`, "", ...unplaced.map((rj) => `- ${line(`${rejectedWho(rj, lang)}: ${rejectedWhy(rj, rs, lang)}`)}`), ""];
        out.write(block(tail));
      }
      out.end();
    },
  };
}

/** The run-wide quotas, the committee's overrides and the heading of the explanations. */
function runSections(run: ReportHead, rs: RuleSet, lang: Lang): string[] {
  const mid: string[] = [];
  if (run.runQuotas.length) {
    mid.push(`## ${say(lang, "report.runQuotas", {})}`, "");
    for (const q of run.runQuotas) {
      const p = quotaParams(rs, q.award, lang);
      mid.push(`- ${line(say(lang, "report.quota", { ...p, allowed: q.allowed, base: q.base, exact: Number(q.exact), candidates: q.candidates, granted: q.granted, binding: q.binding ? 1 : 0 }))}`);
    }
    mid.push("");
  }
  if (run.overrides.length) {
    mid.push(`## ${say(lang, "report.overrides", {})}`, "");
    run.overrides.forEach((o, i) => {
      const ids = o.award === null ? [] : [o.award, ...(o.alongside ?? [])];
      const award = ids.map((id) => awardsById(rs).get(id)?.title[lang] ?? id).join("; ") || say(lang, "report.noAward", {});
      mid.push(`- ${line(say(lang, "report.overrideLine", { unitId: o.unitId, award, reason: o.reason, decidedBy: o.decidedBy, date: o.date, matched: run.matchedOverrides[i] ? 1 : 0 }))}`);
    });
    mid.push("");
  }
  if (run.resultCount) mid.push(`## ${say(lang, "report.units", {})}`, "");
  return mid;
}

/**
 * The Markdown a committee prints for its meeting: the run's header (rule set and its digest, as-of
 * date, input digest, engine, options), a ranked table and the quotas per cohort, the committee's
 * overrides, an explanation per unit, and every rejected row. Pure: same record → same bytes.
 */
export function renderMarkdown(record: DecisionRecord, rs: RuleSet, lang: Lang): string {
  return renderWithLayout(markdownLayout({ rs, lang, overrides: record.overrides.length > 0 }), record);
}
