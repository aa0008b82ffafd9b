import { compileNode, evaluateCondition, F, T, traceCondition, traceLeaves, type LeafTrace, type Node, type ReaderFactory, type Truth } from "../evaluation/index.js";
import type { Award, RuleSet } from "../rules/index.js";
import { ROW } from "../profiles/index.js";
import { factReader, rowReader, type ScoredUnit } from "../scoring/index.js";
import type { AwardCheck, AwardConditions } from "./checks/index.js";

type ConditionsCheck = Extract<AwardCheck, { kind: "conditions" }>;

/** Facts that cannot improve (`better: "none"`): a person's category, sex, an organisation's kind. */
const fixedFacts = (rs: RuleSet): ReadonlySet<string> => new Set(rs.facts.filter((f) => f.better === "none").map((f) => f.id));

/** The leaves of an award's conditions that do not hold for a unit, from the reference interpreter's trace. */
const unmetLeaves = (award: Award, unit: ScoredUnit): LeafTrace[] =>
  traceLeaves(traceCondition(award.eligibility.conditions!, factReader(unit.profile))).filter((l) => l.result !== true);

/** Award conditions and deferrals through the reference interpreter: the specification. */
export function referenceAwardConditions(rs: RuleSet): AwardConditions {
  const fixed = fixedFacts(rs);
  return {
    check(award, unit) {
      const read = factReader(unit.profile);
      const result = evaluateCondition(award.eligibility.conditions!, read);
      const fixedBar = result === false && evaluateCondition(award.eligibility.conditions!, (id) => (fixed.has(id) ? read(id) : undefined)) === false;
      return { kind: "conditions", result, unmet: result === true ? [] : unmetLeaves(award, unit), fixedBar };
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
 * closures in dictionary mode, and WeakMap entries are costly for the garbage collector).
 */
class LazyConditionsCheck {
  readonly kind = "conditions";
  readonly result: Truth;
  declare readonly unmet: readonly LeafTrace[];
  readonly fixedBar: boolean;
  #award: Award;
  #unit: ScoredUnit;
  #unmet: LeafTrace[] | undefined;
  static readonly #unmetProperty: PropertyDescriptor = {
    enumerable: true,
    get(this: LazyConditionsCheck) {
      return (this.#unmet ??= unmetLeaves(this.#award, this.#unit));
    },
  };
  constructor(award: Award, unit: ScoredUnit, result: Truth, fixedBar: boolean) {
    this.result = result;
    Object.defineProperty(this, "unmet", LazyConditionsCheck.#unmetProperty);
    this.fixedBar = fixedBar;
    this.#award = award;
    this.#unit = unit;
  }
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
  const compiled = new Map<Award, { verdict: Node<readonly unknown[]>; fixedOnly: Node<readonly unknown[]> }>();
  for (const a of rs.awards) {
    const cond = a.eligibility.conditions;
    if (cond) compiled.set(a, { verdict: compileNode(cond, reader(false), []), fixedOnly: compileNode(cond, reader(true), []) });
  }
  const readerOf = rowReader(slots);
  const deferrals = new Map(rs.deferrals.map((d) => [d.id, compileNode(d.when, reader(false), [])]));
  const met: ConditionsCheck = Object.freeze({ kind: "conditions", result: true, unmet: Object.freeze([]), fixedBar: false });
  return {
    deferral: (d, unit) => truth(deferrals.get(d.id)!(unit.profile[ROW])),
    reader: (unit) => readerOf(unit.profile),
    check(award, unit) {
      const c = compiled.get(award)!;
      const result = truth(c.verdict(unit.profile[ROW]));
      if (result === true) return met;
      return new LazyConditionsCheck(award, unit, result, result === false && c.fixedOnly(unit.profile[ROW]) === F);
    },
  };
}
