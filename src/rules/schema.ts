/**
 * The published rule-file format (format version 1). These zod schemas are the single source of
 * truth: `rules/schema/*.schema.json` is generated from them (`npm run schema`) and a test fails
 * when the committed JSON Schema drifts.
 *
 * Conditions use json-rules-engine's format unchanged (`all`/`any`/`not`, `fact`/`operator`/`value`,
 * optional `path`, a value that names another fact), so rule files stay readable by that engine;
 * provenance keys (`id`, `basis`, `ref`, `dated`) sit beside `value` and json-rules-engine ignores them.
 */
import { z } from "zod";
import { isIsoDate } from "./dates.js";
import type {
  AwardJson,
  ClassJson,
  Condition,
  CriterionJson,
  FactJson,
  FormulaJson,
  ManifestJson,
  OverrideJson,
  SchemeJson,
} from "./json-types.js";

export type { AwardJson, ClassJson, Condition, CriterionJson, FactJson, FormulaJson, ManifestJson, OverrideJson, LeafCondition, SchemeJson } from "./json-types.js";

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
/** Keys that must never be reached through a fact id, a path segment or a profile key. */
export const FORBIDDEN_KEYS = ["__proto__", "constructor", "prototype"] as const;

const isNfc = (s: string) => s === s.normalize("NFC");

export const Text = z.string().min(1).max(4000).refine(isNfc, { message: "text must be Unicode NFC" });
export const Localized = z
  .object({ vi: Text.describe("Vietnamese: the reference wording"), en: Text.describe("English translation") })
  .strict()
  .meta({ id: "Localized", description: "Vietnamese reference text with its English translation." });
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine(isIsoDate, { message: "not a calendar date" })
  .meta({ id: "IsoDate", description: "Calendar date, ISO 8601 YYYY-MM-DD." });
const idPattern = (p: RegExp, what: string) =>
  z
    .string()
    .regex(p, { message: `invalid ${what} id` })
    .refine((s) => !s.split(/[.-]/).some((seg) => (FORBIDDEN_KEYS as readonly string[]).includes(seg)), {
      message: "id may not contain __proto__, constructor or prototype",
    });
export const RuleId = idPattern(/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/, "rule").meta({
  id: "RuleId",
  description: "Stable id such as `province.3` or `award.bang-khen-tinh`; never changes meaning.",
});
export const FactId = idPattern(/^[a-z][A-Za-z0-9]*(?:\.[a-z][A-Za-z0-9]*)*$/, "fact").meta({
  id: "FactId",
  description: "Fact id such as `plan.issuedOnTime` (dot-separated camelCase segments).",
});
export const Group = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,39}$/, { message: "invalid group id" })
  .meta({
    id: "Group",
    description:
      "Subject group: one of the five of Decision 2447 — ministry, province, front (Fatherland Front and socio-political organisations), enterprise (agencies, organisations, enterprises, schools), individual — or a group the rule set declares in scheme.json (e.g. `ward`, `household`).",
  });
export const Basis = z.enum(BASES).meta({
  id: "Basis",
  description:
    "`law`: the value is fixed by the cited legal text. `regulation`: fixed by the committee's or institution's own regulation (quy chế), cited like a law. `policy-default`: our choice, which a committee may override.",
});
export const UnknownAs = z.enum(UNKNOWN_AS).meta({
  id: "UnknownAs",
  description: "How an unknown fact counts: `unknown` (default: not proven, so not in the unit's favour now, and listed as missing), `zero` (a blank counts as nothing), `cap` (a blank counts in full).",
});
/** Points: a non-negative JSON number with at most two decimals (the manifest's point unit is 0.01). */
export const Points = z
  .number()
  .finite()
  .nonnegative()
  .refine((n) => Math.abs(Math.round(n * 100) - n * 100) < 1e-9, { message: "points have at most two decimals" })
  .meta({ id: "Points", description: "Points, at most two decimals; serialised by the engine as decimal strings." });

export const Citation = z
  .object({
    source: RuleId.describe("id of a legal source listed in the manifest"),
    section: Text.optional().describe("article / section / clause within the source, e.g. `Điều 24` or `Mục III.2, ý 1`"),
    seed: z.string().optional().describe("seed file in shared/seeds the citation rests on"),
    note: Localized.optional(),
  })
  .strict()
  .meta({ id: "Citation" });

export const ScalarValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export const ConditionValue = z.union([ScalarValue, z.array(ScalarValue)]).meta({ id: "ConditionValue" });
export const FactValue = z
  .object({ fact: FactId, path: z.string().optional().describe("JSONPath into the other fact, as `path`") })
  .strict()
  .meta({ id: "FactValue", description: "Another fact as the value compared with (json-rules-engine's `value: { fact, path? }`); unknown when that fact is." });
export const Period = {
  validFrom: IsoDate.optional().describe("first day the value is in force"),
  validTo: IsoDate.optional().describe("last day the value is in force"),
};
export const DatedValue = z
  .object({ ...Period, value: ConditionValue, ref: Citation.optional(), note: Localized.optional() })
  .strict()
  .meta({ id: "DatedValue", description: "The threshold's value in force in a period (as of the scoring date), replacing `value` then." });


export const Leaf = z
  .object({
    fact: FactId,
    operator: z.string().min(1).describe("a json-rules-engine operator; see OPERATORS"),
    value: z.union([ConditionValue, FactValue]),
    path: z.string().optional().describe("JSONPath subset into an object or set fact: `$.a`, `$['a.b']`, `$[0]`, `$[*]`"),
    id: z.string().regex(/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/).optional().describe("threshold id, unique within its criterion; target of overrides"),
    basis: Basis.optional().describe("required on every numeric or date threshold"),
    ref: Citation.optional(),
    dated: z.array(DatedValue).min(1).optional().describe("values in force in given periods; `value` applies outside them"),
    note: Localized.optional(),
  })
  .strict()
  .meta({ id: "LeafCondition" });

export const ConditionSchema: z.ZodType<Condition> = z
  .lazy(() =>
    z.union([
      z.object({ all: z.array(ConditionSchema).min(1) }).strict(),
      z.object({ any: z.array(ConditionSchema).min(1) }).strict(),
      z.object({ not: ConditionSchema }).strict(),
      Leaf,
    ]),
  )
  .meta({ id: "Condition", description: "json-rules-engine condition: all / any / not / leaf." }) as z.ZodType<Condition>;

/* ───────────────────────────── manifest ───────────────────────────── */

/** How far a provision's wording was checked (see `rules/README.md`): `confirmed` against a stored text, `secondary` only through a public web copy, `unconfirmed` not found. */
export const PROVISION_STATUSES = ["confirmed", "secondary", "unconfirmed"] as const;
export const Provision = z
  .object({
    section: Text.describe("the article / clause as citations write it, e.g. `Điều 24 khoản 3`; a `law` citation must name one of these exactly"),
    status: z.enum(PROVISION_STATUSES).describe("`confirmed`: checked against a stored text; `secondary`: only a public web copy (weaker); `unconfirmed`: not found"),
    quotes: z.array(Text).min(1).optional().describe("the short verbatim passages the rule set rests on, copied from the checked digest, never paraphrased"),
    via: Text.optional().describe("where the wording was read: stored files and web addresses, separated by `; `"),
    note: Localized.optional().describe("what is doubtful: an inferred number, an English-only copy…"),
  })
  .strict()
  .meta({ id: "Provision", description: "One provision a rule set uses, with how far its wording was checked." });

export const Source = z
  .object({
    id: RuleId,
    title: Localized,
    issuer: Localized,
    date: IsoDate.optional().describe("date of signature; omitted where not confirmed"),
    inForce: IsoDate.optional().describe("date it entered into force"),
    kind: z.enum(["law", "decree", "decision", "circular", "directive", "conclusion", "plan", "news", "regulation"]).describe("`regulation`: a committee's or institution's own regulation (quy chế thi đua)"),
    seed: z.string().optional().describe("file name in shared/seeds"),
    reference: z.string().optional().describe("public reference (official gazette number or URL)"),
    status: z.enum(["in-force", "amended", "repealed", "unconfirmed"]).optional(),
    note: Localized.optional(),
    provisions: z.array(Provision).optional().describe("the provisions the rule set uses, each with its status and the quote it rests on"),
  })
  .strict()
  .meta({ id: "Source" });

export const FileKind = z.enum(["facts", "criteria", "awards", "classes", "overrides", "scheme"]);
export const ManifestFile = z
  .object({
    path: z.string().regex(/^[a-z0-9][a-z0-9._/-]*\.json$/),
    kind: FileKind,
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict();

export const ChangelogEntry = z
  .object({ version: z.string(), date: IsoDate, changes: z.array(Localized).min(1) })
  .strict();

export const ManifestSchema = z
  .object({
    $schema: z.string().optional(),
    formatVersion: z.literal(FORMAT_VERSION),
    id: RuleId,
    version: z.string().regex(/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/, { message: "version must be semver" }),
    title: Localized,
    description: Localized.optional(),
    effectiveFrom: IsoDate,
    effectiveTo: IsoDate.optional(),
    extends: z
      .object({ id: RuleId, version: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/).optional() })
      .strict()
      .optional()
      .describe("parent rule set; a local set may add items and override policy-default values"),
    jurisdiction: Localized.optional(),
    pointScale: z.literal(2).describe("decimal places of points; points are integers in hundredths inside the engine"),
    rounding: z.enum(["half-up", "half-even", "floor", "ceil"]).describe("rounding of derived numbers (percent, quotas)"),
    sources: z.array(Source),
    files: z.array(ManifestFile).min(1),
    changelog: z.array(ChangelogEntry).optional(),
  })
  .strict()
  .meta({ id: "Manifest", title: "thidua rule-set manifest" });

/* ───────────────────────────── facts ───────────────────────────── */

export const ObjectField = z
  .object({
    type: z.enum(["boolean", "integer", "number", "ratio", "date", "enum"]),
    values: z.array(z.string()).optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    label: Localized,
  })
  .strict();

/** The operations of a formula (see `FormulaSchema`). */
export const FORMULA_OPS = ["+", "-", "*", "/", "min", "max", "clamp", "round", "sum", "count", "=", "!=", "<", "<=", ">", ">=", "and", "or", "not", "if", "coalesce"] as const;
export const ROUNDING_MODES = ["half-up", "half-even", "floor", "ceil"] as const;
export const FormulaSchema: z.ZodType<FormulaJson> = z
  .lazy(() =>
    z.union([
      z.number().finite(),
      z.boolean(),
      z.string().max(200),
      FactValue,
      z
        .object({
          op: z.enum(FORMULA_OPS),
          args: z.array(FormulaSchema).min(1).max(64).optional(),
          of: FactValue.optional().describe("`sum`/`count` over an object fact's fields or a set fact's members"),
          places: z.number().int().min(0).max(6).optional().describe("`round`: decimal places (default 0)"),
          mode: z.enum(ROUNDING_MODES).optional().describe("`round`: the rounding rule, stated (required)"),
        })
        .strict(),
    ]),
  )
  .meta({
    id: "Formula",
    description: [
      "A formula over other facts, as data (never code). Grammar:",
      "Formula := number | boolean | string (compared with an enum fact) | { fact, path? } | { op, args?, of?, places?, mode? }.",
      "Arithmetic: `+` and `*` (two or more args), `-` and `/` (two), exact in decimal; `/` by zero rejects the profile.",
      "`min`, `max` (one or more args); `clamp` [x, low, high]; `round` [x] with `places` (default 0) and `mode` (half-up, half-even, floor, ceil).",
      "`sum` (args, or `of` an object fact: its number fields), `count` (args that are true, or `of` an object fact: its true boolean fields, or a set fact: its members).",
      "Comparisons `=`, `!=`, `<`, `<=`, `>`, `>=` (two args) give a boolean; `and`, `or`, `not` are Kleene logic; `if` [condition, then, else]; `coalesce` [a, b, …]: the first known.",
      "Three-valued: the result is unknown when an input it needs is unknown (except `coalesce`, `and`/`or` decided by a known argument, and `if` whose condition is known).",
    ].join(" "),
  }) as z.ZodType<FormulaJson>;

export const FactSchema = z
  .object({
    id: FactId,
    type: z.enum(FACT_TYPES),
    label: Localized,
    description: Localized.optional(),
    unit: Localized.optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    values: z.array(z.string().min(1)).min(1).optional().describe("allowed values of an enum fact, or of the members of a set fact"),
    valueLabels: z.record(z.string(), Localized).optional(),
    fields: z
      .record(z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/).refine((k) => k !== "constructor" && k !== "prototype", { message: "forbidden field name" }), ObjectField)
      .optional()
      .describe("fields of an object fact, reachable with `path` (`$.name`, or `$['name.with.dots']`)"),
    formula: FormulaSchema.optional().describe("a derived fact: computed from other facts by this formula, never given by a profile"),
    better: z.enum(["higher", "lower", "none"]).describe("direction in which the fact improves a score (booleans: true is `higher`)"),
    evidence: Localized.describe("the document a committee checks to accept the value"),
    groups: z.array(Group).min(1),
  })
  .strict()
  .meta({ id: "Fact" });

export const FactsFileSchema = z
  .object({ $schema: z.string().optional(), facts: z.array(FactSchema) })
  .strict()
  .meta({ id: "FactsFile", title: "thidua fact catalog" });

/* ───────────────────────────── criteria ───────────────────────────── */

export const Tier = z
  .object({
    id: z.string().optional(),
    points: Points,
    label: Localized.optional().describe("may name thresholds of the criterion as placeholders, `{threshold-id}`: filled with the value in force"),
    conditions: ConditionSchema,
    dated: z.array(z.object({ ...Period, points: Points, ref: Citation.optional() }).strict()).min(1).optional().describe("points in force in given periods"),
  })
  .strict();

export const PerUnit = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/).optional(),
    fact: FactId,
    path: z.string().optional(),
    pointsPerUnit: Points,
    cap: Points.optional().describe("at most this many points (defaults to maxPoints)"),
    basis: Basis,
    ref: Citation.optional(),
    label: Localized.optional(),
    dated: z.array(z.object({ ...Period, pointsPerUnit: Points.optional(), cap: Points.optional(), ref: Citation.optional() }).strict()).min(1).optional().describe("rate or cap in force in given periods"),
  })
  .strict()
  .meta({ id: "PerUnit", description: "points per unit of a count fact, capped" });

export const Adjustment = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/),
    title: Localized,
    conditions: ConditionSchema.optional().describe("fixed `points` when the conditions hold"),
    points: Points.optional(),
    perUnit: PerUnit.optional().describe("or points per unit of a count fact"),
    cap: Points.describe("at most this many points from this adjustment"),
    unknownAs: UnknownAs.optional().describe("how an unknown fact counts (default `unknown`: a bonus counts 0 and a deduction its cap until known)"),
    basis: Basis,
    ref: Citation.optional(),
    dated: z.array(z.object({ ...Period, points: Points.optional(), cap: Points.optional(), ref: Citation.optional() }).strict()).min(1).optional().describe("points or cap in force in given periods"),
  })
  .strict()
  .meta({ id: "Adjustment", description: "bonus (điểm thưởng) or deduction (điểm trừ)" });

export const CriterionSchema = z
  .object({
    id: RuleId,
    group: Group,
    contents: z.array(z.number().int().min(1).max(6)).min(1).optional().describe("emulation contents 1–6 of Decision 2447 it serves (schemes unrelated to it leave it out)"),
    title: Localized,
    description: Localized.optional(),
    citation: Citation,
    basis: Basis,
    maxPoints: Points,
    conditions: ConditionSchema.optional(),
    tiers: z.array(Tier).min(1).optional(),
    perUnit: PerUnit.optional(),
    bonus: z.array(Adjustment).optional(),
    deductions: z.array(Adjustment).optional(),
    floor: Points.optional().describe("deductions never take the criterion below this (default 0)"),
    appliesWhen: ConditionSchema.optional().describe(
      "the criterion applies only to profiles for which this holds (e.g. schools only); otherwise it is not applicable and leaves the maximum",
    ),
    unknownAs: UnknownAs.optional().describe("how the criterion counts while its facts are unknown (default `unknown`; `zero`: not met, `cap`: met)"),
    knockout: z.boolean().optional().describe("a met knock-out criterion bars every title that year"),
    knockoutReason: Localized.optional(),
    evidence: z.array(Localized).min(1),
    effectiveFrom: IsoDate.optional(),
    effectiveTo: IsoDate.optional(),
  })
  .strict()
  .meta({ id: "Criterion" });

export const GroupCap = z
  .object({ id: RuleId, title: Localized, criteria: z.array(RuleId).min(2), maxPoints: Points, basis: Basis, ref: Citation.optional() })
  .strict()
  .meta({ id: "GroupCap", description: "the points of several criteria together count at most maxPoints" });

export const CriteriaFileSchema = z
  .object({
    $schema: z.string().optional(),
    group: Group,
    title: Localized,
    criteria: z.array(CriterionSchema).min(1),
    groupCaps: z.array(GroupCap).optional(),
  })
  .strict()
  .meta({ id: "CriteriaFile", title: "thidua criteria of one subject group" });

/* ───────────────────────────── classes ───────────────────────────── */

export const ClassSchema = z
  .object({
    id: RuleId,
    title: Localized,
    rank: z.number().int().min(0).describe("higher is better"),
    minPercent: z.number().min(0).max(100).optional().describe("minimum score as a percentage of the nominal maximum"),
    minPoints: Points.optional().describe("or a minimum score in points"),
    unscored: z.boolean().optional().describe("the class of a unit of which nothing is known (chưa chấm): every criterion that applies is unknown"),
    requires: z
      .array(z.object({ criterion: RuleId, minPoints: Points }).strict())
      .optional()
      .describe("criteria that must reach a minimum for this class"),
    noKnockout: z.boolean().optional(),
    basis: Basis,
    ref: Citation.optional(),
    dated: z
      .array(z.object({ ...Period, minPercent: z.number().min(0).max(100).optional(), minPoints: Points.optional(), ref: Citation.optional() }).strict())
      .min(1)
      .optional()
      .describe("thresholds in force in given periods"),
  })
  .strict();

export const ClassesFileSchema = z
  .object({ $schema: z.string().optional(), classes: z.array(ClassSchema).min(1), citation: Citation })
  .strict()
  .meta({ id: "ClassesFile", title: "thidua classification thresholds" });

/* ───────────────────────────── awards ───────────────────────────── */

export const HistoryRequirement = z
  .discriminatedUnion("kind", [
    z
      .object({
        kind: z.literal("consecutive"),
        awards: z.array(RuleId).min(1).describe("any of these titles counts"),
        times: z.number().int().min(1),
        includeCurrentYear: z.boolean().describe("whether this year's proposed title counts towards the run"),
        basis: Basis,
        ref: Citation.optional(),
      })
      .strict(),
    z
      .object({
        kind: z.literal("prior"),
        awards: z.array(RuleId).min(1),
        withinYears: z.number().int().min(1).optional(),
        basis: Basis,
        ref: Citation.optional(),
      })
      .strict(),
    z
      .object({ kind: z.literal("never"), awards: z.array(RuleId).min(1).describe("awarded at most once"), basis: Basis, ref: Citation.optional() })
      .strict(),
    z
      .object({
        kind: z.literal("freshInitiatives"),
        min: z.number().int().min(1).describe("recognised initiatives this year that no earlier award relied on"),
        basis: Basis,
        ref: Citation.optional(),
      })
      .strict()
      .describe("an initiative counts once: the profile's `initiatives` minus those in its history"),
  ])
  .meta({ id: "HistoryRequirement" });

export const Quota = z
  .object({
    share: z.string().regex(/^0(?:\.\d+)?$|^1(?:\.0+)?$/).describe("decimal share, e.g. \"0.15\""),
    of: z.union([z.literal("cohort"), RuleId]).describe("`cohort` or the id of the award whose holders are counted"),
    rounding: z.enum(["floor", "ceil", "half-up"]),
    minimum: z.number().int().min(0).optional(),
    scope: z
      .enum(["cohort", "run"])
      .optional()
      .describe("`cohort` (default): shared within each cluster/block; `run`: shared by every cohort scored together (e.g. the Government flag across clusters)"),
    basis: Basis,
    ref: Citation.optional(),
  })
  .strict()
  .meta({ id: "Quota" });

export const AwardSchema = z
  .object({
    id: RuleId,
    kind: z.enum(["title", "commendation", "medal"]),
    recipient: z.enum(["collective", "individual"]),
    groups: z.array(Group).min(1),
    level: z.enum(["grassroots", "ministry-province", "national"]),
    title: Localized,
    grantor: Localized,
    precedence: z.number().int().min(0).describe("higher is more senior; the highest eligible award is proposed"),
    exclusiveGroup: z.string().optional().describe("awards sharing this key exclude each other in one year"),
    requiresThisYear: z.array(RuleId).optional().describe("titles the candidate must also qualify for this year"),
    eligibility: z
      .object({
        minClass: RuleId.optional(),
        minPercent: z.number().min(0).max(100).optional(),
        criteria: z.array(RuleId).optional().describe("criteria that must be met"),
        conditions: ConditionSchema.optional(),
        noKnockout: z.boolean(),
      })
      .strict(),
    history: z.array(HistoryRequirement).optional(),
    quota: Quota.optional(),
    bonusCoefficient: z.number().nonnegative().optional().describe("× base salary"),
    bonusRef: Citation.optional().describe("where the bonus coefficient is set"),
    citation: Citation,
    basis: Basis,
    note: Localized.optional(),
    codes: z
      .record(z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/), z.string().min(1).max(100))
      .optional()
      .describe("the award's code in other systems' catalogues, by system: `{ \"<system>\": \"<code>\" }`"),
  })
  .strict()
  .meta({ id: "Award" });

export const AwardsFileSchema = z
  .object({ $schema: z.string().optional(), awards: z.array(AwardSchema) })
  .strict()
  .meta({ id: "AwardsFile", title: "thidua award catalog" });

/* ───────────────────────────── overrides (local rule sets) ───────────────────────────── */

export const OverrideTarget = z
  .discriminatedUnion("kind", [
    z.object({ kind: z.literal("threshold"), criterion: RuleId, threshold: z.string() }).strict(),
    z.object({ kind: z.literal("class"), class: RuleId, field: z.enum(["minPercent", "minPoints"]) }).strict(),
    z.object({ kind: z.literal("quota"), award: RuleId, field: z.literal("share") }).strict(),
    z.object({ kind: z.literal("perUnit"), criterion: RuleId, field: z.enum(["pointsPerUnit", "cap"]) }).strict(),
  ])
  .meta({ id: "OverrideTarget" });

export const OverrideSchema = z
  .object({
    target: OverrideTarget,
    value: ConditionValue,
    reason: Localized,
    citation: Citation.optional().describe("required when the overridden value has basis `law`"),
  })
  .strict();

export const OverridesFileSchema = z
  .object({ $schema: z.string().optional(), overrides: z.array(OverrideSchema) })
  .strict()
  .meta({ id: "OverridesFile", title: "thidua overrides of a parent rule set" });

/* ───────────────────────────── scheme (groups, ranking, assessments) ───────────────────────────── */

export const TieBreakSchema = z
  .discriminatedUnion("key", [
    z.object({ key: z.enum(["score", "potentialScore", "selfScore", "notKnockedOut", "fewerUnknown", "moreMet", "unitId"]) }).strict(),
    z.object({ key: z.literal("fact"), fact: FactId, path: z.string().optional(), better: z.enum(["higher", "lower"]) }).strict(),
    z.object({ key: z.literal("name"), collation: z.enum(["vi", "code-point"]) }).strict(),
  ])
  .meta({
    id: "TieBreak",
    description:
      "One step of the ranking chain: `score` (higher first), `potentialScore`, `selfScore` (the self-assessed score), `notKnockedOut`, `fewerUnknown` (criteria), `moreMet` (criteria), `unitId` (code-point order), a `fact` (or derived fact) with the direction that is better, or the unit's `name` in Vietnamese (`vi`) or code-point order. A unit whose value is unknown comes after those whose value is known.",
  });

export const RankingSchema = z
  .object({
    tieBreaks: z.array(TieBreakSchema).min(1).max(16).describe("the ranking chain, first key first"),
    ties: z.enum(["shared", "ordered"]).optional().describe("`ordered` (default): every unit its own rank; `shared`: units equal on every key but `name` and `unitId` share a rank"),
    basis: Basis,
    ref: Citation.optional(),
  })
  .strict()
  .meta({ id: "Ranking" });

export const GroupDef = z
  .object({ id: Group, title: Localized.optional().describe("required for a group other than the five of Decision 2447") })
  .strict()
  .meta({ id: "GroupDef" });

export const AssessmentPolicy = z
  .object({
    official: z.enum(["lastReviewer", "council", "self"]).describe("`lastReviewer` (default): each fact as the last assessment that changed it says; `council`: only the council's changes over the self-assessment; `self`: the self-assessment"),
    basis: Basis,
    ref: Citation.optional(),
  })
  .strict()
  .meta({ id: "AssessmentPolicy" });

export const SchemeFileSchema = z
  .object({
    $schema: z.string().optional(),
    groups: z.array(GroupDef).min(1).optional().describe("the subject groups of the rule set (default: the five of Decision 2447)"),
    ranking: RankingSchema.optional(),
    assessments: AssessmentPolicy.optional(),
  })
  .strict()
  .meta({ id: "SchemeFile", title: "thidua scheme: subject groups, ranking, official assessment" });

export type CriteriaFileJson = z.infer<typeof CriteriaFileSchema>;

/* Compile-time proof that each schema parses to the plain types of json-types.ts (both directions). */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const proof = <T extends true>(): T => true as T;
proof<Same<z.infer<typeof ManifestSchema>, ManifestJson>>();
proof<Same<z.infer<typeof FactSchema>, FactJson>>();
proof<Same<z.infer<typeof CriterionSchema>, CriterionJson>>();
proof<Same<z.infer<typeof AwardSchema>, AwardJson>>();
proof<Same<z.infer<typeof ClassSchema>, ClassJson>>();
proof<Same<z.infer<typeof OverrideSchema>, OverrideJson>>();
proof<Same<z.infer<typeof SchemeFileSchema>, SchemeJson>>();
