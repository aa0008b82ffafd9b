import type { BuiltinGroup, Group } from "../rules/index.js";

/** One year's awards in a profile's history. */
export interface HistoryEntry {
  readonly year: number;
  /** The awards of that year for achievements in the regular emulation work (công trạng): the ones that count toward higher awards. */
  readonly awards: readonly string[];
  /**
   * Awards of that year for a thematic emulation (thi đua theo chuyên đề) or a sudden achievement
   * (thành tích đột xuất): kept in the record, never counted toward a higher award (Decree
   * 152/2025/NĐ-CP Art. 4(3)).
   */
  readonly thematic?: readonly string[];
  readonly sudden?: readonly string[];
  /** Ids of the initiatives (sáng kiến) that award decisions of that year already relied on. */
  readonly initiatives?: readonly string[] | undefined;
}

/** What every profile a program writes carries, beside its facts or its assessments. */
interface ProfileInputBase<G extends string> {
  readonly id: string;
  readonly name: string;
  readonly group: G;
  /** Emulation cluster or block (cụm/khối thi đua). */
  readonly cohort?: string | undefined;
  readonly year: number;
  readonly history?: readonly HistoryEntry[] | undefined;
  /** Ids of the recognised initiatives the unit or person presents this year (an initiative counts once). */
  readonly initiatives?: readonly string[] | undefined;
}

/**
 * A profile as a program writes it: what `engine.score`, `recommend` and the others check when the
 * argument's type is known — with its `facts`, or with its `assessments` (the unit's own, then each
 * reviewer's and the council's changes) instead. Optional fields may be left out or `undefined`; a
 * fact that is absent, `null` or `undefined` is unknown, never false. The engine validates every
 * input at run time against the rule set's fact catalog (fact ids, types and ranges), which no
 * static type can know. `G`: the groups the rule set's type knows (the engine's, see `RuleSet`).
 */
export type ProfileInput<G extends string = BuiltinGroup> =
  | (ProfileInputBase<G> & { readonly facts: Readonly<Record<string, unknown>>; readonly assessments?: undefined })
  | (ProfileInputBase<G> & { readonly facts?: undefined; readonly assessments: readonly Assessment[] });

/** One change of a fact by a reviewer or the council: the new value (`null` clears it) and the reason, which is mandatory. */
export interface FactChange {
  readonly fact: string;
  readonly value: unknown;
  readonly reason: string;
}

/**
 * One assessment of a unit's facts: the unit's own (`self`, with every fact it gives), then each
 * reviewer's and the council's (`changes`, each with its reason), with who made it and when.
 */
export interface Assessment {
  readonly role: "self" | "reviewer" | "council";
  /** Who assessed: the unit, the reviewer, the council. */
  readonly by: string;
  /** ISO date the assessment was made. */
  readonly date: string;
  readonly facts?: Readonly<Record<string, unknown>>;
  readonly changes?: readonly FactChange[];
}

/** One change as results show it: the fact, from and to, who, when, why, and whether it counts for the official score. */
export interface AssessmentChange {
  readonly fact: string;
  readonly from: unknown;
  readonly to: unknown;
  readonly role: "reviewer" | "council";
  readonly by: string;
  readonly date: string;
  readonly reason: string;
  /** The change gives the fact's official value (applied under the rule set's policy and not changed again after). */
  readonly official: boolean;
}

/**
 * A unit's or person's profile for one year. Facts are flat, keyed by the rule set's fact ids; an
 * absent (or `null`) fact is unknown, never false. Instead of `facts`, a profile may carry its
 * `assessments` (self, reviewers', council's): its facts are then the official ones, as the rule set
 * says which is official.
 */
export interface Profile {
  readonly id: string;
  readonly name: string;
  readonly group: Group;
  /** Emulation cluster or block (cụm/khối thi đua). */
  readonly cohort?: string;
  readonly year: number;
  readonly facts: Readonly<Record<string, unknown>>;
  readonly assessments?: readonly Assessment[];
  readonly history?: readonly HistoryEntry[];
  /** Ids of the recognised initiatives the unit or person presents this year (an initiative counts once). */
  readonly initiatives?: readonly string[];
}

/** The key of a valid profile's dense row: a symbol the package does not export (absent from JSON and from the public API). */
export const ROW: unique symbol = Symbol("thidua.row");

/** A profile the catalog accepted (what `engine.validate` returns): facts keyed in catalog order, unknown ones left out, derived facts computed, frozen. */
export interface ValidProfile extends Profile {
  /** Dense row of fact values in catalog slot order (`undefined` = unknown). Internal to the engine. */
  readonly [ROW]: readonly unknown[];
  /** For a profile with assessments: the self-assessment as a profile of its own (scored beside the official one), the policy and every change. */
  readonly assessed?: {
    readonly official: "lastReviewer" | "council" | "self";
    readonly self: ValidProfile;
    readonly changes: readonly AssessmentChange[];
  };
}

/** Documented limits on profile input (see SECURITY.md). */
export const PROFILE_LIMITS = Object.freeze({
  idLength: 128,
  nameLength: 512,
  cohortLength: 128,
  historyEntries: 100,
  awardsPerYear: 50,
  initiatives: 50,
  minYear: 1945,
  maxYear: 2100,
  assessments: 20,
  reasonLength: 2000,
});
