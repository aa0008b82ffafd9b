/**
 * The engine: the façade that runs the pipeline (profiles → evaluation → scoring → ranking →
 * awards) for one compiled rule set. Pure and synchronous; pass the as-of date for reproducible runs.
 */
export { createEngine, coreOf, type Engine, type ProfileArg, type EngineOptions, type BatchResult, type RecommendationReport } from "./engine.js";
export type { Implementation, RuleSetRef } from "./core.js";
export type { RunOptions } from "./options.js";
export type { Rejected, IndexedProfile } from "./batch.js";
export type { CohortDecision } from "./cohorts.js";
export type { WhatIfResult } from "./what-if.js";
export { partitionKey, decidePartition, revisitPartition, decideRunQuotas, assemble, recommendPartitioned, type CohortGroups, type PartitionRows, type PartitionOutcome, type PartitionRevisit, type RunQuotaDecisions, type PartitionedReport, type OnCohort } from "./partitions.js";
export type { RunQuotaPlan, RunQuotaDecision } from "../awards/index.js";
