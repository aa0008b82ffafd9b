import type { ProposedAward } from "../awards/index.js";
import type { RecommendationReport } from "../engine/index.js";
import { canonicalJson, sha256Hex, type RuleSet } from "../rules/index.js";
import type { CommitteeOverride, DecidedRecommendation, DecisionRecord } from "./types.js";

/** The engine's own version, written into every record. */
export const ENGINE_VERSION = "0.1.0";

const asProposed = (rs: RuleSet, id: string | null): ProposedAward | null => {
  if (id === null) return null;
  const a = rs.awards.find((x) => x.id === id);
  if (!a) return null;
  return { id: a.id, title: a.title, grantor: a.grantor, kind: a.kind, level: a.level, bonusCoefficient: a.bonusCoefficient ?? null };
};

/**
 * Applies committee overrides after the computation: each result keeps its computed award and
 * gains a `final` decision; an override for a unit that is not in the results is reported back.
 */
export function applyCommitteeOverrides(rs: RuleSet, report: RecommendationReport, overrides: readonly CommitteeOverride[]): { results: DecidedRecommendation[]; unmatched: CommitteeOverride[] } {
  const used = new Set<CommitteeOverride>();
  const results = report.results.map((r) => {
    const o = overrides.find((x) => x.unitId === r.unitId && (x.cohort === undefined || x.cohort === r.cohort));
    if (!o) return { ...r, final: { award: r.award, overridden: false } };
    used.add(o);
    return { ...r, final: { award: asProposed(rs, o.award), overridden: true, override: o } };
  });
  return { results, unmatched: overrides.filter((o) => !used.has(o)) };
}

/** What `buildDecisionRecord` needs besides the report: the raw input (hashed), the row count, the run options and the overrides. */
export interface RecordOptions {
  /** The raw input (file bytes or text) whose SHA-256 goes into the record. */
  readonly input: string | Uint8Array;
  readonly inputCount: number;
  readonly options?: Readonly<Record<string, string | number | boolean | null>>;
  readonly overrides?: readonly CommitteeOverride[];
}

/**
 * The outcome replay compares, as a compact projection: per cohort its size and quotas; per unit its
 * rank, score, class, knock-outs, every criterion's status and points, and every award's status;
 * the rejected rows with their issue codes and paths. Details (traces, check parameters) follow
 * from these and the recorded inputs, so they are not hashed.
 */
export function outcomeProjection(report: Pick<RecommendationReport, "cohorts" | "runQuotas" | "results" | "rejected">): unknown {
  return {
    cohorts: report.cohorts,
    runQuotas: report.runQuotas,
    results: report.results.map((r) => [
      r.cohort, r.group, r.year, r.unitId, r.rank, r.decidedBy, r.score, r.percent, r.classification, r.knockedOut,
      r.award?.id ?? null, r.alongside.map((a) => a.id), r.alternatives.map((a) => a.id),
      r.scoreResult.criteria.map((c) => [c.id, c.status, c.points, c.bonus, c.deduction]),
      r.eligibility.map((e) => [e.award, e.status]),
      r.scoreResult.missingFacts,
    ]),
    rejected: report.rejected.map((r) => [r.index, r.row ?? null, r.unitId ?? null, r.issues.map((i) => [i.code, i.path])]),
  };
}

/** SHA-256 of the canonical JSON of {@link outcomeProjection}: what replay compares. */
export function outcomeDigest(report: Pick<RecommendationReport, "cohorts" | "runQuotas" | "results" | "rejected">): string {
  return sha256Hex(canonicalJson(outcomeProjection(report)));
}

/** Builds the decision record of a run: rule set, input hash, engine, as-of date, options, outcome. */
export function buildDecisionRecord(rs: RuleSet, report: RecommendationReport, opts: RecordOptions): DecisionRecord {
  const overrides = opts.overrides ?? [];
  const { results } = applyCommitteeOverrides(rs, report, overrides);
  return {
    format: "thidua.decision-record",
    formatVersion: 1,
    ruleset: { id: rs.id, version: rs.version, sha256: rs.sha256, verified: rs.verified, lineage: rs.lineage },
    input: { sha256: sha256Hex(opts.input), count: opts.inputCount },
    engine: { name: "thidua", version: ENGINE_VERSION },
    asOf: report.asOf,
    options: opts.options ?? {},
    overrides,
    cohorts: report.cohorts,
    runQuotas: report.runQuotas,
    results,
    rejected: report.rejected,
    outcomeSha256: outcomeDigest(report),
  };
}
