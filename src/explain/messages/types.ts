import type { CitationDoubt } from "../../rules/index.js";

/**
 * The message catalog: every sentence the library prints, per language. `vi.ts` is the reference,
 * `en.ts` the translation; each ends in `satisfies Catalog`, so a missing key or a wrong parameter
 * fails to compile. Criterion, fact and award titles come from the rule files, not from here.
 * Precedence: rule-file text, then a committee catalog passed in, then the built-in one.
 */
export interface Catalog {
  readonly locale: string;
  readonly op: Readonly<Record<
    "equal" | "notEqual" | "lessThan" | "lessThanInclusive" | "greaterThan" | "greaterThanInclusive" | "in" | "notIn" | "contains" | "doesNotContain",
    (fact: string, value: string) => string
  >>;
  readonly isTrue: (fact: string) => string;
  readonly isFalse: (fact: string) => string;
  readonly yes: string;
  readonly no: string;
  readonly allOf: string;
  readonly anyOf: string;
  readonly notThat: string;
  readonly or: string;
  readonly points: (p: string) => string;
  readonly perUnit: (pts: string, fact: string, cap: string) => string;
  /** A per-unit rule of one point per point: the points are those of the fact. */
  readonly pointsAsGiven: (fact: string, cap: string) => string;
  readonly tier: (pts: string) => string;
  readonly bonus: string;
  readonly deduction: string;
  readonly floor: (p: string) => string;
  readonly appliesWhen: string;
  readonly knockout: string;
  readonly basis: Readonly<Record<"law" | "regulation" | "policy-default", string>>;
  readonly status: Readonly<Record<"met" | "partial" | "not_met" | "unknown" | "not_applicable", string>>;
  /** What a rule requires, without the fact: "từ 12 trở lên" / "at least 12". */
  readonly req: Readonly<Record<Operator, (value: string) => string>>;
  /** Explanation and report messages (see {@link MessageParams}). */
  readonly msg: MessageCatalog;
  /** Formulas of derived facts in words (see `explain/formula.ts`). */
  readonly formula: {
    readonly fn: Readonly<Record<"min" | "max" | "sum" | "count", string>>;
    /** Between the arguments of a function. */
    readonly sep: string;
    readonly and: string;
    readonly or: string;
    readonly not: (x: string) => string;
    readonly if: (cond: string, then: string, otherwise: string) => string;
    readonly coalesce: (xs: readonly string[]) => string;
    readonly clamp: (x: string, low: string, high: string) => string;
    readonly round: (x: string, places: number, mode: "half-up" | "half-even" | "floor" | "ceil") => string;
    /** `sum`/`count` over an object fact's fields or a set fact's members. */
    readonly over: (op: "sum" | "count", fact: string, set: boolean) => string;
    /** An unknown value in a formula with values. */
    readonly unknown: string;
  };
  /** The names of the five subject groups of Decision 2447. */
  readonly group: Readonly<Record<"ministry" | "province" | "front" | "enterprise" | "individual", string>>;
  /** The doubt printed after a citation that is not a confirmed provision (explanations and the rule book). */
  readonly doubt: Readonly<Record<CitationDoubt, string>>;
  /** One step of a ranking chain in words. */
  readonly tieBreak: (p: TieParams) => string;
}

/** Operators a leaf can use (the keys of `Catalog["op"]`). */
export type Operator = keyof Catalog["op"];
export type CriterionStatusKey = keyof Catalog["status"];
export type TieBreakKey = "score" | "notKnockedOut" | "fewerUnknown" | "moreMet" | "unitId" | "scored" | "potentialScore" | "selfScore" | "name" | "fact";
/** A step of a ranking chain: its key, and for a `fact` key the fact's label and the direction that ranks first. */
export interface TieParams { rule: TieBreakKey; fact?: string; better?: "higher" | "lower" }
export type AwardKindKey = "title" | "commendation" | "medal";
export type AwardStatusKey = "eligible" | "ineligible" | "unknown" | "quota" | "deferred";
export type RoundingKey = "floor" | "ceil" | "half-up";
export type GroupKey = keyof Catalog["group"];
/** A fact compared with what a rule requires; values already formatted (labels, units), numbers via Intl. */
export interface FactParams { fact: string; actual: string; operator: Operator; required: string }
export interface QuotaParams { allowed: number; base: number; share: number; of: string; rounding: RoundingKey; exact: number }
export interface IssueParams { path: string; message: string; expected: string; found: string; fact: string; group: string; id: string }

/**
 * Parameters of every explanation and report message, by key. Values are ids, numbers and
 * rule-file text (titles, labels) in the explanation's language; the catalog makes the sentence.
 */
export interface MessageParams {
  "section.standing": Record<never, never>;
  "section.criteria": Record<never, never>;
  "section.award": Record<never, never>;
  "section.nearMisses": Record<never, never>;
  "section.todo": Record<never, never>;
  "unit.name": { unitId: string; name: string };
  /** A citation under an explanation line; `doubt`: what stands between it and a checked provision ("" when confirmed). */
  "citation": { source: string; section: string; note: string; doubt: CitationDoubt | "" };
  "headline.award": { award: string; kind: AwardKindKey };
  "headline.none": { year: number };
  "headline.knockout": { reasons: string };
  "headline.pending": { count: number };
  "headline.overridden": { award: string; computed: string };
  /** The rule set has no award for the unit's group: it scores, classes and ranks only. */
  "headline.scoringOnly": Record<never, never>;
  "headline.scored": { year: number; score: number; max: number; cls: string };
  "standing.score": { score: number; max: number; percent: number; cls: string };
  /** `group`: a group id; `groupName`: its name, for a group the rule set declares (the catalog names the five of Decision 2447). */
  "standing.rank": { rank: number; size: number; cohort: string; group: string; groupName?: string };
  "standing.tie": TieParams;
  /** Tied with the unit above on every deciding key: the same rank (the rule set shares ties). */
  "standing.sharedRank": Record<never, never>;
  /** The self-assessed and the official score side by side; `policy` says which assessment is official. */
  "standing.assessed": { self: number; official: number; selfClass: string; officialClass: string; policy: "lastReviewer" | "council" | "self" };
  /** One change of a fact by a reviewer or the council, with its reason; `official`: 1 when it gives the official value. */
  "assessment.change": { fact: string; from: string; to: string; role: "reviewer" | "council"; by: string; date: string; reason: string; official: number };
  /** A derived fact: its formula, the formula with the profile's values, the result (empty: unknown). */
  "fact.derived": { fact: string; formula: string; values: string; result: string };
  /** An adjustment or criterion whose facts are missing, counted as the rule set says (`unknownAs`). */
  "criterion.blankAs": { title: string; how: "zero" | "cap" };
  "standing.cap": { title: string; points: number; cap: number };
  "criterion.result": { id: string; title: string; status: CriterionStatusKey; points: number; max: number; bonus: number; deduction: number };
  "criterion.knockout": { id: string; title: string; status: CriterionStatusKey };
  "criterion.tier": { label: string; points: number };
  "criterion.tierMissed": { label: string; points: number };
  "criterion.perUnit": { fact: string; actual: string; perUnit: number; per: string; cap: number };
  "criterion.bonus": { title: string; points: number };
  "criterion.deduction": { title: string; points: number };
  "criterion.unmetBecause": FactParams & { id: string };
  "fact.met": FactParams;
  "fact.unmet": FactParams;
  "fact.missing": { fact: string };
  "fact.value": { fact: string; actual: string };
  "reason.tie": TieParams;
  "reason.quota": { award: string; kind: AwardKindKey; allowed: number; base: number; position: number; exact: number; share: number; rounding: RoundingKey; candidates: number };
  "reason.deferred": { award: string; kind: AwardKindKey; why: string };
  "reason.pointsShort": { award: string; kind: AwardKindKey; points: number };
  "award.proposed": { award: string; kind: AwardKindKey; grantor: string };
  "award.alongside": { award: string; kind: AwardKindKey; grantor: string };
  /** `superseded`: a higher title proposed for the same period carries the bonus (Decree 152/2025 Art. 49). */
  "award.bonus": { coefficient: number; superseded: boolean };
  "award.quotaWithin": QuotaParams & { position: number; candidates: number };
  "award.alternatives": { list: string };
  "award.computed": { award: string };
  "award.override": { award: string; reason: string; decidedBy: string; date: string };
  "near.header": { award: string; kind: AwardKindKey; status: AwardStatusKey; points: number };
  "check.knockout": { reasons: string };
  "check.minClass": { required: string; actual: string };
  "check.minPercent": { required: number; actual: number };
  "check.criterion": { id: string; title: string; status: CriterionStatusKey };
  "check.consecutive": { times: number; awards: string; found: number; current: number };
  "check.prior": { awards: string; within: number };
  "check.never": { awards: string };
  "check.knockoutUnknown": { criteria: string };
  "check.freshInitiatives": { min: number; found: number };
  "check.missingYears": { years: string };
  "check.requiresThisYear": { award: string };
  "check.quota": QuotaParams & { position: number; candidates: number };
  "check.deferral": { why: string };
  "check.deferralUnknown": { why: string };
  /** An award given once only, and no record of past awards to tell whether it was given. */
  "check.neverUnknown": { awards: string };
  "todo.evidence": { evidence: string; label: string; criteria: string; awards: string };
  "report.noAward": Record<never, never>;
}
/** The rules of a profile's assessments, worded by the catalogs (`profiles.assessment`, param `kind`). */
export const ASSESSMENT_ISSUE_KINDS = ["noReason", "firstSelf", "oneSelf", "selfFacts", "reviewChanges", "order", "unknownFact", "derivedFact", "twice"] as const;
/** Codes of `overrides.*` issues, worded by the catalogs. */
export type OverrideIssueKind = "schema" | "date" | "unknown_award" | "duplicate" | "unmatched" | "award_mismatch" | "repeated_award" | "exclusive";
/** Codes of `rules.*` issues the catalogs word (the integrity checks of rule files). */
export const RULES_ISSUE_KINDS = ["invalid_utf8", "duplicate_key", "not_regular_file", "limit", "depth_limit", "extends_cycle", "parent_mismatch", "invalid_json", "too_large"] as const;
export type RulesIssueKind = (typeof RULES_ISSUE_KINDS)[number];
/** What stands at a path that is not a regular file. */
export const SPECIAL_FILE_KINDS = ["directory", "fifo", "device", "socket", "symlink", "other"] as const;
export type SpecialFileKind = (typeof SPECIAL_FILE_KINDS)[number];
/** File-level and header problems of the CLI's input, worded by the catalogs. */
export const INPUT_ISSUE_KINDS = ["emptyFile", "utf16", "notUtf8Header", "duplicateColumn", "missingColumn", "csvSyntax", "invalidJson", "rowWidth", "badWorkbook", "damagedWorkbook", "tooManyColumns", "moreHeaderProblems", "jsonTooLarge", "assessment"] as const;
export type InputIssueKind = (typeof INPUT_ISSUE_KINDS)[number];
/** The key of a catalog message (see {@link MessageParams}). */
export type MessageKey = keyof MessageParams;

/** Formatting helpers a message gets with its parameters, built from the catalog's locale. */
export interface Formatter {
  /** Number in the locale (vi-VN: 7,5; en-GB: 7.5), at most two decimals. */
  readonly num: (n: number) => string;
  /** ISO date (YYYY-MM-DD) as people write it (vi: 31/12/2025). */
  readonly date: (iso: string) => string;
}

/** One function per message key; a missing key or a wrong parameter fails to compile. */
export type MessageCatalog = { readonly [K in MessageKey]: (p: Readonly<MessageParams[K]>, f: Formatter) => string };
