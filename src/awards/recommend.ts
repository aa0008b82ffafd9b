import { T, U, type Tri, type Truth } from "../evaluation/index.js";
import type { ValidProfile } from "../profiles/index.js";
import { cohortKey, compareRankKeys, rankCohort, rankKey, type RankKey, type Ranked, type TieBreak } from "../ranking/index.js";
import { factsById, type Award, type Localized, type RuleSet } from "../rules/index.js";
import { Dec, type ScoreResult } from "../scoring/index.js";
import { combine, historyCheck, scoreChecks, type AwardCheck, type CompiledAward } from "./checks.js";

/** Verdict on one award: `eligible` (granted), `ineligible`, `unknown` (evidence missing) or `quota` (eligible but beyond the quota). */
export type AwardStatusKind = "eligible" | "ineligible" | "unknown" | "quota";

/** The verdict on one award for one unit, with every check that decided it. */
export interface AwardStatus {
  readonly award: string;
  readonly status: AwardStatusKind;
  readonly granted: boolean;
  readonly checks: readonly AwardCheck[];
}
/** An award proposed for a unit, as the catalog names it: id, title, grantor, kind, level and bonus coefficient. */
export interface ProposedAward {
  readonly id: string;
  readonly title: Localized;
  readonly grantor: Localized;
  readonly kind: Award["kind"];
  readonly level: Award["level"];
  readonly bonusCoefficient: number | null;
}
/** The next award up on one ladder that the unit did not get, with the checks that failed or lack evidence. */
export interface NearMiss {
  readonly award: string;
  readonly title: Localized;
  readonly status: AwardStatusKind;
  /** The checks that failed or lack evidence. */
  readonly missing: readonly AwardCheck[];
  /** Points short of the class or percentage the award needs, if that is one of the reasons. */
  readonly pointsShort: string | null;
}
/** Evidence the committee should ask for: a missing fact (with its label and the criteria reading it) or missing past years of the record. */
export interface MissingEvidence {
  readonly fact?: string;
  readonly label: Localized;
  readonly evidence: Localized;
  readonly criteria: readonly string[];
  /** Awards whose own conditions read the fact (facts only award conditions read). */
  readonly awards?: readonly string[];
}
/** One unit's result in a ranked cohort: score, class, rank, the proposed award, what it lacks, and its `ScoreResult`. */
export interface Recommendation {
  readonly unitId: string;
  readonly name: string;
  readonly group: ScoreResult["group"];
  readonly cohort: string | null;
  readonly year: number;
  readonly rank: number;
  readonly cohortSize: number;
  readonly decidedBy: TieBreak | null;
  readonly score: string;
  readonly percent: string;
  readonly classification: string | null;
  readonly knockedOut: boolean;
  readonly award: ProposedAward | null;
  /** Awards of another exclusive group granted beside the proposed one (the catalog allows them together). */
  readonly alongside: readonly ProposedAward[];
  /** Lower awards the unit also qualifies for, in place of the proposed one. */
  readonly alternatives: readonly ProposedAward[];
  readonly nearMisses: readonly NearMiss[];
  readonly missingEvidence: readonly MissingEvidence[];
  readonly eligibility: readonly AwardStatus[];
  readonly scoreResult: ScoreResult;
}
/** How a quota was used in a cohort (or across the run): base, allowed winners, candidates, granted, and whether it bound. */
export interface QuotaUse {
  readonly award: string;
  readonly base: number;
  readonly allowed: number;
  readonly candidates: number;
  readonly granted: number;
  readonly binding: boolean;
}
/** One cohort of a run (subject group + cluster/block + year): its size and the quotas applied in it. */
export interface CohortSummary {
  readonly key: string;
  readonly group: ScoreResult["group"];
  readonly cohort: string | null;
  readonly year: number;
  readonly size: number;
  readonly quotas: readonly QuotaUse[];
}

const proposed = (a: Award): ProposedAward => ({
  id: a.id,
  title: a.title,
  grantor: a.grantor,
  kind: a.kind,
  level: a.level,
  bonusCoefficient: a.bonusCoefficient ?? null,
});

/** Allowed winners of a quota: round(share × base) with the catalog's rounding, at least `minimum`. */
export function quotaAllowed(q: NonNullable<Award["quota"]>, base: number): number {
  const raw = new Dec(q.share).mul(base);
  const n = q.rounding === "floor" ? raw.floor() : q.rounding === "ceil" ? raw.ceil() : raw.toDecimalPlaces(0, Dec.ROUND_HALF_UP);
  return Math.max(n.toNumber(), q.minimum ?? 0);
}

interface Unit {
  ranked: Ranked;
  profile: ValidProfile;
  statuses: Map<string, AwardStatus>;
}

/**
 * Decides one cohort: awards in ascending precedence, so that "requires this year" and history
 * that counts the current year see the lower titles already settled; quotas go to the
 * higher-ranked candidates; each unit is proposed the highest award it is granted.
 */
/** A quota shared by all cohorts of a run, decided across them (see `decideRunQuotas`). */
export interface RunQuotaDecision {
  readonly allowed: number;
  readonly base: number;
  /** Position of each candidate in the run-wide order, keyed by `cohortKey|unitId`. */
  readonly position: ReadonlyMap<string, number>;
}

/** The awards of a group in ascending precedence (the order `recommendCohort` decides them in). */
const applicableTo = (awards: readonly CompiledAward[], group: ScoreResult["group"]) =>
  awards.filter((a) => a.def.groups.includes(group)).sort((x, y) => x.def.precedence - y.def.precedence || (x.def.id < y.def.id ? -1 : 1));

/** Decides the status of every applicable award for every unit of a ranked cohort, in ascending precedence. */
function decideStatuses(
  rs: RuleSet,
  applicable: readonly CompiledAward[],
  units: readonly Unit[],
  runDecisions: ReadonlyMap<string, RunQuotaDecision> | undefined,
): QuotaUse[] {
  const quotas: QuotaUse[] = [];
  for (const a of applicable) {
    const n = units.length;
    const checksOf: AwardCheck[][] = new Array(n);
    const truth: Tri[] = new Array(n);
    let candidates = 0;
    for (let i = 0; i < n; i++) {
      const u = units[i]!;
      const checks = scoreChecks(a, rs, u.ranked.result, u.profile);
      for (const id of a.def.requiresThisYear ?? []) {
        const st = u.statuses.get(id);
        checks.push({ kind: "requiresThisYear", award: id, result: st?.granted ? true : st?.status === "unknown" ? "unknown" : false });
      }
      if (a.def.history?.length) {
        const granted = (id: string): Truth => {
          const st = u.statuses.get(id);
          return st?.granted ? true : st?.status === "unknown" ? "unknown" : false;
        };
        for (const h of a.def.history) checks.push(historyCheck(h, u.profile, granted));
      }
      checksOf[i] = checks;
      const t = combine(checks);
      truth[i] = t;
      if (t === T) candidates++;
    }
    let allowed = Infinity;
    const q = a.def.quota;
    const runScoped = q?.scope === "run";
    if (q && !runScoped) {
      const base = q.of === "cohort" ? units.length : units.filter((u) => u.statuses.get(q.of)?.granted).length;
      allowed = quotaAllowed(q, base);
      quotas.push({ award: a.def.id, base, allowed, candidates, granted: Math.min(candidates, allowed), binding: candidates > allowed });
    }
    const run = runScoped ? runDecisions?.get(a.def.id) : undefined;
    let position = 0;
    for (let i = 0; i < n; i++) {
      const u = units[i]!;
      const t = truth[i]!;
      const checks = checksOf[i]!;
      let status: AwardStatusKind = t === T ? "eligible" : t === U ? "unknown" : "ineligible";
      if (t === T && q && !runScoped) {
        position++;
        checks.push({ kind: "quota", result: position <= allowed, allowed, base: quotas.at(-1)!.base, position });
        if (position > allowed) status = "quota";
      } else if (t === T && run) {
        const pos = run.position.get(`${cohortKey(u.ranked.result)}|${u.ranked.result.unitId}`) ?? Infinity;
        checks.push({ kind: "quota", result: pos <= run.allowed, allowed: run.allowed, base: run.base, position: pos });
        if (pos > run.allowed) status = "quota";
      }
      u.statuses.set(a.def.id, { award: a.def.id, status, granted: status === "eligible", checks });
    }
  }
  return quotas;
}

type Member = { readonly result: ScoreResult; readonly profile: ValidProfile };

function rankedUnits(members: readonly Member[]): Unit[] {
  const profiles = new Map(members.map((m) => [m.result.unitId, m.profile]));
  return rankCohort(members.map((m) => m.result)).map((ranked) => ({ ranked, profile: profiles.get(ranked.result.unitId)!, statuses: new Map() }));
}

export function recommendCohort(
  rs: RuleSet,
  awards: readonly CompiledAward[],
  members: readonly Member[],
  runDecisions?: ReadonlyMap<string, RunQuotaDecision>,
): { recs: Recommendation[]; quotas: QuotaUse[] } {
  const units = rankedUnits(members);
  const applicable = applicableTo(awards, members[0]!.result.group);
  const quotas = decideStatuses(rs, applicable, units, runDecisions);
  const compiledById = new Map(applicable.map((a) => [a.def.id, a]));
  const defs = applicable.map((a) => a.def);
  const ladders = new Map<string, Award[][]>();
  const laddersOf = (recipient: string) => {
    let l = ladders.get(recipient);
    if (!l) ladders.set(recipient, (l = laddersFor(defs, recipient)));
    return l;
  };
  const recs = units.map((u) => toRecommendation(rs, defs, compiledById, u, units.length, laddersOf));
  return { recs, quotas };
}

function toRecommendation(rs: RuleSet, awards: readonly Award[], compiledById: ReadonlyMap<string, CompiledAward>, u: Unit, size: number, laddersOf: (recipient: string) => Award[][]): Recommendation {
  const r = u.ranked.result;
  const granted = awards.filter((a) => u.statuses.get(a.id)!.granted).sort((x, y) => y.precedence - x.precedence || (x.id < y.id ? -1 : 1));
  const top = granted[0];
  const byGroup = new Map<string, Award>();
  for (const a of granted) {
    const key = a.exclusiveGroup ?? `#${a.id}`;
    if (!byGroup.has(key)) byGroup.set(key, a);
  }
  const alongside = [...byGroup.values()].filter((a) => a !== top);
  const alternatives = granted.filter((a) => a !== top && !alongside.includes(a));
  // a knocked-out unit is barred from every award that excludes knock-outs: one near miss says why
  const next = nextAwards(laddersOf(granted[0]?.recipient ?? (r.group === "individual" ? "individual" : "collective")), u);
  const nearMisses = (r.knockedOut ? next.slice(0, 1) : next).map((a) => {
    const st = u.statuses.get(a.id)!;
    const missing = st.checks.filter((c) => c.result !== true);
    const short = missing.map((c) => ("pointsShort" in c ? c.pointsShort : undefined)).find((x) => x !== undefined);
    return { award: a.id, title: a.title, status: st.status, missing, pointsShort: short ?? null };
  });
  return {
    unitId: r.unitId,
    name: r.name,
    group: r.group,
    cohort: r.cohort,
    year: r.year,
    rank: u.ranked.rank,
    cohortSize: size,
    decidedBy: u.ranked.decidedBy ?? null,
    score: r.score,
    percent: r.percent,
    classification: r.classification?.id ?? null,
    knockedOut: r.knockedOut,
    award: top ? proposed(top) : null,
    alongside: alongside.map(proposed),
    alternatives: alternatives.map(proposed),
    nearMisses,
    missingEvidence: missingEvidence(rs, compiledById, r, u.profile, [...u.statuses.values()]),
    eligibility: [...u.statuses.values()],
    scoreResult: r,
  };
}

/** The ladders (exclusive groups) of the awards a recipient kind can receive, each in catalog order. */
function laddersFor(awards: readonly Award[], recipient: string): Award[][] {
  const ladders = new Map<string, Award[]>();
  for (const a of awards) {
    if (a.recipient !== recipient) continue;
    const key = a.exclusiveGroup ?? `#${a.id}`;
    const l = ladders.get(key);
    if (l) l.push(a);
    else ladders.set(key, [a]);
  }
  return [...ladders.values()];
}

/**
 * The next step up on each ladder (exclusive group) of the unit's recipient kind: the lowest award
 * above the highest one granted in that group. Awards barred only by facts that cannot improve
 * (`better: "none"`, e.g. the person's category or sex) are not "near", nor are titles whose
 * this-year prerequisite is not granted yet.
 */
function nextAwards(ladders: readonly Award[][], u: Unit): Award[] {
  const out: Award[] = [];
  const before = (x: Award, y: Award) => x.precedence < y.precedence || (x.precedence === y.precedence && x.id < y.id);
  for (const ladder of ladders) {
    let held = -1;
    for (const a of ladder) if (u.statuses.get(a.id)!.granted && a.precedence > held) held = a.precedence;
    let next: Award | undefined;
    for (const a of ladder) {
      if (a.precedence <= held || (next && !before(a, next))) continue;
      if (u.statuses.get(a.id)!.checks.some((c) => c.kind === "conditions" && c.fixedBar)) continue;
      // a title that needs another one this year is not "next" until that one is granted (its own ladder shows it)
      if (!(a.requiresThisYear ?? []).every((id) => u.statuses.get(id)?.granted === true)) continue;
      next = a;
    }
    if (next) out.push(next);
  }
  return out.sort((x, y) => x.precedence - y.precedence || (x.id < y.id ? -1 : 1));
}

function missingEvidence(rs: RuleSet, compiled: ReadonlyMap<string, CompiledAward>, r: ScoreResult, p: ValidProfile, statuses: readonly AwardStatus[]): MissingEvidence[] {
  const facts = factsById(rs);
  const out: MissingEvidence[] = r.missingFacts.map((id) => {
    const f = facts.get(id)!;
    return { fact: id, label: f.label, evidence: f.evidence, criteria: r.criteria.filter((c) => c.missingFacts.includes(id)).map((c) => c.id) };
  });
  // facts only award conditions read (task rating, unity…): missing ones leave those awards unknown
  let byFact: Map<string, string[]> | undefined;
  for (const s of statuses) {
    if (s.status !== "unknown" || !s.checks.some((c) => c.kind === "conditions" && c.result === "unknown")) continue;
    for (const { slot, fact } of compiled.get(s.award)?.slots ?? []) {
      if (p.row[slot] === undefined && !r.missingFacts.includes(fact)) {
        byFact ??= new Map();
        byFact.set(fact, [...(byFact.get(fact) ?? []), s.award]);
      }
    }
  }
  if (byFact) {
    for (const f of rs.facts) {
      const awards = byFact.get(f.id);
      if (awards) out.push({ fact: f.id, label: f.label, evidence: f.evidence, criteria: [], awards: [...new Set(awards)].sort() });
    }
  }
  const years = new Set<number>();
  for (const s of statuses) for (const c of s.checks) if (c.kind === "history" && c.result === "unknown") c.missingYears.forEach((y) => years.add(y));
  const noHistory = p.history === undefined && statuses.some((s) => s.checks.some((c) => c.kind === "history" && c.result === "unknown"));
  if (years.size || noHistory) {
    const list = [...years].sort((a, b) => a - b).join(", ");
    out.push({
      label: { vi: `Thành tích thi đua, khen thưởng các năm trước${list ? ` (${list})` : ""}`, en: `Emulation and commendation record of previous years${list ? ` (${list})` : ""}` },
      evidence: { vi: "Quyết định tặng danh hiệu, hình thức khen thưởng các năm trước", en: "Decisions awarding titles and commendations in previous years" },
      criteria: [],
    });
  }
  return out;
}


/**
 * Run-wide quotas (`scope: "run"`): every cohort, decided once without run-wide positions, is
 * added (`add`, in any order); per such award the planner counts its base (the units of the run in
 * the award's groups, or the holders of the award named in `of`) and keeps the rank keys of its
 * candidates (units eligible before the run quota); `decide` orders the candidates of all cohorts
 * by the ranking chain and the first `allowed` win. Memory grows with the number of candidates.
 */
/** What run-wide quotas need of some cohorts: per award, its base count and its candidates' rank keys. Plain data (crosses a worker boundary). */
export interface RunQuotaPlan {
  readonly base: Map<string, number>;
  readonly candidates: Map<string, RankKey[]>;
}

/** An empty plan to add cohorts to. */
export const emptyRunQuotaPlan = (): RunQuotaPlan => ({ base: new Map(), candidates: new Map() });

/** The awards of a rule set with a run-wide quota, in ascending precedence. */
export const runQuotaAwards = (awards: readonly CompiledAward[]): CompiledAward[] =>
  awards.filter((a) => a.def.quota?.scope === "run").sort((x, y) => x.def.precedence - y.def.precedence);

/**
 * Adds one cohort, decided without run-wide positions (its first pass), to a plan; returns true if
 * some unit of it is a candidate of a run-wide quota (the cohort must then be decided again with
 * the positions from {@link decideRunQuotas}).
 */
export function planRunQuotas(run: readonly CompiledAward[], plan: RunQuotaPlan, recs: readonly Recommendation[]): boolean {
  const group = recs[0]?.group;
  let any = false;
  if (group === undefined) return false;
  for (const a of run) {
    if (!a.def.groups.includes(group)) continue;
    const q = a.def.quota!;
    let base = plan.base.get(a.def.id) ?? 0;
    const list = plan.candidates.get(a.def.id) ?? [];
    for (const r of recs) {
      let holds = q.of === "cohort";
      let candidate = false;
      for (const e of r.eligibility) {
        if (e.award === q.of && e.granted) holds = true;
        if (e.award === a.def.id && e.status === "eligible") candidate = true;
      }
      if (holds) base++;
      if (candidate) {
        list.push(rankKey(r.scoreResult));
        any = true;
      }
    }
    plan.base.set(a.def.id, base);
    plan.candidates.set(a.def.id, list);
  }
  return any;
}

/**
 * Run-wide quotas (`scope: "run"`): every cohort, decided once without run-wide positions, is added
 * to a plan (`planRunQuotas`, in any order, in any number of plans); per such award a plan counts
 * its base (the units of the run in the award's groups, or the holders of the award named in `of`)
 * and keeps the rank keys of its candidates (units eligible before the run quota). Here the plans
 * are merged, the candidates of all cohorts ordered by the ranking chain, and the first `allowed`
 * win. Memory grows with the number of candidates, not of units.
 */
export function decideRunQuotas(run: readonly CompiledAward[], plans: readonly RunQuotaPlan[]): { decisions: Map<string, RunQuotaDecision>; uses: QuotaUse[] } {
  const decisions = new Map<string, RunQuotaDecision>();
  const uses: QuotaUse[] = [];
  for (const a of run) {
    const withBase = plans.filter((p) => p.base.has(a.def.id));
    if (!withBase.length) continue; // no unit of the run can receive it
    const base = withBase.reduce((n, p) => n + p.base.get(a.def.id)!, 0);
    const allowed = quotaAllowed(a.def.quota!, base);
    const order = withBase.flatMap((p) => p.candidates.get(a.def.id) ?? []).sort(compareRankKeys);
    const position = new Map(order.map((k, i) => [`${k.cohort}|${k.id}`, i + 1]));
    decisions.set(a.def.id, { allowed, base, position });
    uses.push({ award: a.def.id, base, allowed, candidates: order.length, granted: Math.min(order.length, allowed), binding: order.length > allowed });
  }
  return { decisions, uses };
}
