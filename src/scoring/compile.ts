import { issue, ThiduaError, type Issue } from "../errors/index.js";
import { compileNode, getterOfPath, pathGetter, type Node, type ReaderFactory } from "../evaluation/index.js";
import { conditionRoots, parsePath, walkCondition, type Criterion, type Group, type RuleSet } from "../rules/index.js";
import { toUnits } from "./decimal.js";

export type Row = readonly unknown[];

export interface CompiledPerUnit {
  readonly slot: number;
  readonly get: (v: unknown) => unknown;
  /** Points per unit, in hundredths. */
  readonly ppu: number;
  /** Cap, in hundredths. */
  readonly cap: number;
}
export interface CompiledAdjustment {
  readonly id: string;
  readonly node?: Node<Row>;
  readonly points: number;
  readonly perUnit?: CompiledPerUnit;
  readonly cap: number;
}
export interface CompiledCriterion {
  readonly def: Criterion;
  readonly applies?: Node<Row>;
  readonly kind: "conditions" | "tiers" | "perUnit";
  readonly node?: Node<Row>;
  /** Tiers from the most points to the fewest (stable), each with its index in the rule file. */
  readonly tiers?: readonly { readonly points: number; readonly node: Node<Row>; readonly index: number }[];
  readonly perUnit?: CompiledPerUnit;
  readonly bonus: readonly CompiledAdjustment[];
  readonly deductions: readonly CompiledAdjustment[];
  readonly max: number;
  readonly maxBonus: number;
  readonly floor: number;
  readonly knockout: boolean;
  /** Slots of every fact the criterion reads, to list missing evidence. */
  readonly slots: readonly number[];
  /** Object facts read through a path: missing when the field is absent although the fact is given. */
  readonly pathReads: readonly { readonly slot: number; readonly get: (v: unknown) => unknown }[];
}
export interface CompiledGroup {
  readonly group: Group;
  readonly criteria: readonly CompiledCriterion[];
  readonly caps: readonly { readonly id: string; readonly members: readonly number[]; readonly cap: number }[];
  /** Position of each criterion id in `criteria`. */
  readonly index: ReadonlyMap<string, number>;
  /** For each emulation content 1–6 the group's criteria serve, the positions of those criteria. */
  readonly contents: readonly { readonly content: number; readonly members: readonly number[] }[];
}

/** A compiled group from its criteria, with the tables derived from them. */
export function compiledGroup(group: Group, criteria: readonly CompiledCriterion[], caps: CompiledGroup["caps"] = []): CompiledGroup {
  const contents = [1, 2, 3, 4, 5, 6]
    .map((content) => ({ content, members: criteria.flatMap((x, i) => (x.def.contents.includes(content) ? [i] : [])) }))
    .filter((x) => x.members.length > 0);
  return { group, criteria, caps, index: new Map(criteria.map((c, i) => [c.def.id, i])), contents };
}
export interface CompiledRuleSet {
  readonly ruleset: RuleSet;
  readonly slots: ReadonlyMap<string, number>;
  readonly groups: ReadonlyMap<Group, CompiledGroup>;
}

/**
 * Compiles a rule set once: fact ids resolve to row slots, paths to getters, conditions to Kleene
 * closures, points to integer hundredths. The result is reused for every profile.
 */
export function compileRuleset(rs: RuleSet): CompiledRuleSet {
  const slots = new Map(rs.facts.map((f, i) => [f.id, i]));
  const reader: ReaderFactory<Row> = (id) => {
    const s = slots.get(id);
    return s === undefined ? () => undefined : Object.assign((row: Row) => row[s], { slot: s });
  };
  const issues: Issue[] = [];
  const byGroup = new Map<Group, CompiledCriterion[]>();
  for (const c of rs.criteria) byGroup.set(c.group, [...(byGroup.get(c.group) ?? []), compileCriterion(c, reader, slots, issues)]);
  const caps = new Map<Group, CompiledGroup["caps"][number][]>();
  for (const cap of rs.groupCaps) {
    const group = rs.criteria.find((c) => c.id === cap.criteria[0])?.group;
    const criteria = group && byGroup.get(group);
    if (!group || !criteria) continue;
    const members = cap.criteria.map((id) => criteria.findIndex((c) => c.def.id === id)).filter((i) => i >= 0);
    caps.set(group, [...(caps.get(group) ?? []), { id: cap.id, members, cap: toUnits(cap.maxPoints) }]);
  }
  const groups = new Map<Group, CompiledGroup>([...byGroup].map(([g, criteria]) => [g, compiledGroup(g, criteria, caps.get(g))]));
  if (issues.length) throw new ThiduaError("rule set does not compile", issues);
  const maxTotal = [...groups.values()].reduce((s, g) => s + g.criteria.reduce((t, c) => t + c.max + c.maxBonus, 0), 0);
  if (!Number.isSafeInteger(maxTotal)) throw new ThiduaError("points exceed the safe integer range", [issue("rules.points_unit", [], "sum of maximum points is not a safe integer")]);
  return { ruleset: rs, slots, groups };
}

function compilePerUnit(pu: NonNullable<Criterion["perUnit"]>, slots: ReadonlyMap<string, number>, fallbackCap: number): CompiledPerUnit {
  return {
    slot: slots.get(pu.fact) ?? -1,
    get: getterOfPath(pu.path),
    ppu: toUnits(pu.pointsPerUnit),
    cap: pu.cap !== undefined ? toUnits(pu.cap) : fallbackCap,
  };
}

function compileCriterion(c: Criterion, reader: ReaderFactory<Row>, slots: ReadonlyMap<string, number>, issues: Issue[]): CompiledCriterion {
  const at = [c.file, c.id];
  const node = (cond: Parameters<typeof compileNode>[0], p: (string | number)[]) => compileNode(cond, reader, issues, [...at, ...p]);
  const max = toUnits(c.maxPoints);
  const adj = (list: Criterion["bonus"], key: string): CompiledAdjustment[] =>
    (list ?? []).map((a, i) => ({
      id: a.id,
      node: a.conditions && node(a.conditions, [key, i, "conditions"]),
      points: toUnits(a.points ?? 0),
      perUnit: a.perUnit && compilePerUnit(a.perUnit, slots, toUnits(a.cap)),
      cap: toUnits(a.cap),
    }));
  const used = new Set<number>();
  const pathReads: { slot: number; get: (v: unknown) => unknown }[] = [];
  const addPath = (fact: string, path: string | undefined) => {
    const slot = slots.get(fact);
    const p = path !== undefined ? parsePath(path) : undefined;
    if (slot !== undefined && p?.ok) pathReads.push({ slot, get: pathGetter(p.segments) });
  };
  for (const r of conditionRoots(c)) {
    walkCondition(r.cond, (leaf) => {
      used.add(slots.get(leaf.fact) ?? -1);
      addPath(leaf.fact, leaf.path);
    });
  }
  for (const pu of [c.perUnit, ...(c.bonus ?? []).map((a) => a.perUnit), ...(c.deductions ?? []).map((a) => a.perUnit)]) {
    if (pu) {
      used.add(slots.get(pu.fact) ?? -1);
      addPath(pu.fact, pu.path);
    }
  }
  used.delete(-1);
  // compiled in the order compile issues are reported: bonus, appliesWhen, deductions, then the points
  const bonus = adj(c.bonus, "bonus");
  const applies = c.appliesWhen && node(c.appliesWhen, ["appliesWhen"]);
  const deductions = adj(c.deductions, "deductions");
  const kind = c.tiers ? "tiers" : c.perUnit ? "perUnit" : "conditions";
  const tiers = c.tiers?.map((t, i) => ({ points: toUnits(t.points), node: node(t.conditions, ["tiers", i, "conditions"]), index: i }));
  // every compiled criterion has every key, in one order: the hot path reads them through one hidden class
  return {
    def: c,
    applies,
    kind,
    node: kind === "conditions" ? node(c.conditions ?? { all: [] }, ["conditions"]) : undefined,
    tiers: tiers?.sort((a, b) => b.points - a.points || a.index - b.index),
    perUnit: kind === "perUnit" ? compilePerUnit(c.perUnit!, slots, max) : undefined,
    bonus,
    deductions,
    max,
    maxBonus: bonus.reduce((s, b) => s + b.cap, 0),
    floor: toUnits(c.floor ?? 0),
    knockout: c.knockout === true,
    slots: [...used].sort((a, b) => a - b),
    pathReads,
  };
}
