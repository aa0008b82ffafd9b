import { catalogFor, describeCondition, formatValue, numberFormat } from "../explain/index.js";
import { describeOverrideTarget, factsById, GROUPS, type Award, type Condition, type Criterion, type Fact, type Lang, type RuleSet } from "../rules/index.js";

type Cat = ReturnType<typeof catalogFor>;
const num = (n: number, cat: Cat) => numberFormat(cat.locale, 2).format(n);

function conditionList(cond: Condition, facts: ReadonlyMap<string, Fact>, lang: Lang, indent: number, rs: RuleSet, criterion?: string): string[] {
  const cat = catalogFor(lang);
  return describeCondition(cond, facts, lang).map((l) => {
    const o = criterion && l.leaf?.id ? rs.overrides.find((x) => x.target.kind === "threshold" && x.target.criterion === criterion && x.target.threshold === l.leaf!.id) : undefined;
    const changed = o ? ` **${cat.rulebook.overrideLine(cat.rulebook.origin(o.origin), formatValue(o.from, facts.get(l.leaf!.fact), lang), formatValue(o.to, facts.get(l.leaf!.fact), lang))}**` : "";
    let basis = "";
    if (l.leaf?.basis) {
      const src = l.leaf.ref ? rs.sources.find((s) => s.id === l.leaf!.ref!.source) : undefined;
      const ref = l.leaf.ref ? ` — ${src ? src.title[lang] : l.leaf.ref.source}${l.leaf.ref.section ? `, ${l.leaf.ref.section}` : ""}` : "";
      basis = ` _(${cat.basis[l.leaf.basis]}${ref})_`;
    }
    const id = l.leaf?.id ? ` \`#${l.leaf.id}\`` : "";
    return `${"  ".repeat(indent + l.depth)}- ${l.text}${basis}${id}${changed}`;
  });
}

function citation(rs: RuleSet, c: { source: string; section?: string | undefined; seed?: string | undefined }, lang: Lang): string {
  const src = rs.sources.find((s) => s.id === c.source);
  return [src ? src.title[lang] : c.source, c.section, c.seed ? `(${c.seed})` : undefined].filter(Boolean).join(", ");
}

function criterionSection(c: Criterion, rs: RuleSet, facts: ReadonlyMap<string, Fact>, lang: Lang): string[] {
  const cat = catalogFor(lang);
  const rb = cat.rulebook;
  const out = [`#### \`${c.id}\` — ${c.title[lang]}`, ""];
  if (c.description) out.push(c.description[lang], "");
  out.push(`- ${rb.contents(c.contents.join(", "))}`);
  out.push(`- ${rb.maxPoints(num(c.maxPoints, cat))} — ${cat.basis[c.basis]}`);
  out.push(`- ${rb.citation}: ${citation(rs, c.citation, lang)}`);
  if (c.origin !== rs.lineage[0]?.id) out.push(`- ${rb.origin(c.origin)}`);
  if (c.knockout) out.push(`- **${cat.knockout}**`);
  if (c.appliesWhen) out.push(`- ${cat.appliesWhen}:`, ...conditionList(c.appliesWhen, facts, lang, 1, rs, c.id));
  if (c.conditions) out.push(`- ${cat.points(num(c.maxPoints, cat))}:`, ...conditionList(c.conditions, facts, lang, 1, rs, c.id));
  for (const t of c.tiers ?? []) {
    out.push(`- ${cat.tier(num(t.points, cat))}${t.label ? ` (${t.label[lang]})` : ""}:`, ...conditionList(t.conditions, facts, lang, 1, rs, c.id));
  }
  if (c.perUnit) {
    const f = facts.get(c.perUnit.fact);
    out.push(`- ${cat.perUnit(num(c.perUnit.pointsPerUnit, cat), f ? f.label[lang] : c.perUnit.fact, num(c.perUnit.cap ?? c.maxPoints, cat))} _(${cat.basis[c.perUnit.basis]})_`);
  }
  for (const [key, list] of [["bonus", c.bonus], ["deduction", c.deductions]] as const) {
    for (const a of list ?? []) {
      const head = `- ${key === "bonus" ? cat.bonus : cat.deduction}: ${a.title[lang]}`;
      if (a.perUnit) {
        const f = facts.get(a.perUnit.fact);
        out.push(`${head} — ${cat.perUnit(num(a.perUnit.pointsPerUnit, cat), f ? f.label[lang] : a.perUnit.fact, num(Math.min(a.perUnit.cap ?? a.cap, a.cap), cat))} _(${cat.basis[a.basis]})_`);
      } else {
        out.push(`${head} — ${cat.points(num(a.points ?? 0, cat))}, ≤ ${num(a.cap, cat)} _(${cat.basis[a.basis]})_`);
      }
      if (a.conditions) out.push(...conditionList(a.conditions, facts, lang, 1, rs, c.id));
    }
  }
  if (c.deductions?.length && c.floor !== undefined) out.push(`- ${cat.floor(num(c.floor, cat))}`);
  out.push(`- ${rb.evidence}:`, ...c.evidence.map((e) => `  - ${e[lang]}`), "");
  return out;
}

function awardSection(a: Award, rs: RuleSet, facts: ReadonlyMap<string, Fact>, lang: Lang): string[] {
  const cat = catalogFor(lang);
  const rb = cat.rulebook;
  const title = (id: string) => rs.awards.find((x) => x.id === id)?.title[lang] ?? id;
  const out = [`### \`${a.id}\` — ${a.title[lang]}`, ""];
  out.push(`- ${rb.grantor}: ${a.grantor[lang]}`);
  out.push(`- ${rb.citation}: ${citation(rs, a.citation, lang)} — ${cat.basis[a.basis]}`);
  out.push(`- ${rb.eligibility}:`);
  const e = a.eligibility;
  if (e.minClass) out.push(`  - ${rb.minClass(rs.classes.find((k) => k.id === e.minClass)?.title[lang] ?? e.minClass)}`);
  if (e.minPercent !== undefined) out.push(`  - ${rb.minPercent(num(e.minPercent, cat))}`);
  for (const c of e.criteria ?? []) out.push(`  - ${c}: ${rs.criteria.find((x) => x.id === c)?.title[lang] ?? c}`);
  if (e.noKnockout) out.push(`  - ${rb.noKnockout}`);
  if (e.conditions) out.push(...conditionList(e.conditions, facts, lang, 1, rs));
  if (a.requiresThisYear?.length) out.push(`- ${rb.requiresThisYear(a.requiresThisYear.map(title).join(", "))}`);
  if (a.history?.length) {
    out.push(`- ${rb.history}:`);
    for (const h of a.history) {
      if (h.kind === "freshInitiatives") {
        out.push(`  - ${rb.freshInitiatives(h.min)} _(${cat.basis[h.basis]})_`);
        continue;
      }
      const names = h.awards.map(title).join(` ${cat.or} `);
      const line = h.kind === "consecutive" ? rb.consecutive(h.times, names, h.includeCurrentYear) : h.kind === "prior" ? rb.prior(names, h.withinYears) : rb.never(names);
      out.push(`  - ${line} _(${cat.basis[h.basis]})_`);
    }
  }
  if (a.quota) {
    const q = a.quota;
    out.push(`- ${rb.quota(`${num(Number(q.share) * 100, cat)}%`, q.of === "cohort" ? rb.cohort : title(q.of), q.rounding)} _(${cat.basis[q.basis]}${q.ref ? `, ${citation(rs, q.ref, lang)}` : ""})_`);
  }
  if (a.bonusCoefficient !== undefined) out.push(`- ${rb.bonusCoefficient(num(a.bonusCoefficient, cat))}`);
  if (a.note) out.push(`- ${a.note[lang]}`);
  if (a.origin !== rs.lineage[0]?.id) out.push(`- ${rb.origin(a.origin)}`);
  out.push("");
  return out;
}

/** The Markdown rule book an auditor reads: every criterion in words, its points, basis and citation; every award. */
export function renderRulebook(rs: RuleSet, lang: Lang): string {
  const cat = catalogFor(lang);
  const rb = cat.rulebook;
  const facts = factsById(rs);
  const m = rs.manifest;
  const out = [`# ${rb.title(m.title[lang])}`, "", `\`${rs.id}\` — ${rb.version(rs.version, rs.sha256)}`, "", `${rb.effective(m.effectiveFrom, m.effectiveTo)}`, ""];
  if (m.extends) out.push(rb.extends(m.extends.id, m.extends.version), "");
  if (m.description) out.push(m.description[lang], "");
  out.push(`## ${rb.sources}`, "");
  for (const s of rs.sources) out.push(`- \`${s.id}\` — ${s.title[lang]}; ${s.issuer[lang]}${s.date ? `, ${s.date}` : ""}${s.status ? ` (${s.status})` : ""}${s.seed ? ` — ${s.seed}` : ""}`);
  out.push("", `## ${rb.criteria}`, "");
  for (const g of GROUPS) {
    const list = rs.criteria.filter((c) => c.group === g);
    if (!list.length) continue;
    out.push(`### ${rb.group[g]}`, "");
    for (const c of list) out.push(...criterionSection(c, rs, facts, lang));
    for (const cap of rs.groupCaps.filter((x) => list.some((c) => c.id === x.criteria[0]))) {
      out.push(`- **${cap.title[lang]}**: ${rb.groupCap(cap.criteria.join(", "), num(cap.maxPoints, cat))} _(${cat.basis[cap.basis]})_`, "");
    }
  }
  out.push(`## ${rb.classes}`, "", `${rb.citation}: ${citation(rs, rs.classesCitation, lang)}`, "");
  for (const k of [...rs.classes].sort((a, b) => b.rank - a.rank)) {
    const req = (k.requires ?? []).map((r) => rb.requires(r.criterion, num(r.minPoints, cat)));
    if (k.noKnockout) req.push(rb.noKnockout);
    out.push(`- ${rb.classLine(k.title[lang], num(k.minPercent, cat))}${req.length ? `; ${req.join("; ")}` : ""} _(${cat.basis[k.basis]})_`);
  }
  out.push("", `## ${rb.awards}`, "");
  for (const a of rs.awards) out.push(...awardSection(a, rs, facts, lang));
  if (rs.overrides.length) {
    out.push(`## ${rb.overrides}`, "");
    for (const o of rs.overrides) out.push(`- ${rb.overrideLine(describeOverrideTarget(o.target), JSON.stringify(o.from), JSON.stringify(o.to))} — ${o.reason[lang]} _(${rb.origin(o.origin)})_`);
    out.push("");
  }
  out.push(`## ${rb.facts}`, "", `| id | ${lang === "vi" ? "Dữ kiện" : "Fact"} | ${rb.type} | ${rb.unit} | ${rb.evidence} |`, "|---|---|---|---|---|");
  const cell = (s: string) => s.replace(/\|/g, "\\|");
  for (const f of rs.facts) {
    const type = f.type === "enum" || f.type === "set" ? `${f.type}: ${(f.values ?? []).map((v) => formatValue(v, f, lang)).join(", ")}` : f.type;
    out.push(`| \`${f.id}\` | ${cell(f.label[lang])} | ${cell(type)} | ${cell(f.unit?.[lang] ?? "")} | ${cell(f.evidence[lang])} |`);
  }
  return out.join("\n") + "\n";
}
