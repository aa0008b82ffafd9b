import type { Recommendation } from "../awards/index.js";
import { ThiduaError } from "../errors/index.js";
import { pointsOf } from "../ranking/index.js";
import { unitsToDecimalString } from "../scoring/index.js";
import type { RecommendationReport, EvaluateOptions } from "./index.js";

/** What `engine.whatIf` returns: the facts changed, the recommendation before and after, and the difference. */
export interface WhatIfResult {
  readonly unitId: string;
  readonly changes: Readonly<Record<string, { readonly from: unknown; readonly to: unknown }>>;
  readonly before: Recommendation;
  readonly after: Recommendation;
  readonly delta: { readonly score: string; readonly rank: number; readonly awardChanged: boolean };
}

/**
 * Re-runs the recommendation with some facts changed, beside its peers (the rest of the cohort, if
 * given), and reports how score, rank and award move: a committee's "what would this unit need".
 */
export function whatIf(
  recommend: (profiles: Iterable<unknown>, opts?: EvaluateOptions) => RecommendationReport,
  profile: unknown,
  changes: Readonly<Record<string, unknown>>,
  opts: (EvaluateOptions & { readonly peers?: readonly unknown[] }) | undefined,
): WhatIfResult {
  if (!profile || typeof profile !== "object") throw new ThiduaError("whatIf needs a profile object");
  const p = profile as { id?: unknown; facts?: Record<string, unknown> };
  const facts: Record<string, unknown> = { ...(p.facts ?? {}) };
  const diff: Record<string, { from: unknown; to: unknown }> = {};
  for (const [k, v] of Object.entries(changes)) {
    diff[k] = { from: facts[k] ?? null, to: v };
    if (v === null || v === undefined) delete facts[k];
    else facts[k] = v;
  }
  const changed = { ...p, facts };
  const id = typeof p.id === "string" ? p.id.normalize("NFC") : p.id;
  const peers = (opts?.peers ?? []).filter((x) => {
    const other = (x as { id?: unknown })?.id;
    return (typeof other === "string" ? other.normalize("NFC") : other) !== id;
  });
  const run = (subject: unknown) => {
    const report = recommend([subject, ...peers], opts);
    const rj = report.rejected.find((r) => r.index === 0);
    if (rj) throw new ThiduaError("invalid profile in whatIf", rj.issues);
    return report.results.find((r) => r.unitId === id)!;
  };
  const before = run(profile);
  const after = run(changed);
  return {
    unitId: before.unitId,
    changes: diff,
    before,
    after,
    delta: { score: unitsToDecimalString(pointsOf(after.score) - pointsOf(before.score)), rank: before.rank - after.rank, awardChanged: before.award?.id !== after.award?.id },
  };
}
