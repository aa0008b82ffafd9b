/** Scoring: compile a rule set once, then score validated profiles into exact points, classes and knock-outs. */
export { compileRuleset, type CompiledRuleSet, type CompiledCriterion } from "./compile.js";
export { scoreProfile, type ScoreResult, type CriterionResult, type ScoreOptions } from "./evaluate.js";
export { scoreCriterion, newVerdict, type CriterionStatus, type CriterionVerdict } from "./score.js";
export { traceCriterion, type CriterionTrace, type PerUnitTrace, type AdjustmentTrace } from "./trace.js";
export { Dec, round, divRound, UNIT, toUnits, type RoundingMode } from "./decimal.js";
export { units as unitsToDecimalString } from "./format.js";
