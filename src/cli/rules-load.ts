import type { Issue, RuleSet } from "../index.js";
import { item, say, type AnyKey, type AnyParams, type CliItem } from "./messages/index.js";
import { loadRuleSet } from "../node/index.js";

/**
 * A problem with the command line or the rule set (exit code 2), with the issues behind it. With
 * `item`, the message people read is that catalog message in the run's language (`message` is then
 * its English text, for logs and `--debug`).
 */
export class UsageError extends Error {
  constructor(message: string, readonly issues: readonly Issue[] = [], readonly item?: CliItem) {
    super(message);
    this.name = "UsageError";
  }
}

/** A usage error worded by the catalog. */
export const usageError = <K extends AnyKey>(key: K, params: AnyParams[K]): UsageError => new UsageError(say("en", key, params), [], item(key, params));

/** Loads a rule set by directory or bundled id, or throws a UsageError with its issues. */
export function loadRulesOrThrow(rules: string, allowModified = false): RuleSet {
  const r = loadRuleSet(rules, { allowModified });
  if (!r.ok) throw new UsageError(say("en", "usage.rulesNotLoaded", { rules }), r.issues, item("usage.rulesNotLoaded", { rules }));
  return r.value;
}
