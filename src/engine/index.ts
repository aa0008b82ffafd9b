/**
 * The engine: the public façade that runs the pipeline (profiles → evaluation → scoring → ranking →
 * awards) for one compiled rule set. Pure and synchronous; pass the as-of date for reproducible runs.
 */
import {
  compileAwards,
  decideRunQuotas,
  emptyRunQuotaPlan,
  planRunQuotas,
  recommendCohort,
  runQuotaAwards,
  type CohortSummary,
  type QuotaUse,
  type Recommendation,
  type RunQuotaDecision,
  type RunQuotaPlan,
} from "../awards/index.js";
import { invalidArgument, issue, requireFunction, requireIterable, requireObject, ThiduaError, type Issue, type Result } from "../errors/index.js";
import { createProfileValidator, nfc, type ValidProfile } from "../profiles/index.js";
import { cohortKey } from "../ranking/index.js";
import { isIsoDate, type RuleSet } from "../rules/index.js";
import { compileRuleset, scoreProfile, type ScoreResult } from "../scoring/index.js";
import { validateBatch, validateIndexed, type IndexedProfile, type Rejected } from "./batch.js";
import { whatIf as whatIfImpl, type WhatIfResult } from "./what-if.js";

export type { IndexedProfile, Rejected } from "./batch.js";
export type { WhatIfResult } from "./what-if.js";

/** Identifies the rule set a result was computed with: id, version and digest (`RuleSet.sha256`). */
export interface RuleSetRef {
  readonly id: string;
  readonly version: string;
  readonly sha256: string;
}
/** Options of `evaluate`, `evaluateMany`, `recommend` and `whatIf`. Pass `asOf` for reproducible runs. */
export interface EvaluateOptions {
  /** ISO date the rule set is applied as of; default: 31 December of the profile's year. */
  readonly asOf?: string;
  /** Attach the interpreter's trace to each criterion. Default: true for `evaluate`, false for batches. */
  readonly trace?: boolean;
}
/** What `evaluateMany` returns: one `ScoreResult` per valid input and one `Rejected` per invalid one. */
export interface BatchResult {
  readonly ruleset: RuleSetRef;
  readonly results: readonly ScoreResult[];
  readonly rejected: readonly Rejected[];
}
/** What `recommend` returns: the decision for every cohort, every unit, every rejected row. */
export interface RecommendationReport {
  readonly ruleset: RuleSetRef;
  readonly asOf: string | null;
  readonly cohorts: readonly CohortSummary[];
  /** Quotas shared by every cohort of the run (`scope: "run"`), e.g. the Government flag. */
  readonly runQuotas: readonly QuotaUse[];
  /** Sorted by cohort (group, cluster, year) then rank. */
  readonly results: readonly Recommendation[];
  readonly rejected: readonly Rejected[];
}
/** One cohort's decision as `recommendPartitioned` hands it over: its summary and its units in rank order. */
export interface CohortDecision {
  readonly summary: CohortSummary;
  readonly results: readonly Recommendation[];
}
/** What `recommendPartitioned` returns: everything of a `RecommendationReport` (cohorts by key, rejected rows by input position) but the per-unit results. */
export interface PartitionedReport extends Omit<RecommendationReport, "results"> {
  /** Number of units scored (the results handed to `onCohort`). */
  readonly scored: number;
}

/** What deciding one partition leaves for the run (see `Engine.decidePartition`); plain data. */
export interface PartitionOutcome {
  /** Cohorts decided and handed over. */
  readonly cohorts: readonly CohortSummary[];
  /** Cohorts holding a candidate of a run-wide quota: decided by `revisitPartition` once the quota is. */
  readonly pending: readonly string[];
  readonly plan: RunQuotaPlan;
  readonly rejected: readonly Rejected[];
  readonly scored: number;
}
/**
 * A partition given cohort by cohort: each group holds every row of the cohorts it holds (rows that
 * share a {@link partitionKey}, in input order) and is read only once the one before it is decided,
 * so memory holds one group at a time and what is built from it dies young. Outcomes are the same as
 * for the partition's rows in one iterable.
 */
export interface CohortGroups {
  readonly groups: Iterable<Iterable<IndexedProfile>>;
}
/** The rows of one partition: in one iterable, or grouped by cohort. */
export type PartitionRows = Iterable<IndexedProfile> | CohortGroups;

/** What revisiting a partition's waiting cohorts gives (see `Engine.revisitPartition`). */
export interface PartitionRevisit {
  readonly cohorts: readonly CohortSummary[];
  readonly scored: number;
}
/** The run-wide quotas decided over every partition: each candidate's position, and how each quota was used. */
export interface RunQuotaDecisions {
  readonly positions: ReadonlyMap<string, RunQuotaDecision>;
  readonly uses: readonly QuotaUse[];
}
export type { RunQuotaPlan, RunQuotaDecision } from "../awards/index.js";

/**
 * The partition a raw profile belongs to in `recommendPartitioned`: its cohort key (group, cluster,
 * year) read from the raw fields, or "" when they are not readable (such a row is rejected anyway).
 */
export function partitionKey(profile: unknown): string {
  if (!profile || typeof profile !== "object") return "";
  const p = profile as { group?: unknown; cohort?: unknown; year?: unknown };
  if (typeof p.group !== "string" || typeof p.year !== "number" || (p.cohort !== undefined && typeof p.cohort !== "string")) return "";
  // the validator keeps the cluster in NFC: the key must be the one the valid profile will have
  return cohortKey({ group: p.group, cohort: p.cohort === undefined ? null : nfc(p.cohort), year: p.year });
}

/** A rule set compiled once (see `createEngine`): validates, scores, ranks and proposes awards. Pure and synchronous. */
export interface Engine {
  /** The loaded rule set the engine was compiled from. */
  readonly ruleset: RuleSet;
  /** id, version and digest of the rule set, as results and records carry them. */
  readonly ref: RuleSetRef;
  /** Checks a profile against the fact catalog without scoring it; never throws. */
  validate(profile: unknown): Result<ValidProfile>;
  /** Scores one profile; throws a ThiduaError carrying the issues if the profile is invalid. */
  evaluate(profile: unknown, opts?: EvaluateOptions): ScoreResult;
  /** Like `evaluate`, but returns the profile's issues instead of throwing. */
  safeEvaluate(profile: unknown, opts?: EvaluateOptions): Result<ScoreResult>;
  /** Scores a batch; every input ends up exactly once in `results` or `rejected`. */
  evaluateMany(profiles: Iterable<unknown>, opts?: EvaluateOptions): BatchResult;
  /** Scores, ranks per cohort and proposes awards; every input ends up once in `results` or `rejected`. */
  recommend(profiles: Iterable<unknown>, opts?: EvaluateOptions): RecommendationReport;
  /**
   * `recommend` for inputs too large to hold in memory. `partitions(pass)` yields the input split
   * into partitions such that each cohort lies in one partition (split by {@link partitionKey}); it
   * is called for pass "decide" and, when some cohort holds a candidate of a run-wide quota (such as
   * the Government's emulation flag), once more for pass "revisit", and must then yield the same
   * partitions in the same order (the engine reads only those holding such cohorts). Each cohort's
   * decision goes to `onCohort` once, as soon as it is final; memory holds one partition at a time
   * plus the cohort summaries and the run-wide quota candidates' rank keys. The results are exactly
   * those of `recommend` on the concatenated input; throws a ThiduaError if a cohort appears in two
   * partitions.
   */
  recommendPartitioned(partitions: (pass: "decide" | "revisit") => Iterable<PartitionRows>, onCohort: (c: CohortDecision) => void, opts?: EvaluateOptions): PartitionedReport;
  /**
   * The steps of `recommendPartitioned`, for callers that decide partitions in parallel (worker
   * threads, processes): `decidePartition` on every partition (any order, anywhere), then
   * `decideRunQuotas` over all their plans, then `revisitPartition` on the partitions whose outcome
   * has `pending` cohorts, then `assemble`. Outcomes, plans and decisions are plain data
   * (structured-clone safe). Each cohort goes to `onCohort` once, when final.
   */
  decidePartition(rows: PartitionRows, onCohort: (c: CohortDecision) => void, opts?: EvaluateOptions): PartitionOutcome;
  /** Decides the run-wide quotas from the plans of every partition's outcome. */
  decideRunQuotas(plans: readonly RunQuotaPlan[]): RunQuotaDecisions;
  /** Decides a partition's waiting cohorts (`pending` of its outcome) with the run-wide quota decisions. */
  revisitPartition(rows: PartitionRows, pending: readonly string[], decided: RunQuotaDecisions, onCohort: (c: CohortDecision) => void, opts?: EvaluateOptions): PartitionRevisit;
  /** The run's report from every partition's outcome and revisit; throws if a cohort appears in two partitions. */
  assemble(outcomes: readonly PartitionOutcome[], revisits: readonly PartitionRevisit[], decided: RunQuotaDecisions, opts?: EvaluateOptions): PartitionedReport;
  /** How score, rank and award move if some facts change (`null` removes a fact). */
  whatIf(profile: unknown, changes: Readonly<Record<string, unknown>>, opts?: EvaluateOptions & { readonly peers?: readonly unknown[] }): WhatIfResult;
}

function checkAsOf(asOf: string | undefined): void {
  if (asOf !== undefined && !isIsoDate(asOf)) {
    throw new ThiduaError(`asOf must be an ISO date YYYY-MM-DD, got ${JSON.stringify(asOf)}`);
  }
}

/** Compiles the rule set once and returns an engine to score any number of profiles with it. */
export function createEngine(ruleset: RuleSet): Engine {
  requireRuleSet(ruleset);
  const compiled = compileRuleset(ruleset);
  const awards = compileAwards(ruleset, compiled.slots);
  const validator = createProfileValidator(ruleset);
  const ref: RuleSetRef = Object.freeze({ id: ruleset.id, version: ruleset.version, sha256: ruleset.sha256 });
  const asOfFor = (p: ValidProfile, opts: EvaluateOptions | undefined) => opts?.asOf ?? `${p.year}-12-31`;
  const score = (p: ValidProfile, opts: EvaluateOptions | undefined, traceDefault: boolean) =>
    scoreProfile(compiled, p, { asOf: asOfFor(p, opts), trace: opts?.trace ?? traceDefault });
  /** A rule set applies only within its period: a profile scored outside it is rejected, never silently scored. */
  const { effectiveFrom, effectiveTo } = ruleset.manifest;
  const periodIssue = (p: ValidProfile, opts: EvaluateOptions | undefined): Issue | undefined => {
    const at = asOfFor(p, opts);
    if (at >= effectiveFrom && (effectiveTo === undefined || at <= effectiveTo)) return undefined;
    const period = `${effectiveFrom} – ${effectiveTo ?? "…"}`;
    return issue("profiles.out_of_period", opts?.asOf ? [] : ["year"], `${ruleset.id} is in force ${period}; the profile is scored as of ${at}`, { expected: period, found: at });
  };
  const safeEvaluate = (profile: unknown, opts?: EvaluateOptions): Result<ScoreResult> => {
    checkAsOf(opts?.asOf);
    const v = validator.validate(profile);
    if (!v.ok) return v;
    const outside = periodIssue(v.value, opts);
    return outside ? { ok: false, issues: [outside] } : { ok: true, value: score(v.value, opts, true) };
  };
  const inPeriod = (batch: ReturnType<typeof validateBatch>, opts: EvaluateOptions | undefined) => {
    const valid = batch.valid.filter(({ index, profile }) => {
      const outside = periodIssue(profile, opts);
      if (outside) batch.rejected.push({ index, unitId: profile.id, issues: [outside] });
      return !outside;
    });
    batch.rejected.sort((a, b) => a.index - b.index);
    return { valid, rejected: batch.rejected };
  };
  type Members = { result: ScoreResult; profile: ValidProfile }[];
  /** Validates one partition and groups it by cohort (sorted by key); scoring waits for the cohort's turn, so its results die young. */
  const prepare = (rows: Iterable<IndexedProfile>, opts: EvaluateOptions | undefined) => {
    const { valid, rejected } = inPeriod(validateIndexed(validator, rows), opts);
    const cohorts = new Map<string, ValidProfile[]>();
    for (const { profile } of valid) {
      const k = cohortKey({ group: profile.group, cohort: profile.cohort ?? null, year: profile.year });
      const list = cohorts.get(k);
      if (list) list.push(profile);
      else cohorts.set(k, [profile]);
    }
    const ordered = [...cohorts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const scored = (profiles: readonly ValidProfile[]): Members => profiles.map((profile) => ({ result: score(profile, opts, false), profile }));
    return { cohorts: ordered, rejected, scored };
  };
  type Prepared = ReturnType<typeof prepare>;
  const run = runQuotaAwards(awards);
  const cohortSummary = (key: string, members: Members, quotas: QuotaUse[]): CohortSummary => {
    const r0 = members[0]!.result;
    return { key, group: r0.group, cohort: r0.cohort, year: r0.year, size: members.length, quotas };
  };
  /**
   * First pass over a partition: each cohort is decided at once; a cohort holding a candidate of a
   * run-wide quota is only planned (not handed over, not kept) — it waits for the quota's decision.
   * A cohort without such a candidate cannot be changed by a run-wide quota (only candidates get a
   * position), so it is final.
   */
  /** Scores, ranks and decides one cohort of a prepared group (`positions`: the run-wide quota decisions, on a revisit). */
  const decideCohort = (part: Prepared, key: string, profiles: readonly ValidProfile[], positions?: ReadonlyMap<string, RunQuotaDecision>): CohortDecision => {
    const members = part.scored(profiles);
    const { recs, quotas } = recommendCohort(ruleset, awards, members, positions);
    return { summary: cohortSummary(key, members, quotas), results: recs };
  };
  const decidePrepared = (parts: Iterable<Prepared>, onCohort: (c: CohortDecision) => void): PartitionOutcome => {
    const plan = emptyRunQuotaPlan();
    const cohorts: CohortSummary[] = [];
    const pending: string[] = [];
    const rejected: Rejected[] = [];
    let scored = 0;
    let groups = 0;
    for (const part of parts) {
      groups++;
      for (const r of part.rejected) rejected.push(r);
      for (const [key, profiles] of part.cohorts) {
        const c = decideCohort(part, key, profiles);
        if (planRunQuotas(run, plan, c.results)) {
          pending.push(key);
          continue;
        }
        cohorts.push(c.summary);
        scored += c.results.length;
        onCohort(c);
      }
    }
    if (groups > 1) rejected.sort((a, b) => a.index - b.index);
    return { cohorts, pending, plan, rejected, scored };
  };
  /** Second pass: the waiting cohorts of a partition, decided with the run-wide positions. */
  const revisitPrepared = (parts: Iterable<Prepared>, pending: ReadonlySet<string>, decided: RunQuotaDecisions, onCohort: (c: CohortDecision) => void): PartitionRevisit => {
    const cohorts: CohortSummary[] = [];
    let scored = 0;
    for (const part of parts) {
      for (const [key, profiles] of part.cohorts) {
        if (!pending.has(key)) continue;
        const c = decideCohort(part, key, profiles, decided.positions);
        cohorts.push(c.summary);
        scored += c.results.length;
        onCohort(c);
      }
    }
    return { cohorts, scored };
  };
  const decideQuotas = (plans: readonly RunQuotaPlan[]): RunQuotaDecisions => {
    requireIterable(plans, "decideRunQuotas(plans)");
    const { decisions, uses } = decideRunQuotas(run, plans);
    return { positions: decisions, uses };
  };
  const assemble = (outcomes: readonly PartitionOutcome[], revisits: readonly PartitionRevisit[], decided: RunQuotaDecisions, opts: EvaluateOptions | undefined): PartitionedReport => {
    requireIterable(outcomes, "assemble(outcomes)");
    requireIterable(revisits, "assemble(outcomes, revisits)");
    requireObject(decided, "assemble(outcomes, revisits, decided)");
    const seen = new Set<string>();
    const cohorts: CohortSummary[] = [];
    const rejected: Rejected[] = [];
    let scored = 0;
    for (const o of outcomes) {
      for (const k of [...o.cohorts.map((c) => c.key), ...o.pending]) {
        if (seen.has(k)) throw new ThiduaError(`cohort ${k} appears in more than one partition; split the input by partitionKey`);
        seen.add(k);
      }
      cohorts.push(...o.cohorts);
      rejected.push(...o.rejected);
      scored += o.scored;
    }
    for (const r of revisits) {
      cohorts.push(...r.cohorts);
      scored += r.scored;
    }
    cohorts.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    rejected.sort((a, b) => a.index - b.index);
    return { ruleset: ref, asOf: opts?.asOf ?? null, cohorts, runQuotas: decided.uses, rejected, scored };
  };
  const recommend = (profiles: Iterable<unknown>, opts?: EvaluateOptions): RecommendationReport => {
    requireIterable(profiles, "recommend(profiles)");
    checkAsOf(opts?.asOf);
    let index = 0;
    const rows: IndexedProfile[] = [];
    for (const profile of profiles) rows.push({ index: index++, profile });
    const prepared = prepare(rows, opts);
    const byCohort = new Map<string, readonly Recommendation[]>();
    const keep = (c: CohortDecision) => byCohort.set(c.summary.key, c.results);
    const outcome = decidePrepared([prepared], keep);
    const decided = decideQuotas([outcome.plan]);
    const revisit = outcome.pending.length ? [revisitPrepared([prepared], new Set(outcome.pending), decided, keep)] : [];
    const r = assemble([outcome], revisit, decided, opts);
    const results = r.cohorts.flatMap((c) => byCohort.get(c.key)!);
    return { ruleset: ref, asOf: r.asOf, cohorts: r.cohorts, runQuotas: r.runQuotas, results, rejected: r.rejected };
  };
  const decidePartition: Engine["decidePartition"] = (rows, onCohort, opts) => {
    requireRows(rows, "decidePartition(rows)");
    requireFunction(onCohort, "decidePartition(rows, onCohort)");
    checkAsOf(opts?.asOf);
    return decidePrepared(
      mapIterable(groupsOf(rows), (g) => prepare(g, opts)),
      onCohort,
    );
  };
  const revisitPartition: Engine["revisitPartition"] = (rows, pending, decided, onCohort, opts) => {
    requireRows(rows, "revisitPartition(rows)");
    requireIterable(pending, "revisitPartition(rows, pending)");
    requireObject(decided, "revisitPartition(rows, pending, decided)");
    requireFunction(onCohort, "revisitPartition(rows, pending, decided, onCohort)");
    checkAsOf(opts?.asOf);
    const keys = new Set(pending);
    return revisitPrepared(
      mapIterable(groupsOf(rows), (g) => prepare(onlyCohorts(g, keys), opts)),
      keys,
      decided,
      onCohort,
    );
  };
  const recommendPartitioned: Engine["recommendPartitioned"] = (partitions, onCohort, opts) => {
    requireFunction(partitions, "recommendPartitioned(partitions)");
    requireFunction(onCohort, "recommendPartitioned(partitions, onCohort)");
    const outcomes: PartitionOutcome[] = [];
    for (const part of partitions("decide")) outcomes.push(decidePartition(part, onCohort, opts));
    const decided = decideQuotas(outcomes.map((o) => o.plan));
    const revisits: PartitionRevisit[] = [];
    if (outcomes.some((o) => o.pending.length)) {
      let i = 0;
      for (const part of partitions("revisit")) {
        const pending = outcomes[i++]?.pending ?? [];
        if (pending.length) revisits.push(revisitPartition(part, pending, decided, onCohort, opts));
      }
    }
    return assemble(outcomes, revisits, decided, opts);
  };
  const engine: Engine = {
    ruleset,
    ref,
    validate: validator.validate,
    safeEvaluate,
    evaluate(profile, opts) {
      const r = safeEvaluate(profile, opts);
      if (!r.ok) throw new ThiduaError("invalid profile", r.issues);
      return r.value;
    },
    evaluateMany(profiles, opts) {
      requireIterable(profiles, "evaluateMany(profiles)");
      checkAsOf(opts?.asOf);
      const { valid, rejected } = inPeriod(validateBatch(validator, profiles), opts);
      return { ruleset: ref, results: valid.map(({ profile }) => score(profile, opts, false)), rejected };
    },
    recommend,
    recommendPartitioned,
    decidePartition,
    decideRunQuotas: decideQuotas,
    revisitPartition,
    assemble,
    whatIf: (profile, changes, opts) => (requireObject(changes, "whatIf(profile, changes)"), whatIfImpl(recommend, profile, changes, opts)),
  };
  return engine;
}

/** A rule set as `loadRuleset` gives it, at least in shape (plain JavaScript can pass anything). */
function requireRuleSet(rs: unknown): void {
  const r = rs as Partial<RuleSet> | null;
  const shaped = r !== null && typeof r === "object" && typeof r.id === "string" && [r.facts, r.criteria, r.awards, r.classes].every(Array.isArray) && typeof r.manifest === "object";
  if (!shaped) throw invalidArgument("createEngine(ruleset)", "a rule set loaded by loadRuleset or loadRulesetFromFiles", rs);
}

/** Partition rows: an iterable of indexed profiles, or `{ groups }`. */
function requireRows(rows: unknown, where: string): void {
  if (rows !== null && typeof rows === "object" && "groups" in rows) requireIterable((rows as CohortGroups).groups, where);
  else requireIterable(rows, where);
}

const groupsOf = (rows: PartitionRows): Iterable<Iterable<IndexedProfile>> => ("groups" in rows ? rows.groups : [rows]);

function* mapIterable<A, B>(xs: Iterable<A>, f: (x: A) => B): Generator<B> {
  for (const x of xs) yield f(x);
}

/** The rows of some cohorts (by their raw cohort key): what a revisit of a partition needs. */
function* onlyCohorts(rows: Iterable<IndexedProfile>, keys: ReadonlySet<string>): Generator<IndexedProfile> {
  for (const r of rows) if (keys.has(partitionKey(r.profile))) yield r;
}
