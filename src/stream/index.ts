/**
 * thidua/stream — deciding inputs too large to hold in memory, partition by partition, in one
 * thread or spread over workers. Split the input so that each cohort lies in one partition
 * ({@link partitionKey}); then either `recommendPartitioned` (one thread), or `decidePartition` on
 * every partition (any order, anywhere) → `decideRunQuotas` over their plans → `revisitPartition`
 * on the partitions with pending cohorts → `assemble`. Outcomes, plans and decisions are plain data
 * (structured-clone safe). The results are exactly those of `engine.recommend` on the whole input.
 * A report is written the same way, cohort by cohort: {@link reportLayout} gives a format's layout
 * (the run's head, then each cohort's rows as soon as it is decided, then the tail) and
 * {@link recordHead} the decision record without its results. This entry is a public face over the
 * engine and the reports: no stage of the library imports it (the CLI does).
 */
import {
  assemble as assembleCore,
  coreOf,
  decidePartition as decideCore,
  decideRunQuotas as decideQuotasCore,
  recommendPartitioned as recommendCore,
  revisitPartition as revisitCore,
  type CohortDecision,
  type Engine,
  type RunOptions,
  type PartitionedReport,
  type PartitionOutcome,
  type PartitionRevisit,
  type PartitionRows,
  type RunQuotaDecisions,
  type RunQuotaPlan,
} from "../engine/index.js";
import { requireFunction, requireIterable, requireObject } from "../errors/index.js";

export { partitionKey } from "../engine/index.js";
export { reportLayout, recordHead, type ReportFormat, type ReportLayout, type LayoutOptions, type ReportHead, type ReportChunk } from "../report/index.js";

/** Partition rows: an iterable of indexed profiles, or `{ groups }`. */
function requireRows(rows: unknown, where: string): void {
  if (rows !== null && typeof rows === "object" && "groups" in rows) requireIterable((rows as { groups: unknown }).groups, where);
  else requireIterable(rows, where);
}
export type { CohortDecision, CohortGroups, IndexedProfile, PartitionedReport, PartitionOutcome, PartitionRevisit, PartitionRows, RunQuotaDecisions, RunQuotaPlan, RunQuotaDecision } from "../engine/index.js";

/** Receives each cohort's decision once, as soon as it is final. */
export type OnCohortDecision = (c: CohortDecision) => void;

/** `engine.recommend` over partitions read one at a time (pass "decide", then "revisit" if a run-wide quota needs it). */
export function recommendPartitioned(engine: Engine, partitions: (pass: "decide" | "revisit") => Iterable<PartitionRows>, onCohort: OnCohortDecision, opts?: RunOptions): PartitionedReport {
  requireFunction(partitions, "recommendPartitioned(engine, partitions)");
  requireFunction(onCohort, "recommendPartitioned(engine, partitions, onCohort)");
  return recommendCore(coreOf(engine), partitions, (c) => onCohort(c), opts);
}

/** First pass over one partition: final cohorts go to `onCohort`; cohorts waiting for a run-wide quota are listed as pending. */
export function decidePartition(engine: Engine, rows: PartitionRows, onCohort: OnCohortDecision, opts?: RunOptions): PartitionOutcome {
  requireRows(rows, "decidePartition(engine, rows)");
  requireFunction(onCohort, "decidePartition(engine, rows, onCohort)");
  return decideCore(coreOf(engine), rows, (c) => onCohort(c), opts);
}

/** Decides the run-wide quotas from the plans of every partition's outcome. */
export function decideRunQuotas(engine: Engine, plans: readonly RunQuotaPlan[]): RunQuotaDecisions {
  requireIterable(plans, "decideRunQuotas(engine, plans)");
  return decideQuotasCore(coreOf(engine), plans);
}

/** Second pass over a partition: its pending cohorts, decided with the run-wide quota decisions. */
export function revisitPartition(engine: Engine, rows: PartitionRows, pending: readonly string[], decided: RunQuotaDecisions, onCohort: OnCohortDecision, opts?: RunOptions): PartitionRevisit {
  requireRows(rows, "revisitPartition(engine, rows)");
  requireIterable(pending, "revisitPartition(engine, rows, pending)");
  requireObject(decided, "revisitPartition(engine, rows, pending, decided)");
  requireFunction(onCohort, "revisitPartition(engine, rows, pending, decided, onCohort)");
  return revisitCore(coreOf(engine), rows, pending, decided, (c) => onCohort(c), opts);
}

/** The run's report from every partition's outcome and revisit; throws if a cohort appears in two partitions. */
export function assemble(engine: Engine, outcomes: readonly PartitionOutcome[], revisits: readonly PartitionRevisit[], decided: RunQuotaDecisions, opts?: RunOptions): PartitionedReport {
  requireIterable(outcomes, "assemble(engine, outcomes)");
  requireIterable(revisits, "assemble(engine, outcomes, revisits)");
  requireObject(decided, "assemble(engine, outcomes, revisits, decided)");
  return assembleCore(coreOf(engine), outcomes, revisits, decided, opts);
}
