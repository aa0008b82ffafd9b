import type { Award, Localized } from "../rules/index.js";
import type { TieBreak } from "../ranking/index.js";
import type { ScoreResult } from "../scoring/index.js";
import type { AwardCheck } from "./checks/index.js";

/** Verdict on one award: `eligible` (granted), `ineligible`, `unknown` (evidence missing) or `quota` (eligible but beyond the quota). */
export type AwardStatusKind = "eligible" | "ineligible" | "unknown" | "quota" | "deferred";

/** The verdict on one award for one unit, with every check that decided it. */
export interface AwardStatus {
  readonly award: string;
  readonly status: AwardStatusKind;
  readonly granted: boolean;
  readonly checks: readonly AwardCheck[];
}
/** An award proposed for a unit, as the catalog names it: id, title, grantor, kind, level and bonus coefficient. */
export interface ProposedAward {
  readonly id: string;
  readonly title: Localized;
  readonly grantor: Localized;
  readonly kind: Award["kind"];
  readonly level: Award["level"];
  readonly bonusCoefficient: number | null;
  /** The award's codes in other systems' catalogues, by system (when the catalog gives them). */
  readonly codes?: Readonly<Record<string, string>>;
}
/** The next award up on one ladder that the unit did not get, with the checks that failed or lack evidence. */
export interface NearMiss {
  readonly award: string;
  readonly title: Localized;
  readonly status: AwardStatusKind;
  /** The checks that failed or lack evidence. */
  readonly missing: readonly AwardCheck[];
  /** Points short of the class or percentage the award needs, if that is one of the reasons. */
  readonly pointsShort: string | null;
}
/** Evidence the committee should ask for: a missing fact (with its label and the criteria reading it) or missing past years of the record. */
export interface MissingEvidence {
  readonly fact?: string;
  readonly label: Localized;
  readonly evidence: Localized;
  readonly criteria: readonly string[];
  /** Awards whose own conditions read the fact (facts only award conditions read). */
  readonly awards?: readonly string[];
}
/** One unit's result in a ranked cohort: score, class, rank, the proposed award, what it lacks, and its `ScoreResult`. */
export interface Recommendation {
  readonly unitId: string;
  readonly name: string;
  readonly group: ScoreResult["group"];
  readonly cohort: string | null;
  readonly year: number;
  readonly rank: number;
  readonly cohortSize: number;
  readonly decidedBy: TieBreak | null;
  readonly score: string;
  readonly percent: string;
  /** Id of the class reached (as in `ScoreResult`). */
  readonly classification: string | null;
  readonly knockedOut: boolean;
  readonly award: ProposedAward | null;
  /** Awards of another exclusive group granted beside the proposed one (the catalog allows them together). */
  readonly alongside: readonly ProposedAward[];
  /** Lower awards the unit also qualifies for, in place of the proposed one. */
  readonly alternatives: readonly ProposedAward[];
  readonly nearMisses: readonly NearMiss[];
  readonly missingEvidence: readonly MissingEvidence[];
  readonly eligibility: readonly AwardStatus[];
  readonly scoreResult: ScoreResult;
}
/** How a quota was used in a cohort (or across the run): base, allowed winners, candidates, granted, and whether it bound. */
export interface QuotaUse {
  readonly award: string;
  /** The quota's share of its base ("0.15"). */
  readonly share: string;
  readonly base: number;
  /** Share × base before rounding ("0.75"): when it rounds to fewer winners than candidates, the report says so. */
  readonly exact: string;
  readonly allowed: number;
  readonly candidates: number;
  readonly granted: number;
  readonly binding: boolean;
}
/** One cohort of a run (subject group + cluster/block + year): its size and the quotas applied in it. */
export interface CohortSummary {
  readonly key: string;
  readonly group: ScoreResult["group"];
  readonly cohort: string | null;
  readonly year: number;
  readonly size: number;
  readonly quotas: readonly QuotaUse[];
}

/** A committee's decision that replaces the computed award of one unit (applied after the computation). */
export interface CommitteeOverride {
  readonly unitId: string;
  /** Award id the committee decided (the first, when it decided several), or null for "no award". */
  readonly award: string | null;
  /**
   * Further awards the committee decided for the unit together with `award`, in the order it wrote
   * them (e.g. "Bằng khen của Thủ tướng Chính phủ" and "Cờ thi đua"); absent when it decided one.
   */
  readonly alongside?: readonly string[];
  readonly reason: string;
  readonly decidedBy: string;
  /** ISO date of the decision. */
  readonly date: string;
  /** Optional: restrict to one cohort when unit ids repeat across cohorts. */
  readonly cohort?: string;
}

/** The final decision beside the computed one; an override never erases the computed result. */
export interface FinalDecision {
  readonly award: ProposedAward | null;
  /** The further awards of an override that decided several (absent otherwise). */
  readonly alongside?: readonly ProposedAward[];
  readonly overridden: boolean;
  readonly override?: CommitteeOverride;
}

/** A recommendation with the committee's final decision beside the computed one. */
export interface DecidedRecommendation extends Recommendation {
  readonly final: FinalDecision;
}
