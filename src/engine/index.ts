/**
 * The engine: the public façade that runs the pipeline (profiles → evaluation → scoring) for one
 * compiled rule set. Pure and synchronous; pass the as-of date explicitly for reproducible runs.
 */
import { issue, ThiduaError, type Issue, type Result } from "../errors/index.js";
import { createProfileValidator, type ValidProfile } from "../profiles/index.js";
import type { RuleSet } from "../rules/index.js";
import { compileRuleset, scoreProfile, type ScoreResult } from "../scoring/index.js";

export interface RuleSetRef {
  readonly id: string;
  readonly version: string;
  readonly sha256: string;
}
export interface EvaluateOptions {
  /** ISO date the rule set is applied as of; default: 31 December of the profile's year. */
  readonly asOf?: string;
  /** Attach the interpreter's trace to each criterion. Default: true for `evaluate`, false for `evaluateMany`. */
  readonly trace?: boolean;
}
export interface Rejected {
  /** Position in the input (0-based). */
  readonly index: number;
  readonly unitId?: string;
  readonly issues: readonly Issue[];
}
export interface BatchResult {
  readonly ruleset: RuleSetRef;
  readonly results: readonly ScoreResult[];
  readonly rejected: readonly Rejected[];
}
export interface Engine {
  readonly ruleset: RuleSet;
  readonly ref: RuleSetRef;
  validate(profile: unknown): Result<ValidProfile>;
  /** Scores one profile; throws a ThiduaError carrying the issues if the profile is invalid. */
  evaluate(profile: unknown, opts?: EvaluateOptions): ScoreResult;
  safeEvaluate(profile: unknown, opts?: EvaluateOptions): Result<ScoreResult>;
  /** Scores a batch; every input ends up exactly once in `results` or `rejected`. */
  evaluateMany(profiles: Iterable<unknown>, opts?: EvaluateOptions): BatchResult;
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;
function checkAsOf(asOf: string | undefined): void {
  if (asOf !== undefined && (!ISO.test(asOf) || Number.isNaN(Date.parse(asOf)))) {
    throw new ThiduaError(`asOf must be an ISO date YYYY-MM-DD, got ${JSON.stringify(asOf)}`);
  }
}

const keyOf = (p: ValidProfile) => `${p.group}\u0000${p.cohort ?? ""}\u0000${p.year}\u0000${p.id}`;

/** Compiles the rule set once and returns an engine to score any number of profiles with it. */
export function createEngine(ruleset: RuleSet): Engine {
  const compiled = compileRuleset(ruleset);
  const validator = createProfileValidator(ruleset);
  const ref: RuleSetRef = Object.freeze({ id: ruleset.id, version: ruleset.version, sha256: ruleset.sha256 });
  const score = (p: ValidProfile, opts: EvaluateOptions | undefined, traceDefault: boolean) =>
    scoreProfile(compiled, p, { asOf: opts?.asOf ?? `${p.year}-12-31`, trace: opts?.trace ?? traceDefault });
  const safeEvaluate = (profile: unknown, opts?: EvaluateOptions): Result<ScoreResult> => {
    checkAsOf(opts?.asOf);
    const v = validator.validate(profile);
    return v.ok ? { ok: true, value: score(v.value, opts, true) } : v;
  };
  return {
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
      const valid: { index: number; p: ValidProfile }[] = [];
      const rejected: Rejected[] = [];
      const counts = new Map<string, number>();
      let index = 0;
      for (const raw of profiles) {
        const v = validator.validate(raw);
        if (v.ok) {
          valid.push({ index, p: v.value });
          counts.set(keyOf(v.value), (counts.get(keyOf(v.value)) ?? 0) + 1);
        } else {
          const id = raw && typeof raw === "object" ? (raw as { id?: unknown }).id : undefined;
          rejected.push({ index, ...(typeof id === "string" && { unitId: id }), issues: v.issues });
        }
        index++;
      }
      const results: ScoreResult[] = [];
      for (const { index: i, p } of valid) {
        if (counts.get(keyOf(p))! > 1) {
          rejected.push({ index: i, unitId: p.id, issues: [issue("profiles.duplicate_id", ["id"], `unit id ${p.id} appears more than once in ${p.group}/${p.cohort ?? "-"}/${p.year}`, { id: p.id })] });
        } else results.push(score(p, opts, false));
      }
      rejected.sort((a, b) => a.index - b.index);
      return { ruleset: ref, results, rejected };
    },
  };
}
