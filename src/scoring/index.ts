/**
 * Scoring: a profile's facts → exact points, classes and knock-outs. `score.ts` is the reference
 * path (the specification); `compiled.ts` the accelerated one the engine builds, checked against it.
 * Each scoring style is one module in `styles/`.
 */
export { scoreProfile, scoreFromVerdicts, traceCriterion, factReader, rowReader, type ScoredUnit } from "./score.js";
export { compileScorer, compileVerdicts, type Scorer, type VerdictsOf } from "./compiled.js";
export { evaluateCriterion, criterionVerdict, type CriterionVerdict } from "./criterion.js";
export { groupRules, factsRead, type GroupRules, type FactRead } from "./group.js";
export { SCORING_STYLES, styleOf, type CriterionStatus, type PerUnitTrace, type ScoringStyle } from "./styles/index.js";
export type { AdjustmentTrace } from "./adjustments.js";
export type { CriterionResult, CriterionTrace, ScoreOptions, ScoreResult, DerivedValue, AssessedScore, AssessmentSummary } from "./types.js";
export { Dec, round, divRound, percentOf, pointsFor, formatPoints, toPoints, toPercent, sum, ZERO, type Points, type Percent, type RoundingMode } from "./points.js";
