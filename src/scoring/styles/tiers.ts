import { evaluateCondition, T, traceCondition, U, type Truth } from "../../evaluation/index.js";
import type { Criterion } from "../../rules/index.js";
import { toPoints, ZERO, type Points } from "../points.js";
import type { BaseVerdict, ScoringStyle } from "./types.js";

/**
 * `tiers`: the points of the best tier whose condition holds (ties: the tier listed first). Tiers
 * whose condition is unknown and that are worth more leave the criterion unknown, with their points
 * as the best case.
 */
function verdict(c: Criterion, results: readonly Truth[]): BaseVerdict {
  const tiers = c.tiers!;
  let tier = -1;
  let bestUnknown = -1;
  let unknownTier = -1;
  tiers.forEach((t, i) => {
    const points = toPoints(t.points);
    if (results[i] === true && (tier < 0 || points > toPoints(tiers[tier]!.points))) tier = i;
    if (results[i] === "unknown" && points > bestUnknown) {
      bestUnknown = points;
      unknownTier = i;
    }
  });
  const base: Points = tier < 0 ? ZERO : toPoints(tiers[tier]!.points);
  const max = toPoints(c.maxPoints);
  const open = bestUnknown > base;
  const status = open ? "unknown" : base === 0 ? "not_met" : base >= max ? "met" : "partial";
  return { status, base, potential: (open ? bestUnknown : base) as Points, ...(tier >= 0 && { tier }), ...(open && { potentialTier: unknownTier }) };
}

export const tiersStyle: ScoringStyle = {
  key: "tiers",
  evaluate: (c, read) => verdict(c, c.tiers!.map((t) => evaluateCondition(t.conditions, read))),
  compile(c, ctx) {
    // highest points first (the file's order among equals): the first tier that holds is the best one,
    // and only unknown tiers above it can still raise the points
    const order = c.tiers!
      .map((t, index) => ({ index, points: toPoints(t.points), node: ctx.condition(t.conditions, ["tiers", index, "conditions"]) }))
      .sort((a, b) => b.points - a.points || a.index - b.index);
    const max = toPoints(c.maxPoints);
    return (row) => {
      let bestUnknown = -1;
      let unknownTier = -1;
      for (const t of order) {
        const r = t.node(row);
        if (r === T) {
          const open = bestUnknown > t.points;
          const status = open ? "unknown" : t.points === 0 ? "not_met" : t.points >= max ? "met" : "partial";
          return { status, base: t.points, potential: (open ? bestUnknown : t.points) as Points, tier: t.index, ...(open && { potentialTier: unknownTier }) };
        }
        if (r === U && t.points > bestUnknown) {
          bestUnknown = t.points;
          unknownTier = t.index;
        }
      }
      return bestUnknown > 0 ? { status: "unknown", base: ZERO, potential: bestUnknown as Points, potentialTier: unknownTier } : { status: "not_met", base: ZERO, potential: ZERO };
    };
  },
  trace: (c, read) => ({ tiers: c.tiers!.map((t) => ({ points: t.points, conditions: traceCondition(t.conditions, read) })) }),
  messageKeys: ["criterion.result", "criterion.tier", "criterion.tierMissed", "fact.met", "fact.unmet"],
};
