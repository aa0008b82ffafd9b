import type {
  AwardJson,
  ClassJson,
  DeferralJson,
  CriterionJson,
  FactJson,
  ManifestJson,
  OverrideJson,
} from "./schema.js";

export type { Condition, LeafCondition, ManifestFile, FactsFile, CriteriaFile, ClassesFile, AwardsFile, OverridesFile } from "./schema.js";
/** A subject group (see `GROUPS`). */
export type Group = "ministry" | "province" | "front" | "enterprise" | "individual";
/** Where a value comes from: `law` (a legal text fixes it; a citation says which) or `policy-default` (the rule set's choice, which a local set may override). */
export type Basis = "law" | "policy-default";
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

/** A loaded, validated, resolved and frozen rule set. */
export interface RuleSet {
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
  readonly facts: readonly Fact[];
  readonly criteria: readonly Criterion[];
  readonly groupCaps: readonly GroupCapDef[];
  readonly classes: readonly ClassDef[];
  readonly classesCitation: ClassesCitation;
  readonly awards: readonly Award[];
  /** What defers the awards of a group while it lasts (discipline or an investigation under way). */
  readonly deferrals: readonly Deferral[];
  readonly overrides: readonly AppliedOverride[];
}
export type ClassesCitation = { readonly source: string; readonly section?: string; readonly seed?: string };

/** Raw files of one rule set: path (as listed in the manifest, plus `manifest.json`) → bytes or text. */
export type RuleSetFiles = Readonly<Record<string, string | Uint8Array>>;
