import type { Issue, RuleSet } from "../index.js";
import { loadRuleSet as loadRuleset } from "../node/index.js";

/** A problem with the command line or the rule set (exit code 2), with the issues behind it. */
export class UsageError extends Error {
  constructor(message: string, readonly issues: readonly Issue[] = []) {
    super(message);
    this.name = "UsageError";
  }
}

/** Loads a rule set by directory or bundled id, or throws a UsageError with its issues. */
export function loadRulesOrThrow(rules: string, allowModified = false): RuleSet {
  const r = loadRuleset(rules, { allowModified });
  if (!r.ok) throw new UsageError(`cannot load rule set ${rules}`, r.issues);
  return r.value;
}
