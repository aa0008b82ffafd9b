import type { CommitteeOverride, FinalDecision, Recommendation } from "../awards/index.js";
import type { RecommendationReport } from "../engine/index.js";
import type { Localized } from "../rules/index.js";

export type { CommitteeOverride, FinalDecision } from "../awards/index.js";

/** A recommendation with the committee's final decision beside the computed one. */
export interface DecidedRecommendation extends Recommendation {
  readonly final: FinalDecision;
}

/** The decision record: everything needed to re-run the decision bit for bit and check it. */
export interface DecisionRecord {
  readonly format: "thidua.decision-record";
  readonly formatVersion: 1;
  readonly ruleset: { readonly id: string; readonly version: string; readonly sha256: string; readonly verified: boolean; readonly lineage: readonly { readonly id: string; readonly version: string; readonly sha256: string }[] };
  readonly input: { readonly sha256: string; readonly count: number };
  readonly engine: { readonly name: "thidua"; readonly version: string };
  readonly asOf: string | null;
  readonly options: Readonly<Record<string, string | number | boolean | null>>;
  readonly overrides: readonly CommitteeOverride[];
  readonly cohorts: RecommendationReport["cohorts"];
  readonly runQuotas: RecommendationReport["runQuotas"];
  readonly results: readonly DecidedRecommendation[];
  readonly rejected: RecommendationReport["rejected"];
  /** SHA-256 of the canonical JSON of the outcome projection (`outcomeDigest`): cohorts, run quotas, per unit its rank, score, class, awards, criteria and award statuses, and the rejected rows. Not the committee's `final` decisions. What replay compares. */
  readonly outcomeSha256: string;
  readonly title?: Localized;
}
