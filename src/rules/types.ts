import type {
  AwardJson,
  ClassJson,
  DeferralJson,
  CriterionJson,
  FactJson,
  ManifestJson,
  OverrideJson,
} from "./schema.js";
import type { AssessmentPolicyJson, RankingJson, TieBreakJson } from "./json-types.js";

export type { Condition, LeafCondition, ManifestFile, FactsFile, CriteriaFile, ClassesFile, AwardsFile, OverridesFile, SchemeFile } from "./schema.js";
/** The five subject groups of Decision 2447 (see `GROUPS`). */
export type BuiltinGroup = "ministry" | "province" | "front" | "enterprise" | "individual";
/** A subject group: one of the five of Decision 2447, or one a rule set declares (`rs.groups`). */
export type Group = BuiltinGroup | (string & {});
/** Where a value comes from: `law` (a legal text fixes it; a citation says which), `regulation` (the committee's or institution's own regulation, cited like a law) or `policy-default` (the rule set's choice, which a local set may override). */
export type Basis = "law" | "regulation" | "policy-default";
/** Text in Vietnamese (the reference wording) and English (a translation), NFC. */
export interface Localized {
  readonly vi: string;
  readonly en: string;
}
/** A language of the message catalogs and rule-file texts. */
export type Lang = "vi" | "en";

/** Which rule set an item comes from (the set itself or a parent it extends). */
export interface Origin {
  readonly origin: string;
}
export type Manifest = Readonly<ManifestJson>;
/** A fact of the catalog (facts.json), with the id of the rule set that declared it. */
export type Fact = Readonly<FactJson> & Origin;
/** A criterion (criteria/<group>.json) after overrides, with its origin rule set and file. */
export type Criterion = Readonly<CriterionJson> & Origin & { readonly file: string };
/** An award of the catalog (awards.json): eligibility, history, quota, exclusivity, citation. */
export type Award = Readonly<AwardJson> & Origin;
/** A deferral of the award catalog (awards.json `deferrals`): while its condition holds, a unit's awards wait. */
export type Deferral = Readonly<DeferralJson> & Origin;
/** A classification (classes.json): minimum percent, optional per-criterion requirements, knock-out rule. */
export type ClassDef = Readonly<ClassJson> & Origin;
export interface GroupCapDef extends Origin {
  readonly id: string;
  readonly title: Localized;
  readonly criteria: readonly string[];
  readonly maxPoints: number;
  readonly basis: Basis;
}

/** A committed change of a parent's value by an extending rule set, kept in the result for auditors. */
export interface AppliedOverride extends Origin {
  readonly target: OverrideJson["target"];
  readonly from: unknown;
  readonly to: unknown;
  readonly basis: Basis;
  readonly reason: Localized;
  readonly citation?: OverrideJson["citation"];
}

export interface RuleSetFileInfo extends Origin {
  readonly path: string;
  readonly kind: string;
  readonly sha256: string;
  /** false when the bytes did not match the manifest and loading was forced with `allowModified`. */
  readonly verified: boolean;
}

/**
 * A subject group of a rule set: its id and, for a group other than the five of Decision 2447, its name.
 * `G`: the group ids the rule set's type knows (see {@link RuleSet}).
 */
export interface GroupDef<G extends string = Group> extends Origin {
  readonly id: G;
  readonly title?: Localized;
}
/** The ranking chain a rule set states (`scheme.json`): the tie-breaks in order and whether ties share a rank. */
export type Ranking = Readonly<RankingJson> & Origin;
export type TieBreakSpec = Readonly<TieBreakJson>;
/** Which assessment of a unit's facts is official (`scheme.json`; `lastReviewer` when the set says nothing). */
export type AssessmentPolicy = Readonly<AssessmentPolicyJson> & Origin;

/**
 * A loaded, validated, resolved and frozen rule set. `G` is the group ids its type knows: `BuiltinGroup`
 * for the bundled sets loaded by id (`loadRuleSet("vn-2447-2025")`), so that a profile written with a
 * misspelt group (`"provnice"`) fails to type-check; `Group` (any string) when the type cannot know them —
 * a set that declares its own groups says them with `loadRuleSet<"commune" | "household">(dir)`.
 */
export interface RuleSet<G extends string = Group> {
  readonly id: string;
  readonly version: string;
  /** SHA-256 digest of the rule set (see `ruleSetDigest`); printed in every report. */
  readonly sha256: string;
  readonly manifest: Manifest;
  /** The chain from the root national set to this one: `[{id, version, sha256}]`. */
  readonly lineage: readonly { readonly id: string; readonly version: string; readonly sha256: string }[];
  readonly files: readonly RuleSetFileInfo[];
  /** true when every file's hash matched its manifest. */
  readonly verified: boolean;
  readonly sources: Manifest["sources"];
  /** The subject groups: those the set (or its parent) declares, else the five of Decision 2447. */
  readonly groups: readonly GroupDef<G>[];
  /** The ranking chain the set states; absent: the default chain (score, not knocked out, fewer unknown, more met, unit id). */
  readonly ranking?: Ranking;
  /** Which assessment is official; absent: the last reviewer's. */
  readonly assessments?: AssessmentPolicy;
  readonly facts: readonly Fact[];
  readonly criteria: readonly Criterion[];
  readonly groupCaps: readonly GroupCapDef[];
  readonly classes: readonly ClassDef[];
  readonly classesCitation: ClassesCitation;
  readonly awards: readonly Award[];
  /** What defers the awards of a group while it lasts (discipline or an investigation under way). */
  readonly deferrals: readonly Deferral[];
  readonly overrides: readonly AppliedOverride[];
  /** Present when some threshold, points value or class is dated: scoring then reads the values in force on its as-of date. */
  readonly datedValues?: true;
}
export type ClassesCitation = { readonly source: string; readonly section?: string; readonly seed?: string };

/** Raw files of one rule set: path (as listed in the manifest, plus `manifest.json`) → bytes or text. */
export type RuleSetFiles = Readonly<Record<string, string | Uint8Array>>;
