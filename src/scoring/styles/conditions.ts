import { evaluateCondition, traceCondition, type Truth } from "../../evaluation/index.js";
import type { Criterion } from "../../rules/index.js";
import { toPoints, ZERO, type Points } from "../points.js";
import type { BaseVerdict, ScoringStyle } from "./types.js";

const statusOf = (t: Truth) => (t === true ? "met" : t === false ? "not_met" : "unknown") as BaseVerdict["status"];

/**
 * `conditions`: all of `maxPoints` when the condition holds, none when it fails, unknown otherwise.
 * A knock-out criterion (`knockout: true`) gives no points: when its condition holds the event
 * occurred and bars every class and award that excludes knock-outs.
 */
function verdict(c: Criterion, t: Truth): BaseVerdict {
  if (c.knockout) return { status: statusOf(t), base: ZERO, potential: ZERO, knocked: t === true };
  const max: Points = toPoints(c.maxPoints);
  return { status: statusOf(t), base: t === true ? max : ZERO, potential: t === false ? ZERO : max, knocked: false };
}

export const conditionsStyle: ScoringStyle = {
  key: "conditions",
  evaluate: (c, read) => verdict(c, evaluateCondition(c.conditions!, read)),
  compile(c, ctx) {
    const node = ctx.condition(c.conditions!, ["conditions"]);
    // the three verdicts a condition can give, made once and shared between units (frozen)
    const byTri = [verdict(c, false), verdict(c, true), verdict(c, "unknown")].map((v) => Object.freeze(v));
    return (row) => byTri[node(row)]!;
  },
  trace: (c, read) => ({ conditions: traceCondition(c.conditions!, read) }),
  messageKeys: ["criterion.result", "criterion.knockout", "fact.met", "criterion.unmetBecause", "fact.value"],
};
