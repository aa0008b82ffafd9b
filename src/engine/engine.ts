import type { CohortSummary, QuotaUse, Recommendation } from "../awards/index.js";
import { invalidArgument, requireIterable, requireObject, ThiduaError, type Result } from "../errors/index.js";
import type { Profile, ProfileInput, ValidProfile } from "../profiles/index.js";
import { cohortKey } from "../ranking/index.js";
import type { Group, RuleSet } from "../rules/index.js";
import type { ScoredUnit, ScoreOptions, Scorer, ScoreResult } from "../scoring/index.js";
import { rejectedIdentity, validateBatch, type IndexedProfile, type Rejected } from "./batch.js";
import { createCore, type EngineCore, type Implementation, type RuleSetRef } from "./core.js";
import { asOfFor, checkAsOf, periodIssue, type RunOptions } from "./options.js";
import { recommendPartitioned } from "./partitions.js";
import { whatIf, type DecideBeside, type WhatIfResult } from "./what-if.js";

/** What `scoreMany` returns: one `ScoreResult` per valid input and one `Rejected` per invalid one. */
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

/**
 * What the engine's methods accept for a profile: a `ProfileInput` when the argument's type names its
 * fields (a misspelt or mistyped field is a compile error), anything when it is `unknown`, `any` or a
 * plain record such as `Record<string, unknown>` (parsed JSON, a spreadsheet row). Every input is
 * validated at run time either way.
 */
export type ProfileArg<P, G extends string = Group> = unknown extends P ? unknown : string extends keyof P ? unknown : ProfileInput<G>;

/**
 * A rule set compiled once (see `createEngine`): validates, scores, ranks and proposes awards. Pure and
 * synchronous. `G`: the groups its rule set's type knows (a profile naming another fails to type-check).
 * Results are data to read: the compiled engine makes a criterion result or an award check once for
 * every unit with the same content and shares it, frozen, so copy a part before changing it.
 */
export interface Engine<G extends string = Group> {
  /** The loaded rule set the engine was compiled from. */
  readonly ruleset: RuleSet<G>;
  /** id, version and digest of the rule set, as results and records carry them. */
  readonly ref: RuleSetRef;
  /** Checks a profile against the fact catalog without scoring it; never throws. */
  validate<P>(profile: P & ProfileArg<P, G>): Result<Profile>;
  /** Scores one profile; throws a ThiduaError carrying the issues if the profile is invalid. */
  score<P>(profile: P & ProfileArg<P, G>, opts?: RunOptions): ScoreResult;
  /** Like `score`, but returns the profile's issues instead of throwing. */
  safeScore<P>(profile: P & ProfileArg<P, G>, opts?: RunOptions): Result<ScoreResult>;
  /** Scores a batch; every input ends up exactly once in `results` or `rejected`. */
  scoreMany<P>(profiles: Iterable<P & ProfileArg<P, G>>, opts?: RunOptions): BatchResult;
  /** Scores, ranks per cohort and proposes awards; every input ends up once in `results` or `rejected`. */
  recommend<P>(profiles: Iterable<P & ProfileArg<P, G>>, opts?: RunOptions): RecommendationReport;
  /** How score, rank and award move if some facts change (`null` removes a fact). */
  whatIf<P>(profile: P & ProfileArg<P, G>, changes: Readonly<Record<string, unknown>>, opts?: RunOptions & { readonly peers?: readonly unknown[] }): WhatIfResult;
}

/** Options of `createEngine`. */
export interface EngineOptions {
  /** `compiled` (default) or `reference`: the plain interpreter, the specification (same results, slower). */
  readonly implementation?: Implementation;
}

/** The core an engine was built on (for `thidua/stream`): a symbol-keyed property, absent from JSON and the public type. */
export const ENGINE_CORE: unique symbol = Symbol("thidua.engine-core");

/** The core of an engine made by `createEngine`. */
export function coreOf(engine: Engine): EngineCore {
  const core = (engine as Engine & { [ENGINE_CORE]?: EngineCore })?.[ENGINE_CORE];
  if (!core) throw invalidArgument("engine", "an engine made by createEngine", engine);
  return core;
}


/** Every input, scored and decided in memory: the report, and each unit's exact score by unit id (for what-if). */
function recommendInMemory(core: EngineCore, profiles: Iterable<unknown>, opts?: RunOptions): { report: RecommendationReport; units: ScoredUnit[] } {
  requireIterable(profiles, "recommend(profiles)");
  checkAsOf(opts?.asOf);
  const rows: IndexedProfile[] = [...profiles].map((profile, index) => ({ index, profile }));
  const byCohort = new Map<string, readonly Recommendation[]>();
  const units: ScoredUnit[] = [];
  const r = recommendPartitioned(core, () => [rows], (c, scored) => {
    byCohort.set(c.summary.key, c.results);
    units.push(...scored);
  }, opts);
  const results = r.cohorts.flatMap((c) => byCohort.get(c.key)!);
  return { report: { ruleset: core.ref, asOf: r.asOf, cohorts: r.cohorts, runQuotas: r.runQuotas, results, rejected: r.rejected }, units };
}

function safeScore(core: EngineCore, profile: unknown, opts?: RunOptions): Result<ScoreResult> {
  checkAsOf(opts?.asOf);
  const v = core.validator.validate(profile);
  if (!v.ok) return v;
  const outside = periodIssue(core.ruleset, v.value, opts);
  if (outside) return { ok: false, issues: [outside] };
  return { ok: true, value: core.score(v.value, { asOf: asOfFor(v.value, opts), trace: opts?.trace ?? true }).result };
}

function scoreMany(core: EngineCore, profiles: Iterable<unknown>, opts?: RunOptions): BatchResult {
  requireIterable(profiles, "scoreMany(profiles)");
  checkAsOf(opts?.asOf);
  const batch = validateBatch(core.validator, profiles);
  const rejected = [...batch.rejected];
  const results: ScoreResult[] = [];
  for (const { index, profile } of batch.valid) {
    const outside = periodIssue(core.ruleset, profile, opts);
    if (outside) rejected.push({ index, ...rejectedIdentity(profile), issues: [outside] });
    else results.push(core.score(profile, { asOf: asOfFor(profile, opts), trace: opts?.trace ?? false }).result);
  }
  return { ruleset: core.ref, results, rejected: rejected.sort((a, b) => a.index - b.index) };
}

/**
 * The compiled core with each input validated and scored once: a what-if decides the same peers twice
 * (before and after the change), and neither step of a peer depends on the subject. Made for one
 * what-if call and dropped with it; a score is reused only for the same date and trace option.
 */
function onceEach(core: EngineCore): EngineCore {
  const validated = new Map<unknown, Result<ValidProfile>>();
  const scored = new Map<ValidProfile, { readonly opts: ScoreOptions; readonly unit: ScoredUnit }>();
  const validate = (input: unknown) => {
    let v = validated.get(input);
    if (v === undefined) validated.set(input, (v = core.validator.validate(input)));
    return v;
  };
  const score: Scorer = (p, opts) => {
    const s = scored.get(p);
    if (s !== undefined && s.opts.asOf === opts.asOf && s.opts.trace === opts.trace) return s.unit;
    const unit = core.score(p, opts);
    scored.set(p, { opts, unit });
    return unit;
  };
  return { ...core, validator: { ...core.validator, validate }, score };
}

/** What-if's step: a subject decided beside its peers — its recommendation and its exact score. */
const decideBeside =
  (core: EngineCore): DecideBeside =>
  (subject, peers, opts) => {
    const { report, units } = recommendInMemory(core, [subject, ...peers], opts);
    const rj = report.rejected.find((r) => r.index === 0);
    if (rj) throw new ThiduaError("invalid profile in whatIf", rj.issues);
    const id = (subject as { id: string }).id.normalize("NFC");
    const rec = report.results.find((r) => r.unitId === id)!;
    const unit = units.find((u) => u.result.unitId === id && cohortKey(u.result) === cohortKey(rec))!;
    return { rec, points: unit.score };
  };

/** Compiles the rule set once and returns an engine to score any number of profiles with it. */
export function createEngine<G extends string = Group>(ruleset: RuleSet<G>, options: EngineOptions = {}): Engine<G> {
  const implementation = options.implementation ?? "compiled";
  const core = createCore(ruleset, implementation);
  const recommend = (profiles: Iterable<unknown>, opts?: RunOptions) => recommendInMemory(core, profiles, opts).report;
  const engine: Engine<G> = {
    ruleset,
    ref: core.ref,
    validate: core.validator.validate,
    safeScore: (profile, opts) => safeScore(core, profile, opts),
    score(profile, opts) {
      const r = safeScore(core, profile, opts);
      if (!r.ok) throw new ThiduaError("invalid profile", r.issues);
      return r.value;
    },
    scoreMany: (profiles, opts) => scoreMany(core, profiles, opts),
    recommend,
    whatIf: (profile, changes, opts) => {
      requireObject(changes, "whatIf(profile, changes)");
      // the reference engine stays the plain specification: it validates and scores every peer twice
      return whatIf(decideBeside(implementation === "compiled" ? onceEach(core) : core), profile, changes, opts);
    },
  };
  Object.defineProperty(engine, ENGINE_CORE, { value: core, enumerable: false });
  return engine;
}
