import type { CommitteeOverride, DecidedRecommendation } from "../awards/index.js";

export type { CommitteeOverride, DecidedRecommendation, FinalDecision } from "../awards/index.js";
import type { RecommendationReport } from "../engine/index.js";
import type { Localized } from "../rules/index.js";

/**
 * The seal of a decision record: the SHA-256 of the canonical JSON of each part (every top-level
 * field but `seal`), and the SHA-256 of the canonical JSON of `parts`. A record whose body no longer
 * matches its seal was edited after it was written (see `checkRecordSeal`). A checksum, not a
 * signature: it proves a record whole, not who wrote it.
 */
export interface RecordSeal {
  readonly algorithm: "sha256";
  readonly parts: Readonly<Record<string, string>>;
  readonly sha256: string;
}

/** The decision record: everything needed to re-run the decision bit for bit and check it (format version 2). */
export interface DecisionRecord {
  readonly format: "thidua.decision-record";
  /** 2: sealed. Version-1 records (no seal) still replay, with a caveat (see `parseDecisionRecord`). */
  readonly formatVersion: 2;
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
  /**
   * Input columns that named no fact and were ignored because the user asked to (`--ignore-unknown-columns`),
   * as written in the header. Absent when none was (records made before this field replay unchanged).
   */
  readonly ignoredColumns?: readonly string[];
  readonly seal: RecordSeal;
}
