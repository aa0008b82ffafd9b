import type { Truth } from "../evaluation/index.js";
import { cohortKey, rankCohort, rankKey, type RankKey, type Ranked } from "../ranking/index.js";
import type { Award, Group, RuleSet } from "../rules/index.js";
import type { ScoredUnit } from "../scoring/index.js";
import { activeQuota, checksVerdict, compileAwardChecks, pastAwards, quotaAllowed, quotaCheck, quotaExact, referenceChecks, type AwardCheck, type AwardChecker, type AwardConditions, type UnitInput } from "./checks/index.js";
import { compileAwardConditions, referenceAwardConditions } from "./conditions.js";
import { cohortAwards, type CohortAwards } from "./cohort.js";
import { recommendation } from "./proposals.js";
import type { AwardStatus, QuotaUse, Recommendation } from "./types.js";

/** A run-wide quota decided over every cohort of a run: allowed winners, base, and each candidate's position. */
export interface RunQuotaDecision {
  readonly allowed: number;
  readonly base: number;
  /** Share × base before rounding ("0.75"). */
  readonly exact: string;
  /** Position of each candidate in the run-wide order, by cohort key then unit id. */
  readonly position: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** How many units of the run are eligible (the candidates the positions count). */
  readonly candidates: number;
}

/** What one cohort adds to a run-wide quota: its base count and its candidates' rank keys. */
export interface RunQuotaShare {
  readonly award: string;
  readonly base: number;
  readonly candidates: readonly RankKey[];
}

/**
 * What differs between the reference and the compiled award pass: how an award's own conditions and
 * its checks are made for a unit. The ladder itself (`decideCohort`) is one implementation.
 */
export interface AwardPath {
  readonly conditions: AwardConditions;
  readonly checks: AwardChecker;
}

/** The award pass as the specification makes it: the reference interpreter, every check kind plainly. */
export const referenceAwardPath = (rs: RuleSet): AwardPath => ({ conditions: referenceAwardConditions(rs), checks: referenceChecks });

/** The award pass compiled once for an engine (it owns every plan and shared check): equal as data to the reference. */
export const compileAwardPath = (rs: RuleSet): AwardPath => ({ conditions: compileAwardConditions(rs), checks: compileAwardChecks(rs) });

/** The awards a group can receive, in the order they are decided: ascending precedence, then id. */
export const awardsOf = (rs: RuleSet, group: Group): Award[] =>
  rs.awards.filter((a) => a.groups.includes(group)).sort((x, y) => x.precedence - y.precedence || (x.id < y.id ? -1 : 1));

/** A unit's verdict on an award decided this year, as later checks read it: granted, unknown (evidence missing), or not. */
/**
 * Whether a title decided before counts as held this year by the awards that require it. A deferred
 * title counts as held: nothing but the deferral stands against it, and the same deferral holds back
 * every award of the unit, so what requires it is deferred too rather than ineligible.
 */
const truthOf = (st: AwardStatus | undefined): Truth => (st?.granted || st?.status === "deferred" ? true : st?.status === "unknown" ? "unknown" : false);

interface Unit {
  readonly ranked: Ranked;
  readonly input: UnitInput;
  /** The statuses decided so far, in deciding order. */
  readonly statuses: AwardStatus[];
  /** The unit's status on an award of the cohort (undefined: not decided yet). */
  readonly statusOf: (award: string) => AwardStatus | undefined;
}

function unitOf(rs: RuleSet, conditions: AwardConditions, cohort: CohortAwards, ranked: Ranked): Unit {
  const statuses: AwardStatus[] = [];
  const statusOf = (id: string) => cohort.statusOf(statuses, id);
  const thisYear = (id: string) => truthOf(statusOf(id));
  let made: Map<string, readonly AwardCheck[]> | undefined;
  const input: UnitInput = {
    rs,
    unit: ranked.unit,
    conditions,
    thisYear,
    past: pastAwards(ranked.unit.profile),
    once(key, make) {
      let checks = (made ??= new Map()).get(key);
      if (checks === undefined) made.set(key, (checks = make(input)));
      return checks;
    },
  };
  return { ranked, statuses, statusOf, input };
}

/** A cohort-wide quota's base: the cohort's size, or the number of its units granted the award `of` names. */
function cohortQuotaBase(award: Award, units: readonly Unit[]): number {
  const of = activeQuota(award)!.of;
  return of === "cohort" ? units.length : units.filter((u) => u.statusOf(of)?.granted).length;
}

/** A unit's checks for one award, their verdict before the quota, and its quota check if it is a candidate under one. */
interface Checked {
  readonly u: Unit;
  readonly checks: AwardCheck[];
  readonly verdict: ReturnType<typeof checksVerdict>;
  quota: AwardCheck | undefined;
}

/**
 * One award for every unit of the cohort: its checks, then its quota (see `applyQuota`); a
 * candidate the quota leaves out is `quota`, not granted.
 */
function decideAward(award: Award, checker: AwardChecker, units: readonly Unit[], run: RunQuotaDecision | undefined): QuotaUse | undefined {
  const checked = units.map((u): Checked => {
    const checks = checker(award, u.input);
    return { u, checks, verdict: checksVerdict(checks), quota: undefined };
  });
  const use = applyQuota(award, units, checked.filter((x) => x.verdict === "eligible"), run);
  for (const x of checked) {
    if (x.quota) x.checks.push(x.quota);
    const status = x.quota?.result === false ? "quota" : x.verdict;
    x.u.statuses.push({ award: award.id, status, granted: status === "eligible", checks: x.checks });
  }
  return use;
}

/**
 * An award's quota over the cohort's candidates (in rank order): a cohort quota goes to the
 * higher-ranked candidates; a run-wide one (`scope: "run"`) follows the run's decision when there
 * is one (before it, every candidate stays eligible and the cohort waits for it). Gives each
 * candidate its quota check, and returns how a cohort quota was used.
 */
function applyQuota(award: Award, units: readonly Unit[], candidates: readonly Checked[], run: RunQuotaDecision | undefined): QuotaUse | undefined {
  const q = activeQuota(award);
  if (q && q.scope !== "run") {
    const base = cohortQuotaBase(award, units);
    const allowed = quotaAllowed(q, base);
    const exact = quotaExact(q, base);
    candidates.forEach((x, i) => (x.quota = quotaCheck(i + 1, allowed, base, exact, candidates.length)));
    return { award: award.id, share: q.share, base, exact, allowed, candidates: candidates.length, granted: Math.min(candidates.length, allowed), binding: candidates.length > allowed };
  }
  if (q && run) {
    for (const x of candidates) {
      const r = x.u.ranked.unit.result;
      x.quota = quotaCheck(run.position.get(cohortKey(r))?.get(r.unitId) ?? Infinity, run.allowed, run.base, run.exact, run.candidates);
    }
  }
  return undefined;
}

/** What a decided cohort adds to each run-wide quota of its group (the first pass, before the run decides). */
function runShares(rs: RuleSet, awards: readonly Award[], units: readonly Unit[]): RunQuotaShare[] {
  return awards
    .filter((a) => activeQuota(a)?.scope === "run")
    .map((a) => ({
      award: a.id,
      base: cohortQuotaBase(a, units),
      candidates: units.filter((u) => u.statusOf(a.id)!.status === "eligible").map((u) => rankKey(u.ranked.unit, rs.ranking)),
    }));
}

/** What deciding a cohort gives: each unit's recommendation in rank order, the cohort's quotas and its share of run-wide quotas. */
export interface CohortOutcome {
  readonly recs: Recommendation[];
  readonly quotas: QuotaUse[];
  readonly runShares: RunQuotaShare[];
}

/**
 * Decides one cohort — the specification of the award ladder. The units are ranked; the awards of
 * their group are decided in ascending precedence, so that "requires this year" and history that
 * counts the current year see the lower titles already settled; each unit is then proposed the
 * highest award it is granted (see `proposals.ts`).
 */
export function decideCohort(rs: RuleSet, path: AwardPath, scored: readonly ScoredUnit[], run?: ReadonlyMap<string, RunQuotaDecision>): CohortOutcome {
  const { conditions } = path;
  const awards = awardsOf(rs, scored[0]!.profile.group);
  const cohort = cohortAwards(awards);
  const units = rankCohort(scored, rs.ranking).map((r) => unitOf(rs, conditions, cohort, r));
  const quotas: QuotaUse[] = [];
  for (const award of awards) {
    const use = decideAward(award, path.checks, units, run?.get(award.id));
    if (use) quotas.push(use);
  }
  const recs = units.map((u) => recommendation(rs, conditions, cohort, u.ranked, u.statuses, units.length));
  return { recs, quotas, runShares: run ? [] : runShares(rs, awards, units) };
}
