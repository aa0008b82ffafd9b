import type { Truth } from "../evaluation/index.js";
import type { ValidProfile } from "../profiles/index.js";
import { cohortKey, compareRankKeys, rankCohort, rankKey, type RankKey, type Ranked, type TieBreak } from "../ranking/index.js";
import { factsById, type Award, type Localized, type RuleSet } from "../rules/index.js";
import { Dec, type ScoreResult } from "../scoring/index.js";
import { historyCheckIn, pastAwards, planScoreChecks, scoreChecksInto, type AwardCheck, type AwardCheckPlan, type CompiledAward } from "./checks.js";

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

/** An award as a unit is proposed it; frozen, since one is shared by every unit proposed that award. */
const proposed = (a: Award): ProposedAward =>
  Object.freeze({
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

/** A quota shared by all cohorts of a run, decided across them (see `decideRunQuotas`). */
export interface RunQuotaDecision {
  readonly allowed: number;
  readonly base: number;
  /** Position of each candidate in the run-wide order, keyed by {@link runPositionKey}. */
  readonly position: ReadonlyMap<string, number>;
}

/**
 * The key of a candidate of a run-wide quota: its cohort key and unit id as a JSON array, so that no
 * pair of names meets another (a cluster or an id may hold `|` or any other separator).
 */
export const runPositionKey = (cohort: string, unitId: string): string => JSON.stringify([cohort, unitId]);

/** The awards of a group in ascending precedence (the order `recommendCohort` decides them in). */
const applicableTo = (awards: readonly CompiledAward[], group: ScoreResult["group"]) =>
  awards.filter((a) => a.def.groups.includes(group)).sort((x, y) => x.def.precedence - y.def.precedence || (x.def.id < y.def.id ? -1 : 1));

/** A title an award requires this year: its position among the group's awards (-1: not one of them) and its check for each answer (shared). */
interface Requirement {
  readonly index: number;
  readonly yes: AwardCheck;
  readonly no: AwardCheck;
  readonly unknown: AwardCheck;
}

/**
 * What deciding a cohort of one subject group needs that does not depend on its units, made once
 * per compiled catalog and group: the group's awards in ascending precedence (the order they are
 * decided in; a unit's statuses are kept in an array in this order, and an award is named by its
 * position in it), their score-check plans, this-year requirements, proposals, exclusive groups and ladders.
 */
interface GroupPlan {
  readonly rs: RuleSet;
  readonly applicable: readonly CompiledAward[];
  readonly defs: readonly Award[];
  readonly index: ReadonlyMap<string, number>;
  readonly checks: readonly AwardCheckPlan[];
  /** Length of the array of checks a unit's awards share (see `scoreChecksInto`). */
  readonly slots: number;
  /** Each award's number of checks before its quota: score checks, this-year requirements, history. */
  readonly sizes: readonly number[];
  readonly requires: readonly (readonly Requirement[])[];
  readonly proposed: readonly ProposedAward[];
  /** Positions in the order a unit's granted awards are listed: highest precedence first, then id. */
  readonly byPrecedenceDesc: readonly number[];
  /** Each award's exclusive group, numbered (an award outside any group is a group of its own). */
  readonly exclusive: readonly number[];
  /** Positions of the awards with history prerequisites. */
  readonly withHistory: readonly number[];
  /** Ladders by recipient kind, as `laddersFor` gives them (positions), made when first asked for. */
  readonly ladders: Map<string, number[][]>;
}

const checkOf = (award: string, result: Truth): AwardCheck => Object.freeze({ kind: "requiresThisYear", award, result });

function planGroup(rs: RuleSet, awards: readonly CompiledAward[], group: ScoreResult["group"]): GroupPlan {
  const applicable = applicableTo(awards, group);
  const defs = applicable.map((a) => a.def);
  const index = new Map(defs.map((a, i) => [a.id, i]));
  const { plans, slots } = planScoreChecks(rs, applicable);
  const groups = new Map<string, number>();
  const exclusive = defs.map((a) => {
    const key = a.exclusiveGroup ?? `#${a.id}`;
    let g = groups.get(key);
    if (g === undefined) groups.set(key, (g = groups.size));
    return g;
  });
  return {
    rs,
    applicable,
    defs,
    index,
    checks: plans,
    slots,
    sizes: defs.map((a, i) => plans[i]!.count + (a.requiresThisYear?.length ?? 0) + (a.history?.length ?? 0)),
    requires: defs.map((a) => (a.requiresThisYear ?? []).map((id) => ({ index: index.get(id) ?? -1, yes: checkOf(id, true), no: checkOf(id, false), unknown: checkOf(id, "unknown") }))),
    proposed: defs.map(proposed),
    byPrecedenceDesc: defs.map((_, i) => i).sort((x, y) => defs[y]!.precedence - defs[x]!.precedence || (defs[x]!.id < defs[y]!.id ? -1 : 1)),
    exclusive,
    withHistory: defs.flatMap((a, i) => (a.history?.length ? [i] : [])),
    ladders: new Map(),
  };
}

/** Group plans by compiled catalog (the engine compiles its catalog once). */
const plansByCatalog = new WeakMap<readonly CompiledAward[], Map<string, GroupPlan>>();

function planFor(rs: RuleSet, awards: readonly CompiledAward[], group: ScoreResult["group"]): GroupPlan {
  let byGroup = plansByCatalog.get(awards);
  if (!byGroup) plansByCatalog.set(awards, (byGroup = new Map()));
  let plan = byGroup.get(group);
  if (!plan || plan.rs !== rs) byGroup.set(group, (plan = planGroup(rs, awards, group)));
  return plan;
}

interface Unit {
  readonly ranked: Ranked;
  readonly profile: ValidProfile;
  /** The status of each award decided so far, by position in the group plan (in deciding order). */
  readonly statuses: AwardStatus[];
  /** For history that counts this year: the unit's verdict on an award decided before (made when first needed). */
  grantedThisYear?: (id: string) => Truth;
  /** The awards of the unit's past years (made when first needed, once for all its awards). */
  past?: ReadonlyMap<number, readonly string[]>;
}

/** A unit's verdict on an award decided this year, as later checks read it: granted, not, or unknown (its evidence is missing); an award not decided (yet) is not granted. */
const truthOf = (st: AwardStatus | undefined): Truth => (st?.granted ? true : st?.status === "unknown" ? "unknown" : false);

/** A unit's this-year verdict on an award by id, as history checks read it. */
function grantedThisYear(plan: GroupPlan, u: Unit): (id: string) => Truth {
  return (id) => {
    const i = plan.index.get(id);
    return truthOf(i === undefined ? undefined : u.statuses[i]);
  };
}

/** The status an award's checks give before any quota: their Kleene conjunction (`combine`) as a status. */
function verdict(checks: readonly AwardCheck[]): AwardStatusKind {
  let v: AwardStatusKind = "eligible";
  for (const c of checks) {
    if (c.result === true) continue;
    if (c.result === false) return "ineligible";
    v = "unknown";
  }
  return v;
}

/** Decides the status of every applicable award for every unit of a ranked cohort, in ascending precedence. */
function decideStatuses(plan: GroupPlan, units: readonly Unit[], runDecisions: ReadonlyMap<string, RunQuotaDecision> | undefined): QuotaUse[] {
  const quotas: QuotaUse[] = [];
  const n = units.length;
  const m = plan.applicable.length;
  // score checks depend on the unit alone: made unit by unit, so that the checks several awards
  // ask for alike (knock-out, class) are made once per unit; each array has the length of its
  // checks before the quota (the rest are written below, award by award)
  const checksOf: AwardCheck[][] = new Array(n * m);
  const shared: (AwardCheck | undefined)[] = new Array(plan.slots);
  for (let i = 0; i < n; i++) {
    const u = units[i]!;
    shared.fill(undefined);
    for (let k = 0; k < m; k++) {
      const checks: AwardCheck[] = new Array(plan.sizes[k]!);
      scoreChecksInto(plan.checks[k]!, u.ranked.result, u.profile, shared, checks);
      checksOf[k * n + i] = checks;
    }
  }
  const verdicts: AwardStatusKind[] = new Array(n);
  for (let k = 0; k < m; k++) {
    const a = plan.applicable[k]!;
    const requires = plan.requires[k]!;
    const history = a.def.history?.length ? a.def.history : undefined;
    const first = plan.checks[k]!.count;
    let candidates = 0;
    for (let i = 0; i < n; i++) {
      const u = units[i]!;
      const checks = checksOf[k * n + i]!;
      let j = first;
      for (const req of requires) {
        // a title not decided yet (higher, or not of this group) reads as not granted
        const t = truthOf(req.index < 0 ? undefined : u.statuses[req.index]);
        checks[j++] = t === true ? req.yes : t === false ? req.no : req.unknown;
      }
      if (history) {
        const granted = (u.grantedThisYear ??= grantedThisYear(plan, u));
        const past = (u.past ??= pastAwards(u.profile));
        for (const h of history) checks[j++] = historyCheckIn(h, u.profile, past, granted);
      }
      const v = verdict(checks);
      verdicts[i] = v;
      if (v === "eligible") candidates++;
    }
    let allowed = Infinity;
    const q = a.def.quota;
    const runScoped = q?.scope === "run";
    if (q && !runScoped) {
      const of = q.of === "cohort" ? -1 : (plan.index.get(q.of) ?? -2);
      let base = of === -1 ? n : 0;
      if (of >= 0) for (const u of units) if (u.statuses[of]?.granted) base++;
      allowed = quotaAllowed(q, base);
      quotas.push({ award: a.def.id, base, allowed, candidates, granted: Math.min(candidates, allowed), binding: candidates > allowed });
    }
    const run = runScoped ? runDecisions?.get(a.def.id) : undefined;
    let position = 0;
    for (let i = 0; i < n; i++) {
      const u = units[i]!;
      const checks = checksOf[k * n + i]!;
      let status = verdicts[i]!;
      if (status === "eligible" && q && !runScoped) {
        position++;
        checks.push({ kind: "quota", result: position <= allowed, allowed, base: quotas.at(-1)!.base, position });
        if (position > allowed) status = "quota";
      } else if (status === "eligible" && run) {
        const pos = run.position.get(runPositionKey(cohortKey(u.ranked.result), u.ranked.result.unitId)) ?? Infinity;
        checks.push({ kind: "quota", result: pos <= run.allowed, allowed: run.allowed, base: run.base, position: pos });
        if (pos > run.allowed) status = "quota";
      }
      u.statuses.push({ award: a.def.id, status, granted: status === "eligible", checks });
    }
  }
  return quotas;
}

type Member = { readonly result: ScoreResult; readonly profile: ValidProfile };

function rankedUnits(members: readonly Member[]): Unit[] {
  const profiles = new Map<string, ValidProfile>();
  for (const m of members) profiles.set(m.result.unitId, m.profile);
  return rankCohort(members.map((m) => m.result)).map((ranked) => ({ ranked, profile: profiles.get(ranked.result.unitId)!, statuses: [] }));
}

/**
 * Decides one cohort: awards in ascending precedence, so that "requires this year" and history
 * that counts the current year see the lower titles already settled; quotas go to the
 * higher-ranked candidates; each unit is proposed the highest award it is granted.
 */
export function recommendCohort(
  rs: RuleSet,
  awards: readonly CompiledAward[],
  members: readonly Member[],
  runDecisions?: ReadonlyMap<string, RunQuotaDecision>,
): { recs: Recommendation[]; quotas: QuotaUse[] } {
  const units = rankedUnits(members);
  const plan = planFor(rs, awards, members[0]!.result.group);
  const quotas = decideStatuses(plan, units, runDecisions);
  const recs = units.map((u) => toRecommendation(plan, u, units.length));
  return { recs, quotas };
}

function laddersOf(plan: GroupPlan, recipient: string): number[][] {
  let l = plan.ladders.get(recipient);
  if (!l) plan.ladders.set(recipient, (l = laddersFor(plan, recipient)));
  return l;
}

function toRecommendation(plan: GroupPlan, u: Unit, size: number): Recommendation {
  const r = u.ranked.result;
  const defs = plan.defs;
  const statuses = u.statuses;
  const granted: number[] = [];
  for (const k of plan.byPrecedenceDesc) if (statuses[k]!.granted) granted.push(k);
  const top = granted[0];
  // the first granted award of each exclusive group other than the top one's goes alongside; the rest are alternatives
  const alongside: ProposedAward[] = [];
  const alternatives: ProposedAward[] = [];
  for (let j = 1; j < granted.length; j++) {
    const g = plan.exclusive[granted[j]!];
    let first = true;
    for (let i = 0; i < j && first; i++) if (plan.exclusive[granted[i]!] === g) first = false;
    (first ? alongside : alternatives).push(plan.proposed[granted[j]!]!);
  }
  // a knocked-out unit is barred from every award that excludes knock-outs: one near miss says why
  const next = nextAwards(plan, laddersOf(plan, top !== undefined ? defs[top]!.recipient : r.group === "individual" ? "individual" : "collective"), statuses);
  const nearMisses = (r.knockedOut ? next.slice(0, 1) : next).map((k) => {
    const a = defs[k]!;
    const st = statuses[k]!;
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
    award: top !== undefined ? plan.proposed[top]! : null,
    alongside,
    alternatives,
    nearMisses,
    missingEvidence: missingEvidence(plan, r, u.profile, statuses),
    eligibility: statuses,
    scoreResult: r,
  };
}

/** The ladders (the plan's exclusive groups) of the awards a recipient kind can receive, each in deciding order (positions in the plan). */
function laddersFor(plan: GroupPlan, recipient: string): number[][] {
  const ladders = new Map<number, number[]>();
  plan.defs.forEach((a, k) => {
    if (a.recipient !== recipient) return;
    const g = plan.exclusive[k]!;
    const l = ladders.get(g);
    if (l) l.push(k);
    else ladders.set(g, [k]);
  });
  return [...ladders.values()];
}

/**
 * The next step up on each ladder (exclusive group) of the unit's recipient kind: the lowest award
 * above the highest one granted in that group. Awards barred only by facts that cannot improve
 * (`better: "none"`, e.g. the person's category or sex) are not "near", nor are titles whose
 * this-year prerequisite is not granted yet.
 */
const before = (x: Award, y: Award) => x.precedence < y.precedence || (x.precedence === y.precedence && x.id < y.id);

function nextAwards(plan: GroupPlan, ladders: readonly number[][], statuses: readonly AwardStatus[]): number[] {
  const defs = plan.defs;
  const out: number[] = [];
  for (const ladder of ladders) {
    let held = -1;
    for (const k of ladder) if (statuses[k]!.granted && defs[k]!.precedence > held) held = defs[k]!.precedence;
    let next = -1;
    for (const k of ladder) {
      const a = defs[k]!;
      if (a.precedence <= held || (next >= 0 && !before(a, defs[next]!))) continue;
      if (statuses[k]!.checks.some((c) => c.kind === "conditions" && c.fixedBar)) continue;
      // a title that needs another one this year is not "next" until that one is granted (its own ladder shows it)
      if (!plan.requires[k]!.every((req) => req.index >= 0 && statuses[req.index]!.granted)) continue;
      next = k;
    }
    if (next >= 0) out.push(next);
  }
  return out.sort((x, y) => defs[x]!.precedence - defs[y]!.precedence || (defs[x]!.id < defs[y]!.id ? -1 : 1));
}

function missingEvidence(plan: GroupPlan, r: ScoreResult, p: ValidProfile, statuses: readonly AwardStatus[]): MissingEvidence[] {
  const rs = plan.rs;
  const facts = factsById(rs);
  const out: MissingEvidence[] = r.missingFacts.map((id) => {
    const f = facts.get(id)!;
    return { fact: id, label: f.label, evidence: f.evidence, criteria: r.criteria.filter((c) => c.missingFacts.includes(id)).map((c) => c.id) };
  });
  // facts only award conditions read (task rating, unity…): missing ones leave those awards unknown
  let byFact: Map<string, string[]> | undefined;
  for (let k = 0; k < statuses.length; k++) {
    const s = statuses[k]!;
    if (s.status !== "unknown" || !s.checks.some((c) => c.kind === "conditions" && c.result === "unknown")) continue;
    for (const { slot, fact } of plan.applicable[k]!.slots) {
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
  // only the awards with history prerequisites have history checks
  let years: Set<number> | undefined;
  let unknownHistory = false;
  for (const k of plan.withHistory) {
    for (const c of statuses[k]!.checks) {
      if (c.kind !== "history" || c.result !== "unknown") continue;
      unknownHistory = true;
      for (const y of c.missingYears) (years ??= new Set()).add(y);
    }
  }
  const noHistory = p.history === undefined && unknownHistory;
  if (years || noHistory) {
    const list = [...(years ?? [])].sort((a, b) => a - b).join(", ");
    out.push({
      label: { vi: `Thành tích thi đua, khen thưởng các năm trước${list ? ` (${list})` : ""}`, en: `Emulation and commendation record of previous years${list ? ` (${list})` : ""}` },
      evidence: { vi: "Quyết định tặng danh hiệu, hình thức khen thưởng các năm trước", en: "Decisions awarding titles and commendations in previous years" },
      criteria: [],
    });
  }
  return out;
}

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
    const position = new Map(order.map((k, i) => [runPositionKey(k.cohort, k.id), i + 1]));
    decisions.set(a.def.id, { allowed, base, position });
    uses.push({ award: a.def.id, base, allowed, candidates: order.length, granted: Math.min(order.length, allowed), binding: order.length > allowed });
  }
  return { decisions, uses };
}
