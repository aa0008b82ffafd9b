import type { FactReader, Node, TraceNode } from "../../evaluation/index.js";
import type { Criterion } from "../../rules/index.js";
import type { Points } from "../points.js";

/** A profile's facts as the compiled path reads them: a dense row in fact-catalog order (`undefined` = unknown). */
export type Row = readonly unknown[];

/** What compiling a rule needs: fact ids resolved to row slots, conditions compiled over rows. */
export interface CompileContext {
  readonly slot: (factId: string) => number | undefined;
  readonly condition: (cond: NonNullable<Criterion["conditions"]>, at: readonly (string | number)[]) => Node<Row>;
}

/** Status of a criterion: full points (`met`), some (`partial`), none (`not_met`), not decidable without missing facts (`unknown`), or not for this profile (`not_applicable`). */
export type CriterionStatus = "met" | "partial" | "not_met" | "unknown" | "not_applicable";

/** The base verdict of a scoring style, before bonus, deductions and applicability: points now and in the best case. */
export interface BaseVerdict {
  readonly status: Exclude<CriterionStatus, "not_applicable">;
  readonly base: Points;
  /** Points if every unknown fact resolved favourably. */
  readonly potential: Points;
  /** Index (in the rule file) of the tier that counted, tiered criteria only. */
  readonly tier?: number;
  /** Index of the tier of the best case, when it is above the one that counted (tiered criteria whose facts are missing). */
  readonly potentialTier?: number;
  /** A knock-out criterion whose event occurred. */
  readonly knocked?: boolean;
}

/** Trace of a per-unit computation: the count read, the rate and the cap. */
export interface PerUnitTrace {
  readonly fact: string;
  readonly path?: string;
  readonly actual?: unknown;
  readonly missing: boolean;
  readonly pointsPerUnit: number;
  readonly cap: number;
}

/** What a style's trace adds to its criterion's trace. */
export interface StyleTrace {
  readonly conditions?: TraceNode;
  readonly tiers?: readonly { readonly points: number; readonly conditions: TraceNode }[];
  readonly perUnit?: PerUnitTrace;
}

/**
 * A scoring style (one way a criterion turns facts into base points): `conditions`, `tiers` or
 * `perUnit`, one module each. The rule-file shape of each is a member of the criterion schema in
 * `rules/schema.ts` (validation runs before any scoring); everything else a style decides is here.
 */
export interface ScoringStyle {
  /** The rule-file key that selects the style. */
  readonly key: "conditions" | "tiers" | "perUnit";
  /** Plain evaluation: the specification. */
  readonly evaluate: (c: Criterion, read: FactReader) => BaseVerdict;
  /** The accelerated evaluation over dense rows; the same verdicts (a property test checks). */
  readonly compile: (c: Criterion, ctx: CompileContext) => (row: Row) => BaseVerdict;
  readonly trace: (c: Criterion, read: FactReader) => StyleTrace;
  /** The message-catalog keys its explanation uses. */
  readonly messageKeys: readonly string[];
}
