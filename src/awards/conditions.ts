import { compileNode, evaluateCondition, F, T, type Node, type ReaderFactory, type Truth } from "../evaluation/index.js";
import type { Award, RuleSet } from "../rules/index.js";
import { factReader, type ScoredUnit } from "../scoring/index.js";
import type { AwardConditions } from "./checks/index.js";

/** Facts that cannot improve (`better: "none"`): a person's category, sex, an organisation's kind. */
const fixedFacts = (rs: RuleSet): ReadonlySet<string> => new Set(rs.facts.filter((f) => f.better === "none").map((f) => f.id));

/** Award conditions through the reference interpreter: the specification. */
export function referenceAwardConditions(rs: RuleSet): AwardConditions {
  const fixed = fixedFacts(rs);
  return {
    verdict: (award, unit) => evaluateCondition(award.eligibility.conditions!, factReader(unit.profile)),
    fixedOnly: (award, unit) => {
      const read = factReader(unit.profile);
      return evaluateCondition(award.eligibility.conditions!, (id) => (fixed.has(id) ? read(id) : undefined));
    },
  };
}

const truth = (t: number): Truth => (t === T ? true : t === F ? false : "unknown");

/** Award conditions compiled over the profiles' dense rows, once per engine; the same verdicts (a property test checks). */
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
  return {
    verdict: (award, unit) => truth(compiled.get(award)!.verdict(unit.profile.row)),
    fixedOnly: (award, unit) => truth(compiled.get(award)!.fixedOnly(unit.profile.row)),
  };
}
