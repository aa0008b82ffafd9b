import type { AwardCheck, FinalDecision, ProposedAward, Recommendation } from "../awards/index.js";
import { traceLeaves, type LeafTrace, type TraceNode } from "../evaluation/index.js";
import type { CriterionResult, ScoreResult } from "../scoring/index.js";
import type { TieBreak } from "../ranking/index.js";
import { awardsById, citationDoubt, classesById, conditionRoots, factsById, groupsWithAwards, formulaFacts, ownValue, parsePath, rulesetAsOf, walkCondition, walkLeaves, type Award, type CitationDoubt, type Criterion, type Fact, type Lang, type RuleSet } from "../rules/index.js";
import { catalogFor } from "./catalog.js";
import { numberFormat } from "./number-format.js";
import { formatValue } from "./conditions.js";
import { formulaText, formulaValuesText } from "./formula.js";
import type { Formatter, MessageKey, MessageParams, Operator, TieBreakKey, TieParams } from "./messages/types.js";

/** A citation in a rule file: a source id of the manifest, the section, and a caveat if any. */
export interface ItemRef {
  readonly source: string;
  readonly section?: string;
  readonly note?: string;
  /** What stands between the citation and a checked provision; absent when it is confirmed. */
  readonly doubt?: CitationDoubt;
}
/** One explanation line as data: a catalog key, its parameters, its citation and sub-items. */
export type Item = {
  [K in MessageKey]: { readonly key: K; readonly params: Readonly<MessageParams[K]>; readonly ref?: ItemRef; readonly details?: readonly Item[] };
}[MessageKey];
/** Why a unit gets what it gets, as items; render with {@link renderExplanation} or a report. */
export interface Explanation {
  readonly unitId: string;
  readonly name: string;
  readonly lang: Lang;
  readonly headline: Item;
  readonly standing: readonly Item[]; // total, class, rank, tie-break, caps
  readonly criteria: readonly Item[]; // one per applicable criterion: points, deciding facts, citation
  readonly award: readonly Item[]; // proposed award(s), grantor, basis; alternatives; the committee's final decision
  readonly nearMisses: readonly Item[];
  readonly todo: readonly Item[]; // missing evidence
  readonly reasons: readonly Item[]; // the main reasons in short (reports' "main reasons" column)
  readonly sources: Readonly<Record<string, string>>; // titles of the sources the refs cite
}

const item = <K extends MessageKey>(key: K, params: MessageParams[K], ref?: ItemRef, details?: readonly Item[]): Item =>
  ({ key, params, ...(ref && { ref }), ...(details && details.length > 0 && { details }) }) as Item;
type Citation = { source: string; section?: string | undefined; note?: { vi: string; en: string } | undefined };
const refOf = (rs: RuleSet, c: Citation, lang: Lang): ItemRef => {
  const doubt = citationDoubt(rs.sources, c);
  return { source: c.source, ...(c.section !== undefined && { section: c.section }), ...(c.note !== undefined && { note: c.note[lang] }), ...(doubt && { doubt }) };
};

type Ctx = { readonly rs: RuleSet; readonly lang: Lang; readonly facts: ReadonlyMap<string, Fact>; readonly sr: ScoreResult };

const awardDef = (ctx: Ctx, id: string): Award | undefined => awardsById(ctx.rs).get(id);
const awardTitle = (ctx: Ctx, id: string) => awardDef(ctx, id)?.title[ctx.lang] ?? id;
/** A class's title, its placeholders (`{minPoints}`, `{minPercent}`) filled with the thresholds in force. */
const classTitle = (ctx: Ctx, id: string | null) => {
  const k = id === null ? undefined : classesById(ctx.rs).get(id);
  if (!k) return id ?? "";
  const nf = numberFormat(catalogFor(ctx.lang).locale, 2);
  return k.title[ctx.lang].replace("{minPoints}", nf.format(k.minPoints ?? 0)).replace("{minPercent}", `${nf.format(k.minPercent ?? 0)}%`);
};

const list = (xs: readonly string[]) => xs.join("; ");

/** The awards of a final decision: the committee's (every one, when it decided several) or the computed proposal's first. */
export const finalAwards = (final: FinalDecision): readonly ProposedAward[] => (final.award ? [final.award, ...(final.alongside ?? [])] : []);

/** The committee's awards in words: their titles joined by "; ", or `none`. */
const finalTitles = (final: FinalDecision, lang: Lang, none: string): string => list(finalAwards(final).map((a) => a.title[lang])) || none;

/** Fact label (with the field of a record fact) and a value formatter with the fact's unit. */
function factView(ctx: Ctx, factId: string, path?: string) {
  const fact = ctx.facts.get(factId);
  const p = path !== undefined ? parsePath(path) : undefined;
  const field = p && p.ok && typeof p.segments[0] === "string" ? p.segments[0] : undefined;
  const spec = field ? ownValue(fact?.fields, field) : fact;
  const base = fact?.label[ctx.lang] ?? factId;
  const label = path === undefined ? base : `${base} › ${(field && ownValue(fact?.fields, field)?.label[ctx.lang]) || path}`;
  const unit = fact?.unit?.[ctx.lang];
  const value = (v: unknown) => {
    const s = formatValue(v, fact, ctx.lang, field);
    return typeof v === "number" && spec?.type !== "ratio" && unit && !field ? `${s} ${unit}` : s;
  };
  return { label, value, unit: unit ?? "" };
}

type LeafMode = "met" | "unmet" | "value" | { because: string };
function leafItem(ctx: Ctx, l: LeafTrace, mode: LeafMode): Item {
  const fv = factView(ctx, l.fact, l.path);
  // a comparison with another fact: that fact's label and its value
  const other = l.valueFact !== undefined ? factView(ctx, l.valueFact, l.valuePath) : undefined;
  if (l.missing) return item("fact.missing", { fact: other && l.actual !== undefined ? other.label : fv.label });
  if (mode === "value" || (mode === "met" && l.operator === "equal" && !other)) return item("fact.value", { fact: fv.label, actual: fv.value(l.actual) });
  const required = other ? `«${other.label}» (${other.value(l.expected)})` : fv.value(l.expected);
  const p = { fact: fv.label, actual: fv.value(l.actual), operator: l.operator as Operator, required };
  return typeof mode === "object" ? item("criterion.unmetBecause", { ...p, id: mode.because }) : mode === "met" ? item("fact.met", p) : item("fact.unmet", p);
}
const leaves = (ctx: Ctx, t: TraceNode | undefined, pick: "true" | "notTrue", mode: LeafMode) =>
  t ? traceLeaves(t).filter((l) => (pick === "true" ? l.result === true : l.result !== true)).map((l) => leafItem(ctx, l, mode)) : [];

/** A label with its placeholders filled: `{threshold-id}` by that threshold's value in force, `{points}` by the tier's points. */
export function fillLabel(text: string, def: Criterion | undefined, points: number | undefined, facts: ReadonlyMap<string, Fact>, lang: Lang): string {
  if (!text.includes("{")) return text;
  return text.replace(/\{([^{}]*)\}/g, (whole, name: string) => {
    if (name === "points" && points !== undefined) return numberFormat(catalogFor(lang).locale, 2).format(points);
    let found: string | undefined;
    if (def) walkLeaves(def, (leaf) => {
      if (leaf.id !== name || found !== undefined) return;
      const p = leaf.path !== undefined ? parsePath(leaf.path) : undefined;
      const field = p?.ok && typeof p.segments[0] === "string" ? p.segments[0] : undefined;
      found = formatValue(leaf.value, facts.get(leaf.fact), lang, field);
    });
    return found ?? whole;
  });
}

/** What decided a tiered, conditions or per-unit criterion: the tier reached, the tier missed, the facts. */
function styleDetails(ctx: Ctx, c: CriterionResult, def: Criterion | undefined): Item[] {
  const { lang } = ctx;
  const tr = c.trace;
  const details: Item[] = [];
  const tiers = def?.tiers ?? [];
  const tierLabel = (i: number) => fillLabel(tiers[i]?.label?.[lang] ?? `${i + 1}`, def, tiers[i]?.points, ctx.facts, lang);
  if (c.tier !== undefined && tiers[c.tier]) {
    details.push(item("criterion.tier", { label: tierLabel(c.tier), points: tiers[c.tier]!.points }, undefined, leaves(ctx, tr?.tiers?.[c.tier]?.conditions, "true", "met")));
  }
  const missed = c.status === "unknown" ? -1 : c.tier === undefined ? tiers.length - 1 : c.tier - 1;
  if (missed >= 0 && tiers[missed]) {
    details.push(item("criterion.tierMissed", { label: tierLabel(missed), points: tiers[missed]!.points }, undefined, leaves(ctx, tr?.tiers?.[missed]?.conditions, "notTrue", "unmet")));
  }
  if (def?.conditions) details.push(...(c.status === "met" ? leaves(ctx, tr?.conditions, "true", "met") : leaves(ctx, tr?.conditions, "notTrue", { because: c.id })));
  if (tr?.perUnit) {
    const fv = factView(ctx, tr.perUnit.fact, tr.perUnit.path);
    details.push(tr.perUnit.missing ? item("fact.missing", { fact: fv.label }) : item("criterion.perUnit", { fact: fv.label, actual: fv.value(tr.perUnit.actual), perUnit: tr.perUnit.pointsPerUnit, per: fv.unit, cap: tr.perUnit.cap }));
  }
  if (def?.unknownAs && def.unknownAs !== "unknown" && traceMissing(tr)) details.push(item("criterion.blankAs", { title: def.title[lang], how: def.unknownAs }));
  return details;
}

/** Whether a criterion's trace read a missing fact (in its conditions, tiers or per-unit rule). */
const traceMissing = (tr: CriterionResult["trace"]): boolean =>
  [tr?.conditions, ...(tr?.tiers ?? []).map((t) => t.conditions)].some((t) => t !== undefined && traceLeaves(t).some((l) => l.missing)) || tr?.perUnit?.missing === true;

/** The bonus and deductions that counted, and those whose facts are missing but count as the rule set says (`unknownAs`). */
function adjustmentDetails(ctx: Ctx, c: CriterionResult, def: Criterion | undefined): Item[] {
  const details: Item[] = [];
  const tr = c.trace;
  for (const [kind, defs, traces] of [["criterion.bonus", def?.bonus, tr?.bonus], ["criterion.deduction", def?.deductions, tr?.deductions]] as const) {
    for (const a of traces ?? []) {
      const d = defs?.find((x) => x.id === a.id);
      if (!d) continue;
      const pu = a.perUnit;
      const missing = pu ? pu.missing : a.conditions?.result === "unknown";
      const how = d.unknownAs === "zero" || d.unknownAs === "cap" ? d.unknownAs : undefined;
      const pts = pu ? (typeof pu.actual === "number" ? Math.min(pu.actual * pu.pointsPerUnit, pu.cap) : 0) : a.conditions?.result === true ? Math.min(d.points ?? 0, d.cap) : 0;
      if (missing && how) details.push(item("criterion.blankAs", { title: d.title[ctx.lang], how }));
      if (missing && how === "cap") details.push(item(kind, { title: d.title[ctx.lang], points: d.cap }));
      else if (pts > 0) details.push(item(kind, { title: d.title[ctx.lang], points: pts }));
    }
  }
  return details;
}

/** Each derived fact a criterion reads (and the derived facts those rest on), computed for the unit: formula, values, result. */
function derivedDetails(ctx: Ctx, def: Criterion | undefined): Item[] {
  const derived = ctx.sr.derived;
  if (!def || !derived?.length) return [];
  const read: string[] = [];
  const visit = (id: string) => {
    const f = ctx.facts.get(id);
    if (!f?.formula || read.includes(id)) return;
    read.push(id);
    formulaFacts(f.formula).forEach(visit);
  };
  for (const r of conditionRoots(def)) walkCondition(r.cond, (leaf) => {
    visit(leaf.fact);
    if (leaf.value !== null && typeof leaf.value === "object" && !Array.isArray(leaf.value)) visit(leaf.value.fact);
  });
  for (const pu of [def.perUnit, ...[...(def.bonus ?? []), ...(def.deductions ?? [])].map((a) => a.perUnit)]) if (pu) visit(pu.fact);
  return derived.filter((d) => read.includes(d.fact)).map((d) => {
    const f = ctx.facts.get(d.fact)!;
    const result = d.value === undefined ? "" : formatValue(d.value, f, ctx.lang);
    return item("fact.derived", { fact: f.label[ctx.lang], formula: formulaText(f.formula!, ctx.facts, ctx.lang), values: formulaValuesText(d.trace, ctx.facts, ctx.lang), result });
  });
}

function criterionItem(ctx: Ctx, c: CriterionResult): Item | null {
  if (c.status === "not_applicable") return null;
  const { lang } = ctx;
  const def = ctx.rs.criteria.find((x) => x.id === c.id);
  const title = def?.title[lang] ?? c.id;
  const ref = def ? refOf(ctx.rs, def.citation, lang) : undefined;
  const details: Item[] = [];
  if (c.knockout) {
    if (c.status !== "not_met") details.push(...leaves(ctx, c.trace?.conditions, c.status === "met" ? "true" : "notTrue", "value"));
  } else details.push(...styleDetails(ctx, c, def), ...adjustmentDetails(ctx, c, def));
  details.push(...derivedDetails(ctx, def));
  const said = new Set(details.flatMap(function walk(i: Item): string[] { return [...(i.key === "fact.missing" ? [i.params.fact] : []), ...(i.details ?? []).flatMap(walk)]; }));
  for (const f of c.missingFacts) {
    const label = factView(ctx, f).label;
    if (!said.has(label)) details.push(item("fact.missing", { fact: label }));
  }
  if (c.knockout) return item("criterion.knockout", { id: c.id, title, status: c.status }, c.status === "not_met" ? undefined : ref, details);
  const n = Number;
  return item("criterion.result", { id: c.id, title, status: c.status, points: n(c.points), max: n(c.maxPoints), bonus: n(c.bonus), deduction: n(c.deduction) }, ref, details);
}

function quotaParams(ctx: Ctx, awardId: string) {
  const q = awardDef(ctx, awardId)?.quota;
  return { share: q ? Number(q.share) * 100 : 0, of: !q || q.of === "cohort" ? "" : awardTitle(ctx, q.of), rounding: q?.rounding ?? "floor" };
}

function checkItems(ctx: Ctx, awardId: string, c: AwardCheck): Item[] {
  const sr = ctx.sr;
  switch (c.kind) {
    case "knockout":
      if (c.result === "unknown") return [item("check.knockoutUnknown", { criteria: list(c.criteria.map((id) => ctx.rs.criteria.find((x) => x.id === id)?.title[ctx.lang] ?? id)) })];
      return [item("check.knockout", { reasons: list(sr.knockouts.filter((k) => c.criteria.includes(k.criterion)).map((k) => k.reason[ctx.lang])) })];
    case "minClass": return [item("check.minClass", { required: classTitle(ctx, c.required), actual: classTitle(ctx, c.actual) })];
    case "minPercent": return [item("check.minPercent", { required: c.required, actual: Number(c.actual) })];
    case "criterion": return [item("check.criterion", { id: c.criterion, title: ctx.rs.criteria.find((x) => x.id === c.criterion)?.title[ctx.lang] ?? c.criterion, status: c.status })];
    case "conditions": return c.unmet.map((l) => leafItem(ctx, l, "unmet"));
    case "requiresThisYear": return [item("check.requiresThisYear", { award: awardTitle(ctx, c.award) })];
    case "quota": return [item("check.quota", { allowed: c.allowed, base: c.base, position: c.position, candidates: c.candidates, exact: Number(c.exact), ...quotaParams(ctx, awardId) })];
    case "deferral": {
      const why = ctx.rs.deferrals.find((d) => d.id === c.deferral)?.title[ctx.lang] ?? c.deferral;
      return [c.result === false ? item("check.deferral", { why }) : item("check.deferralUnknown", { why })];
    }
    case "history": {
      const h = c.requirement;
      if (h.kind === "freshInitiatives") return [item("check.freshInitiatives", { min: h.min, found: c.found })];
      const awards = h.awards.map((a) => awardTitle(ctx, a)).join(ctx.lang === "vi" ? " hoặc " : " or ");
      const head =
        h.kind === "consecutive"
          ? item("check.consecutive", { times: h.times, awards, found: c.found, current: h.includeCurrentYear ? 1 : 0 })
          : h.kind === "prior"
            ? item("check.prior", { awards, within: h.withinYears ?? 0 })
            : c.result === "unknown" && c.found === 0
              ? item("check.neverUnknown", { awards }) // no record of past awards: not “already received”
              : item("check.never", { awards });
      return c.missingYears.length ? [head, item("check.missingYears", { years: c.missingYears.join(", ") })] : [head];
    }
  }
}

const noAward = (lang: Lang) => catalogFor(lang).msg["report.noAward"]({}, createFormatter(lang));

/**
 * The cash bonus of a proposed title, cited where its coefficient is set. For one period only the
 * highest title's bonus is paid (Decree 152/2025/NĐ-CP Art. 49): a title proposed beside a title
 * with a higher coefficient says its own is not paid in addition.
 */
function bonusItem(ctx: Ctx, rec: Recommendation, a: ProposedAward): Item {
  const titles = [rec.award, ...rec.alongside].filter((p): p is ProposedAward => p !== null && p.kind === "title" && p.bonusCoefficient !== null);
  const superseded = a.kind === "title" && titles.some((p) => p.id !== a.id && p.bonusCoefficient! > a.bonusCoefficient!);
  const ref = awardDef(ctx, a.id)?.bonusRef;
  return item("award.bonus", { coefficient: a.bonusCoefficient!, superseded }, ref ? refOf(ctx.rs, ref, ctx.lang) : undefined);
}

function awardItems(ctx: Ctx, rec: Recommendation, final?: FinalDecision): Item[] {
  const { lang } = ctx;
  const none = noAward(lang);
  const out: Item[] = [];
  const one = (a: ProposedAward, key: "award.proposed" | "award.alongside") => {
    const def = awardDef(ctx, a.id);
    const details: Item[] = [];
    if (a.bonusCoefficient !== null) details.push(bonusItem(ctx, rec, a));
    const q = rec.eligibility.find((e) => e.award === a.id)?.checks.find((c) => c.kind === "quota");
    if (q?.kind === "quota") details.push(item("award.quotaWithin", { allowed: q.allowed, base: q.base, position: q.position, candidates: q.candidates, exact: Number(q.exact), ...quotaParams(ctx, a.id) }));
    out.push(item(key, { award: a.title[lang], kind: a.kind, grantor: a.grantor[lang] }, def ? refOf(ctx.rs, def.citation, lang) : undefined, details));
  };
  if (rec.award) one(rec.award, "award.proposed");
  for (const a of rec.alongside) one(a, "award.alongside");
  if (rec.alternatives.length) out.push(item("award.alternatives", { list: list(rec.alternatives.map((a) => a.title[lang])) }));
  if (final?.overridden && final.override) {
    const o = final.override;
    out.push(item("award.computed", { award: rec.award?.title[lang] ?? none }));
    out.push(item("award.override", { award: finalTitles(final, lang, none), reason: o.reason, decidedBy: o.decidedBy, date: o.date }));
  }
  return out;
}

/** Formatting for a language: numbers through Intl with the catalog's locale, dates as people write them. */
export function createFormatter(lang: Lang): Formatter {
  const nf = numberFormat(catalogFor(lang).locale, 2);
  const num = (n: number): string => nf.format(n);
  const months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
  return {
    num,
    date: (iso) => {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
      if (!m) return iso;
      return lang === "vi" ? `${m[3]}/${m[2]}/${m[1]}` : `${Number(m[3])} ${months[Number(m[2]) - 1]} ${m[1]}`;
    },
  };
}

/** `{ groupName }` for a group the rule set names itself (the catalog names the five of Decision 2447), else nothing. */
export function groupNamed(rs: RuleSet, group: string, lang: Lang): { groupName?: string } {
  const title = rs.groups.find((g) => g.id === group)?.title;
  return title ? { groupName: title[lang] } : {};
}

/**
 * What explaining a result reads: the rule set — as it read on the unit's as-of date (its dated
 * values then) when the criteria are explained (`asOf`) — and the unit's score.
 */
const contextOf = (sr: ScoreResult, rs: RuleSet, lang: Lang, asOf = true): Ctx => ({ rs: asOf ? rulesetAsOf(rs, sr.asOf) : rs, lang, sr, facts: factsById(rs) });

function headlineOf(ctx: Ctx, rec: Recommendation & { readonly final?: FinalDecision }): Item {
  const { lang } = ctx;
  const none = noAward(lang);
  const unknown = rec.eligibility.some((e) => e.status === "unknown") && rec.missingEvidence.length > 0;
  return rec.final?.overridden
    ? item("headline.overridden", { award: finalTitles(rec.final, lang, none), computed: rec.award?.title[lang] ?? none })
    : rec.award
      ? item("headline.award", { award: rec.award.title[lang], kind: rec.award.kind })
      : rec.knockedOut
        ? item("headline.knockout", { reasons: list(rec.scoreResult.knockouts.map((k) => k.reason[lang])) })
        : unknown
          ? item("headline.pending", { count: rec.missingEvidence.length })
          : !groupsWithAwards(ctx.rs).has(rec.group)
            ? item("headline.scoringOnly", {})
            : item("headline.none", { year: rec.year });
}
/** A ranking step as a message's parameters: a fact key names the fact's label and the direction that ranks first. */
function tieParams(ctx: Ctx, step: TieBreak): TieParams {
  if (!step.startsWith("fact:")) return { rule: step as Exclude<TieBreakKey, "fact"> };
  const id = step.slice(5);
  const spec = ctx.rs.ranking?.tieBreaks.find((t) => t.key === "fact" && t.fact === id);
  return { rule: "fact", fact: ctx.facts.get(id)?.label[ctx.lang] ?? id, better: spec?.key === "fact" ? spec.better : "higher" };
}

/** A change of an assessment as words: the fact's label and its values formatted with the fact's unit (unknown: "?"). */
export interface AssessedChange {
  readonly fact: string;
  readonly from: string;
  readonly to: string;
  readonly role: "reviewer" | "council";
  readonly by: string;
  readonly date: string;
  readonly reason: string;
  /** The change gives the fact's official value. */
  readonly official: boolean;
  /** The whole change in one sentence of the catalog (`assessment.change`). */
  readonly text: string;
}

/** A unit's assessments in words: the self-assessed and official scores and classes, the policy, each change. */
export interface AssessedView {
  readonly self: number;
  readonly selfPercent: number;
  readonly selfClass: string;
  readonly official: number;
  readonly officialClass: string;
  readonly policy: "lastReviewer" | "council" | "self";
  readonly changes: readonly AssessedChange[];
}

function assessedView(ctx: Ctx, sr: ScoreResult): AssessedView | undefined {
  const a = sr.assessment;
  if (!a) return undefined;
  const value = (id: string, v: unknown) => (v === null || v === undefined ? catalogFor(ctx.lang).formula.unknown : factView(ctx, id).value(v));
  const changes = a.changes.map((c) => {
    const params = { fact: factView(ctx, c.fact).label, from: value(c.fact, c.from), to: value(c.fact, c.to), role: c.role, by: c.by, date: c.date, reason: c.reason, official: c.official ? 1 : 0 };
    return { ...params, official: c.official, text: formatItem(item("assessment.change", params), ctx.lang) };
  });
  return { self: Number(a.self.score), selfPercent: Number(a.self.percent), selfClass: classTitle(ctx, a.self.classification), official: Number(a.officialScore.score), officialClass: classTitle(ctx, a.officialScore.classification), policy: a.official, changes };
}

/**
 * For a result of a profile with assessments: the self-assessed score beside the official one and
 * each change with its reason, in words (what every report format shows); undefined without assessments.
 */
export const explainAssessment = (sr: ScoreResult, rs: RuleSet, lang: Lang): AssessedView | undefined => assessedView(contextOf(sr, rs, lang), sr);

/** For a profile with assessments: the self-assessed and official scores side by side, then each change with its reason. */
function assessmentItems(ctx: Ctx, sr: ScoreResult): Item[] {
  const v = assessedView(ctx, sr);
  if (!v) return [];
  const changes = v.changes.map(({ text: _t, official, ...c }) => item("assessment.change", { ...c, official: official ? 1 : 0 }));
  const head = { self: v.self, official: v.official, selfClass: v.selfClass, officialClass: v.officialClass, policy: v.policy };
  return [item("standing.assessed", head, undefined, changes)];
}

function reasonsOf(ctx: Ctx, rec: Recommendation, headline: Item): Item[] {
  const kindOf = (id: string) => awardDef(ctx, id)?.kind ?? "commendation";
  const reasons: Item[] = [];
  if (!rec.award && headline.key !== "headline.overridden") reasons.push(headline);
  if (rec.decidedBy && rec.decidedBy !== "score") reasons.push(item("reason.tie", tieParams(ctx, rec.decidedBy)));
  for (const e of rec.eligibility) {
    // the check that decided the status is looked for only when the status says there is one
    const q = e.status === "quota" ? e.checks.find((c) => c.kind === "quota") : undefined;
    if (q?.kind === "quota") {
      const { share, rounding } = quotaParams(ctx, e.award);
      reasons.push(item("reason.quota", { award: awardTitle(ctx, e.award), kind: kindOf(e.award), allowed: q.allowed, base: q.base, position: q.position, candidates: q.candidates, exact: Number(q.exact), share, rounding }));
    }
    const d = e.status === "deferred" ? e.checks.find((c) => c.kind === "deferral" && c.result === false) : undefined;
    if (d?.kind === "deferral") reasons.push(item("reason.deferred", { award: awardTitle(ctx, e.award), kind: kindOf(e.award), why: ctx.rs.deferrals.find((x) => x.id === d.deferral)?.title[ctx.lang] ?? d.deferral }));
  }
  // a knocked-out unit is not told how many points it lacks: no score gives it an award this year
  const short = rec.knockedOut ? undefined : rec.nearMisses.find((m) => m.status === "ineligible" && m.pointsShort !== null);
  if (short) reasons.push(item("reason.pointsShort", { award: short.title[ctx.lang], kind: kindOf(short.award), points: Number(short.pointsShort) }));
  return reasons;
}

/**
 * The main reasons in short, as the reports' "main reasons" column shows them: the same items as
 * `explain(recommendation, …).reasons`, without building the rest of the explanation.
 */
export function explainReasons(rec: Recommendation & { readonly final?: FinalDecision }, rs: RuleSet, lang: Lang): readonly Item[] {
  const ctx = contextOf(rec.scoreResult, rs, lang, false); // the reasons read no criterion: the rule set as it is
  return reasonsOf(ctx, rec, headlineOf(ctx, rec));
}

/** What `explain` takes: a recommendation (of `recommend`, or a decided one of a decision record) or a score (of `score`). */
export type Explainable = (Recommendation & { readonly final?: FinalDecision }) | ScoreResult;

/**
 * Explains a result as data (STYLE §2.6): catalog keys with parameters and citations. A
 * recommendation gets its standing, criteria, award, near misses, the evidence to collect and the
 * main reasons; a score (`engine.score`) its standing, criteria and the evidence to collect.
 * Criterion, fact and award wording comes from the rule set; facts that decided a criterion need the
 * criterion trace (`score` keeps it by default, `recommend(…, { trace: true })`); without it the items
 * give verdicts and points.
 */
export function explain(result: Explainable, rs: RuleSet, lang: Lang): Explanation {
  return "scoreResult" in result ? explainRecommendation(result, rs, lang) : explainScore(result, rs, lang);
}

/** Standing items common to both: total and class, the rank (of a recommendation), the assessments side by side, then the group caps that applied. */
function scoreStanding(ctx: Ctx, sr: ScoreResult, rank: readonly Item[]): Item[] {
  const n = Number;
  const standing: Item[] = [item("standing.score", { score: n(sr.score), max: n(sr.nominalMax), percent: n(sr.percent), cls: classTitle(ctx, sr.classification) }), ...rank, ...assessmentItems(ctx, sr)];
  for (const g of sr.groupCaps.filter((x) => x.applied)) {
    standing.push(item("standing.cap", { title: ctx.rs.groupCaps.find((x) => x.id === g.id)?.title[ctx.lang] ?? g.id, points: n(g.points), cap: n(g.cap) }));
  }
  return standing;
}

/** The titles of the sources cited by the items and their sub-items. */
const sourcesOf = (ctx: Ctx, items: readonly Item[]) => {
  const cited = (i: Item): string[] => [...(i.ref ? [i.ref.source] : []), ...(i.details ?? []).flatMap(cited)];
  const used = new Set(items.flatMap(cited));
  return Object.fromEntries(ctx.rs.sources.filter((s) => used.has(s.id)).map((s) => [s.id, s.title[ctx.lang]]));
};

/** A score alone: no rank and no award yet; the evidence to collect is the facts its criteria lack. */
function explainScore(sr: ScoreResult, rs: RuleSet, lang: Lang): Explanation {
  const ctx = contextOf(sr, rs, lang);
  const headline = sr.knockedOut
    ? item("headline.knockout", { reasons: list(sr.knockouts.map((k) => k.reason[lang])) })
    : item("headline.scored", { year: sr.year, score: Number(sr.score), max: Number(sr.nominalMax), cls: classTitle(ctx, sr.classification) });
  const criteria = sr.criteria.map((c) => criterionItem(ctx, c)).filter((x): x is Item => x !== null);
  const todo = sr.missingFacts.map((id) => {
    const f = ctx.facts.get(id);
    const by = sr.criteria.filter((c) => c.missingFacts.includes(id)).map((c) => c.id);
    return item("todo.evidence", { evidence: f?.evidence[lang] ?? id, label: f?.label[lang] ?? id, criteria: by.join(", "), awards: "" });
  });
  return { unitId: sr.unitId, name: sr.name, lang, headline, standing: scoreStanding(ctx, sr, []), criteria, award: [], nearMisses: [], todo, reasons: [], sources: sourcesOf(ctx, criteria) };
}

function explainRecommendation(rec: Recommendation & { readonly final?: FinalDecision }, rs: RuleSet, lang: Lang): Explanation {
  const ctx = contextOf(rec.scoreResult, rs, lang);
  const sr = rec.scoreResult;
  const headline = headlineOf(ctx, rec);
  const rank = [item("standing.rank", { rank: rec.rank, size: rec.cohortSize, cohort: rec.cohort ?? "", group: rec.group, ...groupNamed(rs, rec.group, lang) })];
  if (rec.decidedBy && rec.decidedBy !== "score") rank.push(item("standing.tie", tieParams(ctx, rec.decidedBy)));
  if (rec.decidedBy === null && rec.rank > 1) rank.push(item("standing.sharedRank", {}));
  const standing = scoreStanding(ctx, sr, rank);
  const kindOf = (id: string) => awardDef(ctx, id)?.kind ?? "commendation";
  const nearMisses = rec.nearMisses.map((m) =>
    item("near.header", { award: m.title[lang], kind: kindOf(m.award), status: m.status, points: rec.knockedOut ? 0 : Number(m.pointsShort ?? 0) }, undefined, m.missing.flatMap((c) => checkItems(ctx, m.award, c))),
  );
  const expl = {
    unitId: rec.unitId,
    name: rec.name,
    lang,
    headline,
    standing,
    criteria: sr.criteria.map((c) => criterionItem(ctx, c)).filter((x): x is Item => x !== null),
    award: awardItems(ctx, rec, rec.final),
    nearMisses,
    todo: rec.missingEvidence.map((m) => item("todo.evidence", { evidence: m.evidence[lang], label: m.label[lang], criteria: m.criteria.join(", "), awards: list((m.awards ?? []).map((a) => awardTitle(ctx, a))) })),
    reasons: reasonsOf(ctx, rec, headline),
  };
  return { ...expl, sources: sourcesOf(ctx, [...expl.criteria, ...expl.award]) };
}

/** The formatter of each language (plain functions over fixed number formats). */
const FORMATTERS: Readonly<Record<Lang, Formatter>> = /* @__PURE__ */ Object.freeze({ vi: createFormatter("vi"), en: createFormatter("en") });
const fmt = (lang: Lang) => FORMATTERS[lang];

/** One item as a sentence through the catalog of `lang`. */
export function formatItem(i: Item, lang: Lang): string {
  return (catalogFor(lang).msg[i.key] as (p: unknown, f: Formatter) => string)(i.params, fmt(lang));
}

/** Items as nested "- " lines (valid Markdown lists); a citation goes under its item. */
export function renderItems(items: readonly Item[], lang: Lang, sources: Readonly<Record<string, string>>, depth = 0): string[] {
  const pad = "  ".repeat(depth);
  return items.flatMap((i) => {
    const lines = [`${pad}- ${formatItem(i, lang)}`, ...renderItems(i.details ?? [], lang, sources, depth + 1)];
    if (i.ref) {
      const p = { source: sources[i.ref.source] ?? i.ref.source, section: i.ref.section ?? "", note: i.ref.note ?? "", doubt: i.ref.doubt ?? ("" as const) };
      lines.push(`${pad}  - ${catalogFor(lang).msg.citation(p, fmt(lang))}`);
    }
    return lines;
  });
}

/** Plain-text explanation: the unit, the headline, then each non-empty section as an indented list. */
export function renderExplanation(e: Explanation, lang: Lang = e.lang): string {
  const m = catalogFor(lang).msg;
  const f = fmt(lang);
  const out = [m["unit.name"]({ unitId: e.unitId, name: e.name }, f), formatItem(e.headline, lang)];
  const sections = [["section.standing", e.standing], ["section.criteria", e.criteria], ["section.award", e.award], ["section.nearMisses", e.nearMisses], ["section.todo", e.todo]] as const;
  for (const [key, items] of sections) if (items.length) out.push("", m[key]({}, f), ...renderItems(items, lang, e.sources, 1));
  return `${out.join("\n")}\n`.normalize("NFC");
}
