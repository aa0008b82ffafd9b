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
  readonly tier: (pts: string) => string;
  readonly bonus: string;
  readonly deduction: string;
  readonly floor: (p: string) => string;
  readonly appliesWhen: string;
  readonly knockout: string;
  readonly basis: Readonly<Record<"law" | "policy-default", string>>;
  readonly status: Readonly<Record<"met" | "partial" | "not_met" | "unknown" | "not_applicable", string>>;
  /** What a rule requires, without the fact: "từ 12 trở lên" / "at least 12". */
  readonly req: Readonly<Record<Operator, (value: string) => string>>;
  /** Explanation and report messages (see {@link MessageParams}). */
  readonly msg: MessageCatalog;
  readonly rulebook: {
    readonly title: (name: string) => string;
    readonly version: (v: string, digest: string) => string;
    readonly effective: (from: string, to?: string) => string;
    readonly extends: (id: string, version: string) => string;
    readonly sources: string;
    readonly facts: string;
    readonly criteria: string;
    readonly group: Readonly<Record<"ministry" | "province" | "front" | "enterprise" | "individual", string>>;
    readonly contents: (list: string) => string;
    readonly citation: string;
    readonly evidence: string;
    readonly maxPoints: (p: string) => string;
    readonly groupCap: (ids: string, p: string) => string;
    readonly classes: string;
    readonly classLine: (title: string, min: string) => string;
    readonly requires: (criterion: string, p: string) => string;
    readonly awards: string;
    readonly grantor: string;
    readonly eligibility: string;
    readonly minClass: (t: string) => string;
    readonly minPercent: (p: string) => string;
    readonly noKnockout: string;
    readonly history: string;
    readonly consecutive: (times: number, awards: string, includeCurrent: boolean) => string;
    readonly prior: (awards: string, within?: number) => string;
    readonly never: (awards: string) => string;
    readonly freshInitiatives: (min: number) => string;
    readonly quota: (share: string, of: string, rounding: string) => string;
    /** A quota the rule set documents but does not apply (`enabled: false`). */
    readonly quotaOff: string;
    readonly deferrals: string;
    readonly deferral: (why: string) => string;
    readonly cohort: string;
    readonly bonusCoefficient: (c: string) => string;
    readonly requiresThisYear: (awards: string) => string;
    readonly overrides: string;
    readonly overrideLine: (target: string, from: string, to: string) => string;
    readonly origin: (id: string) => string;
    readonly unit: string;
    readonly type: string;
    /** Header of the fact table's code column and of its name column. */
    readonly code: string;
    readonly fact: string;
    /** The type of a fact in words (`boolean` → "có/không"). */
    readonly factType: Readonly<Record<"boolean" | "integer" | "number" | "ratio" | "date" | "enum" | "set" | "object", string>>;
    /** How a quota is rounded, after "làm tròn:" / "rounding:". */
    readonly rounding: Readonly<Record<RoundingKey, string>>;
    /** A source's standing as the manifest records it. */
    readonly sourceStatus: Readonly<Record<"in-force" | "amended" | "repealed" | "unconfirmed", string>>;
    /** How far a provision's wording was checked, in the sources list. */
    readonly provisionStatus: Readonly<Record<"confirmed" | "secondary" | "unconfirmed", string>>;
    readonly provisions: string;
    readonly via: (where: string) => string;
    /** The doubt printed after a citation (nothing for a confirmed provision). */
    readonly standing: Readonly<Record<"secondary" | "unconfirmed" | "unlisted" | "noSection" | "repealed" | "sourceUnconfirmed", string>>;
    readonly note: (text: string) => string;
    readonly overrideTarget: {
      readonly threshold: (criterion: string, condition: string) => string;
      readonly class: (title: string) => string;
      readonly quota: (award: string) => string;
      readonly quotaEnabled: (award: string) => string;
      readonly perUnit: (criterion: string, field: "pointsPerUnit" | "cap") => string;
    };
  };
}

/** Operators a leaf can use (the keys of `Catalog["op"]`). */
export type Operator = keyof Catalog["op"];
export type CriterionStatusKey = keyof Catalog["status"];
export type TieBreakKey = "score" | "notKnockedOut" | "fewerUnknown" | "moreMet" | "unitId";
export type AwardKindKey = "title" | "commendation" | "medal";
export type AwardStatusKey = "eligible" | "ineligible" | "unknown" | "quota" | "deferred";
export type RoundingKey = "floor" | "ceil" | "half-up";
export type GroupKey = keyof Catalog["rulebook"]["group"];
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
  "citation": { source: string; section: string; note: string };
  "headline.award": { award: string; kind: AwardKindKey };
  "headline.none": { year: number };
  "headline.knockout": { reasons: string };
  "headline.pending": { count: number };
  "headline.overridden": { award: string; computed: string };
  "headline.scored": { year: number; score: number; max: number; cls: string };
  "standing.score": { score: number; max: number; percent: number; cls: string };
  "standing.rank": { rank: number; size: number; cohort: string; group: GroupKey };
  "standing.tie": { rule: TieBreakKey };
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
  "reason.tie": { rule: TieBreakKey };
  "reason.quota": { award: string; kind: AwardKindKey; allowed: number; base: number; position: number; exact: number; share: number; rounding: RoundingKey };
  "reason.deferred": { award: string; kind: AwardKindKey; why: string };
  "reason.pointsShort": { award: string; kind: AwardKindKey; points: number };
  "award.proposed": { award: string; kind: AwardKindKey; grantor: string };
  "award.alongside": { award: string; kind: AwardKindKey; grantor: string };
  "award.bonus": { coefficient: number };
  "award.quotaWithin": QuotaParams & { position: number };
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
  "check.quota": QuotaParams & { position: number };
  "check.deferral": { why: string };
  "check.deferralUnknown": { why: string };
  "todo.evidence": { evidence: string; label: string; criteria: string; awards: string };
  "report.title": Record<never, never>;
  "report.ruleset": { title: string; id: string; version: string };
  "report.rulesetHash": { sha256: string; verified: number };
  "report.lineage": { list: string };
  "report.asOf": { date: string };
  "report.input": { count: number; sha256: string };
  "report.engine": { name: string; version: string };
  /** Input columns that named no fact, ignored because the user asked to (listed in every report). */
  "report.ignoredColumns": { list: string };
  /** The run's options that change a result, in words: the default year, the decimal separator, rule files loaded although modified. */
  "report.options": { year: string; decimal: string; modified: boolean; other: string };
  "report.outcome": { sha256: string };
  "report.cohort": { cohort: string; group: GroupKey; year: number; size: number };
  "report.quota": QuotaParams & { award: string; candidates: number; granted: number; binding: number };
  "report.overrides": Record<never, never>;
  "report.runQuotas": Record<never, never>;
  "report.overrideLine": { unitId: string; award: string; reason: string; decidedBy: string; date: string; matched: number };
  "report.rowAt": { row: number };
  "report.units": Record<never, never>;
  "report.rejected": Record<never, never>;
  "report.rejectedCount": { count: number };
  "report.asProposed": Record<never, never>;
  "report.noAward": Record<never, never>;
  "report.unclassified": Record<never, never>;
  "report.missingEvidence": { count: number };
  "col.rank": Record<never, never>;
  "col.unit": { group: GroupKey };
  "col.score": Record<never, never>;
  "col.percent": Record<never, never>;
  "col.class": Record<never, never>;
  "col.award": Record<never, never>;
  "col.final": Record<never, never>;
  "col.cohort": Record<never, never>;
  "col.unitId": Record<never, never>;
  "col.name": Record<never, never>;
  "col.overrideReason": Record<never, never>;
  "col.reasons": Record<never, never>;
  "col.missing": Record<never, never>;
  "col.row": Record<never, never>;
  "col.path": Record<never, never>;
  "col.issue": Record<never, never>;
  "class.rejected": Record<never, never>;
  /** A profile that fails validation; `field`: the column (fact id or profile field) it is about. */
  "issue.profiles": IssueParams & { field: string; code: "schema" | "unknown_fact" | "fact_type" | "fact_range" | "fact_enum" | "fact_date" | "fact_not_in_group" | "unknown_group" | "duplicate_id" | "forbidden_key" | "unknown_award" };
  "issue.other": IssueParams & { code: string };
  /** A spreadsheet/JSON cell that could not be read: `kind` is the fact type or the profile column. */
  /** A cell that cannot be read; for a history cell, `other` says why (`noYear`, `unknownAward`, `ambiguousAward`) and `award` what was written. */
  "issue.cell": IssueParams & { row: string; column: string; kind: string; other: string; award: string };
  /** An input column that is neither a fact nor a profile field: ignored. */
  "issue.unmatchedOverride": IssueParams & { unitId: string };
  /** `rules.law_unconfirmed`: a value claims `basis: "law"` on a citation that is not a checked provision; `standing` is a `CitationStanding` kind or `noCitation`. */
  "issue.lawUnconfirmed": IssueParams & { source: string; section: string; standing: string };
  /** A file-level or header problem of the CLI's input (see `INPUT_ISSUE_KINDS`); `reason` is the parser's own words. */
  "issue.input": IssueParams & { problem: InputIssueKind; file: string; row: string; line: string; column: string; reason: string; other: string };
  /** A committee override refused (see `validateCommitteeOverrides`, `overrideOutcomeIssues`); `index` is 0-based. */
  "issue.overrides": IssueParams & { code: OverrideIssueKind; problem: string; index: number; field: string; other: number; unitId: string; award: string; group: string; cohort: string; rejected: number };
  /** A decision record that cannot be read (`parseDecisionRecord`). */
  "issue.record": IssueParams & { code: "invalid_json" | "schema" | "unsupported_version"; problem: string; field: string; line: number; column: number };
  /** Rule-file problems found by the integrity checks (file reading, JSON scanning, chains, limits). */
  "issue.rules": IssueParams & { code: RulesIssueKind; file: string; line: number; column: number; key: string; limit: number; what: string; count: number; offset: number };
}
/** Codes of `overrides.*` issues, worded by the catalogs. */
export type OverrideIssueKind = "schema" | "date" | "unknown_award" | "duplicate" | "unmatched" | "award_mismatch";
/** Codes of `rules.*` issues the catalogs word (the integrity checks of rule files). */
export const RULES_ISSUE_KINDS = ["invalid_utf8", "duplicate_key", "not_regular_file", "limit", "depth_limit", "extends_cycle", "parent_mismatch", "invalid_json", "too_large"] as const;
export type RulesIssueKind = (typeof RULES_ISSUE_KINDS)[number];
/** What stands at a path that is not a regular file. */
export const SPECIAL_FILE_KINDS = ["directory", "fifo", "device", "socket", "symlink", "other"] as const;
export type SpecialFileKind = (typeof SPECIAL_FILE_KINDS)[number];
/** File-level and header problems of the CLI's input, worded by the catalogs. */
export const INPUT_ISSUE_KINDS = ["emptyFile", "utf16", "notUtf8Header", "duplicateColumn", "missingColumn", "csvSyntax", "invalidJson", "rowWidth", "badWorkbook", "damagedWorkbook", "tooManyColumns", "moreHeaderProblems", "jsonTooLarge"] as const;
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
