import { explain, formatItem, renderItems } from "../explain/index.js";
import { cohortKey } from "../ranking/index.js";
import type { Lang, RuleSet } from "../rules/index.js";
import { reportHeadOf, resultsByCohort, type ReportHead } from "./layout.js";
import { sayReport } from "./messages/index.js";
import type { DecidedRecommendation, DecisionRecord } from "./types.js";
import { anyAssessed, awardsText, cohortHeading, rejectedByCohort, rejectedWho, rejectedWhy, unitFacts, type UnitFacts } from "./unit-facts.js";
import { headerLines, numberIn, quotaParams, say } from "./words.js";

const esc = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Print and screen styles: A4 pages, table headers repeated on every page, rows not split. */
const CSS = `body{font-family:"Times New Roman",Times,serif;font-size:12pt;margin:1.5em;color:#111}
h1{font-size:16pt;text-align:center}h2{font-size:14pt;margin-top:1.5em;border-bottom:1px solid #999}
table{border-collapse:collapse;width:100%;margin:.5em 0}th,td{border:1px solid #777;padding:2px 4px;vertical-align:top;font-size:10.5pt}
th{background:#eee}td.n{text-align:right;white-space:nowrap}tr.explain td{border-top:none;background:#fafafa}
details summary{cursor:pointer;color:#225}ul.head{font-size:10pt;color:#333}svg{max-width:100%;height:auto}
@page{size:A4 landscape;margin:12mm}@media print{body{margin:0}thead{display:table-header-group}tr{break-inside:avoid}nav{display:none}section{break-before:page}}`;

/** The bar chart of a cluster's scores (percent of the maximum) with each class threshold drawn. */
function chart(rs: RuleSet, lang: Lang, title: string, results: readonly DecidedRecommendation[]): string {
  const num = numberIn(lang);
  const left = 150;
  const w = 500;
  const h = 20;
  const top = 34;
  const height = top + results.length * h + 10;
  const x = (p: number) => left + (w * Math.max(0, Math.min(100, p))) / 100;
  const out = [`<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 ${left + w + 60} ${height}" width="${left + w + 60}" height="${height}" font-family="Times New Roman, serif" font-size="12"><title>${esc(sayReport(lang, "html.chart", { cohort: title }))}</title>`];
  results.forEach((r, i) => {
    const y = top + i * h;
    const p = Number(r.percent);
    out.push(`<text x="${left - 6}" y="${y + 14}" text-anchor="end">${esc(r.unitId)}</text>`, `<rect x="${left}" y="${y + 3}" width="${(x(p) - left).toFixed(1)}" height="${h - 6}" fill="${r.knockedOut ? "#b55" : "#4a78b5"}"/>`, `<text x="${(x(p) + 4).toFixed(1)}" y="${y + 14}">${esc(num(Number(r.score)))}</text>`);
  });
  // thresholds in percent only: a class by points (minPoints) has no place on a percent axis
  for (const c of rs.classes) {
    if (c.minPercent === undefined) continue;
    const cx = x(c.minPercent).toFixed(1);
    const label = sayReport(lang, "html.threshold", { cls: c.title[lang], percent: c.minPercent });
    out.push(`<line x1="${cx}" y1="22" x2="${cx}" y2="${height - 4}" stroke="#555" stroke-dasharray="4 3"/>`, `<text x="${cx}" y="${c.rank % 2 ? 12 : 24}" text-anchor="middle" font-size="10">${esc(label)}</text>`);
  }
  out.push("</svg>");
  return out.join("");
}

/** Markdown-style nested "- " lines (renderItems) as nested HTML lists. */
function listHtml(lines: readonly string[]): string {
  let depth = -1;
  let out = "";
  for (const l of lines) {
    const d = (l.length - l.trimStart().length) / 2;
    const text = esc(l.trimStart().replace(/^- /, ""));
    if (d > depth) out += "<ul>".repeat(d - depth);
    else out += "</li>" + "</ul></li>".repeat(depth - d);
    out += `<li>${text}`;
    depth = d;
  }
  return depth < 0 ? "" : out + "</li>" + "</ul></li>".repeat(depth) + "</ul>";
}

/** A unit's explanation, folded: each non-empty section as a list. */
function explanation(r: DecidedRecommendation, rs: RuleSet, lang: Lang): string {
  const e = explain(r, rs, lang);
  const parts = [`<p><b>${esc(formatItem(e.headline, lang))}</b></p>`];
  for (const [key, items] of [["section.standing", e.standing], ["section.criteria", e.criteria], ["section.award", e.award], ["section.nearMisses", e.nearMisses], ["section.todo", e.todo]] as const) {
    if (items.length) parts.push(`<h4>${esc(say(lang, key, {}))}</h4>${listHtml(renderItems(items, lang, e.sources))}`);
  }
  return `<details><summary>${esc(sayReport(lang, "html.explanation", {}))}</summary>${parts.join("")}</details>`;
}

/** A unit's changes on review, each with its reason, shown above its folded explanation ("" without assessments). */
function changesList(f: UnitFacts, lang: Lang): string {
  const changes = f.assessment?.changes ?? [];
  return changes.length ? `<p>${esc(sayReport(lang, "col.changes", {}))}:</p><ul class="changes">${changes.map((c) => `<li>${esc(c.text)}</li>`).join("")}</ul>` : "";
}

/** One cluster's section: heading, counts, chart, ranked table with the explanations folded beneath, quotas, rejected rows. */
function cohortSection(rs: RuleSet, lang: Lang, c: DecisionRecord["cohorts"][number], results: readonly DecidedRecommendation[], rejected: ReportHead["rejected"], n: number): string {
  const num = numberIn(lang);
  const { title, counts } = cohortHeading(c, rejected.length, lang);
  // the self-assessed score beside the official one, in a cluster where a unit has assessments
  const self = anyAssessed(results);
  const heads = [say(lang, "col.rank", {}), say(lang, "col.unitId", {}), say(lang, "col.unit", { group: c.group }), say(lang, "col.score", {}), ...(self ? [sayReport(lang, "col.selfScore", {})] : []), say(lang, "col.percent", {}), say(lang, "col.class", {}), say(lang, "col.award", {}), say(lang, "col.final", {}), say(lang, "col.reasons", {}), sayReport(lang, "col.missingEvidence", {})];
  const rows = results.map((r) => {
    const f = unitFacts(r, rs, lang);
    const fin = f.overridden ? `<b>${esc(f.decision)}</b> — ${esc(f.overrideReason)}` : esc(f.decision);
    const selfCell = self ? [`<td class="n">${f.assessment ? esc(num(f.assessment.self)) : ""}</td>`] : [];
    const cells = [`<td class="n">${f.rank}</td>`, `<td>${esc(f.unitId)}</td>`, `<td>${esc(f.name)}</td>`, `<td class="n">${esc(num(f.score))}</td>`, ...selfCell, `<td class="n">${esc(num(f.percent))}%</td>`, `<td>${esc(f.class)}</td>`, `<td>${esc(awardsText(f, lang))}</td>`, `<td>${fin}</td>`, `<td>${esc(f.reasons)}</td>`, `<td>${esc(f.missing.join("; "))}</td>`];
    return `<tr class="unit" data-unit="${esc(f.unitId)}">${cells.join("")}</tr><tr class="explain"><td colspan="${heads.length}">${changesList(f, lang)}${explanation(r, rs, lang)}</td></tr>`;
  });
  const out = [`<section id="c${n}"><h2>${esc(title)}</h2><p class="counts">${esc(counts)}</p>`, chart(rs, lang, title, results)];
  out.push(`<table><thead><tr>${heads.map((h) => `<th>${esc(h)}</th>`).join("")}</tr></thead><tbody>${rows.join("")}</tbody></table>`);
  const quotas = [...c.quotas].sort((a, b) => (a.award < b.award ? -1 : a.award > b.award ? 1 : 0));
  const notes = quotas.map((q) => say(lang, "report.quota", { ...quotaParams(rs, q.award, lang), allowed: q.allowed, base: q.base, exact: Number(q.exact), candidates: q.candidates, granted: q.granted, binding: q.binding ? 1 : 0 }));
  if (rejected.length && quotas.length) notes.push(sayReport(lang, "cohort.quotaBase", { group: c.group, rejected: rejected.length }));
  if (notes.length) out.push(`<ul class="quotas">${notes.map((q) => `<li>${esc(q)}</li>`).join("")}</ul>`);
  if (rejected.length) out.push(rejectedList(sayReport(lang, "cohort.rejectedTitle", {}), rejected, rs, lang, "h3"));
  out.push("</section>");
  return out.join("\n");
}

function rejectedList(title: string, rows: ReportHead["rejected"], rs: RuleSet, lang: Lang, tag: "h2" | "h3"): string {
  return `<${tag}>${esc(title)}</${tag}><ul class="rejected">${rows.map((rj) => `<li data-row="${rj.row ?? rj.index + 1}">${esc(rejectedWho(rj, lang))}: ${esc(rejectedWhy(rj, rs, lang))}</li>`).join("")}</ul>`;
}

/**
 * The printable report: one self-contained HTML page (styles and charts inline, no script, nothing
 * fetched) with the run's header, per cluster its counts, a bar chart of scores with the class
 * thresholds drawn, the ranked table (the self-assessed score beside the score where a unit has
 * assessments) with each unit's changes on review and its explanation folded beneath, its quotas and
 * rejected rows; then the run-wide quotas and the rows of no cluster. Print styles: A4, table headers
 * repeated on every page. Pure: same record → same bytes.
 */
export function renderHtml(record: DecisionRecord, rs: RuleSet, lang: Lang): string {
  const head = reportHeadOf(record);
  const results = resultsByCohort(record);
  const { byCohort, unplaced } = rejectedByCohort(head);
  const titles = record.cohorts.map((c) => cohortHeading(c, 0, lang).title);
  const out = [
    `<!DOCTYPE html>\n<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(say(lang, "report.title", {}))}</title><style>${CSS}</style></head><body>`,
    `<h1>${esc(say(lang, "report.title", {}))}</h1><ul class="head">${headerLines(head, rs, lang).map((l) => `<li>${esc(l)}</li>`).join("")}</ul>`,
    `<nav><h2>${esc(sayReport(lang, "html.contents", {}))}</h2><ol>${titles.map((t, i) => `<li><a href="#c${i}">${esc(t)}</a></li>`).join("")}</ol></nav>`,
  ];
  record.cohorts.forEach((c, i) => out.push(cohortSection(rs, lang, c, results.get(cohortKey(c)) ?? [], byCohort.get(cohortKey(c)) ?? [], i)));
  if (record.runQuotas.length) {
    const lines = record.runQuotas.map((q) => say(lang, "report.quota", { ...quotaParams(rs, q.award, lang), allowed: q.allowed, base: q.base, exact: Number(q.exact), candidates: q.candidates, granted: q.granted, binding: q.binding ? 1 : 0 }));
    out.push(`<h2>${esc(say(lang, "report.runQuotas", {}))}</h2><ul>${lines.map((l) => `<li>${esc(l)}</li>`).join("")}</ul>`);
  }
  if (unplaced.length) out.push(rejectedList(sayReport(lang, "rejected.unplaced", {}), unplaced, rs, lang, "h2"));
  out.push("</body></html>\n");
  return out.join("\n").normalize("NFC");
}
