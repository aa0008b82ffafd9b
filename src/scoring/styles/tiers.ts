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
    const outcome = (hit: number, unknown: number): BaseVerdict => {
      const u = order[unknown];
      if (hit < 0) return u && u.points > 0 ? { status: "unknown", base: ZERO, potential: u.points, potentialTier: u.index } : { status: "not_met", base: ZERO, potential: ZERO };
      const t = order[hit]!;
      const open = u !== undefined && u.points > t.points;
      const status = open ? "unknown" : t.points === 0 ? "not_met" : t.points >= max ? "met" : "partial";
      return { status, base: t.points, potential: open ? u.points : t.points, tier: t.index, ...(open && { potentialTier: u.index }) };
    };
    // each (tier that holds, best unknown tier above it) gives one verdict: made once, shared (frozen)
    const made: BaseVerdict[] = [];
    const verdictOf = (hit: number, unknown: number) => (made[(hit + 1) * (order.length + 1) + unknown + 1] ??= Object.freeze(outcome(hit, unknown)));
    return (row) => {
      let unknown = -1;
      for (let i = 0; i < order.length; i++) {
        const r = order[i]!.node(row);
        if (r === T) return verdictOf(i, unknown);
        if (r === U && (unknown < 0 || order[i]!.points > order[unknown]!.points)) unknown = i;
      }
      return verdictOf(-1, unknown);
    };
  },
  trace: (c, read) => ({ tiers: c.tiers!.map((t) => ({ points: t.points, conditions: traceCondition(t.conditions, read) })) }),
  messageKeys: ["criterion.result", "criterion.tier", "criterion.tierMissed", "fact.met", "fact.unmet"],
};
