/** The rule-file format's closed lists, apart from the schemas (so that using them never loads zod). */

export const FORMAT_VERSION = 1;
/**
 * The five subject groups of Decision 2447/QĐ-TTg: ministries, provinces, the Fatherland Front and
 * socio-political organisations, agencies/enterprises/schools, individuals — the groups of a rule set
 * that declares none (a set may declare its own in `scheme.json`).
 */
export const GROUPS = ["ministry", "province", "front", "enterprise", "individual"] as const;
/** The ten json-rules-engine operators a condition may use; nothing else is accepted (no custom operators). */
export const OPERATORS = [
  "equal",
  "notEqual",
  "lessThan",
  "lessThanInclusive",
  "greaterThan",
  "greaterThanInclusive",
  "in",
  "notIn",
  "contains",
  "doesNotContain",
] as const;
/** The types a fact of the catalog may have (`ratio` is 0–1, `date` an ISO `YYYY-MM-DD`, `object` a record of scalar fields). */
export const FACT_TYPES = ["boolean", "integer", "number", "ratio", "date", "enum", "set", "object"] as const;
export const BASES = ["law", "regulation", "policy-default"] as const;
/** How an unknown fact counts in an adjustment or a criterion (`unknown` by default). */
export const UNKNOWN_AS = ["cap", "zero", "unknown"] as const;
/** The operations of a formula of a derived fact (see `FormulaSchema`). */
export const FORMULA_OPS = ["+", "-", "*", "/", "min", "max", "clamp", "round", "sum", "count", "=", "!=", "<", "<=", ">", ">=", "and", "or", "not", "if", "coalesce"] as const;
/** The rounding rules a formula's `round` may state. */
export const ROUNDING_MODES = ["half-up", "half-even", "floor", "ceil"] as const;
/** Keys that must never be reached through a fact id, a path segment or a profile key. */
export const FORBIDDEN_KEYS = ["__proto__", "constructor", "prototype"] as const;
/** How far a provision's wording was checked (see `rules/README.md`): `confirmed` against a stored text, `secondary` only through a public web copy, `unconfirmed` not found. */
export const PROVISION_STATUSES = ["confirmed", "secondary", "unconfirmed"] as const;
