/** Profiles: validate a unit's or person's year against the rule set's fact catalog, normalise, freeze. */
export { createProfileValidator, nfc, type ProfileValidator } from "./validate.js";
export { buildProfileSchema } from "./schema.js";
export { PROFILE_LIMITS, ROW, type Profile, type ProfileInput, type ValidProfile, type HistoryEntry, type Assessment, type AssessmentChange, type FactChange } from "./types.js";
export { createDeriver, computeFormula, traceFormula, missingInputs, FormulaError, type DeriveReader, type Deriver, type FormulaTrace } from "./derive.js";
