import { compileAwardPath, referenceAwardPath, type AwardPath } from "../awards/index.js";
import { invalidArgument } from "../errors/index.js";
import { createProfileValidator, type ProfileValidator } from "../profiles/index.js";
import type { RuleSet } from "../rules/index.js";
import { compileScorer, scoreProfile, type Scorer } from "../scoring/index.js";

/** Identifies the rule set a result was computed with: id, version and digest (`RuleSet.sha256`). */
export interface RuleSetRef {
  readonly id: string;
  readonly version: string;
  readonly sha256: string;
}

/**
 * Which implementation decides: `compiled` (the default: compiled conditions over dense rows) or
 * `reference` (the plain interpreter, the specification). Both give the same results as data; a
 * property test holds them equal.
 */
export type Implementation = "compiled" | "reference";

/** What an engine is made of, built once by `createEngine`: the rule set, the validator, the scorer and the award pass's conditions and checks. */
export interface EngineCore {
  readonly ruleset: RuleSet;
  readonly ref: RuleSetRef;
  readonly validator: ProfileValidator;
  readonly score: Scorer;
  readonly awards: AwardPath;
}

/** A rule set as `loadRuleSet` gives it, at least in shape (plain JavaScript can pass anything). */
function requireRuleSet(rs: unknown): void {
  const r = rs as Partial<RuleSet> | null;
  const shaped = r !== null && typeof r === "object" && typeof r.id === "string" && [r.facts, r.criteria, r.awards, r.classes].every(Array.isArray) && typeof r.manifest === "object";
  if (!shaped) throw invalidArgument("createEngine(ruleset)", "a rule set loaded by loadRuleSet or loadRuleSetFromFiles", rs);
}

export function createCore(ruleset: RuleSet, implementation: Implementation): EngineCore {
  requireRuleSet(ruleset);
  const compiled = implementation === "compiled";
  return {
    ruleset,
    ref: Object.freeze({ id: ruleset.id, version: ruleset.version, sha256: ruleset.sha256 }),
    validator: createProfileValidator(ruleset),
    score: compiled ? compileScorer(ruleset) : (p, opts) => scoreProfile(ruleset, p, opts),
    awards: compiled ? compileAwardPath(ruleset) : referenceAwardPath(ruleset),
  };
}
