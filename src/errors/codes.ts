/**
 * The closed list of issue codes, namespaced by the folder that raises them. Renaming or removing
 * one is a breaking change; message catalogs are typed against this list.
 */
export const ISSUE_CODES = [
  // rules: loading, schema, hashes
  "rules.missing_file",
  "rules.invalid_json",
  "rules.schema",
  "rules.hash_mismatch",
  "rules.unlisted_file",
  "rules.parent_not_found",
  "rules.parent_mismatch",
  "rules.extends_cycle",
  "rules.too_large",
  "rules.invalid_utf8",
  "rules.duplicate_key",
  "rules.not_regular_file",
  "rules.limit",
  // rules: lints
  "rules.duplicate_id",
  "rules.unknown_fact",
  "rules.unknown_operator",
  "rules.unsupported_condition",
  "rules.bad_path",
  "rules.forbidden_key",
  "rules.value_type",
  "rules.threshold_without_basis",
  "rules.tier_points_exceed_max",
  "rules.tier_order",
  "rules.cap_exceeds_max",
  "rules.fact_not_in_group",
  "rules.group_without_facts",
  "rules.unreachable_award",
  "rules.unknown_award",
  "rules.unknown_criterion",
  "rules.unknown_class",
  "rules.law_override_without_citation",
  "rules.override_target",
  "rules.unknown_source",
  "rules.not_nfc",
  "rules.group_mismatch",
  "rules.depth_limit",
  "rules.points_unit",
  "rules.law_unconfirmed",
  "rules.formula",
  "rules.formula_cycle",
  "rules.unknown_group",
  "rules.regulation_citation",
  // profiles
  "profiles.schema",
  "profiles.unknown_fact",
  "profiles.fact_type",
  "profiles.fact_range",
  "profiles.fact_enum",
  "profiles.fact_date",
  "profiles.fact_not_in_group",
  "profiles.unknown_group",
  "profiles.duplicate_id",
  "profiles.forbidden_key",
  "profiles.unknown_award",
  "profiles.out_of_period",
  "profiles.derived",
  "profiles.assessment",
  // input files
  "input.parse",
  // the public API called with an argument of the wrong kind (a programmer error, thrown as a ThiduaError)
  "api.invalid_argument",
  // committee overrides
  "overrides.schema",
  "overrides.date",
  "overrides.unknown_award",
  "overrides.duplicate",
  "overrides.unmatched",
  "overrides.award_mismatch",
  // decision records
  "record.invalid_json",
  "record.schema",
  "record.unsupported_version",
] as const;

/** One of `ISSUE_CODES`. */
export type IssueCode = (typeof ISSUE_CODES)[number];
