/**
 * The engine: the public façade that runs the pipeline (profiles → evaluation → scoring → ranking →
 * awards) for one compiled rule set. Pure and synchronous; pass the as-of date for reproducible runs.
 */
import { groupBy, sortBy, toPairs } from "ramda";
import { compileAwards, decideRunQuotas, recommendCohort, type CohortSummary, type QuotaUse, type Recommendation, type RunQuotaDecision } from "../awards/index.js";
import { issue, ThiduaError, type Issue, type Result } from "../errors/index.js";
import { createProfileValidator, type ValidProfile } from "../profiles/index.js";
import { cohortKey } from "../ranking/index.js";
import { isIsoDate, type RuleSet } from "../rules/index.js";
import { compileRuleset, scoreProfile, type ScoreResult } from "../scoring/index.js";
import { validateBatch, type Rejected } from "./batch.js";
import { whatIf as whatIfImpl, type WhatIfResult } from "./what-if.js";

export type { Rejected } from "./batch.js";
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
  const compiled = compileRuleset(ruleset);
  const awards = compileAwards(ruleset, compiled.slots);
  const hasRunQuotas = awards.some((a) => a.def.quota?.scope === "run");
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
  const recommend = (profiles: Iterable<unknown>, opts?: EvaluateOptions): RecommendationReport => {
    checkAsOf(opts?.asOf);
    const { valid, rejected } = inPeriod(validateBatch(validator, profiles), opts);
    const scored = valid.map(({ profile }) => ({ result: score(profile, opts, false), profile }));
    const cohorts = groupBy((m: (typeof scored)[number]) => cohortKey(m.result), scored);
    const ordered = sortBy(([key]) => key, toPairs(cohorts)).filter(([, m]) => m && m.length > 0) as [string, (typeof scored)[number][]][];
    const pass = (decisions?: ReadonlyMap<string, RunQuotaDecision>) => {
      const summaries: CohortSummary[] = [];
      const results: Recommendation[] = [];
      for (const [k, members] of ordered) {
        const { recs, quotas } = recommendCohort(ruleset, awards, members, decisions);
        const r0 = members[0]!.result;
        summaries.push({ key: k, group: r0.group, cohort: r0.cohort, year: r0.year, size: members.length, quotas });
        results.push(...recs);
      }
      return { summaries, results };
    };
    let { summaries, results } = pass();
    let runQuotas: QuotaUse[] = [];
    if (hasRunQuotas) {
      const decided = decideRunQuotas(awards, results);
      runQuotas = decided.uses;
      ({ summaries, results } = pass(decided.decisions));
    }
    return { ruleset: ref, asOf: opts?.asOf ?? null, cohorts: summaries, runQuotas, results, rejected };
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
      checkAsOf(opts?.asOf);
      const { valid, rejected } = inPeriod(validateBatch(validator, profiles), opts);
      return { ruleset: ref, results: valid.map(({ profile }) => score(profile, opts, false)), rejected };
    },
    recommend,
    whatIf: (profile, changes, opts) => whatIfImpl(recommend, profile, changes, opts),
  };
  return engine;
}
