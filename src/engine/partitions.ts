import { addRunShares, decideRunQuotas as decideRun, emptyRunQuotaPlan, type CohortSummary, type QuotaUse, type RunQuotaDecision, type RunQuotaPlan } from "../awards/index.js";
import { ThiduaError } from "../errors/index.js";
import { nfc } from "../profiles/index.js";
import { cohortKey } from "../ranking/index.js";
import type { ScoredUnit } from "../scoring/index.js";
import type { IndexedProfile, Rejected } from "./batch.js";
import { decideOne, prepare, type CohortDecision, type Prepared } from "./cohorts.js";
import type { EngineCore, RuleSetRef } from "./core.js";
import { checkAsOf, type RunOptions } from "./options.js";

/**
 * A partition given cohort by cohort: each group holds every row of the cohorts it holds (rows that
 * share a {@link partitionKey}, in input order) and is read only once the one before it is decided,
 * so memory holds one group at a time.
 */
export interface CohortGroups {
  readonly groups: Iterable<Iterable<IndexedProfile>>;
}
/** Receives each cohort's decision once it is final (the engine's own callers also read its scored units). */
export type OnCohort = (c: CohortDecision, units: readonly ScoredUnit[]) => void;
/** The rows of one partition: in one iterable, or grouped by cohort. */
export type PartitionRows = Iterable<IndexedProfile> | CohortGroups;

/** What deciding one partition leaves for the run; plain data (structured-clone safe). */
export interface PartitionOutcome {
  /** Cohorts decided and handed over. */
  readonly cohorts: readonly CohortSummary[];
  /** Cohorts holding a candidate of a run-wide quota: decided by `revisitPartition` once the quota is. */
  readonly pending: readonly string[];
  readonly plan: RunQuotaPlan;
  readonly rejected: readonly Rejected[];
  readonly scored: number;
}
/** What revisiting a partition's waiting cohorts gives. */
export interface PartitionRevisit {
  readonly cohorts: readonly CohortSummary[];
  readonly scored: number;
}
/** The run-wide quotas decided over every partition: each candidate's position, and how each quota was used. */
export interface RunQuotaDecisions {
  readonly positions: ReadonlyMap<string, RunQuotaDecision>;
  readonly uses: readonly QuotaUse[];
}
/** The run's report without its per-unit results (they went to `onCohort`). */
export interface PartitionedReport {
  readonly ruleset: RuleSetRef;
  readonly asOf: string | null;
  readonly cohorts: readonly CohortSummary[];
  readonly runQuotas: readonly QuotaUse[];
  readonly rejected: readonly Rejected[];
  /** Number of units scored (the results handed to `onCohort`). */
  readonly scored: number;
}

/**
 * The partition a raw profile belongs to: its cohort key (group, cluster, year) read from the raw
 * fields, or "" when they are not readable (such a row is rejected anyway).
 */
export function partitionKey(profile: unknown): string {
  if (!profile || typeof profile !== "object") return "";
  const p = profile as { group?: unknown; cohort?: unknown; year?: unknown };
  if (typeof p.group !== "string" || typeof p.year !== "number" || (p.cohort !== undefined && typeof p.cohort !== "string")) return "";
  // the validator keeps the cluster in NFC: the key must be the one the valid profile will have
  return cohortKey({ group: p.group, cohort: p.cohort === undefined ? null : nfc(p.cohort), year: p.year });
}

const groupsOf = (rows: PartitionRows): Iterable<Iterable<IndexedProfile>> => ("groups" in rows ? rows.groups : [rows]);

function* prepared(core: EngineCore, rows: PartitionRows, opts: RunOptions | undefined, only?: ReadonlySet<string>): Generator<Prepared> {
  for (const g of groupsOf(rows)) yield prepare(core, only ? onlyCohorts(g, only) : g, opts);
}

/** The rows of some cohorts (by their raw cohort key): what a revisit of a partition needs. */
function* onlyCohorts(rows: Iterable<IndexedProfile>, keys: ReadonlySet<string>): Generator<IndexedProfile> {
  for (const r of rows) if (keys.has(partitionKey(r.profile))) yield r;
}

/**
 * First pass over a partition: each cohort is decided at once; a cohort holding a candidate of a
 * run-wide quota is only planned (not handed over) — it waits for the quota's decision. A cohort
 * without such a candidate cannot be changed by a run-wide quota, so it is final.
 */
export function decidePartition(core: EngineCore, rows: PartitionRows, onCohort: OnCohort, opts?: RunOptions): PartitionOutcome {
  checkAsOf(opts?.asOf);
  const plan = emptyRunQuotaPlan();
  const cohorts: CohortSummary[] = [];
  const pending: string[] = [];
  const rejected: Rejected[] = [];
  let scored = 0;
  for (const part of prepared(core, rows, opts)) {
    rejected.push(...part.rejected);
    for (const [key, profiles] of part.cohorts) {
      const { decision, shares, units } = decideOne(core, key, profiles, opts);
      addRunShares(plan, shares);
      if (shares.some((s) => s.candidates.length > 0)) {
        pending.push(key);
        continue;
      }
      cohorts.push(decision.summary);
      scored += decision.results.length;
      onCohort(decision, units);
    }
  }
  rejected.sort((a, b) => a.index - b.index);
  return { cohorts, pending, plan, rejected, scored };
}

/** Second pass: the waiting cohorts of a partition, decided with the run-wide positions. */
export function revisitPartition(core: EngineCore, rows: PartitionRows, pending: readonly string[], decided: RunQuotaDecisions, onCohort: OnCohort, opts?: RunOptions): PartitionRevisit {
  checkAsOf(opts?.asOf);
  const keys = new Set(pending);
  const cohorts: CohortSummary[] = [];
  let scored = 0;
  for (const part of prepared(core, rows, opts, keys)) {
    for (const [key, profiles] of part.cohorts) {
      if (!keys.has(key)) continue;
      const { decision, units } = decideOne(core, key, profiles, opts, decided.positions);
      cohorts.push(decision.summary);
      scored += decision.results.length;
      onCohort(decision, units);
    }
  }
  return { cohorts, scored };
}

/** Decides the run-wide quotas from the plans of every partition's outcome. */
export function decideRunQuotas(core: EngineCore, plans: readonly RunQuotaPlan[]): RunQuotaDecisions {
  const { decisions, uses } = decideRun(core.ruleset, plans);
  return { positions: decisions, uses };
}

/** The run's report from every partition's outcome and revisit; throws if a cohort appears in two partitions. */
export function assemble(core: EngineCore, outcomes: readonly PartitionOutcome[], revisits: readonly PartitionRevisit[], decided: RunQuotaDecisions, opts?: RunOptions): PartitionedReport {
  const seen = new Set<string>();
  for (const k of outcomes.flatMap((o) => [...o.cohorts.map((c) => c.key), ...o.pending])) {
    if (seen.has(k)) throw new ThiduaError(`cohort ${k} appears in more than one partition; split the input by partitionKey`);
    seen.add(k);
  }
  const cohorts = [...outcomes.flatMap((o) => o.cohorts), ...revisits.flatMap((r) => r.cohorts)].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const rejected = outcomes.flatMap((o) => o.rejected).sort((a, b) => a.index - b.index);
  const scored = [...outcomes, ...revisits].reduce((n, o) => n + o.scored, 0);
  return { ruleset: core.ref, asOf: opts?.asOf ?? null, cohorts, runQuotas: decided.uses, rejected, scored };
}

/**
 * A recommendation for inputs too large to hold in memory. `partitions(pass)` yields the input
 * split so that each cohort lies in one partition (by {@link partitionKey}); it is called for pass
 * "decide" and, when some cohort holds a candidate of a run-wide quota, once more for "revisit",
 * and must then yield the same partitions in the same order. Each cohort's decision goes to
 * `onCohort` once, as soon as it is final. The results are those of `recommend` on the whole input.
 */
export function recommendPartitioned(core: EngineCore, partitions: (pass: "decide" | "revisit") => Iterable<PartitionRows>, onCohort: OnCohort, opts?: RunOptions): PartitionedReport {
  const outcomes: PartitionOutcome[] = [];
  for (const part of partitions("decide")) outcomes.push(decidePartition(core, part, onCohort, opts)); // one partition in memory at a time
  const decided = decideRunQuotas(core, outcomes.map((o) => o.plan));
  const revisits: PartitionRevisit[] = [];
  if (outcomes.some((o) => o.pending.length)) {
    let i = 0;
    for (const part of partitions("revisit")) {
      const pending = outcomes[i++]?.pending ?? [];
      if (pending.length) revisits.push(revisitPartition(core, part, pending, decided, onCohort, opts));
    }
  }
  return assemble(core, outcomes, revisits, decided, opts);
}
