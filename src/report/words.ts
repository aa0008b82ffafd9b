/** The report renderers' shared wording helpers: catalog messages, numbers, classes, proposals, input issues, quotas, the header. */
import { formatPath, type Issue } from "../errors/index.js";
import { createFormatter, finalAwards, INPUT_ISSUE_KINDS, RULES_ISSUE_KINDS, type Formatter, type InputIssueKind, type OverrideIssueKind, type RulesIssueKind } from "../explain/index.js";
import { say, type ReportMessageParams } from "./messages/index.js";
import { awardsById, classesById, type Lang, type RuleSet } from "../rules/index.js";
import type { DecidedRecommendation, DecisionRecord } from "./types.js";

/** Renders one catalog message, of the reports' catalog or the explanations' (helpers shared by the report renderers). */
export { say };
/** Numbers in the language's locale (the formatter memoises them: a report formats the same scores over and over). */
export const numberIn = (lang: Lang): Formatter["num"] => createFormatter(lang).num;

export const classText = (rs: RuleSet, id: string | null, lang: Lang): string =>
  id === null ? say(lang, "report.unclassified", {}) : (classesById(rs).get(id)?.title[lang] ?? id);

/** The computed proposal: the award, then what is proposed beside it. */
export const computedText = (r: DecidedRecommendation, lang: Lang): string =>
  r.award ? [r.award, ...r.alongside].map((a) => a.title[lang]).join("; ") : say(lang, "report.noAward", {});

/** The final decision: the committee's awards (every one) when overridden, else the computed proposal. */
export const finalText = (r: DecidedRecommendation, lang: Lang): string =>
  r.final.overridden ? finalAwards(r.final).map((a) => a.title[lang]).join("; ") || say(lang, "report.noAward", {}) : computedText(r, lang);

const PROFILE_CODES = new Set(["schema", "unknown_fact", "fact_type", "fact_range", "fact_enum", "fact_date", "fact_not_in_group", "unknown_group", "duplicate_id", "forbidden_key", "unknown_award", "derived", "assessment"]);

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
  if (i.code === "input.parse" && i.params?.["kind"] === "unknownColumn") {
    return say(lang, "issue.unknownColumn", { ...p, column: s("column"), suggestion: s("suggestion") });
  }
  if (i.code === "input.parse" && i.params?.["kind"] !== undefined && i.params["column"] !== undefined) {
    return say(lang, "issue.cell", { ...p, row: s("row"), column: s("column"), kind: s("kind"), other: s("other"), award: s("award"), choices: s(lang === "vi" ? "choicesVi" : "choicesEn") });
  }
  const n = (k: string) => (typeof i.params?.[k] === "number" ? (i.params[k] as number) : 0);
  if (ns === "overrides") {
    const params = { ...p, code: code as OverrideIssueKind, problem: s("problem"), index: n("index"), field: s("field"), other: n("other"), unitId: s("unitId"), award: s(lang === "vi" ? "awardVi" : "awardEn") || s("award"), group: s("group"), cohort: s("cohort"), rejected: i.params?.["rejected"] ? 1 : 0, otherAward: s(lang === "vi" ? "otherAwardVi" : "otherAwardEn") || s("otherAward") };
    return say(lang, "issue.overrides", params);
  }
  if (ns === "record") return say(lang, "issue.record", { ...p, code: code as ReportMessageParams["issue.record"]["code"], problem: s("problem"), field: s("field"), line: n("line"), column: n("column") });
  if (ns === "rules" && i.params !== undefined && (RULES_ISSUE_KINDS as readonly string[]).includes(code)) {
    const found = s("found") || s("actual") || s("chain");
    return say(lang, "issue.rules", { ...p, found, code: code as RulesIssueKind, file: s("file"), line: n("line"), column: n("column"), key: s("key"), limit: n("limit"), what: s("what"), count: n("found"), offset: n("offset") });
  }
  return ns === "profiles" && PROFILE_CODES.has(code)
    ? say(lang, "issue.profiles", { ...p, field: issueField(i), code: code as ReportMessageParams["issue.profiles"]["code"], ...(i.params?.["kind"] !== undefined && { kind: s("kind") }), choices: s(lang === "vi" ? "choicesVi" : "choicesEn") })
    : say(lang, "issue.other", { ...p, code: i.code });
}

/** The award a quota is about, and the parameters every quota sentence needs. */
export function quotaParams(rs: RuleSet, awardId: string, lang: Lang) {
  const a = awardsById(rs).get(awardId);
  const q = a?.quota;
  const of = !q || q.of === "cohort" ? "" : (awardsById(rs).get(q.of)?.title[lang] ?? q.of);
  return { award: a?.title[lang] ?? awardId, share: q ? Number(q.share) * 100 : 0, of, rounding: q?.rounding ?? ("floor" as const) };
}

/** The header every report starts with: what was run, on what, with which rule set (for replay). */
/** The run's options in words: the command line's own (its rule set and as-of date have their own lines); a library caller's as given. */
export function optionsText(record: Pick<DecisionRecord, "options">, lang: Lang): string {
  const o = record.options;
  const known = new Set(["rules", "asOf", "year", "decimal", "allowModifiedRules", "assessments"]);
  const other = Object.keys(o).filter((k) => !known.has(k)).sort().map((k) => `${k}=${String(o[k])}`).join(", ");
  return say(lang, "report.options", { year: o["year"] == null ? "" : String(o["year"]), decimal: typeof o["decimal"] === "string" ? o["decimal"] : "", modified: o["allowModifiedRules"] === true, other });
}

export function headerLines(record: Omit<DecisionRecord, "results" | "seal">, rs: RuleSet, lang: Lang): string[] {
  const lines = [
    say(lang, "report.ruleset", { title: rs.manifest.title[lang], id: record.ruleset.id, version: record.ruleset.version }),
    say(lang, "report.rulesetHash", { sha256: record.ruleset.sha256, verified: record.ruleset.verified ? 1 : 0 }),
  ];
  if (record.ruleset.lineage.length > 1) lines.push(say(lang, "report.lineage", { list: record.ruleset.lineage.map((l) => `${l.id}@${l.version}`).join(" → ") }));
  lines.push(
    say(lang, "report.asOf", { date: record.asOf ?? "" }),
    say(lang, "report.input", { count: record.input.count, sha256: record.input.sha256 }),
    ...(typeof record.options["assessments"] === "string" ? [say(lang, "report.assessments", { sha256: record.options["assessments"] })] : []),
    say(lang, "report.engine", { name: record.engine.name, version: record.engine.version }),
    optionsText(record, lang),
    ...(record.ignoredColumns?.length ? [say(lang, "report.ignoredColumns", { list: record.ignoredColumns.map((c) => `«${c}»`).join(", ") })] : []),
    say(lang, "report.outcome", { sha256: record.outcomeSha256 }),
  );
  return lines;
}

