/**
 * Reference implementation of the award pass as it was before it was optimised (commit 7771a1c):
 * `recommendCohort` with its ranking, statuses, checks, proposals, near misses and missing evidence,
 * copied verbatim (imports adjusted, shared helpers taken from src). Test-only: the differential
 * property test (test/properties/differential-awards.test.ts) asserts the optimised pass gives the
 * same bytes. Do not "fix" or speed up this copy.
 */
/* eslint-disable */
import { F, T, U, traceCondition, traceLeaves, type LeafTrace, type Tri, type Truth } from "../../src/evaluation/index.js";
import type { ValidProfile } from "../../src/profiles/index.js";
import { cohortKey, pointsOf, type RankKey } from "../../src/ranking/index.js";
import { classRanks, factsById, perRuleSet, type Award, type RuleSet } from "../../src/rules/index.js";
import { divRound, unitsToDecimalString, type ScoreResult } from "../../src/scoring/index.js";
import { quotaAllowed, type AwardCheck, type AwardStatus, type AwardStatusKind, type CompiledAward, type MissingEvidence, type ProposedAward, type QuotaUse, type Recommendation, type RunQuotaDecision } from "../../src/awards/index.js";

// ---- ranking/rank.ts
/** What can decide the order of two units: the score, then the tie-break chain, in this order. */
const TIE_BREAKS = ["score", "notKnockedOut", "fewerUnknown", "moreMet", "unitId"] as const;
/** One step of the ranking chain; `Recommendation.decidedBy` names the one that separated a unit from the unit above. */
type TieBreak = (typeof TIE_BREAKS)[number];

interface Ranked {
  readonly result: ScoreResult;
  /** 1-based position in the cohort. */
  readonly rank: number;
  /** What put this unit behind the one ranked just above it (absent for rank 1). */
  readonly decidedBy?: TieBreak;
}

type Key = RankKey;

/** The rank key of a scored unit (small: what run-wide quotas keep of each candidate). */
function rankKey(r: ScoreResult): RankKey {
  let unknown = 0;
  let met = 0;
  for (const c of r.criteria) {
    if (c.status === "unknown") unknown++;
    else if (c.status === "met" && !c.knockout) met++;
  }
  return { score: pointsOf(r.score), knocked: r.knockedOut ? 1 : 0, unknown, met, id: r.unitId, cohort: cohortKey(r) };
}


/** Compares two units; returns [order, the tie-break that decided]. Never 0 for distinct ids. */
function compare(a: Key, b: Key): [number, TieBreak] {
  if (a.score !== b.score) return [b.score - a.score, "score"];
  if (a.knocked !== b.knocked) return [a.knocked - b.knocked, "notKnockedOut"];
  if (a.unknown !== b.unknown) return [a.unknown - b.unknown, "fewerUnknown"];
  if (a.met !== b.met) return [b.met - a.met, "moreMet"];
  // equal ids only meet when several cohorts are ranked together (run-wide quotas): the cohort decides
  return [a.id < b.id ? -1 : a.id > b.id ? 1 : a.cohort < b.cohort ? -1 : a.cohort > b.cohort ? 1 : 0, "unitId"];
}

/**
 * Ranks one cohort: by score, then not knocked out, fewer unknown criteria, more criteria fully
 * met, then unit id (code-point order). The order never depends on the input order.
 */
function rankCohort(results: readonly ScoreResult[]): Ranked[] {
  const keyed = results.map((r) => ({ r, k: rankKey(r) }));
  keyed.sort((x, y) => compare(x.k, y.k)[0]);
  return keyed.map(({ r, k }, i) => {
    if (i === 0) return { result: r, rank: 1 };
    return { result: r, rank: i + 1, decidedBy: compare(keyed[i - 1]!.k, k)[1] };
  });
}


// ---- awards/checks.ts
type HistoryReq = NonNullable<Award["history"]>[number];

const toTruth = (t: Tri): Truth => (t === T ? true : t === F ? false : "unknown");
const tri = (t: Truth): Tri => (t === true ? T : t === false ? F : U);

/** Kleene conjunction of check results. */
function combine(checks: readonly AwardCheck[]): Tri {
  let r: Tri = T;
  for (const c of checks) {
    const v = tri(c.result);
    if (v === F) return F;
    if (v === U) r = U;
  }
  return r;
}

/** Points (hundredths) a share of the nominal maximum needs, rounded up: exact integer arithmetic. */
const needFor = (nominal: number, percent: number) => divRound(nominal * Math.round(percent * 100), 10000, "ceil");

function pointsShort(r: ScoreResult, percent: number): string | undefined {
  const short = needFor(pointsOf(r.nominalMax), percent) - pointsOf(r.score);
  return short > 0 ? unitsToDecimalString(short) : undefined;
}

/** Facts that cannot improve (`better: "none"`): a person's category, sex, an organisation's kind. */
const fixedFacts = perRuleSet((rs): ReadonlySet<string> => new Set(rs.facts.filter((f) => f.better === "none").map((f) => f.id)));


/**
 * The conditions check of an award the unit does not (yet) meet. Which leaves failed, and whether
 * only unchangeable facts bar it, come from the tracing interpreter — run on first read, since most
 * such checks are never shown (data stays plain: the getters are enumerable and serialise).
 */
function lazyConditions(a: CompiledAward, p: ValidProfile, result: Truth): AwardCheck {
  let unmet: LeafTrace[] | undefined;
  // barred by unchangeable facts: the compiled twin that reads only those facts is false
  const fixedBar = result === false && a.fixedOnly !== undefined && a.fixedOnly(p.row) === F;
  return {
    kind: "conditions",
    result,
    get unmet() {
      return (unmet ??= traceLeaves(traceCondition(a.def.eligibility.conditions!, (id) => p.facts[id])).filter((l) => l.result !== true));
    },
    fixedBar,
  };
}

/** Checks that depend only on this year's score and facts (not on history or other units). */
function scoreChecks(a: CompiledAward, rs: RuleSet, r: ScoreResult, p: ValidProfile): AwardCheck[] {
  const e = a.def.eligibility;
  const checks: AwardCheck[] = [];
  if (e.noKnockout) {
    const result: Truth = r.knockedOut ? false : r.knockoutsUnknown.length ? "unknown" : true;
    checks.push({ kind: "knockout", result, criteria: r.knockedOut ? r.knockouts.map((k) => k.criterion) : r.knockoutsUnknown });
  }
  if (e.minClass !== undefined) {
    const ranks = classRanks(rs);
    const rank = (id: string | null | undefined) => (id == null ? -1 : (ranks.get(id) ?? -1));
    const need = rank(e.minClass);
    const now = rank(r.classification?.id);
    const result: Truth = now >= need ? true : rank(r.potentialClassification) >= need ? "unknown" : false;
    const k = rs.classes.find((x) => x.id === e.minClass);
    const short = result === true || !k ? undefined : pointsShort(r, k.minPercent);
    checks.push({ kind: "minClass", result, required: e.minClass, actual: r.classification?.id ?? null, potential: r.potentialClassification, ...(short && { pointsShort: short }) });
  }
  if (e.minPercent !== undefined) {
    const ok = pointsOf(r.percent) >= Math.round(e.minPercent * 100);
    const potentialOk = pointsOf(r.potentialScore) * 10000 >= pointsOf(r.nominalMax) * Math.round(e.minPercent * 100);
    const short = ok ? undefined : pointsShort(r, e.minPercent);
    checks.push({ kind: "minPercent", result: ok ? true : potentialOk ? "unknown" : false, required: e.minPercent, actual: r.percent, ...(short && { pointsShort: short }) });
  }
  for (const id of e.criteria ?? []) {
    const c = r.criteria.find((x) => x.id === id);
    const status = c?.status ?? "not_applicable";
    checks.push({ kind: "criterion", criterion: id, status, result: status === "met" ? true : status === "unknown" ? "unknown" : false });
  }
  if (a.conditions) {
    const t = a.conditions(p.row);
    checks.push(t === T ? { kind: "conditions", result: true, unmet: [], fixedBar: false } : lazyConditions(a, p, toTruth(t)));
  }
  return checks;
}

/**
 * "An initiative counts once": the initiatives the profile presents this year that no earlier award
 * relied on (history entries list the initiatives their decisions used). Unknown when the profile
 * gives no initiatives list, or gives them but no history to check against.
 */
function initiativeCheck(h: Extract<HistoryReq, { kind: "freshInitiatives" }>, p: ValidProfile): AwardCheck {
  const used = new Set((p.history ?? []).filter((x) => x.year < p.year).flatMap((x) => x.initiatives ?? []));
  const found = (p.initiatives ?? []).filter((id) => !used.has(id)).length;
  // too few initiatives is a definite no; enough of them is settled only against a record of past awards
  const result: Truth = p.initiatives === undefined ? "unknown" : found < h.min ? false : p.history === undefined ? "unknown" : true;
  return { kind: "history", requirement: h, found, missingYears: [], result };
}

/**
 * History prerequisites over the profile's record. A profile without `history` is unknown on every
 * history check; with one, a year it does not list is unknown (never assumed empty).
 */
function historyCheck(h: HistoryReq, p: ValidProfile, grantedThisYear: (id: string) => Truth): AwardCheck {
  if (h.kind === "freshInitiatives") return initiativeCheck(h, p);
  const byYear = new Map((p.history ?? []).filter((x) => x.year < p.year).map((x) => [x.year, x.awards]));
  const holds = (awards: readonly string[] | undefined) => awards !== undefined && h.awards.some((a) => awards.includes(a));
  const none = p.history === undefined;
  if (h.kind === "consecutive") {
    // this year's title, three-valued: granted, not granted, or not known yet (its evidence is missing)
    const current: Truth = !h.includeCurrentYear ? false : h.awards.some((a) => grantedThisYear(a) === true) ? true : h.awards.some((a) => grantedThisYear(a) === "unknown") ? "unknown" : false;
    let past = 0;
    const missingYears: number[] = [];
    for (let y = p.year - 1; past < h.times && y >= p.year - h.times - 1; y--) {
      const list = byYear.get(y);
      if (list === undefined) {
        missingYears.push(y);
        break;
      }
      if (!holds(list)) break;
      past++;
    }
    const found = past + (current === true ? 1 : 0);
    const couldReach = missingYears.length > 0 || none || (current === "unknown" && past + 1 >= h.times);
    const result: Truth = found >= h.times ? true : couldReach ? "unknown" : false;
    return { kind: "history", requirement: h, found, missingYears, result };
  }
  const window = h.kind === "prior" && h.withinYears !== undefined ? h.withinYears : undefined;
  const years = [...byYear.keys()].filter((y) => window === undefined || y >= p.year - window);
  const found = years.filter((y) => holds(byYear.get(y))).length;
  const missingYears: number[] = [];
  if (window !== undefined) for (let y = p.year - window; y < p.year; y++) if (!byYear.has(y)) missingYears.push(y);
  if (h.kind === "never") {
    return { kind: "history", requirement: h, found, missingYears, result: found > 0 ? false : none ? "unknown" : true };
  }
  const result: Truth = found > 0 ? true : none || missingYears.length ? "unknown" : false;
  return { kind: "history", requirement: h, found, missingYears, result };
}

// ---- awards/recommend.ts
const proposed = (a: Award): ProposedAward => ({
  id: a.id,
  title: a.title,
  grantor: a.grantor,
  kind: a.kind,
  level: a.level,
  bonusCoefficient: a.bonusCoefficient ?? null,
});


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

/** The award pass before optimisation. */
export function referenceRecommendCohort(
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


