/** Rule sets: load → validate → resolve `extends` → apply overrides → lint → hash. No Node built-ins. */
export { loadRuleSetFromFiles, MAX_RULE_FILE_BYTES, MAX_JSON_DEPTH, MAX_EXTENDS_DEPTH, type LoadOptions } from "./load.js";
export { RULESET_LIMITS } from "./limits.js";
export { scanJson, type JsonScanError } from "./json-scan.js";
export { lintRuleSet, MAX_CONDITION_DEPTH, leafSpec, citationStanding, lawClaims, basisClaims, type ScalarSpec, type CitationStanding } from "./lint.js";
export { parsePath, WILDCARD, type PathSegment } from "./path.js";
export { isIsoDate } from "./dates.js";
export { perRuleSet, factsById, classesByRank, classRanks, ownValue } from "./lookup.js";
export { MAX_POINTS, PROTOTYPE_NAMES } from "./lint-integrity.js";
export { sha256Hex, ruleSetDigest, canonicalJson, canonicalString } from "./hash.js";
export { walkCondition, walkLeaves, conditionRoots } from "./walk.js";
export { checkFormula, formulaFacts, formulaField, derivedOrder, inputFacts, MAX_FORMULA_DEPTH, type FormulaType } from "./formula.js";
export { describe as describeOverrideTarget } from "./overrides.js";
export { ruleFileJsonSchemas } from "./json-schema.js";
export { zodContext } from "./zod-context.js";
export { GROUPS, OPERATORS, FACT_TYPES, FORBIDDEN_KEYS, FORMAT_VERSION, PROVISION_STATUSES, BASES, UNKNOWN_AS, FORMULA_OPS } from "./constants.js";
export type { FormulaJson, FormulaOpJson, FactValueJson, TieBreakJson, RankingJson, SchemeJson, PeriodJson } from "./json-types.js";
export type * from "./types.js";
export { rulesetAsOf, hasDatedValues, inForceOn, classAt } from "./dated.js";
