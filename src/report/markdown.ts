import { block, endWithOneNewline, renderWithLayout, type LayoutOptions, type ReportLayout } from "./layout.js";
import { formatPath, type Issue } from "../errors/index.js";
import {
  createFormatter,
  explain,
  formatItem,
  INPUT_ISSUE_KINDS,
  renderItems,
  RULES_ISSUE_KINDS,
  type Formatter,
  type InputIssueKind,
  type Item,
  type MessageKey,
  type MessageParams,
  type OverrideIssueKind,
  type RulesIssueKind,
} from "../explain/index.js";
import type { Lang, RuleSet } from "../rules/index.js";
import type { DecidedRecommendation, DecisionRecord } from "./types.js";

type Cohort = DecisionRecord["cohorts"][number];

/** Renders one catalog message (helpers shared by the report renderers). */
export const say = <K extends MessageKey>(lang: Lang, key: K, params: MessageParams[K]): string => formatItem({ key, params } as Item, lang);
/** Numbers in the language's locale (the formatter memoises them: a report formats the same scores over and over). */
export const numberIn = (lang: Lang): Formatter["num"] => createFormatter(lang).num;

export const classText = (rs: RuleSet, id: string | null, lang: Lang): string =>
  id === null ? say(lang, "report.unclassified", {}) : (rs.classes.find((k) => k.id === id)?.title[lang] ?? id);

/** The computed proposal: the award, then what is proposed beside it. */
export const computedText = (r: DecidedRecommendation, lang: Lang): string =>
  r.award ? [r.award, ...r.alongside].map((a) => a.title[lang]).join("; ") : say(lang, "report.noAward", {});

/** The final decision: the committee's award when overridden, else the computed proposal. */
export const finalText = (r: DecidedRecommendation, lang: Lang): string =>
  r.final.overridden ? (r.final.award?.title[lang] ?? say(lang, "report.noAward", {})) : computedText(r, lang);

const PROFILE_CODES = new Set(["schema", "unknown_fact", "fact_type", "fact_range", "fact_enum", "fact_date", "fact_not_in_group", "unknown_group", "duplicate_id", "forbidden_key", "unknown_award"]);

/**
 * The column an issue is about, as the user wrote or would write it: the column of a spreadsheet
 * cell, the fact id of a fact, the profile field otherwise ("" when the issue is about the whole row).
 */
export function issueField(i: Issue): string {
  const [first, second, third] = i.path;
  if (first === "row") return third === undefined ? "" : String(third);
  if (first === "facts" && second !== undefined) return String(second);
  return i.path.map(String).join(".");
}

/** An input issue in the catalog's words (English `message` only for codes the catalog does not know). */
export function issueText(i: Issue, lang: Lang): string {
  const s = (k: string) => (i.params?.[k] === undefined ? "" : String(i.params[k]));
  const p = { path: formatPath(i.path), message: i.message, expected: s("expected"), found: s("found") || s("key"), fact: s("fact"), group: s("group"), id: s("id") };
  const [ns, code] = i.code.split(".") as [string, string];
  if (i.code === "input.parse" && i.params?.["kind"] === "unmatchedOverride") return say(lang, "issue.unmatchedOverride", { ...p, unitId: s("unitId") });
  const kind = s("kind");
  if (i.code === "input.parse" && (INPUT_ISSUE_KINDS as readonly string[]).includes(kind)) {
    return say(lang, "issue.input", { ...p, found: s("found"), problem: kind as InputIssueKind, file: s("file"), row: s("row"), line: s("line"), column: s("column"), reason: s("reason"), other: s("other") });
  }
  if (i.code === "rules.law_unconfirmed") return say(lang, "issue.lawUnconfirmed", { ...p, source: s("source"), section: s("section"), standing: s("standing") });
  if (i.code === "input.parse" && i.params?.["kind"] !== undefined && i.params["column"] !== undefined) {
    return say(lang, "issue.cell", { ...p, row: s("row"), column: s("column"), kind: s("kind"), other: s("other"), award: s("award") });
  }
  const n = (k: string) => (typeof i.params?.[k] === "number" ? (i.params[k] as number) : 0);
  if (ns === "overrides") {
    const params = { ...p, code: code as OverrideIssueKind, problem: s("problem"), index: n("index"), field: s("field"), other: n("other"), unitId: s("unitId"), award: s(lang === "vi" ? "awardVi" : "awardEn") || s("award"), group: s("group"), cohort: s("cohort"), rejected: i.params?.["rejected"] ? 1 : 0 };
    return say(lang, "issue.overrides", params);
  }
  if (ns === "record") return say(lang, "issue.record", { ...p, code: code as MessageParams["issue.record"]["code"], problem: s("problem"), field: s("field"), line: n("line"), column: n("column") });
  if (ns === "rules" && i.params !== undefined && (RULES_ISSUE_KINDS as readonly string[]).includes(code)) {
    const found = s("found") || s("actual") || s("chain");
    return say(lang, "issue.rules", { ...p, found, code: code as RulesIssueKind, file: s("file"), line: n("line"), column: n("column"), key: s("key"), limit: n("limit"), what: s("what"), count: n("found"), offset: n("offset") });
  }
  return ns === "profiles" && PROFILE_CODES.has(code)
    ? say(lang, "issue.profiles", { ...p, field: issueField(i), code: code as MessageParams["issue.profiles"]["code"] })
    : say(lang, "issue.other", { ...p, code: i.code });
}

/** The award a quota is about, and the parameters every quota sentence needs. */
export function quotaParams(rs: RuleSet, awardId: string, lang: Lang) {
  const a = rs.awards.find((x) => x.id === awardId);
  const q = a?.quota;
  const of = !q || q.of === "cohort" ? "" : (rs.awards.find((x) => x.id === q.of)?.title[lang] ?? q.of);
  return { award: a?.title[lang] ?? awardId, share: q ? Number(q.share) * 100 : 0, of, rounding: q?.rounding ?? ("floor" as const) };
}

/** The header every report starts with: what was run, on what, with which rule set (for replay). */
export function headerLines(record: Omit<DecisionRecord, "results" | "seal">, rs: RuleSet, lang: Lang): string[] {
  const o = record.options;
  // the command line's own options in words (its rule set and as-of date have their own lines); a library caller's options as given
  const known = new Set(["rules", "asOf", "year", "decimal", "allowModifiedRules"]);
  const other = Object.keys(o).filter((k) => !known.has(k)).sort().map((k) => `${k}=${String(o[k])}`).join(", ");
  const opts = { year: o["year"] == null ? "" : String(o["year"]), decimal: typeof o["decimal"] === "string" ? o["decimal"] : "", modified: o["allowModifiedRules"] === true, other };
  const lines = [
    say(lang, "report.ruleset", { title: rs.manifest.title[lang], id: record.ruleset.id, version: record.ruleset.version }),
    say(lang, "report.rulesetHash", { sha256: record.ruleset.sha256, verified: record.ruleset.verified ? 1 : 0 }),
  ];
  if (record.ruleset.lineage.length > 1) lines.push(say(lang, "report.lineage", { list: record.ruleset.lineage.map((l) => `${l.id}@${l.version}`).join(" → ") }));
  lines.push(
    say(lang, "report.asOf", { date: record.asOf ?? "" }),
    say(lang, "report.input", { count: record.input.count, sha256: record.input.sha256 }),
    say(lang, "report.engine", { name: record.engine.name, version: record.engine.version }),
    say(lang, "report.options", opts),
    ...(record.ignoredColumns?.length ? [say(lang, "report.ignoredColumns", { list: record.ignoredColumns.map((c) => `«${c}»`).join(", ") })] : []),
    say(lang, "report.outcome", { sha256: record.outcomeSha256 }),
  );
  return lines;
}

const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\r?\n|\r/g, " ");
const line = (s: string) => s.replace(/\r?\n|\r/g, " ");

function cohortSection(rs: RuleSet, lang: Lang, c: Cohort, results: readonly DecidedRecommendation[]): string[] {
  const num = numberIn(lang);
  const cols = [say(lang, "col.rank", {}), say(lang, "col.unit", { group: c.group }), say(lang, "col.score", {}), say(lang, "col.percent", {}), say(lang, "col.class", {}), say(lang, "col.award", {}), say(lang, "col.final", {})];
  const out = [`## ${line(say(lang, "report.cohort", { cohort: c.cohort ?? "", group: c.group, year: c.year, size: c.size }))}`, "", `| ${cols.join(" | ")} |`, "|---:|---|---:|---:|---|---|---|"];
  for (const r of results) {
    const fin = r.final.overridden ? `**${finalText(r, lang)}** — ${r.final.override?.reason ?? ""}` : say(lang, "report.asProposed", {});
    const row = [String(r.rank), `${r.unitId} — ${r.name}`, num(Number(r.score)), `${num(Number(r.percent))}%`, classText(rs, r.classification, lang), computedText(r, lang), fin];
    out.push(`| ${row.map(cell).join(" | ")} |`);
  }
  const quotas = [...c.quotas].sort((a, b) => (a.award < b.award ? -1 : a.award > b.award ? 1 : 0));
  if (quotas.length) out.push("");
  for (const q of quotas) {
    const p = quotaParams(rs, q.award, lang);
    out.push(`- ${line(say(lang, "report.quota", { ...p, allowed: q.allowed, base: q.base, exact: Number(q.exact), candidates: q.candidates, granted: q.granted, binding: q.binding ? 1 : 0 }))}`);
  }
  out.push("");
  return out;
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
      for (const chunk of chunks(0)) out.write(chunk);
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
          const award = o.award === null ? say(lang, "report.noAward", {}) : (rs.awards.find((a) => a.id === o.award)?.title[lang] ?? o.award);
          mid.push(`- ${line(say(lang, "report.overrideLine", { unitId: o.unitId, award, reason: o.reason, decidedBy: o.decidedBy, date: o.date, matched: run.matchedOverrides[i] ? 1 : 0 }))}`);
        });
        mid.push("");
      }
      if (run.resultCount) mid.push(`## ${say(lang, "report.units", {})}`, "");
      out.write(block(mid));
      for (const chunk of chunks(1)) out.write(chunk);
      if (run.rejected.length) {
        const cols = [say(lang, "col.row", {}), say(lang, "col.unitId", {}), say(lang, "col.path", {}), say(lang, "col.issue", {})];
        const tail = [`## ${say(lang, "report.rejected", {})}`, "", say(lang, "report.rejectedCount", { count: run.rejected.length }), "", `| ${cols.join(" | ")} |`, "|---:|---|---|---|"];
        for (const rj of run.rejected) {
          for (const i of rj.issues) tail.push(`| ${[String(rj.row ?? rj.index + 1), rj.unitId ?? "", issueField(i), issueText(i, lang)].map(cell).join(" | ")} |`);
        }
        tail.push("");
        out.write(block(tail));
      }
      out.end();
    },
  };
}

/**
 * The Markdown a committee prints for its meeting: the run's header (rule set and its digest, as-of
 * date, input digest, engine, options), a ranked table and the quotas per cohort, the committee's
 * overrides, an explanation per unit, and every rejected row. Pure: same record → same bytes.
 */
export function renderMarkdown(record: DecisionRecord, rs: RuleSet, lang: Lang): string {
  return renderWithLayout(markdownLayout({ rs, lang, overrides: record.overrides.length > 0 }), record);
}
