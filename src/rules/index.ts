/** Rule sets: load → validate → resolve `extends` → apply overrides → lint → hash. No Node built-ins. */
export { loadRuleSetFromFiles, MAX_RULE_FILE_BYTES, MAX_JSON_DEPTH, MAX_EXTENDS_DEPTH, type LoadOptions } from "./load.js";
export { RULESET_LIMITS } from "./limits.js";
export { scanJson, type JsonScanError } from "./json-scan.js";
export { lintRuleSet, MAX_CONDITION_DEPTH, leafSpec, citationStanding, citationDoubt, lawClaims, type CitationDoubt, type ScalarSpec, type CitationStanding } from "./lint.js";
export { parsePath, type PathSegment } from "./path.js";
export { isIsoDate } from "./dates.js";
export { perRuleSet, factsById, classesByRank, classRanks, ownValue } from "./lookup.js";
export { MAX_POINTS, PROTOTYPE_NAMES } from "./lint-integrity.js";
export { sha256Hex, ruleSetDigest, canonicalJson, canonicalString } from "./hash.js";
export { walkCondition, conditionRoots } from "./walk.js";
export { describe as describeOverrideTarget } from "./overrides.js";
export { ruleFileJsonSchemas } from "./json-schema.js";
export { zodContext } from "./zod-context.js";
export { GROUPS, OPERATORS, FACT_TYPES, FORBIDDEN_KEYS, FORMAT_VERSION, PROVISION_STATUSES } from "./constants.js";
export type * from "./types.js";
