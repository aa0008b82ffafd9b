import { issue, type Issue } from "../errors/index.js";
import { lintFormulas } from "./formula.js";
import { leafSpec } from "./lint-leaf.js";
import type { PeriodJson } from "./json-types.js";
import { basisClaims } from "./claims.js";
import { GROUPS } from "./constants.js";
import type { Fact, RuleSet } from "./types.js";
import { walkCondition, walkLeaves, type Path } from "./walk.js";

/**
 * The lints of the constructs beyond Decision 2447's own: subject groups a set declares, derived
 * facts, classes by points and the unscored class, dated values, label placeholders, the ranking
 * chain and values resting on a committee's own regulation.
 */
export function lintScheme(rs: RuleSet, facts: ReadonlyMap<string, Fact>, out: Issue[]): void {
  lintGroups(rs, out);
  lintFormulas(rs.facts, out);
  lintClasses(rs, out);
  lintDated(rs, out);
  lintPlaceholders(rs, out);
  lintRanking(rs, facts, out);
  lintRegulation(rs, out);
}

function lintGroups(rs: RuleSet, out: Issue[]): void {
  const known = new Set(rs.groups.map((g) => g.id));
  const seen = new Set<string>();
  rs.groups.forEach((g, i) => {
    if (seen.has(g.id)) out.push(issue("rules.duplicate_id", ["scheme", "groups", i, "id"], `duplicate group id ${g.id}`, { id: g.id, kind: "group" }));
    seen.add(g.id);
    if (!g.title && !(GROUPS as readonly string[]).includes(g.id)) out.push(issue("rules.schema", ["scheme", "groups", i, "title"], `group ${g.id} is not one of Decision 2447's: give its name (title)`, { id: g.id }));
  });
  const check = (g: string, at: Path) => {
    if (!known.has(g)) out.push(issue("rules.unknown_group", at, `unknown group ${g}: the rule set's groups are ${[...known].join(", ")}`, { group: g }));
  };
  rs.facts.forEach((f, i) => f.groups.forEach((g, j) => check(g, ["facts", i, "groups", j])));
  for (const c of rs.criteria) check(c.group, [c.file, c.id, "group"]);
  for (const a of rs.awards) a.groups.forEach((g, j) => check(g, ["awards", a.id, "groups", j]));
}

function lintClasses(rs: RuleSet, out: Issue[]): void {
  const unscored = rs.classes.filter((k) => k.unscored);
  for (const k of rs.classes) {
    const at: Path = ["classes", k.id];
    const thresholds = [k.minPercent, k.minPoints].filter((x) => x !== undefined).length;
    if (k.unscored && (thresholds > 0 || k.requires || k.dated)) out.push(issue("rules.schema", at, `the unscored class ${k.id} has no threshold: it is given when nothing of a unit is known`, { id: k.id }));
    if (!k.unscored && thresholds !== 1) out.push(issue("rules.schema", at, `class ${k.id} needs exactly one of minPercent, minPoints (has ${thresholds})`, { id: k.id }));
    k.dated?.forEach((d, i) => {
      const ok = k.minPoints !== undefined ? d.minPoints !== undefined && d.minPercent === undefined : d.minPercent !== undefined && d.minPoints === undefined;
      if (!ok) out.push(issue("rules.schema", [...at, "dated", i], `a dated threshold of class ${k.id} gives ${k.minPoints !== undefined ? "minPoints" : "minPercent"}, as the class does`, { id: k.id }));
    });
  }
  if (unscored.length > 1) out.push(issue("rules.schema", ["classes"], `at most one unscored class (found ${unscored.map((k) => k.id).join(", ")})`));
  for (const u of unscored) {
    if (rs.classes.some((k) => k !== u && k.rank <= u.rank)) out.push(issue("rules.schema", ["classes", u.id, "rank"], `the unscored class ${u.id} must rank below every other class`, { id: u.id }));
  }
}

/** Each dated list: a period's bounds in order, periods that do not overlap. */
function periods(list: readonly PeriodJson[] | undefined, at: Path, out: Issue[]): void {
  if (!list) return;
  list.forEach((d, i) => {
    if (d.validFrom === undefined && d.validTo === undefined) out.push(issue("rules.schema", [...at, i], "a dated value needs validFrom, validTo or both"));
    if (d.validFrom !== undefined && d.validTo !== undefined && d.validFrom > d.validTo) out.push(issue("rules.schema", [...at, i], `validFrom ${d.validFrom} is after validTo ${d.validTo}`));
    for (let j = 0; j < i; j++) {
      const e = list[j]!;
      if ((d.validFrom ?? "") <= (e.validTo ?? "9999") && (e.validFrom ?? "") <= (d.validTo ?? "9999")) out.push(issue("rules.schema", [...at, i], `the period overlaps dated value ${j}`));
    }
  });
}

function lintDated(rs: RuleSet, out: Issue[]): void {
  for (const c of rs.criteria) {
    const at: Path = [c.file, c.id];
    walkLeaves(c, (leaf, p) => periods(leaf.dated, [...at, ...p, "dated"], out));
    c.tiers?.forEach((t, i) => {
      periods(t.dated, [...at, "tiers", i, "dated"], out);
      for (const d of t.dated ?? []) if (d.points > c.maxPoints) out.push(issue("rules.tier_points_exceed_max", [...at, "tiers", i, "dated"], `tier worth ${d.points} exceeds maxPoints ${c.maxPoints}`, { id: c.id, points: d.points, maxPoints: c.maxPoints }));
    });
    periods(c.perUnit?.dated, [...at, "perUnit", "dated"], out);
    for (const a of [...(c.bonus ?? []), ...(c.deductions ?? [])]) {
      periods(a.dated, [...at, a.id, "dated"], out);
      periods(a.perUnit?.dated, [...at, a.id, "perUnit", "dated"], out);
    }
  }
  for (const k of rs.classes) periods(k.dated, ["classes", k.id, "dated"], out);
  for (const a of rs.awards) {
    const cond = a.eligibility.conditions;
    if (cond) walkCondition(cond, (leaf, p) => void (leaf.dated && out.push(issue("rules.schema", ["awards", a.id, "eligibility", "conditions", ...p, "dated"], "dated thresholds are read in criteria and classes, not in award conditions"))));
  }
}

const PLACEHOLDER = /\{([^{}]*)\}/g;

/** Placeholders in labels: a tier's name thresholds of its criterion (`{id}`) or its own `{points}`; a class's title its `{minPercent}` or `{minPoints}`. */
function lintPlaceholders(rs: RuleSet, out: Issue[]): void {
  const check = (text: { vi: string; en: string } | undefined, names: ReadonlySet<string>, at: Path) => {
    for (const lang of ["vi", "en"] as const) {
      for (const m of text?.[lang].matchAll(PLACEHOLDER) ?? []) {
        if (!names.has(m[1]!)) out.push(issue("rules.schema", [...at, lang], `placeholder {${m[1]}} names no value here (known: ${[...names].map((n) => `{${n}}`).join(", ") || "none"})`));
      }
    }
  };
  for (const c of rs.criteria) {
    const ids = new Set<string>(["points"]);
    walkLeaves(c, (leaf) => leaf.id && ids.add(leaf.id));
    c.tiers?.forEach((t, i) => check(t.label, ids, [c.file, c.id, "tiers", i, "label"]));
  }
  for (const k of rs.classes) check(k.title, new Set(k.minPoints !== undefined ? ["minPoints"] : k.minPercent !== undefined ? ["minPercent"] : []), ["classes", k.id, "title"]);
}

function lintRanking(rs: RuleSet, facts: ReadonlyMap<string, Fact>, out: Issue[]): void {
  rs.ranking?.tieBreaks.forEach((t, i) => {
    if (t.key !== "fact") return;
    const at: Path = ["scheme", "ranking", "tieBreaks", i];
    const f = facts.get(t.fact);
    if (!f) return void out.push(issue("rules.unknown_fact", [...at, "fact"], `unknown fact ${t.fact}`, { fact: t.fact }));
    const spec = leafSpec(f, t.path);
    if (typeof spec === "string") out.push(issue("rules.bad_path", [...at, "path"], spec, { fact: f.id }));
    else if (!["integer", "number", "ratio", "date", "boolean"].includes(spec.type)) out.push(issue("rules.value_type", at, `a ranking key compares numbers, dates or yes/no; ${t.fact} is ${spec.type}`, { fact: f.id }));
  });
}

/** A value resting on a regulation cites a source the manifest lists as a regulation (`kind: "regulation"`). */
function lintRegulation(rs: RuleSet, out: Issue[]): void {
  const regulations = new Set(rs.sources.filter((s) => s.kind === "regulation").map((s) => s.id));
  for (const { at, ref } of basisClaims(rs, "regulation")) {
    if (ref && regulations.has(ref.source)) continue;
    out.push(issue("rules.regulation_citation", at, `basis "regulation" rests on ${ref ? `source ${ref.source}, which the manifest does not list as a regulation (kind "regulation")` : "no citation"}`, { source: ref?.source ?? "" }));
  }
}
