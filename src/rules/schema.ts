/**
 * The published rule-file format (format version 1). These zod schemas are the single source of
 * truth: `rules/schema/*.schema.json` is generated from them (`npm run schema`) and a test fails
 * when the committed JSON Schema drifts.
 *
 * Conditions use json-rules-engine's format unchanged (`all`/`any`/`not`, `fact`/`operator`/`value`,
 * optional `path`, a value that names another fact), so rule files stay readable by that engine;
 * provenance keys (`id`, `basis`, `ref`, `dated`) sit beside `value` and json-rules-engine ignores them.
 *
 * Written with `zod/mini` (functions instead of methods), which a bundler trims to what is used:
 * about 9 kB gzip instead of 28 kB for the classic API.
 */
import * as z from "zod/mini";
import { isIsoDate } from "./dates.js";
import { BASES, FACT_TYPES, FORBIDDEN_KEYS, FORMAT_VERSION, FORMULA_OPS, PROVISION_STATUSES, ROUNDING_MODES, UNKNOWN_AS } from "./constants.js";
import type {
  AwardJson,
  AwardsFile,
  ClassesFile,
  ClassJson,
  Condition,
  CriteriaFile,
  CriterionJson,
  DeferralJson,
  FactJson,
  FactsFile,
  FormulaJson,
  ManifestJson,
  OverrideJson,
  OverridesFile,
  SchemeJson,
} from "./json-types.js";

export type { AwardJson, ClassJson, Condition, CriterionJson, DeferralJson, FactJson, FormulaJson, ManifestJson, OverrideJson, LeafCondition, ManifestFile, FactsFile, CriteriaFile, ClassesFile, AwardsFile, OverridesFile, SchemeFile, SchemeJson } from "./json-types.js";

type Meta = { readonly id?: string; readonly title?: string; readonly description?: string };
/** A copy of `s` with JSON Schema metadata (what the classic API's `.meta()` does). */
function meta<T extends z.ZodMiniType>(s: T, m: Meta): T {
  const copy = z.clone(s);
  z.globalRegistry.add(copy, { ...m });
  return copy;
}
/** A copy of `s` with a description (what the classic API's `.describe()` does). */
const describe = <T extends z.ZodMiniType>(s: T, description: string): T => meta(s, { description });
const opt = z.optional;
const str = z.string;
const int = () => z.number().check(z.int());
const nonEmpty = <T extends z.ZodMiniType>(item: T) => z.array(item).check(z.minLength(1));
const pattern = (p: RegExp, message?: string) => str().check(message === undefined ? z.regex(p) : z.regex(p, { message }));

const isNfc = (s: string) => s === s.normalize("NFC");

export const Text = str().check(z.minLength(1), z.maxLength(4000), z.refine(isNfc, { message: "text must be Unicode NFC" }));
export const Localized = meta(z.strictObject({ vi: describe(Text, "Vietnamese: the reference wording"), en: describe(Text, "English translation") }), {
  id: "Localized",
  description: "Vietnamese reference text with its English translation.",
});
export const IsoDate = meta(str().check(z.regex(/^\d{4}-\d{2}-\d{2}$/), z.refine(isIsoDate, { message: "not a calendar date" })), {
  id: "IsoDate",
  description: "Calendar date, ISO 8601 YYYY-MM-DD.",
});
const idPattern = (p: RegExp, what: string) =>
  str().check(
    z.regex(p, { message: `invalid ${what} id` }),
    z.refine((s: string) => !s.split(/[.-]/).some((seg) => (FORBIDDEN_KEYS as readonly string[]).includes(seg)), {
      message: "id may not contain __proto__, constructor or prototype",
    }),
  );
export const RuleId = meta(idPattern(/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/, "rule"), {
  id: "RuleId",
  description: "Stable id such as `province.3` or `award.bang-khen-tinh`; never changes meaning.",
});
export const FactId = meta(idPattern(/^[a-z][A-Za-z0-9]*(?:\.[a-z][A-Za-z0-9]*)*$/, "fact"), {
  id: "FactId",
  description: "Fact id such as `plan.issuedOnTime` (dot-separated camelCase segments).",
});
export const Group = meta(pattern(/^[a-z][a-z0-9-]{0,39}$/, "invalid group id"), {
  id: "Group",
  description:
    "Subject group: one of the five of Decision 2447 — ministry, province, front (Fatherland Front and socio-political organisations), enterprise (agencies, organisations, enterprises, schools), individual — or a group the rule set declares in scheme.json (e.g. `ward`, `household`).",
});
export const Basis = meta(z.enum(BASES), {
  id: "Basis",
  description:
    "`law`: the value is fixed by the cited legal text. `regulation`: fixed by the committee's or institution's own regulation (quy chế), cited like a law. `policy-default`: our choice, which a committee may override.",
});
export const UnknownAs = meta(z.enum(UNKNOWN_AS), {
  id: "UnknownAs",
  description: "How an unknown fact counts: `unknown` (default: not proven, so not in the unit's favour now, and listed as missing), `zero` (a blank counts as nothing), `cap` (a blank counts in full).",
});
/** Points: a non-negative JSON number with at most two decimals (the manifest's point unit is 0.01). */
export const Points = meta(
  z.number().check(z.nonnegative(), z.refine((n: number) => Math.abs(Math.round(n * 100) - n * 100) < 1e-9, { message: "points have at most two decimals" })),
  { id: "Points", description: "Points, at most two decimals; serialised by the engine as decimal strings." },
);

export const Citation = meta(
  z.strictObject({
    source: describe(RuleId, "id of a legal source listed in the manifest"),
    section: describe(opt(Text), "article / section / clause within the source, e.g. `Điều 24` or `Mục III.2, ý 1`"),
    seed: describe(opt(str()), "seed file in shared/seeds the citation rests on"),
    note: opt(Localized),
  }),
  { id: "Citation" },
);

export const ScalarValue = z.union([str(), z.number(), z.boolean(), z.null()]);
export const ConditionValue = meta(z.union([ScalarValue, z.array(ScalarValue)]), { id: "ConditionValue" });
export const FactValue = meta(z.strictObject({ fact: FactId, path: describe(opt(str()), "JSONPath into the other fact, as `path`") }), {
  id: "FactValue",
  description: "Another fact as the value compared with (json-rules-engine's `value: { fact, path? }`); unknown when that fact is.",
});
/** The period a dated value is in force (either end may be open). */
const period = () => ({ validFrom: describe(opt(IsoDate), "first day the value is in force"), validTo: describe(opt(IsoDate), "last day the value is in force") });
export const DatedValue = meta(z.strictObject({ ...period(), value: ConditionValue, ref: opt(Citation), note: opt(Localized) }), {
  id: "DatedValue",
  description: "The threshold's value in force in a period (as of the scoring date), replacing `value` then.",
});

const ThresholdId = pattern(/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/);
export const Leaf = meta(
  z.strictObject({
    fact: FactId,
    operator: describe(str().check(z.minLength(1)), "a json-rules-engine operator; see OPERATORS"),
    value: z.union([ConditionValue, FactValue]),
    path: describe(opt(str()), "JSONPath subset into an object or set fact: `$.a`, `$['a.b']`, `$[0]`, `$[*]`"),
    id: describe(opt(ThresholdId), "threshold id, unique within its criterion; target of overrides"),
    basis: describe(opt(Basis), "required on every numeric or date threshold"),
    ref: opt(Citation),
    dated: describe(opt(nonEmpty(DatedValue)), "values in force in given periods; `value` applies outside them"),
    note: opt(Localized),
  }),
  { id: "LeafCondition" },
);

export const ConditionSchema: z.ZodMiniType<Condition> = meta(
  z.lazy(() =>
    z.union([
      z.strictObject({ all: nonEmpty(ConditionSchema) }),
      z.strictObject({ any: nonEmpty(ConditionSchema) }),
      z.strictObject({ not: ConditionSchema }),
      Leaf,
    ]),
  ),
  { id: "Condition", description: "json-rules-engine condition: all / any / not / leaf." },
) as z.ZodMiniType<Condition>;

/* ───────────────────────────── manifest ───────────────────────────── */

export const Provision = meta(
  z.strictObject({
    section: describe(Text, "the article / clause as citations write it, e.g. `Điều 24 khoản 3`; a `law` citation must name one of these exactly"),
    status: describe(z.enum(PROVISION_STATUSES), "`confirmed`: checked against a stored text; `secondary`: only a public web copy (weaker); `unconfirmed`: not found"),
    quotes: describe(opt(nonEmpty(Text)), "the short verbatim passages the rule set rests on, copied from the checked digest, never paraphrased"),
    via: describe(opt(Text), "where the wording was read: stored files and web addresses, separated by `; `"),
    note: describe(opt(Localized), "what is doubtful: an inferred number, an English-only copy…"),
  }),
  { id: "Provision", description: "One provision a rule set uses, with how far its wording was checked." },
);

export const Source = meta(
  z.strictObject({
    id: RuleId,
    title: Localized,
    issuer: Localized,
    date: describe(opt(IsoDate), "date of signature; omitted where not confirmed"),
    inForce: describe(opt(IsoDate), "date it entered into force"),
    kind: describe(z.enum(["law", "decree", "decision", "circular", "directive", "conclusion", "plan", "news", "regulation"]), "`regulation`: a committee's or institution's own regulation (quy chế thi đua)"),
    seed: describe(opt(str()), "file name in shared/seeds"),
    reference: describe(opt(str()), "public reference (official gazette number or URL)"),
    status: opt(z.enum(["in-force", "amended", "repealed", "unconfirmed"])),
    note: opt(Localized),
    provisions: describe(opt(z.array(Provision)), "the provisions the rule set uses, each with its status and the quote it rests on"),
  }),
  { id: "Source" },
);

export const FileKind = z.enum(["facts", "criteria", "awards", "classes", "overrides", "scheme"]);
export const ManifestFileEntry = z.strictObject({
  path: pattern(/^[a-z0-9][a-z0-9._/-]*\.json$/),
  kind: FileKind,
  sha256: pattern(/^[0-9a-f]{64}$/),
});

export const ChangelogEntry = z.strictObject({ version: str(), date: IsoDate, changes: nonEmpty(Localized) });

export const ManifestSchema = meta(
  z.strictObject({
    $schema: opt(str()),
    formatVersion: z.literal(FORMAT_VERSION),
    id: RuleId,
    version: pattern(/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/, "version must be semver"),
    title: Localized,
    description: opt(Localized),
    effectiveFrom: IsoDate,
    effectiveTo: opt(IsoDate),
    extends: describe(
      opt(z.strictObject({ id: RuleId, version: str(), sha256: opt(pattern(/^[0-9a-f]{64}$/)) })),
      "parent rule set; a local set may add items and override policy-default values",
    ),
    jurisdiction: opt(Localized),
    pointScale: describe(z.literal(2), "decimal places of points; points are integers in hundredths inside the engine"),
    rounding: describe(z.enum(["half-up", "half-even", "floor", "ceil"]), "rounding of derived numbers (percent, quotas)"),
    sources: z.array(Source),
    files: nonEmpty(ManifestFileEntry),
    changelog: opt(z.array(ChangelogEntry)),
  }),
  { id: "Manifest", title: "thidua rule-set manifest" },
);

/* ───────────────────────────── facts ───────────────────────────── */

export const ObjectField = z.strictObject({
  type: z.enum(["boolean", "integer", "number", "ratio", "date", "enum"]),
  values: opt(z.array(str())),
  min: opt(z.number()),
  max: opt(z.number()),
  label: Localized,
});

/** The grammar of a derived fact's formula (published in the JSON Schema). */
const FORMULA_GRAMMAR = [
  "A formula over other facts, as data (never code). Grammar:",
  "Formula := number | boolean | string (compared with an enum fact) | { fact, path? } | { op, args?, of?, places?, mode? }.",
  "Arithmetic: `+` and `*` (two or more args), `-` and `/` (two), exact in decimal; `/` by zero rejects the profile.",
  "`min`, `max` (one or more args); `clamp` [x, low, high]; `round` [x] with `places` (default 0) and `mode` (half-up, half-even, floor, ceil).",
  "`sum` (args, or `of` an object fact: its number fields), `count` (args that are true, or `of` an object fact: its true boolean fields, or a set fact: its members).",
  "Comparisons `=`, `!=`, `<`, `<=`, `>`, `>=` (two args) give a boolean; `and`, `or`, `not` are Kleene logic; `if` [condition, then, else]; `coalesce` [a, b, …]: the first known.",
  "Three-valued: the result is unknown when an input it needs is unknown (except `coalesce`, `and`/`or` decided by a known argument, and `if` whose condition is known).",
].join(" ");
export const FormulaSchema: z.ZodMiniType<FormulaJson> = meta(
  z.lazy(() =>
    z.union([
      z.number(),
      z.boolean(),
      str().check(z.maxLength(200)),
      FactValue,
      z.strictObject({
        op: z.enum(FORMULA_OPS),
        args: opt(z.array(FormulaSchema).check(z.minLength(1), z.maxLength(64))),
        of: describe(opt(FactValue), "`sum`/`count` over an object fact's fields or a set fact's members"),
        places: describe(opt(int().check(z.minimum(0), z.maximum(6))), "`round`: decimal places (default 0)"),
        mode: describe(opt(z.enum(ROUNDING_MODES)), "`round`: the rounding rule, stated (required)"),
      }),
    ]),
  ),
  { id: "Formula", description: FORMULA_GRAMMAR },
) as z.ZodMiniType<FormulaJson>;

const FieldName = str().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/), z.refine((k: string) => k !== "constructor" && k !== "prototype", { message: "forbidden field name" }));
export const FactSchema = meta(
  z.strictObject({
    id: FactId,
    type: z.enum(FACT_TYPES),
    label: Localized,
    description: opt(Localized),
    unit: opt(Localized),
    min: opt(z.number()),
    max: opt(z.number()),
    values: describe(opt(nonEmpty(str().check(z.minLength(1)))), "allowed values of an enum fact, or of the members of a set fact"),
    valueLabels: opt(z.record(str(), Localized)),
    fields: describe(opt(z.record(FieldName, ObjectField)), "fields of an object fact, reachable with `path` (`$.name`, or `$['name.with.dots']`)"),
    formula: describe(opt(FormulaSchema), "a derived fact: computed from other facts by this formula, never given by a profile"),
    better: describe(z.enum(["higher", "lower", "none"]), "direction in which the fact improves a score (booleans: true is `higher`)"),
    evidence: describe(Localized, "the document a committee checks to accept the value"),
    groups: nonEmpty(Group),
  }),
  { id: "Fact" },
);

export const FactsFileSchema = meta(z.strictObject({ $schema: opt(str()), facts: z.array(FactSchema) }), { id: "FactsFile", title: "thidua fact catalog" });

/* ───────────────────────────── criteria ───────────────────────────── */

export const Tier = z.strictObject({
  id: opt(str()),
  points: Points,
  label: describe(opt(Localized), "may name thresholds of the criterion as placeholders, `{threshold-id}`: filled with the value in force"),
  conditions: ConditionSchema,
  dated: describe(opt(nonEmpty(z.strictObject({ ...period(), points: Points, ref: opt(Citation) }))), "points in force in given periods"),
});

export const PerUnit = meta(
  z.strictObject({
    id: opt(ThresholdId),
    fact: FactId,
    path: opt(str()),
    pointsPerUnit: Points,
    cap: describe(opt(Points), "at most this many points (defaults to maxPoints)"),
    basis: Basis,
    ref: opt(Citation),
    label: opt(Localized),
    dated: describe(opt(nonEmpty(z.strictObject({ ...period(), pointsPerUnit: opt(Points), cap: opt(Points), ref: opt(Citation) }))), "rate or cap in force in given periods"),
  }),
  { id: "PerUnit", description: "points per unit of a count fact, capped" },
);

export const Adjustment = meta(
  z.strictObject({
    id: ThresholdId,
    title: Localized,
    conditions: describe(opt(ConditionSchema), "fixed `points` when the conditions hold"),
    points: opt(Points),
    perUnit: describe(opt(PerUnit), "or points per unit of a count fact"),
    cap: describe(Points, "at most this many points from this adjustment"),
    unknownAs: describe(opt(UnknownAs), "how an unknown fact counts (default `unknown`: a bonus counts 0 and a deduction its cap until known)"),
    basis: Basis,
    ref: opt(Citation),
    dated: describe(opt(nonEmpty(z.strictObject({ ...period(), points: opt(Points), cap: opt(Points), ref: opt(Citation) }))), "points or cap in force in given periods"),
  }),
  { id: "Adjustment", description: "bonus (điểm thưởng) or deduction (điểm trừ)" },
);

export const CriterionSchema = meta(
  z.strictObject({
    id: RuleId,
    group: Group,
    contents: describe(opt(nonEmpty(int().check(z.minimum(1), z.maximum(6)))), "emulation contents 1–6 of Decision 2447 it serves (schemes unrelated to it leave it out)"),
    title: Localized,
    description: opt(Localized),
    citation: Citation,
    basis: Basis,
    maxPoints: Points,
    conditions: opt(ConditionSchema),
    tiers: opt(nonEmpty(Tier)),
    perUnit: opt(PerUnit),
    bonus: opt(z.array(Adjustment)),
    deductions: opt(z.array(Adjustment)),
    floor: describe(opt(Points), "deductions never take the criterion below this (default 0)"),
    appliesWhen: describe(
      opt(ConditionSchema),
      "the criterion applies only to profiles for which this holds (e.g. schools only); otherwise it is not applicable and leaves the maximum",
    ),
    unknownAs: describe(opt(UnknownAs), "how the criterion counts while its facts are unknown (default `unknown`; `zero`: not met, `cap`: met)"),
    knockout: describe(opt(z.boolean()), "a met knock-out criterion bars every title that year"),
    knockoutReason: opt(Localized),
    evidence: nonEmpty(Localized),
    effectiveFrom: opt(IsoDate),
    effectiveTo: opt(IsoDate),
  }),
  { id: "Criterion" },
);

export const GroupCap = meta(
  z.strictObject({ id: RuleId, title: Localized, criteria: z.array(RuleId).check(z.minLength(2)), maxPoints: Points, basis: Basis, ref: opt(Citation) }),
  { id: "GroupCap", description: "the points of several criteria together count at most maxPoints" },
);

export const CriteriaFileSchema = meta(
  z.strictObject({
    $schema: opt(str()),
    group: Group,
    title: Localized,
    criteria: nonEmpty(CriterionSchema),
    groupCaps: opt(z.array(GroupCap)),
  }),
  { id: "CriteriaFile", title: "thidua criteria of one subject group" },
);

/* ───────────────────────────── classes ───────────────────────────── */

export const ClassSchema = z.strictObject({
  id: RuleId,
  title: Localized,
  rank: describe(int().check(z.minimum(0)), "higher is better"),
  minPercent: describe(opt(z.number().check(z.minimum(0), z.maximum(100))), "minimum score as a percentage of the nominal maximum"),
  minPoints: describe(opt(Points), "or a minimum score in points"),
  unscored: describe(opt(z.boolean()), "the class of a unit of which nothing is known (chưa chấm): every criterion that applies is unknown"),
  requires: describe(opt(z.array(z.strictObject({ criterion: RuleId, minPoints: Points }))), "criteria that must reach a minimum for this class"),
  noKnockout: opt(z.boolean()),
  basis: Basis,
  ref: opt(Citation),
  dated: describe(
    opt(nonEmpty(z.strictObject({ ...period(), minPercent: opt(z.number().check(z.minimum(0), z.maximum(100))), minPoints: opt(Points), ref: opt(Citation) }))),
    "thresholds in force in given periods",
  ),
});

export const ClassesFileSchema = meta(z.strictObject({ $schema: opt(str()), classes: nonEmpty(ClassSchema), citation: Citation }), {
  id: "ClassesFile",
  title: "thidua classification thresholds",
});

/* ───────────────────────────── awards ───────────────────────────── */

export const HistoryRequirement = meta(
  z.discriminatedUnion("kind", [
    z.strictObject({
      kind: z.literal("consecutive"),
      awards: describe(nonEmpty(RuleId), "any of these titles counts"),
      times: int().check(z.minimum(1)),
      includeCurrentYear: describe(z.boolean(), "whether this year's proposed title counts towards the run"),
      linkedBy: describe(
        opt(nonEmpty(RuleId)),
        "titles that keep a run going in the years between two counted titles (e.g. the grassroots title between two provincial ones); without it every year of the run must hold a counted title",
      ),
      reuse: describe(
        opt(z.enum(["consumed", "allowed"])),
        "`consumed` (default): years up to the last time the unit received this award do not count again (one achievement is not rewarded twice); `allowed`: a run may earn the award again",
      ),
      basis: Basis,
      ref: opt(Citation),
    }),
    z.strictObject({ kind: z.literal("prior"), awards: nonEmpty(RuleId), withinYears: opt(int().check(z.minimum(1))), basis: Basis, ref: opt(Citation) }),
    z.strictObject({ kind: z.literal("never"), awards: describe(nonEmpty(RuleId), "awarded at most once"), basis: Basis, ref: opt(Citation) }),
    describe(
      z.strictObject({
        kind: z.literal("freshInitiatives"),
        min: describe(int().check(z.minimum(1)), "recognised initiatives this year that no earlier award relied on"),
        basis: Basis,
        ref: opt(Citation),
      }),
      "an initiative counts once: the profile's `initiatives` minus those in its history",
    ),
  ]),
  { id: "HistoryRequirement" },
);

export const Quota = meta(
  z.strictObject({
    share: describe(pattern(/^0(?:\.\d+)?$|^1(?:\.0+)?$/), 'decimal share, e.g. "0.15"'),
    of: describe(z.union([z.literal("cohort"), RuleId]), "`cohort` or the id of the award whose holders are counted"),
    rounding: z.enum(["floor", "ceil", "half-up"]),
    minimum: opt(int().check(z.minimum(0))),
    scope: describe(
      opt(z.enum(["cohort", "run"])),
      "`cohort` (default): shared within each cluster/block; `run`: shared by every cohort scored together (e.g. the Government flag across clusters)",
    ),
    enabled: describe(opt(z.boolean()), "false: the quota is documented but not applied (a ratio the law in force does not set); a local rule set may switch it on with an override"),
    basis: Basis,
    ref: opt(Citation),
  }),
  { id: "Quota" },
);

export const Deferral = meta(
  z.strictObject({
    id: RuleId,
    title: describe(Localized, "why the awards wait, e.g. discipline or an investigation under way"),
    groups: describe(nonEmpty(Group), "the subject groups whose awards are deferred"),
    when: describe(ConditionSchema, "every award of these groups is deferred (tạm chưa xét) while this holds"),
    basis: Basis,
    ref: opt(Citation),
  }),
  { id: "Deferral", description: "awards not decided for a unit while something is under way (Decree 152/2025/NĐ-CP Art. 4(4)): distinct from not eligible" },
);

export const AwardSchema = meta(
  z.strictObject({
    id: RuleId,
    kind: z.enum(["title", "commendation", "medal"]),
    recipient: z.enum(["collective", "individual"]),
    groups: nonEmpty(Group),
    level: z.enum(["grassroots", "ministry-province", "national"]),
    title: Localized,
    grantor: Localized,
    precedence: describe(int().check(z.minimum(0)), "higher is more senior; the highest eligible award is proposed"),
    exclusiveGroup: describe(opt(str()), "awards sharing this key exclude each other in one year"),
    requiresThisYear: describe(opt(z.array(RuleId)), "titles the candidate must also qualify for this year"),
    eligibility: z.strictObject({
      minClass: opt(RuleId),
      minPercent: opt(z.number().check(z.minimum(0), z.maximum(100))),
      criteria: describe(opt(z.array(RuleId)), "criteria that must be met"),
      conditions: opt(ConditionSchema),
      noKnockout: z.boolean(),
    }),
    history: opt(z.array(HistoryRequirement)),
    quota: opt(Quota),
    bonusCoefficient: describe(opt(z.number().check(z.nonnegative())), "× base salary"),
    bonusRef: describe(opt(Citation), "where the bonus coefficient is set"),
    citation: Citation,
    basis: Basis,
    note: opt(Localized),
    codes: describe(
      opt(z.record(pattern(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/), str().check(z.minLength(1), z.maxLength(100)))),
      "the award's code in other systems' catalogues, by system: `{ \"<system>\": \"<code>\" }`",
    ),
  }),
  { id: "Award" },
);

export const AwardsFileSchema = meta(z.strictObject({ $schema: opt(str()), awards: z.array(AwardSchema), deferrals: opt(z.array(Deferral)) }), { id: "AwardsFile", title: "thidua award catalog" });

/* ───────────────────────────── overrides (local rule sets) ───────────────────────────── */

export const OverrideTarget = meta(
  z.discriminatedUnion("kind", [
    z.strictObject({ kind: z.literal("threshold"), criterion: RuleId, threshold: str() }),
    z.strictObject({ kind: z.literal("class"), class: RuleId, field: z.enum(["minPercent", "minPoints"]) }),
    z.strictObject({ kind: z.literal("quota"), award: RuleId, field: z.enum(["share", "enabled"]) }),
    z.strictObject({ kind: z.literal("perUnit"), criterion: RuleId, field: z.enum(["pointsPerUnit", "cap"]) }),
  ]),
  { id: "OverrideTarget" },
);

export const OverrideSchema = z.strictObject({
  target: OverrideTarget,
  value: ConditionValue,
  reason: Localized,
  citation: describe(opt(Citation), "required when the overridden value has basis `law`"),
});

export const OverridesFileSchema = meta(z.strictObject({ $schema: opt(str()), overrides: z.array(OverrideSchema) }), {
  id: "OverridesFile",
  title: "thidua overrides of a parent rule set",
});

/* ───────────────────────────── scheme (groups, ranking, assessments) ───────────────────────────── */

export const TieBreakSchema = meta(
  z.discriminatedUnion("key", [
    z.strictObject({ key: z.enum(["score", "potentialScore", "selfScore", "notKnockedOut", "fewerUnknown", "moreMet", "unitId"]) }),
    z.strictObject({ key: z.literal("fact"), fact: FactId, path: opt(str()), better: z.enum(["higher", "lower"]) }),
    z.strictObject({ key: z.literal("name"), collation: z.enum(["vi", "code-point"]) }),
  ]),
  {
    id: "TieBreak",
    description:
      "One step of the ranking chain: `score` (higher first), `potentialScore`, `selfScore` (the self-assessed score), `notKnockedOut`, `fewerUnknown` (criteria), `moreMet` (criteria), `unitId` (code-point order), a `fact` (or derived fact) with the direction that is better, or the unit's `name` in Vietnamese (`vi`) or code-point order. A unit whose value is unknown comes after those whose value is known.",
  },
);

export const RankingSchema = meta(
  z.strictObject({
    tieBreaks: describe(z.array(TieBreakSchema).check(z.minLength(1), z.maxLength(16)), "the ranking chain, first key first"),
    ties: describe(opt(z.enum(["shared", "ordered"])), "`ordered` (default): every unit its own rank; `shared`: units equal on every key but `name` and `unitId` share a rank"),
    basis: Basis,
    ref: opt(Citation),
  }),
  { id: "Ranking" },
);

export const GroupDef = meta(z.strictObject({ id: Group, title: describe(opt(Localized), "required for a group other than the five of Decision 2447") }), { id: "GroupDef" });

export const AssessmentPolicy = meta(
  z.strictObject({
    official: describe(
      z.enum(["lastReviewer", "council", "self"]),
      "`lastReviewer` (default): each fact as the last assessment that changed it says; `council`: only the council's changes over the self-assessment; `self`: the self-assessment",
    ),
    basis: Basis,
    ref: opt(Citation),
  }),
  { id: "AssessmentPolicy" },
);

export const SchemeFileSchema = meta(
  z.strictObject({
    $schema: opt(str()),
    groups: describe(opt(nonEmpty(GroupDef)), "the subject groups of the rule set (default: the five of Decision 2447)"),
    ranking: opt(RankingSchema),
    assessments: opt(AssessmentPolicy),
  }),
  { id: "SchemeFile", title: "thidua scheme: subject groups, ranking, official assessment" },
);

/* Compile-time proof that each schema parses to the plain types of json-types.ts (both directions). */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Proof<T extends true> = T;
export type SchemaProofs = [
  Proof<Same<z.infer<typeof ManifestSchema>, ManifestJson>>,
  Proof<Same<z.infer<typeof FactSchema>, FactJson>>,
  Proof<Same<z.infer<typeof CriterionSchema>, CriterionJson>>,
  Proof<Same<z.infer<typeof AwardSchema>, AwardJson>>,
  Proof<Same<z.infer<typeof ClassSchema>, ClassJson>>,
  Proof<Same<z.infer<typeof OverrideSchema>, OverrideJson>>,
  Proof<Same<z.infer<typeof Deferral>, DeferralJson>>,
  Proof<Same<z.infer<typeof FactsFileSchema>, FactsFile>>,
  Proof<Same<z.infer<typeof CriteriaFileSchema>, CriteriaFile>>,
  Proof<Same<z.infer<typeof ClassesFileSchema>, ClassesFile>>,
  Proof<Same<z.infer<typeof AwardsFileSchema>, AwardsFile>>,
  Proof<Same<z.infer<typeof OverridesFileSchema>, OverridesFile>>,
  Proof<Same<z.infer<typeof SchemeFileSchema>, SchemeJson>>,
];
