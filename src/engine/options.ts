import { issue, ThiduaError, type Issue } from "../errors/index.js";
import type { ValidProfile } from "../profiles/index.js";
import { isIsoDate, type RuleSet } from "../rules/index.js";

/** Options of `score`, `scoreMany`, `recommend` and `whatIf`. Pass `asOf` for reproducible runs. */
export interface RunOptions {
  /** ISO date the rule set is applied as of; default: 31 December of the profile's year. */
  readonly asOf?: string;
  /** Attach the interpreter's trace to each criterion. Default: true for `score`, false for batches. */
  readonly trace?: boolean;
}

export function checkAsOf(asOf: string | undefined): void {
  if (asOf !== undefined && !isIsoDate(asOf)) throw new ThiduaError(`asOf must be an ISO date YYYY-MM-DD, got ${JSON.stringify(asOf)}`);
}

/** The date a profile is scored as of: the option, or 31 December of its year. */
export const asOfFor = (p: ValidProfile, opts: RunOptions | undefined): string => opts?.asOf ?? `${p.year}-12-31`;

/** A rule set applies only within its period: a profile scored outside it is rejected, never silently scored. */
export function periodIssue(rs: RuleSet, p: ValidProfile, opts: RunOptions | undefined): Issue | undefined {
  const { effectiveFrom, effectiveTo } = rs.manifest;
  const at = asOfFor(p, opts);
  if (at >= effectiveFrom && (effectiveTo === undefined || at <= effectiveTo)) return undefined;
  const period = `${effectiveFrom} – ${effectiveTo ?? "…"}`;
  return issue("profiles.out_of_period", opts?.asOf ? [] : ["year"], `${rs.id} is in force ${period}; the profile is scored as of ${at}`, { expected: period, found: at });
}
