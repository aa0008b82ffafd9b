import { issue, type Issue } from "../errors/index.js";
import { checkLeaf, leafSpec } from "./lint-leaf.js";
import { lintScheme } from "./lint-scheme.js";
import { lawClaims } from "./claims.js";
import type { Condition } from "./schema.js";
import { lintIntegrity } from "./lint-integrity.js";
import type { CitationJson, ProvisionJson } from "./json-types.js";
import type { Fact, Group, RuleSet } from "./types.js";
import { conditionRoots, walkCondition, type Path } from "./walk.js";

export { checkLeaf, leafSpec, type ScalarSpec } from "./lint-leaf.js";
export { lawClaims, basisClaims } from "./claims.js";

/** Maximum nesting depth of a condition tree (documented in SECURITY.md). */
export const MAX_CONDITION_DEPTH = 32;

/** Checks every leaf of a criterion's condition tree (threshold ids are checked per criterion, in lint-integrity.ts). */
function checkTree(cond: Condition, facts: ReadonlyMap<string, Fact>, groups: readonly Group[], at: Path, out: Issue[]): void {
  walkCondition(cond, (leaf, p, depth) => {
    if (depth > MAX_CONDITION_DEPTH) out.push(issue("rules.depth_limit", [...at, ...p], `condition deeper than ${MAX_CONDITION_DEPTH}`, { limit: MAX_CONDITION_DEPTH }));
    out.push(...checkLeaf(leaf, facts, groups, [...at, ...p]));
  });
}

/** An enum or set fact lists its values, an object fact its fields. */
function lintFactShapes(rs: RuleSet, out: Issue[]): void {
  for (const f of rs.facts) {
    if ((f.type === "enum" || f.type === "set") && !f.values?.length) out.push(issue("rules.schema", ["facts", f.id, "values"], `${f.type} fact ${f.id} needs values`));
    if (f.type === "object" && !f.fields) out.push(issue("rules.schema", ["facts", f.id, "fields"], `object fact ${f.id} needs fields`));
  }
}

function duplicates(kind: string, items: readonly { id: string }[], where: (i: number) => Path, out: Issue[]): void {
  const seen = new Set<string>();
  items.forEach((x, i) => {
    if (seen.has(x.id)) out.push(issue("rules.duplicate_id", where(i), `duplicate ${kind} id ${x.id}`, { id: x.id, kind }));
    seen.add(x.id);
  });
}

/** Semantic lints over a resolved rule set. Errors block loading; warnings are returned beside the rule set. */
export function lintRuleSet(rs: RuleSet): Issue[] {
  const out: Issue[] = [];
  const facts = new Map(rs.facts.map((f) => [f.id, f]));
  const sources = new Set(rs.sources.map((s) => s.id));
  duplicates("fact", rs.facts, (i) => ["facts", i, "id"], out);
  duplicates("criterion", rs.criteria, (i) => [rs.criteria[i]!.file, rs.criteria[i]!.id], out);
  duplicates("award", rs.awards, (i) => ["awards", i, "id"], out);
  duplicates("class", rs.classes, (i) => ["classes", i, "id"], out);
  duplicates("source", rs.sources, (i) => ["manifest.json", "sources", i, "id"], out);
  const cite = (src: string | undefined, at: Path) => {
    if (src !== undefined && !sources.has(src)) out.push(issue("rules.unknown_source", at, `citation names unknown source ${src}`, { source: src }));
  };
  lintFactShapes(rs, out);
  const groupsWithFacts = new Set(rs.facts.flatMap((f) => f.groups));
  const byId = new Map(rs.criteria.map((c) => [c.id, c]));
  for (const c of rs.criteria) lintCriterion(c, { facts, groupsWithFacts, cite }, out);
  for (const g of rs.groupCaps) {
    for (const id of g.criteria) {
      const c = byId.get(id);
      if (!c) out.push(issue("rules.unknown_criterion", ["groupCaps", g.id], `group cap ${g.id} names unknown criterion ${id}`, { id }));
    }
    if (new Set(g.criteria.map((id) => byId.get(id)?.group)).size > 1) out.push(issue("rules.group_mismatch", ["groupCaps", g.id], `group cap ${g.id} mixes subject groups`));
  }
  lintClassesAndAwards(rs, facts, byId, cite, out);
  rs.deferrals.forEach((d, i) => {
    cite(d.ref?.source, ["awards", "deferrals", i, "ref"]);
    checkTree(d.when, facts, d.groups, ["awards", "deferrals", d.id, "when"], out);
  });
  duplicates("deferral", rs.deferrals, (i) => ["awards", "deferrals", i, "id"], out);
  lintLawBasis(rs, out);
  lintScheme(rs, facts, out); // groups, formulas, classes by points, dated values, placeholders, ranking, regulation
  out.push(...lintIntegrity(rs));
  return out;
}

/** What the lints of one criterion read of the whole rule set. */
interface CriterionLintContext {
  readonly facts: ReadonlyMap<string, Fact>;
  readonly groupsWithFacts: ReadonlySet<string>;
  readonly cite: (src: string | undefined, at: Path) => void;
}

/** The lints of one criterion: its scoring style, its conditions, tiers, per-unit counts and adjustments. */
function lintCriterion(c: RuleSet["criteria"][number], { facts, groupsWithFacts, cite }: CriterionLintContext, out: Issue[]): void {
  const at: Path = [c.file, c.id];
  cite(c.citation.source, [...at, "citation", "source"]);
  if (!groupsWithFacts.has(c.group)) out.push(issue("rules.group_without_facts", at, `no fact of the catalog applies to group ${c.group}`, { group: c.group }));
  const styles = [c.conditions, c.tiers, c.perUnit].filter((x) => x !== undefined).length;
  if (styles !== 1) out.push(issue("rules.schema", at, `criterion ${c.id} needs exactly one of conditions, tiers, perUnit (has ${styles})`, { id: c.id }));
  if (c.knockout && !c.conditions) out.push(issue("rules.schema", at, `knock-out ${c.id} must use conditions`, { id: c.id }));
  for (const r of conditionRoots(c)) checkTree(r.cond, facts, [c.group], [...at, ...r.path], out);
  c.tiers?.forEach((t, i) => {
    if (t.points > c.maxPoints) out.push(issue("rules.tier_points_exceed_max", [...at, "tiers", i, "points"], `tier worth ${t.points} exceeds maxPoints ${c.maxPoints}`, { id: c.id, points: t.points, maxPoints: c.maxPoints }));
    const prev = c.tiers![i - 1];
    if (prev && prev.points <= t.points) out.push(issue("rules.tier_order", [...at, "tiers", i], `tiers must be listed from highest to lowest points`, { id: c.id }, "warning"));
  });
  lintPerUnits(c, facts, cite, out);
  for (const a of [...(c.bonus ?? []), ...(c.deductions ?? [])]) {
    if ((a.conditions === undefined) === (a.perUnit === undefined) || (a.conditions !== undefined && a.points === undefined)) {
      out.push(issue("rules.schema", [...at, a.id], `adjustment ${a.id} needs conditions + points, or perUnit`, { id: a.id }));
    }
  }
  duplicates("adjustment", [...(c.bonus ?? []), ...(c.deductions ?? [])], (i) => [...at, "adjustments", i], out);
}

/** Per-unit counts (of the criterion and of its adjustments): an integer or number fact of the group, a cap within the maximum. */
function lintPerUnits(c: RuleSet["criteria"][number], facts: ReadonlyMap<string, Fact>, cite: CriterionLintContext["cite"], out: Issue[]): void {
  const at: Path = [c.file, c.id];
  const units = [{ pu: c.perUnit, at: [...at, "perUnit"], max: c.maxPoints }, ...[...(c.bonus ?? []), ...(c.deductions ?? [])].map((a) => ({ pu: a.perUnit, at: [...at, a.id], max: a.cap }))];
  for (const u of units) {
    if (!u.pu) continue;
    const f = facts.get(u.pu.fact);
    const spec = f ? leafSpec(f, u.pu.path) : `unknown fact ${u.pu.fact}`;
    if (typeof spec === "string") out.push(issue(f ? "rules.bad_path" : "rules.unknown_fact", [...u.at, "fact"], spec, { fact: u.pu.fact }));
    else if (!["integer", "number"].includes(spec.type)) out.push(issue("rules.value_type", [...u.at, "fact"], `per-unit points need an integer or number fact, ${u.pu.fact} is ${spec.type}`, { fact: u.pu.fact }));
    if (f && !f.groups.includes(c.group)) out.push(issue("rules.fact_not_in_group", [...u.at, "fact"], `fact ${f.id} does not apply to group ${c.group}`, { fact: f.id, group: c.group }));
    if (u.pu.cap !== undefined && u.pu.cap > u.max) out.push(issue("rules.cap_exceeds_max", [...u.at, "cap"], `per-unit cap ${u.pu.cap} exceeds ${u.max}`, { id: c.id }));
    cite(u.pu.ref?.source, [...u.at, "ref"]);
  }
}

function lintClassesAndAwards(
  rs: RuleSet,
  facts: ReadonlyMap<string, Fact>,
  byId: ReadonlyMap<string, RuleSet["criteria"][number]>,
  cite: (src: string | undefined, at: Path) => void,
  out: Issue[],
): void {
  const classes = new Map(rs.classes.map((c) => [c.id, c]));
  cite(rs.classesCitation.source, ["classes", "citation"]);
  for (const k of rs.classes) {
    for (const r of k.requires ?? []) {
      if (!byId.has(r.criterion)) out.push(issue("rules.unknown_criterion", ["classes", k.id, "requires"], `class ${k.id} requires unknown criterion ${r.criterion}`, { id: r.criterion }));
    }
  }
  const awards = new Set(rs.awards.map((a) => a.id));
  const groupsWithCriteria = new Set(rs.criteria.map((c) => c.group));
  const known = (id: string, at: Path) => {
    if (!awards.has(id)) out.push(issue("rules.unknown_award", at, `unknown award ${id}`, { id }));
  };
  for (const a of rs.awards) {
    const at: Path = ["awards", a.id];
    cite(a.citation.source, [...at, "citation"]);
    const e = a.eligibility;
    if (e.minClass !== undefined && !classes.has(e.minClass)) out.push(issue("rules.unknown_class", [...at, "eligibility", "minClass"], `unknown class ${e.minClass}`, { id: e.minClass }));
    for (const cid of e.criteria ?? []) {
      const c = byId.get(cid);
      if (!c) out.push(issue("rules.unknown_criterion", [...at, "eligibility", "criteria"], `unknown criterion ${cid}`, { id: cid }));
      else if (!a.groups.includes(c.group)) out.push(issue("rules.unreachable_award", [...at, "eligibility", "criteria"], `award ${a.id} requires ${cid} of group ${c.group}, which the award's groups never have`, { id: a.id }));
    }
    const needsScore = e.minClass !== undefined || e.minPercent !== undefined;
    const scoreless = a.groups.filter((g) => !groupsWithCriteria.has(g));
    if (needsScore && scoreless.length) out.push(issue("rules.unreachable_award", [...at, "eligibility"], `award ${a.id} needs a score but group ${scoreless.join(", ")} has no criteria`, { id: a.id }));
    const k = e.minClass !== undefined ? classes.get(e.minClass) : undefined;
    if ((e.minPercent ?? 0) > 100 || (k?.minPercent ?? 0) > 100) out.push(issue("rules.unreachable_award", [...at, "eligibility"], `award ${a.id} needs more than 100%`, { id: a.id }));
    if (e.conditions) {
      const before = out.length;
      walkCondition(e.conditions, (leaf, p) => out.push(...checkLeaf(leaf, facts, [], [...at, "eligibility", "conditions", ...p])));
      walkCondition(e.conditions, (leaf, p) => {
        const f = facts.get(leaf.fact);
        if (f && !a.groups.some((g) => f.groups.includes(g))) out.push(issue("rules.unreachable_award", [...at, "eligibility", "conditions", ...p], `award ${a.id} reads ${f.id}, which no group of the award has`, { id: a.id }));
      });
      if (out.length > before) continue;
      if (unsatisfiable(e.conditions, facts)) out.push(issue("rules.unreachable_award", [...at, "eligibility", "conditions"], `award ${a.id}: a required condition can never hold for any valid profile`, { id: a.id }));
    }
    a.requiresThisYear?.forEach((id) => known(id, [...at, "requiresThisYear"]));
    a.history?.forEach((h, i) => ("awards" in h ? h.awards : []).forEach((id) => known(id, [...at, "history", i])));
    if (a.quota && a.quota.of !== "cohort") known(a.quota.of, [...at, "quota", "of"]);
  }
}

/** True when a leaf reached through `all`s only can never hold given the fact's declared range or values. */
function unsatisfiable(cond: Condition, facts: ReadonlyMap<string, Fact>): boolean {
  if ("all" in cond) return cond.all.some((c) => unsatisfiable(c, facts));
  if ("any" in cond) return cond.any.every((c) => unsatisfiable(c, facts));
  if ("not" in cond) return false;
  const f = facts.get(cond.fact);
  if (!f || cond.path !== undefined || typeof cond.value !== "number") return false;
  const max = f.type === "ratio" ? Math.min(f.max ?? 1, 1) : f.max;
  const min = f.type === "ratio" ? Math.max(f.min ?? 0, 0) : f.min;
  const v = cond.value;
  switch (cond.operator) {
    case "greaterThan":
      return max !== undefined && v >= max;
    case "greaterThanInclusive":
      return max !== undefined && v > max;
    case "lessThan":
      return min !== undefined && v <= min;
    case "lessThanInclusive":
      return min !== undefined && v < min;
    default:
      return false;
  }
}

/**
 * How far a citation's provision was checked: the source's own standing first (a repealed or
 * unconfirmed text), then the status its manifest records for the exact section cited.
 * `unlisted`: the manifest does not record the section; `noSection`: the citation names no section.
 */
export type CitationStanding =
  | { readonly kind: "repealed" | "sourceUnconfirmed" | "noSection" | "unlisted" | "unknownSource" }
  | { readonly kind: ProvisionJson["status"]; readonly provision: ProvisionJson };

export function citationStanding(sources: RuleSet["sources"], c: Pick<CitationJson, "source" | "section">): CitationStanding {
  const src = sources.find((s) => s.id === c.source);
  if (!src) return { kind: "unknownSource" };
  if (src.status === "repealed") return { kind: "repealed" };
  if (src.status === "unconfirmed") return { kind: "sourceUnconfirmed" };
  if (c.section === undefined) return { kind: "noSection" };
  const provision = src.provisions?.find((p) => p.section === c.section);
  return provision ? { kind: provision.status, provision } : { kind: "unlisted" };
}

/** What stands between a citation and a checked provision (see {@link citationDoubt}). */
export type CitationDoubt = "secondary" | "unconfirmed" | "unlisted" | "noSection" | "repealed" | "sourceUnconfirmed";

/**
 * The doubt a citation carries, to be printed beside it: none for a confirmed provision or an
 * unknown source (the lint reports that), nor for a news report or a committee's own regulation
 * cited as a whole; otherwise whether it was checked only through a secondary source, not checked, not
 * identified, or rests on a repealed or unchecked text.
 */
export function citationDoubt(sources: RuleSet["sources"], c: Pick<CitationJson, "source" | "section">): CitationDoubt | null {
  const s = citationStanding(sources, c);
  if (s.kind === "confirmed" || s.kind === "unknownSource") return null;
  // a news report is its own source; a committee's own regulation may be cited as a whole
  const kind = sources.find((x) => x.id === c.source)?.kind;
  if ((kind === "news" || kind === "regulation") && (s.kind === "unlisted" || s.kind === "noSection")) return null;
  return s.kind;
}

/**
 * A value is `law` only on a provision the manifest records as checked (`confirmed`, or `secondary`:
 * a public copy): never on an unconfirmed or unlisted section, a citation without a section, or a
 * repealed or unconfirmed source (`rules.law_unconfirmed`).
 */
function lintLawBasis(rs: RuleSet, out: Issue[]): void {
  for (const { at, ref } of lawClaims(rs)) {
    const standing = ref ? citationStanding(rs.sources, ref).kind : "noCitation";
    if (standing === "confirmed" || standing === "secondary" || standing === "unknownSource") continue;
    const where = ref ? `${ref.source}${ref.section ? `, ${ref.section}` : ""}` : "no citation";
    out.push(
      issue("rules.law_unconfirmed", at, `basis "law" rests on ${where}, which is ${standing}: cite a provision the manifest records as confirmed, or mark the value policy-default with its reason`, {
        source: ref?.source ?? "",
        section: ref?.section ?? "",
        standing,
      }),
    );
  }
}
