import type { TraceNode } from "../evaluation/index.js";
import type { AssessmentChange, FormulaTrace } from "../profiles/index.js";
import type { Group, Localized } from "../rules/index.js";
import type { AdjustmentTrace } from "./adjustments.js";
import type { CriterionStatus, PerUnitTrace } from "./styles/index.js";

/** Everything the reference interpreter saw for one criterion; ids and values, never sentences. */
export interface CriterionTrace {
  readonly appliesWhen?: TraceNode;
  readonly conditions?: TraceNode;
  readonly tiers?: readonly { readonly points: number; readonly conditions: TraceNode }[];
  readonly perUnit?: PerUnitTrace;
  readonly bonus?: readonly AdjustmentTrace[];
  readonly deductions?: readonly AdjustmentTrace[];
}

/** The result of one criterion for one profile: status, points (decimal strings), bonus, deduction, missing facts, trace. */
export interface CriterionResult {
  readonly id: string;
  readonly status: CriterionStatus;
  /** Final points as a decimal string ("12.5"). */
  readonly points: string;
  readonly maxPoints: string;
  readonly bonus: string;
  readonly deduction: string;
  /** Index of the tier that counted, for tiered criteria. */
  readonly tier?: number;
  readonly knockout?: true;
  /** Facts this criterion reads that the profile does not give (only when the result is not settled). */
  readonly missingFacts: readonly string[];
  readonly trace?: CriterionTrace;
}

/** The score of one profile: totals as exact decimal strings, percent, class, knock-outs, per-content and per-criterion results, missing facts. */
export interface ScoreResult {
  readonly unitId: string;
  readonly name: string;
  readonly group: Group;
  readonly cohort: string | null;
  readonly year: number;
  readonly asOf: string;
  /** Total points (bonus included, deductions and group caps applied), decimal string. */
  readonly score: string;
  /** Highest score reachable, bonus caps included. */
  readonly maxScore: string;
  /** The nominal scale (sum of maxPoints under group caps, bonus excluded): the base of `percent`. */
  readonly nominalMax: string;
  /** score / nominalMax × 100, 2 decimals, rounded as the manifest says. May exceed 100 with bonus. */
  readonly percent: string;
  /** Score if every unknown criterion resolved favourably. */
  readonly potentialScore: string;
  /** Id of the class reached (classes.json), or null; its title is `ruleSet.classes`' `title`. */
  readonly classification: string | null;
  /** Id of the class reached if every unknown criterion resolved favourably. */
  readonly potentialClassification: string | null;
  readonly knockedOut: boolean;
  readonly knockouts: readonly { readonly criterion: string; readonly reason: Localized }[];
  /** Knock-out criteria whose facts are missing: until they are known no class that excludes knock-outs is reached. */
  readonly knockoutsUnknown: readonly string[];
  readonly contents: readonly { readonly content: number; readonly points: string; readonly maxPoints: string }[];
  readonly groupCaps: readonly { readonly id: string; readonly points: string; readonly cap: string; readonly applied: boolean }[];
  readonly criteria: readonly CriterionResult[];
  readonly missingFacts: readonly string[];
  /** With traces: each derived fact of the group, its value (absent: unknown) and how it was computed. */
  readonly derived?: readonly DerivedValue[];
  /** For a profile with several assessments: the self-assessed and official scores side by side, and each change with its reason. */
  readonly assessment?: AssessmentSummary;
}

/** A derived fact as computed for a profile: its value (absent when unknown) and the trace of its formula. */
export interface DerivedValue {
  readonly fact: string;
  readonly value?: number | boolean;
  readonly trace: FormulaTrace;
}

/** The score of one assessment of a unit: its total, percentage and class. */
export interface AssessedScore {
  readonly score: string;
  readonly percent: string;
  readonly classification: string | null;
}

/** A unit's assessments compared: the self-assessed score beside the official one, and every change made by a reviewer or the council. */
export interface AssessmentSummary {
  /** Which assessment is official, as the rule set says: `lastReviewer`, `council` or `self`. */
  readonly official: "lastReviewer" | "council" | "self";
  readonly self: AssessedScore;
  readonly officialScore: AssessedScore;
  readonly changes: readonly AssessmentChange[];
}


/** Options of one scoring. */
export interface ScoreOptions {
  readonly asOf: string;
  /** Attach the reference interpreter's trace to each applicable criterion. */
  readonly trace: boolean;
}
