import type { Award } from "../../rules/index.js";
import { Dec, round } from "../../scoring/index.js";
import type { AwardCheck } from "./types.js";

type Quota = NonNullable<Award["quota"]>;

/** The quota an award applies, if any: one switched off (`enabled: false`, a ratio the law in force does not set) is not applied. */
export const activeQuota = (award: Award): Quota | undefined => (award.quota && award.quota.enabled !== false ? award.quota : undefined);

/** Share × base exactly, as a decimal string ("0.75"): what the allowed number is rounded from, so a report can say why a quota is 0. */
export const quotaExact = (q: Quota, base: number): string => new Dec(q.share).times(base).toString();

/** Allowed winners of a quota: share × base, rounded as the quota says, at least `minimum`. */
export function quotaAllowed(q: Quota, base: number): number {
  const n = round(new Dec(q.share).times(base), 0, q.rounding);
  return Math.max(n.toNumber(), q.minimum ?? 0);
}

/** The quota check of an eligible candidate: its position among the `candidates` eligible units (in rank order) against the allowed number. */
export const quotaCheck = (position: number, allowed: number, base: number, exact: string, candidates: number): AwardCheck => ({ kind: "quota", result: position <= allowed, allowed, base, position, exact, candidates });

export const QUOTA_MESSAGE_KEYS = ["check.quota", "award.quotaWithin"] as const;
