import { parsePath, conditionRoots, walkCondition, factsById, inputFacts, type ClassDef, type Criterion, type Fact, type Group, type Localized, type PathSegment, type RuleSet } from "../rules/index.js";
import { toPercent, toPoints, type Percent, type Points } from "./points.js";

/** A fact a criterion reads (and the field of an object fact, when it reads one through a path). */
export interface FactRead {
  readonly fact: string;
  /** Position of the fact in the catalog: missing facts are listed in catalog order. */
  readonly order: number;
  readonly path?: readonly PathSegment[];
}

/** A class as scoring tries it: its threshold (a percentage or points) and the criteria it requires, by position in the group. */
export interface ClassRule {
  readonly def: ClassDef;
  readonly classification: { readonly id: string; readonly title: Localized };
  /** The minimum percentage, for a class by percent. */
  readonly minPercent?: Percent;
  /** The minimum score, for a class by points. */
  readonly minPoints?: Points;
  readonly noKnockout: boolean;
  readonly requires: readonly { readonly index: number; readonly minPoints: Points }[];
}

/** What scoring needs to know of one subject group's rules, derived from the rule set alone. */
export interface GroupRules {
  readonly group: Group;
  /** The group's criteria in file order. */
  readonly criteria: readonly Criterion[];
  readonly reads: readonly (readonly FactRead[])[];
  /** Each criterion's maximum, and its highest bonus (the sum of its bonus caps). */
  readonly max: readonly Points[];
  readonly maxBonus: readonly Points[];
  readonly caps: readonly { readonly id: string; readonly members: readonly number[]; readonly cap: Points }[];
  /** For each emulation content 1–6 the group's criteria serve, their positions. */
  readonly contents: readonly { readonly content: number; readonly members: readonly number[] }[];
  /** Classes from the highest rank down (the order they are tried in), the unscored class left out. */
  readonly classes: readonly ClassRule[];
  /** The class of a unit of which nothing is known (`unscored: true`), if the rule set has one. */
  readonly unscored?: ClassRule;
  /** The input facts (derived facts replaced by what they are computed from) the group's criteria read: none known, the unit is unscored. */
  readonly inputs: readonly string[];
  /** The derived facts of the group, in catalog order (traced in results with traces). */
  readonly derived: readonly Fact[];
  /** Each fact's position in the catalog (missing facts are listed in catalog order). */
  readonly order: ReadonlyMap<string, number>;
}

/** The input facts the criteria read, each once, derived facts replaced by the facts they rest on. */
function inputsOf(rs: RuleSet, reads: readonly (readonly FactRead[])[]): string[] {
  const byId = factsById(rs);
  const out = new Set<string>();
  for (const list of reads) for (const r of list) for (const f of inputFacts(r.fact, byId)) out.add(f);
  return [...out];
}

/** Every fact a criterion reads, in catalog order, each once (a fact read with and without a path: the plain read). */
export function factsRead(c: Criterion, order: ReadonlyMap<string, number>): FactRead[] {
  const out = new Map<string, FactRead>();
  const add = (fact: string, path: string | undefined) => {
    const at = order.get(fact);
    if (at === undefined) return;
    const p = path === undefined ? undefined : parsePath(path);
    const read: FactRead = p?.ok ? { fact, order: at, path: p.segments } : { fact, order: at };
    const key = `${fact}${path === undefined ? "" : `\u0000${path}`}`;
    if (!out.has(key)) out.set(key, read);
  };
  for (const r of conditionRoots(c)) {
    walkCondition(r.cond, (leaf) => {
      add(leaf.fact, leaf.path);
      const v = leaf.value;
      if (v !== null && typeof v === "object" && !Array.isArray(v)) add(v.fact, v.path);
    });
  }
  for (const pu of [c.perUnit, ...(c.bonus ?? []).map((a) => a.perUnit), ...(c.deductions ?? []).map((a) => a.perUnit)]) if (pu) add(pu.fact, pu.path);
  return [...out.values()].sort((a, b) => a.order - b.order);
}

function classRule(k: ClassDef, index: ReadonlyMap<string, number>): ClassRule {
  return {
    def: k,
    classification: Object.freeze({ id: k.id, title: k.title }),
    ...(k.minPoints !== undefined ? { minPoints: toPoints(k.minPoints) } : { minPercent: toPercent(k.minPercent ?? 0) }),
    noKnockout: k.noKnockout === true,
    // a requirement binds only where its criterion exists in the group
    requires: (k.requires ?? []).flatMap((r) => (index.has(r.criterion) ? [{ index: index.get(r.criterion)!, minPoints: toPoints(r.minPoints) }] : [])),
  };
}

/** The rules of one subject group: its criteria, the facts each reads, group caps, contents and classes. */
export function groupRules(rs: RuleSet, group: Group): GroupRules {
  const criteria = rs.criteria.filter((c) => c.group === group);
  const index = new Map(criteria.map((c, i) => [c.id, i]));
  const order = new Map(rs.facts.map((f, i) => [f.id, i]));
  const caps = rs.groupCaps
    .filter((g) => rs.criteria.find((c) => c.id === g.criteria[0])?.group === group)
    .map((g) => ({ id: g.id, members: g.criteria.flatMap((id) => (index.has(id) ? [index.get(id)!] : [])), cap: toPoints(g.maxPoints) }));
  const contents = [1, 2, 3, 4, 5, 6]
    .map((content) => ({ content, members: criteria.flatMap((c, i) => (c.contents?.includes(content) ? [i] : [])) }))
    .filter((x) => x.members.length > 0);
  const classes = [...rs.classes].sort((a, b) => b.rank - a.rank).map((k) => classRule(k, index));
  const unscored = classes.find((k) => k.def.unscored);
  const maxBonus = criteria.map((c) => (c.bonus ?? []).reduce((s, a) => s + toPoints(a.cap), 0) as Points);
  const reads = criteria.map((c) => factsRead(c, order));
  const derived = rs.facts.filter((f) => f.formula !== undefined && f.groups.includes(group));
  return { group, criteria, reads, inputs: inputsOf(rs, reads), derived, order, max: criteria.map((c) => toPoints(c.maxPoints)), maxBonus, caps, contents, classes: classes.filter((k) => !k.def.unscored), ...(unscored && { unscored }) };
}
