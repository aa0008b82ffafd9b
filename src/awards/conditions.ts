import { compileNode, evaluateCondition, F, isFactValue, T, traceCondition, traceLeaves, type LeafTrace, type Node, type ReaderFactory, type Truth } from "../evaluation/index.js";
import { factsById, ownValue, walkCondition, type Award, type Condition, type Fact, type RuleSet } from "../rules/index.js";
import { ROW } from "../profiles/index.js";
import { factReader, rowReader, type ScoredUnit } from "../scoring/index.js";
import type { AwardCheck, AwardConditions } from "./checks/index.js";
import { SHARED_CHECKS } from "./checks/shared.js";

type ConditionsCheck = Extract<AwardCheck, { kind: "conditions" }>;
/** What the unmet leaves are traced on: a profile's facts, read only when they are (a valid profile builds its `facts` object on first read). */
type WithFacts = { readonly facts: Readonly<Record<string, unknown>> };

/** Facts that cannot improve (`better: "none"`): a person's category, sex, an organisation's kind. */
const fixedFacts = (rs: RuleSet): ReadonlySet<string> => new Set(rs.facts.filter((f) => f.better === "none").map((f) => f.id));

/** The leaves of an award's conditions that do not hold for a unit's facts, from the reference interpreter's trace. */
const unmetLeaves = (award: Award, facts: Readonly<Record<string, unknown>>): LeafTrace[] =>
  traceLeaves(traceCondition(award.eligibility.conditions!, (id) => ownValue(facts, id))).filter((l) => l.result !== true);

/** Award conditions and deferrals through the reference interpreter: the specification. */
export function referenceAwardConditions(rs: RuleSet): AwardConditions {
  const fixed = fixedFacts(rs);
  return {
    check(award, unit) {
      const read = factReader(unit.profile);
      const result = evaluateCondition(award.eligibility.conditions!, read);
      const fixedBar = result === false && evaluateCondition(award.eligibility.conditions!, (id) => (fixed.has(id) ? read(id) : undefined)) === false;
      return { kind: "conditions", result, unmet: result === true ? [] : unmetLeaves(award, unit.profile.facts), fixedBar };
    },
    deferral: (d, unit) => evaluateCondition(d.when, factReader(unit.profile)),
    reader: (unit) => factReader(unit.profile),
  };
}

const truth = (t: number): Truth => (t === T ? true : t === F ? false : "unknown");

/**
 * A conditions check that is not met, as the compiled path makes it: which leaves fail is traced by
 * the reference interpreter only when `unmet` is first read (most such checks are never shown).
 * `unmet` is an own enumerable accessor, so JSON and deep equality see an ordinary value; every such
 * check shares one accessor, reading private fields (a getter closure per object, or a WeakMap of
 * pending work, made the award pass about twice as slow: V8 keeps objects with their own getter
 * closures in dictionary mode, and WeakMap entries are costly for the garbage collector). A check
 * shared between units (frozen by its maker) gives its leaves frozen too.
 */
class LazyConditionsCheck {
  readonly kind = "conditions";
  readonly result: Truth;
  declare readonly unmet: readonly LeafTrace[];
  readonly fixedBar: boolean;
  #award: Award;
  #profile: WithFacts;
  #shared: boolean;
  #unmet: readonly LeafTrace[] | undefined;
  static readonly #unmetProperty: PropertyDescriptor = {
    enumerable: true,
    get(this: LazyConditionsCheck) {
      const leaves = () => unmetLeaves(this.#award, this.#profile.facts);
      return (this.#unmet ??= this.#shared ? Object.freeze(leaves().map((l) => Object.freeze(l))) : leaves());
    },
  };
  constructor(award: Award, profile: WithFacts, result: Truth, fixedBar: boolean, shared: boolean) {
    this.result = result;
    Object.defineProperty(this, "unmet", LazyConditionsCheck.#unmetProperty);
    this.fixedBar = fixedBar;
    this.#award = award;
    this.#profile = profile;
    this.#shared = shared;
  }
}

/** The values a fact can take when they form a small closed set: yes or no, or the values of a list; `undefined` stands for a fact not given. */
function closedValues(f: Fact | undefined): readonly unknown[] | undefined {
  if (f?.type === "boolean") return [true, false, undefined];
  if (f?.type === "enum" && f.values) return [...f.values, undefined];
  return undefined;
}

/** A fact an award's conditions read, its slot in the dense row and its closed set of values. */
interface ClosedFact {
  readonly id: string;
  readonly slot: number;
  readonly values: readonly unknown[];
}

/**
 * The facts a condition reads (its leaves' facts and the facts they are compared with), when each
 * takes its values from a closed set and no leaf reads into a fact by a path: their values then
 * decide the whole conditions check (its verdict, the leaves unmet and whether they are fixed).
 * Undefined otherwise, and when their combinations are too many for a number to stand for each exactly.
 */
function closedFactsOf(rs: RuleSet, cond: Condition, slots: ReadonlyMap<string, number>): readonly ClosedFact[] | undefined {
  const ids = new Set<string>();
  let paths = false;
  walkCondition(cond, (leaf) => {
    const other = isFactValue(leaf.value) ? leaf.value : undefined; // the fact it is compared with, as the tracer reads it
    ids.add(leaf.fact);
    if (other) ids.add(other.fact);
    if (leaf.path !== undefined || other?.path !== undefined) paths = true;
  });
  const byId = factsById(rs);
  const facts = [...ids].map((id) => ({ id, slot: slots.get(id), values: closedValues(byId.get(id)) }));
  if (paths || facts.some((f) => f.slot === undefined || f.values === undefined)) return undefined;
  const combinations = facts.reduce((n, f) => n * f.values!.length, 1);
  return combinations <= Number.MAX_SAFE_INTEGER ? (facts as ClosedFact[]) : undefined;
}

/** The number that stands for a row's values of closed facts (each value's place in its set, one digit each); -1 for a value outside its set. */
function closedKey(facts: readonly ClosedFact[], row: readonly unknown[]): number {
  let key = 0;
  for (const f of facts) {
    const i = f.values.indexOf(row[f.slot]);
    if (i < 0) return -1;
    key = key * f.values.length + i;
  }
  return key;
}

/** A row's values of closed facts, as the facts of a profile (the facts not given left out). */
function closedProfile(facts: readonly ClosedFact[], row: readonly unknown[]): WithFacts {
  const out: Record<string, unknown> = Object.create(null);
  for (const f of facts) if (row[f.slot] !== undefined) out[f.id] = row[f.slot];
  return Object.freeze({ facts: Object.freeze(out) });
}

/**
 * An award's conditions compiled over dense rows: their verdict, their verdict on facts that cannot
 * improve alone, and — when the facts they read take closed sets of values — those facts, and the
 * checks made so far, shared by the units with the same values (made once, from the first such
 * unit's values; at most {@link SHARED_CHECKS}, past them a check is made for the unit alone).
 */
interface CompiledConditions {
  readonly award: Award;
  readonly verdict: Node<readonly unknown[]>;
  readonly fixedOnly: Node<readonly unknown[]>;
  readonly closed: readonly ClosedFact[] | undefined;
  readonly shared: Map<number, ConditionsCheck>;
}

const MET: ConditionsCheck = Object.freeze({ kind: "conditions", result: true, unmet: Object.freeze([]), fixedBar: false });

/** The conditions check of a row (`profile`: whose facts the unmet leaves are traced on, when they are read; `shared`: the check will be shared, frozen). */
function checkOf(c: CompiledConditions, row: readonly unknown[], profile: WithFacts, shared = false): ConditionsCheck {
  const result = truth(c.verdict(row));
  return result === true ? MET : new LazyConditionsCheck(c.award, profile, result, result === false && c.fixedOnly(row) === F, shared);
}

/** The check of a unit whose conditions read closed facts alone: the one shared by every unit with the same values. */
function sharedCheck(c: CompiledConditions, closed: readonly ClosedFact[], unit: ScoredUnit): ConditionsCheck {
  const row = unit.profile[ROW];
  const key = closedKey(closed, row);
  if (key < 0) return checkOf(c, row, unit.profile);
  let check = c.shared.get(key);
  if (check !== undefined) return check;
  if (c.shared.size === SHARED_CHECKS) return checkOf(c, row, unit.profile);
  // the shared check keeps the values it was made from, not the unit
  c.shared.set(key, (check = Object.freeze(checkOf(c, row, closedProfile(closed, row), true))));
  return check;
}

/** Award conditions and deferrals compiled over the profiles' dense rows, once per engine; the same checks as data (a property test compares them). */
export function compileAwardConditions(rs: RuleSet): AwardConditions {
  const slots = new Map(rs.facts.map((f, i) => [f.id, i]));
  const fixed = fixedFacts(rs);
  const reader =
    (onlyFixed: boolean): ReaderFactory<readonly unknown[]> =>
    (id) => {
      const s = slots.get(id);
      if (s === undefined || (onlyFixed && !fixed.has(id))) return () => undefined;
      return Object.assign((row: readonly unknown[]) => row[s], { slot: s });
    };
  const compiled = new Map<Award, CompiledConditions>();
  for (const award of rs.awards) {
    const cond = award.eligibility.conditions;
    if (cond) compiled.set(award, { award, verdict: compileNode(cond, reader(false), []), fixedOnly: compileNode(cond, reader(true), []), closed: closedFactsOf(rs, cond, slots), shared: new Map() });
  }
  const readerOf = rowReader(slots);
  const deferrals = new Map(rs.deferrals.map((d) => [d.id, compileNode(d.when, reader(false), [])]));
  return {
    deferral: (d, unit) => truth(deferrals.get(d.id)!(unit.profile[ROW])),
    reader: (unit) => readerOf(unit.profile),
    check(award, unit) {
      const c = compiled.get(award)!;
      return c.closed ? sharedCheck(c, c.closed, unit) : checkOf(c, unit.profile[ROW], unit.profile);
    },
  };
}
