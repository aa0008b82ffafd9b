/**
 * Plain TypeScript shapes of the rule files. `schema.ts` checks at compile time that each zod
 * schema parses to exactly these types, so the published `.d.ts` never mentions zod.
 */
export interface LocalizedJson {
  vi: string;
  en: string;
}
/** `law`: fixed by a cited legal text; `regulation`: fixed by the committee's or institution's own regulation (quy chế), cited like a law; `policy-default`: the rule set's choice. */
export type BasisJson = "law" | "regulation" | "policy-default";
/** A subject group: one of the five of Decision 2447 (`ministry`, `province`, `front`, `enterprise`, `individual`) or a group the rule set declares in its scheme file. */
export type GroupJson = string;
export interface CitationJson {
  source: string;
  section?: string | undefined;
  seed?: string | undefined;
  note?: LocalizedJson | undefined;
}
export type ScalarValueJson = string | number | boolean | null;
/** Another fact as the value of a comparison (json-rules-engine's `value: { fact, path? }`). */
export interface FactValueJson {
  fact: string;
  path?: string | undefined;
}
/** The period a dated value is in force (either end may be open). */
export interface PeriodJson {
  validFrom?: string | undefined;
  validTo?: string | undefined;
}
/** A threshold's value in force in a period, replacing `value` then. */
export interface DatedValueJson extends PeriodJson {
  value: ScalarValueJson | ScalarValueJson[];
  ref?: CitationJson | undefined;
  note?: LocalizedJson | undefined;
}
/** A json-rules-engine leaf, `{ fact, operator, value, path? }`, with thidua's provenance beside it (`id`, `basis`, `ref`, `dated`, `note`), which json-rules-engine ignores. */
export interface LeafCondition {
  fact: string;
  operator: string;
  value: ScalarValueJson | ScalarValueJson[] | FactValueJson;
  path?: string | undefined;
  id?: string | undefined;
  basis?: BasisJson | undefined;
  ref?: CitationJson | undefined;
  dated?: DatedValueJson[] | undefined;
  note?: LocalizedJson | undefined;
}
/** A json-rules-engine condition: all / any / not / leaf. */
export type Condition = { all: Condition[] } | { any: Condition[] } | { not: Condition } | LeafCondition;

export interface ProvisionJson {
  section: string;
  status: "confirmed" | "secondary" | "unconfirmed";
  quotes?: string[] | undefined;
  via?: string | undefined;
  note?: LocalizedJson | undefined;
}
export interface SourceJson {
  id: string;
  title: LocalizedJson;
  issuer: LocalizedJson;
  date?: string | undefined;
  inForce?: string | undefined;
  kind: "law" | "decree" | "decision" | "circular" | "directive" | "conclusion" | "plan" | "news" | "regulation";
  seed?: string | undefined;
  reference?: string | undefined;
  status?: "in-force" | "amended" | "repealed" | "unconfirmed" | undefined;
  note?: LocalizedJson | undefined;
  provisions?: ProvisionJson[] | undefined;
}
export interface ManifestJson {
  $schema?: string | undefined;
  formatVersion: 1;
  id: string;
  version: string;
  title: LocalizedJson;
  description?: LocalizedJson | undefined;
  effectiveFrom: string;
  effectiveTo?: string | undefined;
  extends?: { id: string; version: string; sha256?: string | undefined } | undefined;
  jurisdiction?: LocalizedJson | undefined;
  pointScale: 2;
  rounding: "half-up" | "half-even" | "floor" | "ceil";
  sources: SourceJson[];
  files: { path: string; kind: "facts" | "criteria" | "awards" | "classes" | "overrides" | "scheme"; sha256: string }[];
  changelog?: { version: string; date: string; changes: LocalizedJson[] }[] | undefined;
}
export interface ScalarSpecJson {
  type: "boolean" | "integer" | "number" | "ratio" | "date" | "enum";
  values?: string[] | undefined;
  min?: number | undefined;
  max?: number | undefined;
  label: LocalizedJson;
}
export interface FactJson {
  id: string;
  type: "boolean" | "integer" | "number" | "ratio" | "date" | "enum" | "set" | "object";
  label: LocalizedJson;
  description?: LocalizedJson | undefined;
  unit?: LocalizedJson | undefined;
  min?: number | undefined;
  max?: number | undefined;
  values?: string[] | undefined;
  valueLabels?: Record<string, LocalizedJson> | undefined;
  fields?: Record<string, ScalarSpecJson> | undefined;
  formula?: FormulaJson | undefined;
  better: "higher" | "lower" | "none";
  evidence: LocalizedJson;
  groups: GroupJson[];
}
/** How an unknown fact counts: `unknown` (the default: not proven, so not in the unit's favour now, and listed as missing), `zero` (a blank counts as nothing), `cap` (a blank counts in full). */
export type UnknownAsJson = "cap" | "zero" | "unknown";
export interface PerUnitJson {
  id?: string | undefined;
  fact: string;
  path?: string | undefined;
  pointsPerUnit: number;
  cap?: number | undefined;
  basis: BasisJson;
  ref?: CitationJson | undefined;
  label?: LocalizedJson | undefined;
  dated?: (PeriodJson & { pointsPerUnit?: number | undefined; cap?: number | undefined; ref?: CitationJson | undefined })[] | undefined;
}
export interface AdjustmentJson {
  id: string;
  title: LocalizedJson;
  conditions?: Condition | undefined;
  points?: number | undefined;
  perUnit?: PerUnitJson | undefined;
  cap: number;
  unknownAs?: UnknownAsJson | undefined;
  basis: BasisJson;
  ref?: CitationJson | undefined;
  dated?: (PeriodJson & { points?: number | undefined; cap?: number | undefined; ref?: CitationJson | undefined })[] | undefined;
}
export interface TierJson {
  id?: string | undefined;
  points: number;
  label?: LocalizedJson | undefined;
  conditions: Condition;
  dated?: (PeriodJson & { points: number; ref?: CitationJson | undefined })[] | undefined;
}
export interface CriterionJson {
  id: string;
  group: GroupJson;
  contents?: number[] | undefined;
  title: LocalizedJson;
  description?: LocalizedJson | undefined;
  citation: CitationJson;
  basis: BasisJson;
  maxPoints: number;
  conditions?: Condition | undefined;
  tiers?: TierJson[] | undefined;
  perUnit?: PerUnitJson | undefined;
  bonus?: AdjustmentJson[] | undefined;
  deductions?: AdjustmentJson[] | undefined;
  floor?: number | undefined;
  appliesWhen?: Condition | undefined;
  unknownAs?: UnknownAsJson | undefined;
  knockout?: boolean | undefined;
  knockoutReason?: LocalizedJson | undefined;
  evidence: LocalizedJson[];
  effectiveFrom?: string | undefined;
  effectiveTo?: string | undefined;
}
export interface ClassJson {
  id: string;
  title: LocalizedJson;
  rank: number;
  minPercent?: number | undefined;
  minPoints?: number | undefined;
  unscored?: boolean | undefined;
  requires?: { criterion: string; minPoints: number }[] | undefined;
  noKnockout?: boolean | undefined;
  basis: BasisJson;
  ref?: CitationJson | undefined;
  dated?: (PeriodJson & { minPercent?: number | undefined; minPoints?: number | undefined; ref?: CitationJson | undefined })[] | undefined;
}
export type HistoryRequirementJson =
  | { kind: "consecutive"; awards: string[]; times: number; includeCurrentYear: boolean; linkedBy?: string[] | undefined; reuse?: "consumed" | "allowed" | undefined; basis: BasisJson; ref?: CitationJson | undefined }
  | { kind: "prior"; awards: string[]; withinYears?: number | undefined; basis: BasisJson; ref?: CitationJson | undefined }
  | { kind: "never"; awards: string[]; basis: BasisJson; ref?: CitationJson | undefined }
  | { kind: "freshInitiatives"; min: number; basis: BasisJson; ref?: CitationJson | undefined };
export interface QuotaJson {
  share: string;
  of: string;
  rounding: "floor" | "ceil" | "half-up";
  minimum?: number | undefined;
  scope?: "cohort" | "run" | undefined;
  enabled?: boolean | undefined;
  basis: BasisJson;
  ref?: CitationJson | undefined;
}
export interface DeferralJson {
  id: string;
  title: LocalizedJson;
  groups: GroupJson[];
  when: Condition;
  basis: BasisJson;
  ref?: CitationJson | undefined;
}
export interface AwardJson {
  id: string;
  kind: "title" | "commendation" | "medal";
  recipient: "collective" | "individual";
  groups: GroupJson[];
  level: "grassroots" | "ministry-province" | "national";
  title: LocalizedJson;
  grantor: LocalizedJson;
  precedence: number;
  exclusiveGroup?: string | undefined;
  requiresThisYear?: string[] | undefined;
  eligibility: {
    minClass?: string | undefined;
    minPercent?: number | undefined;
    criteria?: string[] | undefined;
    conditions?: Condition | undefined;
    noKnockout: boolean;
  };
  history?: HistoryRequirementJson[] | undefined;
  quota?: QuotaJson | undefined;
  bonusCoefficient?: number | undefined;
  bonusRef?: CitationJson | undefined;
  citation: CitationJson;
  basis: BasisJson;
  note?: LocalizedJson | undefined;
  codes?: Record<string, string> | undefined;
}
export type OverrideTargetJson =
  | { kind: "threshold"; criterion: string; threshold: string }
  | { kind: "class"; class: string; field: "minPercent" | "minPoints" }
  | { kind: "quota"; award: string; field: "share" | "enabled" }
  | { kind: "perUnit"; criterion: string; field: "pointsPerUnit" | "cap" };
export interface OverrideJson {
  target: OverrideTargetJson;
  value: ScalarValueJson | ScalarValueJson[];
  reason: LocalizedJson;
  citation?: CitationJson | undefined;
}

/**
 * A formula of a derived fact: a JSON expression tree, never code. A number or boolean literal, a
 * string (compared with an enum fact), a fact (`{ fact, path? }`), or an operation
 * `{ op, args?, of?, places?, mode? }` (see `FORMULA_OPS`).
 */
export type FormulaJson = number | boolean | string | FactValueJson | FormulaOpJson;
export interface FormulaOpJson {
  op: "+" | "-" | "*" | "/" | "min" | "max" | "clamp" | "round" | "sum" | "count" | "=" | "!=" | "<" | "<=" | ">" | ">=" | "and" | "or" | "not" | "if" | "coalesce";
  args?: FormulaJson[] | undefined;
  of?: FactValueJson | undefined;
  places?: number | undefined;
  mode?: "half-up" | "half-even" | "floor" | "ceil" | undefined;
}
/** One step of a ranking chain (see `ranking.tieBreaks`). */
export type TieBreakJson =
  | { key: "score" | "potentialScore" | "selfScore" | "notKnockedOut" | "fewerUnknown" | "moreMet" | "unitId" }
  | { key: "fact"; fact: string; path?: string | undefined; better: "higher" | "lower" }
  | { key: "name"; collation: "vi" | "code-point" };
export interface RankingJson {
  tieBreaks: TieBreakJson[];
  ties?: "shared" | "ordered" | undefined;
  basis: BasisJson;
  ref?: CitationJson | undefined;
}
export interface GroupDefJson {
  id: string;
  title?: LocalizedJson | undefined;
}
export interface AssessmentPolicyJson {
  official: "lastReviewer" | "council" | "self";
  basis: BasisJson;
  ref?: CitationJson | undefined;
}
/** `scheme.json`: how the rule set's committee works — its subject groups, its ranking, which assessment is official. */
export interface SchemeJson {
  $schema?: string | undefined;
  groups?: GroupDefJson[] | undefined;
  ranking?: RankingJson | undefined;
  assessments?: AssessmentPolicyJson | undefined;
}

/* The rule files as a program writes them (`JSON.stringify` one of these and list it in the manifest). */

/** `manifest.json`: the rule set's id, version, period, legal sources and the files with their sha256. */
export type ManifestFile = ManifestJson;
/** `facts.json`: the fact catalog. */
export interface FactsFile {
  $schema?: string | undefined;
  facts: FactJson[];
}
/** A group cap of a criteria file: the points of several criteria together count at most `maxPoints`. */
export interface GroupCapJson {
  id: string;
  title: LocalizedJson;
  criteria: string[];
  maxPoints: number;
  basis: BasisJson;
  ref?: CitationJson | undefined;
}
/** `criteria/<group>.json`: the criteria of one subject group. */
export interface CriteriaFile {
  $schema?: string | undefined;
  group: GroupJson;
  title: LocalizedJson;
  criteria: CriterionJson[];
  groupCaps?: GroupCapJson[] | undefined;
}
/** `classes.json`: the classification thresholds. */
export interface ClassesFile {
  $schema?: string | undefined;
  classes: ClassJson[];
  citation: CitationJson;
}
/** `awards.json`: the award catalog. */
export interface AwardsFile {
  $schema?: string | undefined;
  awards: AwardJson[];
  /** What defers every award of some groups while it holds (Decree 152/2025/NĐ-CP Art. 4(4)). */
  deferrals?: DeferralJson[] | undefined;
}
/** `scheme.json` of a rule set: its subject groups, its ranking chain, which assessment is official. */
export type SchemeFile = SchemeJson;
/** `overrides.json` of a local rule set: changes of the parent's policy-default values. */
export interface OverridesFile {
  $schema?: string | undefined;
  overrides: OverrideJson[];
}
