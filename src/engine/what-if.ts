import type { Recommendation } from "../awards/index.js";
import { ThiduaError } from "../errors/index.js";
import { formatPoints } from "../scoring/index.js";
import type { RunOptions } from "./options.js";

/** What `engine.whatIf` returns: the facts changed, the recommendation before and after, and the difference. */
export interface WhatIfResult {
  readonly unitId: string;
  readonly changes: Readonly<Record<string, { readonly from: unknown; readonly to: unknown }>>;
  readonly before: Recommendation;
  readonly after: Recommendation;
  readonly delta: { readonly score: string; readonly rank: number; readonly awardChanged: boolean };
}

/** Decides a subject beside its peers and returns its recommendation (and its score in hundredths). */
export type DecideBeside = (subject: unknown, peers: readonly unknown[], opts: RunOptions | undefined) => { rec: Recommendation; points: number };

/** The profile with some facts changed (`null` or `undefined` removes a fact), and the changes as from → to. */
function changed(profile: object, changes: Readonly<Record<string, unknown>>) {
  const p = profile as { facts?: Record<string, unknown> };
  const facts: Record<string, unknown> = { ...(p.facts ?? {}) };
  const diff: Record<string, { from: unknown; to: unknown }> = {};
  for (const [k, v] of Object.entries(changes)) {
    diff[k] = { from: facts[k] ?? null, to: v };
    if (v === null || v === undefined) delete facts[k];
    else facts[k] = v;
  }
  return { profile: { ...profile, facts }, diff };
}

const idOf = (x: unknown) => {
  const id = (x as { id?: unknown } | null)?.id;
  return typeof id === "string" ? id.normalize("NFC") : id;
};

/**
 * Re-runs the recommendation with some facts changed, beside its peers (the rest of the cohort, if
 * given), and reports how score, rank and award move: a committee's "what would this unit need".
 */
export function whatIf(decide: DecideBeside, profile: unknown, changes: Readonly<Record<string, unknown>>, opts: (RunOptions & { readonly peers?: readonly unknown[] }) | undefined): WhatIfResult {
  if (!profile || typeof profile !== "object") throw new ThiduaError("whatIf needs a profile object");
  const id = idOf(profile);
  const peers = (opts?.peers ?? []).filter((x) => idOf(x) !== id);
  const after = changed(profile, changes);
  const b = decide(profile, peers, opts);
  const a = decide(after.profile, peers, opts);
  return {
    unitId: b.rec.unitId,
    changes: after.diff,
    before: b.rec,
    after: a.rec,
    delta: { score: formatPoints(a.points - b.points), rank: b.rec.rank - a.rec.rank, awardChanged: b.rec.award?.id !== a.rec.award?.id },
  };
}
