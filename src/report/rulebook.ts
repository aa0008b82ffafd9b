import { rulebookCatalog } from "./rulebook-messages/index.js";
import { catalogFor, describeCondition, fillLabel, formatValue, formulaText, numberFormat } from "../explain/index.js";
import {
  awardsById,
  citationDoubt,
  citationStanding,
  classesById,
  factsById,
  walkCondition,
  type AppliedOverride,
  type Award,
  type Basis,
  type Condition,
  type Criterion,
  type Fact,
  type Lang,
  type LeafCondition,
  type RuleSet,
} from "../rules/index.js";

type Cat = ReturnType<typeof catalogFor>;
type Ref = { source: string; section?: string | undefined; seed?: string | undefined; note?: { vi: string; en: string } | undefined };
const num = (n: number, cat: Cat) => numberFormat(cat.locale, 2).format(n);
const code = (id: string) => `\`${id}\``;

/**
 * The doubt a citation carries, in words: nothing for a confirmed provision (or a news report,
 * which is its own source); otherwise whether it was checked only through a secondary source, not
 * checked, not identified, or rests on a repealed or unchecked text (see `citationStanding`).
 */
function doubt(rs: RuleSet, c: Ref, lang: Lang): string {
  const d = citationDoubt(rs.sources, c);
  return d ? ` (${rulebookCatalog(lang).standing[d]})` : "";
}

/** A citation in words: source title, section, seed file, its doubt, and (when asked) its note. */
function citation(rs: RuleSet, c: Ref, lang: Lang, withNote = false): string {
  const src = rs.sources.find((s) => s.id === c.source);
  const text = [src ? src.title[lang] : c.source, c.section, c.seed ? code(c.seed) : undefined].filter(Boolean).join(", ") + doubt(rs, c, lang);
  return withNote && c.note ? `${text} — ${rulebookCatalog(lang).note(c.note[lang])}` : text;
}

/** "(basis — citation (doubt))", the italic tail of a condition, history, quota or per-unit line. */
function basisTail(rs: RuleSet, basis: Basis, ref: Ref | undefined, lang: Lang, withNote = false): string {
  const cat = catalogFor(lang);
  return ` _(${cat.basis[basis]}${ref ? ` — ${citation(rs, ref, lang, withNote)}` : ""})_`;
}

function conditionList(cond: Condition, facts: ReadonlyMap<string, Fact>, lang: Lang, indent: number, rs: RuleSet, criterion?: string): string[] {
  const cat = catalogFor(lang);
  return describeCondition(cond, facts, lang).map((l): string[] => {
    const o = criterion && l.leaf?.id ? rs.overrides.find((x) => x.target.kind === "threshold" && x.target.criterion === criterion && x.target.threshold === l.leaf!.id) : undefined;
    const changed = o ? ` **${rulebookCatalog(lang).overrideLine(rulebookCatalog(lang).origin(code(o.origin)), formatValue(o.from, facts.get(l.leaf!.fact), lang), formatValue(o.to, facts.get(l.leaf!.fact), lang))}**` : "";
    const basis = l.leaf?.basis ? basisTail(rs, l.leaf.basis, l.leaf.ref, lang) : "";
    // threshold ids are for rule-set authors (override targets): the English book shows them, the Vietnamese one speaks only words
    const id = l.leaf?.id && lang === "en" ? ` \`#${l.leaf.id}\`` : "";
    const line = `${"  ".repeat(indent + l.depth)}- ${l.text}${basis}${id}${changed}`;
    const f = l.leaf ? facts.get(l.leaf.fact) : undefined;
    return [line, ...datedLines((l.leaf?.dated ?? []).map((d) => ({ ...d, shown: formatValue(d.value, f, lang) })), lang, indent + l.depth + 1)];
  }).flat();
}

/** The history of a dated value: one line per period, "từ ngày … đến ngày …: value". */
function datedLines(list: readonly { validFrom?: string | undefined; validTo?: string | undefined; shown: string }[], lang: Lang, indent: number): string[] {
  const rb = rulebookCatalog(lang);
  return list.map((d) => `${"  ".repeat(indent)}- ${rb.dated(d.shown, d.validFrom, d.validTo)}`);
}

function scoringLines(c: Criterion, rs: RuleSet, facts: ReadonlyMap<string, Fact>, lang: Lang): string[] {
  const cat = catalogFor(lang);
  const out: string[] = [];
  if (c.conditions) out.push(`- ${cat.points(num(c.maxPoints, cat))}:`, ...conditionList(c.conditions, facts, lang, 1, rs, c.id));
  for (const t of c.tiers ?? []) {
    const label = t.label ? ` (${fillLabel(t.label[lang], c, t.points, facts, lang)})` : "";
    out.push(`- ${cat.tier(num(t.points, cat))}${label}:`, ...datedLines((t.dated ?? []).map((d) => ({ ...d, shown: cat.points(num(d.points, cat)) })), lang, 1), ...conditionList(t.conditions, facts, lang, 1, rs, c.id));
  }
  if (c.perUnit) {
    const f = facts.get(c.perUnit.fact);
    out.push(`- ${perUnitText(c.perUnit, f, c.perUnit.cap ?? c.maxPoints, lang)}${basisTail(rs, c.perUnit.basis, c.perUnit.ref, lang)}`);
    out.push(...perUnitHistory(c.perUnit, f, c.perUnit.cap ?? c.maxPoints, lang));
  }
  for (const [key, list] of [["bonus", c.bonus], ["deduction", c.deductions]] as const) {
    for (const a of list ?? []) {
      // how a blank counts, also when the set says nothing (a blank deduction is deducted in full until proved)
      const blank = `; ${a.unknownAs === "zero" || a.unknownAs === "cap" ? rulebookCatalog(lang).unknownAs[a.unknownAs] : rulebookCatalog(lang).unknownAsDefault[key]}`;
      const head = `- ${key === "bonus" ? cat.bonus : cat.deduction}: ${a.title[lang]}`;
      if (a.perUnit) {
        const f = facts.get(a.perUnit.fact);
        out.push(`${head} — ${perUnitText(a.perUnit, f, Math.min(a.perUnit.cap ?? a.cap, a.cap), lang)}${blank}${basisTail(rs, a.basis, a.ref, lang, true)}`);
        out.push(...perUnitHistory(a.perUnit, f, Math.min(a.perUnit.cap ?? a.cap, a.cap), lang));
      } else {
        out.push(`${head} — ${cat.points(num(a.points ?? 0, cat))}, ≤ ${num(a.cap, cat)}${blank}${basisTail(rs, a.basis, a.ref, lang, true)}`);
      }
      out.push(...datedLines((a.dated ?? []).map((d) => ({ ...d, shown: `${cat.points(num(d.points ?? a.points ?? 0, cat))}, ≤ ${num(d.cap ?? a.cap, cat)}` })), lang, 1));
      if (a.conditions) out.push(...conditionList(a.conditions, facts, lang, 1, rs, c.id));
    }
  }
  return out;
}

/** A per-unit rule in words; one point per point of a fact counted in points reads "the points of …". */
function perUnitText(pu: { pointsPerUnit: number; fact: string }, f: Fact | undefined, cap: number, lang: Lang): string {
  const cat = catalogFor(lang);
  const label = f ? f.label[lang] : pu.fact;
  return pu.pointsPerUnit === 1 && f?.unit?.vi === "điểm" ? cat.pointsAsGiven(label, num(cap, cat)) : cat.perUnit(num(pu.pointsPerUnit, cat), label, num(cap, cat));
}

/** The dated rates and caps of a per-unit rule. */
function perUnitHistory(pu: NonNullable<Criterion["perUnit"]>, f: Fact | undefined, cap: number, lang: Lang): string[] {
  const cat = catalogFor(lang);
  const shown = (d: NonNullable<typeof pu.dated>[number]) => cat.perUnit(num(d.pointsPerUnit ?? pu.pointsPerUnit, cat), f ? f.label[lang] : pu.fact, num(d.cap ?? cap, cat));
  return datedLines((pu.dated ?? []).map((d) => ({ ...d, shown: shown(d) })), lang, 1);
}

function criterionSection(c: Criterion, rs: RuleSet, facts: ReadonlyMap<string, Fact>, lang: Lang): string[] {
  const cat = catalogFor(lang);
  const rb = rulebookCatalog(lang);
  const out = [`#### ${code(c.id)} — ${c.title[lang]}`, ""];
  if (c.description) out.push(c.description[lang], "");
  if (c.contents) out.push(`- ${rb.contents(c.contents.join(", "))}`);
  out.push(`- ${rb.maxPoints(num(c.maxPoints, cat))} — ${cat.basis[c.basis]}`);
  out.push(`- ${rb.citation}: ${citation(rs, c.citation, lang, true)}`);
  if (c.origin !== rs.lineage[0]?.id) out.push(`- ${rb.origin(code(c.origin))}`);
  if (c.knockout) out.push(`- **${cat.knockout}**`);
  if (c.appliesWhen) out.push(`- ${cat.appliesWhen}:`, ...conditionList(c.appliesWhen, facts, lang, 1, rs, c.id));
  if (c.unknownAs === "zero" || c.unknownAs === "cap") out.push(`- ${rb.unknownAs[c.unknownAs]}`);
  out.push(...scoringLines(c, rs, facts, lang));
  if (c.deductions?.length && c.floor !== undefined) out.push(`- ${cat.floor(num(c.floor, cat))}`);
  out.push(`- ${rb.evidence}:`, ...c.evidence.map((e) => `  - ${e[lang]}`), "");
  return out;
}

function historyLines(a: Award, rs: RuleSet, lang: Lang): string[] {
  const cat = catalogFor(lang);
  const rb = rulebookCatalog(lang);
  const title = (id: string) => awardsById(rs).get(id)?.title[lang] ?? id;
  if (!a.history?.length) return [];
  const out = [`- ${rb.history}:`];
  for (const h of a.history) {
    if (h.kind === "freshInitiatives") {
      out.push(`  - ${rb.freshInitiatives(h.min)}${basisTail(rs, h.basis, h.ref, lang, true)}`);
      continue;
    }
    const names = h.awards.map(title).join(` ${cat.or} `);
    const line = h.kind === "consecutive" ? rb.consecutive(h.times, names, h.includeCurrentYear) : h.kind === "prior" ? rb.prior(names, h.withinYears) : rb.never(names);
    out.push(`  - ${line}${basisTail(rs, h.basis, h.ref, lang, true)}`);
  }
  return out;
}

function awardSection(a: Award, rs: RuleSet, facts: ReadonlyMap<string, Fact>, lang: Lang): string[] {
  const cat = catalogFor(lang);
  const rb = rulebookCatalog(lang);
  const title = (id: string) => awardsById(rs).get(id)?.title[lang] ?? id;
  const out = [`### ${code(a.id)} — ${a.title[lang]}`, ""];
  out.push(`- ${rb.grantor}: ${a.grantor[lang]}`);
  out.push(`- ${rb.citation}: ${citation(rs, a.citation, lang, true)} — ${cat.basis[a.basis]}`);
  out.push(`- ${rb.eligibility}:`);
  const e = a.eligibility;
  const k = e.minClass ? classesById(rs).get(e.minClass) : undefined;
  if (e.minClass) out.push(`  - ${rb.minClass(k?.title[lang] ?? e.minClass)}${k ? basisTail(rs, k.basis, k.ref, lang) : ""}`);
  if (e.minPercent !== undefined) out.push(`  - ${rb.minPercent(num(e.minPercent, cat))}`);
  for (const c of e.criteria ?? []) out.push(`  - ${code(c)}: ${rs.criteria.find((x) => x.id === c)?.title[lang] ?? c}`);
  if (e.noKnockout) out.push(`  - ${rb.noKnockout}`);
  if (e.conditions) out.push(...conditionList(e.conditions, facts, lang, 1, rs));
  if (a.requiresThisYear?.length) out.push(`- ${rb.requiresThisYear(a.requiresThisYear.map(title).join(", "))}`);
  out.push(...historyLines(a, rs, lang));
  if (a.quota) {
    const q = a.quota;
    const off = q.enabled === false ? ` — ${rb.quotaOff}` : "";
    out.push(`- ${rb.quota(`${num(Number(q.share) * 100, cat)}%`, q.of === "cohort" ? rb.cohort : title(q.of), rb.rounding[q.rounding])}${off}${basisTail(rs, q.basis, q.ref, lang, true)}`);
  }
  if (a.bonusCoefficient !== undefined) out.push(`- ${rb.bonusCoefficient(num(a.bonusCoefficient, cat))}${a.bonusRef ? ` _(${citation(rs, a.bonusRef, lang, true)})_` : ""}`);
  if (a.note) out.push(`- ${a.note[lang]}`);
  if (a.codes) out.push(`- ${rb.codes(Object.entries(a.codes).map(([system, c]) => `${system}: ${code(c)}`).join("; "))}`);
  if (a.origin !== rs.lineage[0]?.id) out.push(`- ${rb.origin(code(a.origin))}`);
  out.push("");
  return out;
}

/** The sources, each with its standing, note and the provisions used (status, quotes, where checked). */
function sourceLines(rs: RuleSet, lang: Lang): string[] {
  const rb = rulebookCatalog(lang);
  const out: string[] = [];
  for (const s of rs.sources) {
    const status = s.status ? ` (${rb.sourceStatus[s.status]})` : "";
    out.push(`- ${code(s.id)} — ${s.title[lang]}; ${s.issuer[lang]}${s.date ? `, ${s.date}` : ""}${status}${s.seed ? ` — ${code(s.seed)}` : ""}`);
    if (s.note) out.push(`  - ${rb.note(s.note[lang])}`);
    if (!s.provisions?.length) continue;
    out.push(`  - ${rb.provisions}:`);
    for (const p of s.provisions) {
      const quotes = p.quotes?.length ? `: ${p.quotes.map((q) => `«${q}»`).join("; ")}` : "";
      const extra = [p.note?.[lang], p.via ? rb.via(p.via.split("; ").map(code).join(", ")) : undefined].filter(Boolean).join(" — ");
      out.push(`    - ${p.section} — ${rb.provisionStatus[p.status]}${quotes}${extra ? ` — ${extra}` : ""}`);
    }
  }
  return out;
}

/** What an override changes, in words: the condition (not its id), the class, the quota, the per-unit rule. */
function overrideLine(o: AppliedOverride, rs: RuleSet, facts: ReadonlyMap<string, Fact>, lang: Lang): string {
  const cat = catalogFor(lang);
  const rb = rulebookCatalog(lang);
  const t = o.target;
  const pct = (v: unknown) => (typeof v === "number" ? `${num(v, cat)}%` : String(v));
  switch (t.kind) {
    case "threshold": {
      let leaf: LeafCondition | undefined;
      const c = rs.criteria.find((x) => x.id === t.criterion);
      for (const r of [c?.appliesWhen, c?.conditions, ...(c?.tiers ?? []).map((x) => x.conditions)]) if (r) walkCondition(r, (l) => void (l.id === t.threshold && (leaf = l)));
      const f = leaf ? facts.get(leaf.fact) : undefined;
      const what = leaf ? (describeCondition(leaf, facts, lang)[0]?.text ?? t.threshold) : t.threshold;
      return rb.overrideLine(rb.overrideTarget.threshold(t.criterion, what), formatValue(o.from, f, lang), formatValue(o.to, f, lang));
    }
    case "class":
      if (t.field === "minPoints") return rb.overrideLine(rb.overrideTarget.class(classesById(rs).get(t.class)?.title[lang] ?? t.class, t.field), num(Number(o.from), cat), num(Number(o.to), cat));
      return rb.overrideLine(rb.overrideTarget.class(classesById(rs).get(t.class)?.title[lang] ?? t.class, t.field), pct(o.from), pct(o.to));
    case "quota": {
      const award = awardsById(rs).get(t.award)?.title[lang] ?? t.award;
      if (t.field === "enabled") return rb.overrideLine(rb.overrideTarget.quotaEnabled(award), o.from === false ? cat.no : cat.yes, o.to === false ? cat.no : cat.yes);
      return rb.overrideLine(rb.overrideTarget.quota(award), pct(Number(o.from) * 100), pct(Number(o.to) * 100));
    }
    case "perUnit":
      return rb.overrideLine(rb.overrideTarget.perUnit(t.criterion, t.field), num(Number(o.from), cat), num(Number(o.to), cat));
  }
}

/** The classes, highest first: threshold (percent or points) or the unscored case, requirements, basis, history of dated thresholds. */
function classLines(rs: RuleSet, lang: Lang): string[] {
  const cat = catalogFor(lang);
  const rb = rulebookCatalog(lang);
  const out = [`## ${rb.classes}`, "", `${rb.citation}: ${citation(rs, rs.classesCitation, lang, true)}`, ""];
  for (const k of [...rs.classes].sort((a, b) => b.rank - a.rank)) {
    const req = (k.requires ?? []).map((r) => rb.requires(code(r.criterion), num(r.minPoints, cat)));
    if (k.noKnockout) req.push(rb.noKnockout);
    const title = k.title[lang].replace("{minPoints}", num(k.minPoints ?? 0, cat)).replace("{minPercent}", `${num(k.minPercent ?? 0, cat)}%`);
    const line = k.unscored ? rb.classUnscored(title) : k.minPoints !== undefined ? rb.classLinePoints(title, num(k.minPoints, cat)) : rb.classLine(title, num(k.minPercent ?? 0, cat));
    out.push(`- ${line}${req.length ? `; ${req.join("; ")}` : ""}${basisTail(rs, k.basis, k.ref, lang)}`);
    const shown = (d: NonNullable<typeof k.dated>[number]) => (d.minPoints !== undefined ? cat.points(num(d.minPoints, cat)) : `${num(d.minPercent ?? 0, cat)}%`);
    out.push(...datedLines((k.dated ?? []).map((d) => ({ ...d, shown: shown(d) })), lang, 1));
  }
  return out;
}

/** A subject group's name: the one the rule set gives it, else the catalog's (the five of Decision 2447), else its id. */
function groupTitle(rs: RuleSet, id: string, lang: Lang): string {
  return rs.groups.find((g) => g.id === id)?.title?.[lang] ?? (catalogFor(lang).group as Readonly<Record<string, string>>)[id] ?? id;
}

/** The subject groups a rule set declares (nothing for a set with the five of Decision 2447). */
function groupLines(rs: RuleSet, lang: Lang): string[] {
  if (!rs.groups.some((g) => g.title)) return [];
  const rb = rulebookCatalog(lang);
  return ["", `## ${rb.groups}`, "", ...rs.groups.map((g) => `- ${code(g.id)} — ${groupTitle(rs, g.id, lang)}`)];
}

/** The ranking chain a rule set states (nothing for the default chain, described in the docs). */
function rankingLines(rs: RuleSet, facts: ReadonlyMap<string, Fact>, lang: Lang): string[] {
  const r = rs.ranking;
  if (!r) return [];
  const cat = catalogFor(lang);
  const rb = rulebookCatalog(lang);
  const steps = r.tieBreaks.map((t, i) => `${i + 1}. ${catalogFor(lang).tieBreak(t.key === "fact" ? { rule: "fact", fact: facts.get(t.fact)?.label[lang] ?? t.fact, better: t.better } : { rule: t.key })}`);
  const out = ["", `## ${rb.ranking}`, "", ...steps];
  if (!r.tieBreaks.some((t) => t.key === "unitId")) out.push(`${steps.length + 1}. ${rb.rankingUnitId}`);
  if (r.ties === "shared") out.push("", rb.rankingShared);
  out.push("", `_(${cat.basis[r.basis]}${r.ref ? ` — ${citation(rs, r.ref, lang, true)}` : ""})_`);
  return out;
}

/** Which assessment is official, as the rule set says (nothing when it says none). */
function assessmentLines(rs: RuleSet, lang: Lang): string[] {
  const a = rs.assessments;
  if (!a) return [];
  const cat = catalogFor(lang);
  return ["", `## ${rulebookCatalog(lang).assessments}`, "", `${rulebookCatalog(lang).officialPolicy[a.official]}.${basisTail(rs, a.basis, a.ref, lang)}`];
}

/** The derived facts, each as its formula in words. */
function derivedLines(rs: RuleSet, facts: ReadonlyMap<string, Fact>, lang: Lang): string[] {
  const derived = rs.facts.filter((f) => f.formula !== undefined);
  if (!derived.length) return [];
  const rb = rulebookCatalog(lang);
  return [`## ${rb.derived}`, "", ...derived.map((f) => `- ${code(f.id)}: ${rb.derivedLine(`«${f.label[lang]}»`, formulaText(f.formula!, facts, lang))}`), ""];
}

function factTable(rs: RuleSet, lang: Lang): string[] {
  const rb = rulebookCatalog(lang);
  const out = [`## ${rb.facts}`, "", `| ${rb.code} | ${rb.fact} | ${rb.type} | ${rb.unit} | ${rb.evidence} |`, "|---|---|---|---|---|"];
  const cell = (s: string) => s.replace(/\|/g, "\\|");
  for (const f of rs.facts) {
    const plain = f.type === "enum" || f.type === "set" ? `${rb.factType[f.type]}: ${(f.values ?? []).map((v) => formatValue(v, f, lang)).join(", ")}` : rb.factType[f.type];
    const type = f.formula !== undefined ? rb.derivedType(plain) : plain;
    out.push(`| ${code(f.id)} | ${cell(f.label[lang])} | ${cell(type)} | ${cell(f.unit?.[lang] ?? "")} | ${cell(f.evidence[lang])} |`);
  }
  return out;
}

/** The Markdown rule book an auditor reads: every criterion in words, its points, basis and citation with its doubts; every award; the sources and provisions used. */
export function renderRulebook(rs: RuleSet, lang: Lang): string {
  const cat = catalogFor(lang);
  const rb = rulebookCatalog(lang);
  const facts = factsById(rs);
  const m = rs.manifest;
  const out = [`# ${rb.title(m.title[lang])}`, "", `${code(rs.id)} — ${rb.version(rs.version, rs.sha256)}`, "", `${rb.effective(m.effectiveFrom, m.effectiveTo)}`, ""];
  if (m.extends) out.push(rb.extends(code(m.extends.id), m.extends.version), "");
  if (m.description) out.push(m.description[lang], "");
  out.push(`## ${rb.sources}`, "", ...sourceLines(rs, lang));
  out.push(...groupLines(rs, lang));
  out.push("", `## ${rb.criteria}`, "");
  for (const { id: g, title } of rs.groups) {
    const list = rs.criteria.filter((c) => c.group === g);
    if (!list.length) continue;
    out.push(`### ${title?.[lang] ?? groupTitle(rs, g, lang)}`, "");
    for (const c of list) out.push(...criterionSection(c, rs, facts, lang));
    for (const cap of rs.groupCaps.filter((x) => list.some((c) => c.id === x.criteria[0]))) {
      out.push(`- **${cap.title[lang]}**: ${rb.groupCap(cap.criteria.map(code).join(", "), num(cap.maxPoints, cat))} _(${cat.basis[cap.basis]})_`, "");
    }
  }
  out.push(...classLines(rs, lang), ...rankingLines(rs, facts, lang), ...assessmentLines(rs, lang));
  out.push("", `## ${rb.awards}`, "");
  if (!rs.awards.length) out.push(rb.scoringOnly, "");
  for (const a of rs.awards) out.push(...awardSection(a, rs, facts, lang));
  if (rs.deferrals.length) {
    out.push(`## ${rb.deferrals}`, "");
    for (const d of rs.deferrals) out.push(`- ${rb.deferral(d.title[lang])} (${d.groups.map((g) => groupTitle(rs, g, lang)).join(", ")})${basisTail(rs, d.basis, d.ref, lang)}`, ...conditionList(d.when, facts, lang, 1, rs));
    out.push("");
  }
  if (rs.overrides.length) {
    out.push(`## ${rb.overrides}`, "");
    for (const o of rs.overrides) out.push(`- ${overrideLine(o, rs, facts, lang)} — ${o.reason[lang]} _(${rb.origin(code(o.origin))})_`);
    out.push("");
  }
  out.push(...derivedLines(rs, facts, lang), ...factTable(rs, lang));
  return out.join("\n") + "\n";
}
