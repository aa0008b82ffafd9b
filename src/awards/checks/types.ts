import type { FactReader, LeafTrace, Truth } from "../../evaluation/index.js";
import type { Award, Deferral, RuleSet } from "../../rules/index.js";
import type { CriterionStatus, ScoredUnit } from "../../scoring/index.js";

type HistoryRequirement = NonNullable<Award["history"]>[number];

/** One check of an award's eligibility; data only (ids, values), rendered by `explain`. */
export type AwardCheck =
  | { readonly kind: "knockout"; readonly result: Truth; readonly criteria: readonly string[] }
  | { readonly kind: "minClass"; readonly result: Truth; readonly required: string; readonly actual: string | null; readonly potential: string | null; readonly pointsShort?: string }
  | { readonly kind: "minPercent"; readonly result: Truth; readonly required: number; readonly actual: string; readonly pointsShort?: string }
  | { readonly kind: "criterion"; readonly result: Truth; readonly criterion: string; readonly status: CriterionStatus }
  | { readonly kind: "conditions"; readonly result: Truth; readonly unmet: readonly LeafTrace[]; readonly fixedBar: boolean }
  | { readonly kind: "history"; readonly result: Truth; readonly requirement: HistoryRequirement; readonly found: number; readonly missingYears: readonly number[] }
  | { readonly kind: "requiresThisYear"; readonly result: Truth; readonly award: string }
  | { readonly kind: "quota"; readonly result: Truth; readonly allowed: number; readonly base: number; readonly position: number; readonly exact: string; readonly candidates: number }
  | { readonly kind: "deferral"; readonly result: Truth; readonly deferral: string };

/**
 * How an award's own conditions (and the catalog's deferrals) are checked for a unit: by the reference interpreter or compiled
 * (the engine chooses; the checks are equal as data). The check says the verdict of
 * `eligibility.conditions`, the leaves that do not hold (`unmet`), and whether they fail on facts
 * that cannot improve (`fixedBar`: the conditions are false even with every improvable fact unknown).
 */
export interface AwardConditions {
  readonly check: (award: Award, unit: ScoredUnit) => Extract<AwardCheck, { kind: "conditions" }>;
  /** Whether a deferral's condition (`when`) holds for a unit, three-valued. */
  readonly deferral: (d: Deferral, unit: ScoredUnit) => Truth;
  /** The unit's facts read by id (undefined: not given). */
  readonly reader: (unit: ScoredUnit) => FactReader;
}

/** What a check reads of a unit besides the award: its score, its record, and its verdicts this year so far. */
export interface UnitInput {
  readonly rs: RuleSet;
  readonly unit: ScoredUnit;
  readonly conditions: AwardConditions;
  /** The unit's verdict on an award decided before this one (lower precedence); an award not decided yet reads as not granted. */
  readonly thisYear: (awardId: string) => Truth;
  /** The awards of each past year the profile lists. */
  readonly past: ReadonlyMap<number, readonly string[]>;
  /**
   * A check that depends on the unit alone (knock-out, class, percentage, a criterion), made once
   * for every award that asks it: `make` reads the unit from the input it is given, so the compiled
   * checks pass one function made when they are compiled rather than a new closure for each award.
   */
  readonly once: (key: string, make: (input: UnitInput) => readonly AwardCheck[]) => readonly AwardCheck[];
}

/**
 * A kind of eligibility check (one module each, listed in `checks/index.ts` in the order checks are
 * made). The rule-file shape it reads is part of the award schema in `rules/schema.ts`.
 */
export interface AwardCheckKind {
  readonly kind: AwardCheck["kind"];
  /** The checks of this kind an award asks of a unit, in order (none when the award does not ask for it). */
  readonly checks: (award: Award, input: UnitInput) => readonly AwardCheck[];
  /**
   * The accelerated form, when the kind has one: compiled once per engine for one award, it gives
   * the same checks as `checks` (equal as data; a property test compares them) and may share frozen
   * check objects between units. Undefined when the award does not ask for this kind.
   */
  readonly compile?: (award: Award, rs: RuleSet) => CompiledCheck | undefined;
  /** The message-catalog keys its explanation uses. */
  readonly messageKeys: readonly string[];
}

/** A kind's checks for one award, compiled (see {@link AwardCheckKind.compile}). */
export type CompiledCheck = (input: UnitInput) => readonly AwardCheck[];

/** Makes the checks an award asks of a unit before its quota, in the order of the check kinds: plainly, or compiled. */
export type AwardChecker = (award: Award, input: UnitInput) => AwardCheck[];

/** No checks: what a kind returns for an award that does not ask for it. */
export const NONE: readonly AwardCheck[] = Object.freeze([]);
