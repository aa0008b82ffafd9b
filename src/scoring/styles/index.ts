import { ThiduaError } from "../../errors/index.js";
import type { Criterion } from "../../rules/index.js";
import { conditionsStyle } from "./conditions.js";
import { perUnitStyle } from "./per-unit.js";
import { tiersStyle } from "./tiers.js";
import type { ScoringStyle } from "./types.js";

/** Every scoring style, one module each. Adding a style: its module, a line here, its schema member in rules/schema.ts, its catalog keys. */
export const SCORING_STYLES: readonly ScoringStyle[] = [conditionsStyle, tiersStyle, perUnitStyle];

/** The style of a criterion: the one whose key the criterion carries (the schema admits exactly one). */
export function styleOf(c: Criterion): ScoringStyle {
  const style = SCORING_STYLES.find((s) => c[s.key] !== undefined);
  if (!style) throw new ThiduaError(`criterion ${c.id} has no scoring style`); // unreachable: the schema requires one
  return style;
}

export { perUnitCount, perUnitPoints, perUnitReader, perUnitTrace } from "./per-unit.js";
export type { BaseVerdict, CompileContext, CriterionStatus, PerUnitTrace, Row, ScoringStyle, StyleTrace } from "./types.js";
