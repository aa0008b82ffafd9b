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

export interface RecordOptions {
  /** The raw input (file bytes or text) whose SHA-256 goes into the record. */
  readonly input: string | Uint8Array;
  readonly inputCount: number;
  readonly options?: Readonly<Record<string, string | number | boolean | null>>;
  readonly overrides?: readonly CommitteeOverride[];
}

/** Hash of what replay compares: the computed cohorts, results and rejected rows (not the overrides). */
export function outcomeDigest(report: Pick<RecommendationReport, "cohorts" | "runQuotas" | "results" | "rejected">): string {
  // Traces are an explanation aid (present or not depending on options): they are not part of the outcome.
  const results = report.results.map((r) => ({ ...r, scoreResult: { ...r.scoreResult, criteria: r.scoreResult.criteria.map(({ trace: _t, ...c }) => c) } }));
  return sha256Hex(canonicalJson({ cohorts: report.cohorts, runQuotas: report.runQuotas, results, rejected: report.rejected }));
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
