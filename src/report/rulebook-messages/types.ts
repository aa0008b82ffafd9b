/**
 * The rule book's own wording (headings, lines of criteria, classes, awards, sources), per language,
 * apart from the library's catalog: only \`renderRulebook\` reads it, so a program that never prints a
 * rule book does not carry it. \`vi.ts\` is the reference, \`en.ts\` the translation; each ends in
 * \`satisfies RulebookCatalog\`. Group names, ranking steps and bases are the library catalog's.
 */
import type { RoundingKey } from "../../explain/index.js";

export interface RulebookCatalog {
  readonly title: (name: string) => string;
  readonly version: (v: string, digest: string) => string;
  readonly effective: (from: string, to?: string) => string;
  readonly extends: (id: string, version: string) => string;
  readonly sources: string;
  readonly facts: string;
  readonly criteria: string;
  readonly contents: (list: string) => string;
  readonly citation: string;
  readonly evidence: string;
  readonly maxPoints: (p: string) => string;
  readonly groupCap: (ids: string, p: string) => string;
  readonly classes: string;
  readonly classLine: (title: string, min: string) => string;
  readonly classLinePoints: (title: string, min: string) => string;
  readonly classUnscored: (title: string) => string;
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
  /** Derived facts: the section, and one line (label = formula). */
  readonly derived: string;
  readonly derivedLine: (label: string, formula: string) => string;
  /** The type column of a derived fact. */
  readonly derivedType: (type: string) => string;
  /** How a blank counts (`unknownAs`), after an adjustment or criterion. */
  readonly unknownAs: Readonly<Record<"zero" | "cap", string>>;
  /** A value in force in a period (`dated`). */
  readonly dated: (value: string, from: string | undefined, to: string | undefined) => string;
  /** The ranking chain the rule set states. */
  readonly ranking: string;
  readonly rankingShared: string;
  readonly rankingUnitId: string;
  /** The official assessment, as the rule set says. */
  readonly assessments: string;
  readonly officialPolicy: Readonly<Record<"lastReviewer" | "council" | "self", string>>;
  /** A rule set without awards. */
  readonly scoringOnly: string;
  /** An award's codes in other systems. */
  readonly codes: (list: string) => string;
  /** The subject groups a rule set declares. */
  readonly groups: string;
  readonly overrideTarget: {
    readonly threshold: (criterion: string, condition: string) => string;
    readonly class: (title: string, field: "minPercent" | "minPoints") => string;
    readonly quota: (award: string) => string;
    readonly quotaEnabled: (award: string) => string;
    readonly perUnit: (criterion: string, field: "pointsPerUnit" | "cap") => string;
  };
  /** How a blank counts when the rule set says nothing (`unknownAs` absent or `unknown`), after a bonus or deduction. */
  readonly unknownAsDefault: Readonly<Record<"bonus" | "deduction", string>>;
}
