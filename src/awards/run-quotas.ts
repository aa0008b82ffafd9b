import { rankOrder, type RankKey } from "../ranking/index.js";
import type { Award, RuleSet } from "../rules/index.js";
import { activeQuota, quotaAllowed, quotaExact } from "./checks/index.js";
import type { RunQuotaDecision, RunQuotaShare } from "./decide.js";
import type { QuotaUse } from "./types.js";

/**
 * Run-wide quotas (`scope: "run"`, e.g. the Government's emulation flag across clusters): what the
 * cohorts of a run add to each, kept as plain data (it crosses worker boundaries) — per award its
 * base count and its candidates' rank keys. Memory grows with the candidates, not the units.
 */
export interface RunQuotaPlan {
  readonly base: Map<string, number>;
  readonly candidates: Map<string, RankKey[]>;
}

export const emptyRunQuotaPlan = (): RunQuotaPlan => ({ base: new Map(), candidates: new Map() });

/** Adds one cohort's shares to a plan. */
export function addRunShares(plan: RunQuotaPlan, shares: readonly RunQuotaShare[]): void {
  for (const s of shares) {
    plan.base.set(s.award, (plan.base.get(s.award) ?? 0) + s.base);
    plan.candidates.set(s.award, [...(plan.candidates.get(s.award) ?? []), ...s.candidates]);
  }
}

/** The awards of a rule set with a run-wide quota, in ascending precedence. */
export const runQuotaAwards = (rs: RuleSet): Award[] => rs.awards.filter((a) => activeQuota(a)?.scope === "run").sort((x, y) => x.precedence - y.precedence);

/**
 * Decides the run-wide quotas from the plans of every part of a run (merged in any order): per
 * award, the candidates of all cohorts in the order of the ranking chain; the first `allowed` win.
 */
export function decideRunQuotas(rs: RuleSet, plans: readonly RunQuotaPlan[]): { decisions: Map<string, RunQuotaDecision>; uses: QuotaUse[] } {
  const decisions = new Map<string, RunQuotaDecision>();
  const uses: QuotaUse[] = [];
  const order = rankOrder(rs.ranking);
  for (const a of runQuotaAwards(rs)) {
    const withBase = plans.filter((p) => p.base.has(a.id));
    if (!withBase.length) continue; // no unit of the run can receive it
    const base = withBase.reduce((n, p) => n + p.base.get(a.id)!, 0);
    const q = activeQuota(a)!;
    const allowed = quotaAllowed(q, base);
    const exact = quotaExact(q, base);
    const ranked = withBase.flatMap((p) => p.candidates.get(a.id) ?? []).sort(order);
    const position = new Map<string, Map<string, number>>();
    ranked.forEach((k, i) => position.set(k.cohort, (position.get(k.cohort) ?? new Map()).set(k.id, i + 1)));
    decisions.set(a.id, { allowed, base, exact, position, candidates: ranked.length });
    uses.push({ award: a.id, share: q.share, base, exact, allowed, candidates: ranked.length, granted: Math.min(ranked.length, allowed), binding: ranked.length > allowed });
  }
  return { decisions, uses };
}
