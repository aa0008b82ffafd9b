import { decideCohort, type CohortSummary, type Recommendation, type RunQuotaDecision, type RunQuotaShare } from "../awards/index.js";
import type { ValidProfile } from "../profiles/index.js";
import type { ScoredUnit } from "../scoring/index.js";
import { cohortKey } from "../ranking/index.js";
import { rejectedIdentity, validateIndexed, type IndexedProfile, type Rejected } from "./batch.js";
import type { EngineCore } from "./core.js";
import { asOfFor, periodIssue, type RunOptions } from "./options.js";

/** One cohort's decision: its summary and its units in rank order. */
export interface CohortDecision {
  readonly summary: CohortSummary;
  readonly results: readonly Recommendation[];
}

/** Rows validated and grouped by cohort (sorted by key), with the rows rejected. */
export interface Prepared {
  readonly cohorts: readonly (readonly [string, readonly ValidProfile[]])[];
  readonly rejected: readonly Rejected[];
}

/** Validates rows (within the rule set's period) and groups the valid ones by cohort; scoring waits for the cohort's turn. */
export function prepare(core: EngineCore, rows: Iterable<IndexedProfile>, opts: RunOptions | undefined): Prepared {
  const batch = validateIndexed(core.validator, rows);
  const rejected = [...batch.rejected];
  const cohorts = new Map<string, ValidProfile[]>();
  for (const { index, profile } of batch.valid) {
    const outside = periodIssue(core.ruleset, profile, opts);
    if (outside) {
      rejected.push({ index, ...rejectedIdentity(profile), issues: [outside] });
      continue;
    }
    const k = cohortKey({ group: profile.group, cohort: profile.cohort ?? null, year: profile.year });
    const list = cohorts.get(k);
    if (list) list.push(profile);
    else cohorts.set(k, [profile]);
  }
  rejected.sort((a, b) => a.index - b.index);
  return { cohorts: [...cohorts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)), rejected };
}

/** Scores, ranks and decides one cohort (`run`: the run-wide quota decisions, on a second pass). */
export function decideOne(
  core: EngineCore,
  key: string,
  profiles: readonly ValidProfile[],
  opts: RunOptions | undefined,
  run?: ReadonlyMap<string, RunQuotaDecision>,
): { decision: CohortDecision; shares: readonly RunQuotaShare[]; units: readonly ScoredUnit[] } {
  const scored = profiles.map((p) => core.score(p, { asOf: asOfFor(p, opts), trace: opts?.trace ?? false }));
  const out = decideCohort(core.ruleset, core.awards, scored, run);
  const p0 = profiles[0]!;
  const summary: CohortSummary = { key, group: p0.group, cohort: p0.cohort ?? null, year: p0.year, size: profiles.length, quotas: out.quotas };
  return { decision: { summary, results: out.recs }, shares: out.runShares, units: scored };
}
