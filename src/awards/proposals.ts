import type { Ranked } from "../ranking/index.js";
import type { Award, RuleSet } from "../rules/index.js";
import type { AwardConditions } from "./checks/index.js";
import { missingEvidence } from "./evidence.js";
import type { CohortAwards } from "./cohort.js";
import type { AwardStatus, NearMiss, ProposedAward, Recommendation } from "./types.js";


const NO_TITLES: readonly string[] = [];
const junior = (x: Award, y: Award) => x.precedence - y.precedence || (x.id < y.id ? -1 : 1);

/**
 * The awards granted, the most senior first: the first (`top`) is proposed; the first granted of each other
 * exclusive group goes alongside it; the rest are alternatives (lower awards the unit could receive instead).
 */
function proposals(granted: readonly Award[], cohort: CohortAwards) {
  // granted is in deciding order (junior first): reversed, the most senior comes first
  const ordered = [...granted].reverse();
  const seen: string[] = []; // the exclusive groups met so far
  const alongside: ProposedAward[] = [];
  const alternatives: ProposedAward[] = [];
  ordered.forEach((a, i) => {
    if (i > 0) (seen.includes(cohort.exclusive(a)) ? alternatives : alongside).push(cohort.proposed(a));
    seen.push(cohort.exclusive(a));
  });
  return { top: ordered[0], alongside, alternatives };
}

/** Whether an award's own conditions fail on facts that cannot improve (only an award with conditions has that check). */
const barredForGood = (a: Award, st: AwardStatus) => a.eligibility.conditions !== undefined && st.checks.some((c) => c.kind === "conditions" && c.fixedBar);

/**
 * The next step up on each ladder (exclusive group) of the unit's recipient kind, junior first.
 */
function nextAwards(cohort: CohortAwards, statuses: readonly AwardStatus[], recipient: string): Award[] {
  const next: Award[] = [];
  for (const ladder of cohort.ladders.get(recipient) ?? []) {
    const open = nextOnLadder(cohort, statuses, ladder);
    if (open) insertJuniorFirst(next, open);
  }
  return next;
}

/**
 * The lowest award of a ladder above the highest one the unit is granted on it. Awards barred only by
 * facts that cannot improve (`better: "none"`, e.g. the person's category or sex) are not "near",
 * nor are titles whose this-year prerequisite is not granted yet (their own ladder shows them).
 */
function nextOnLadder(cohort: CohortAwards, statuses: readonly AwardStatus[], ladder: readonly Award[]): Award | undefined {
  const granted = (id: string) => cohort.statusOf(statuses, id)?.granted === true;
  let held = -1;
  for (const a of ladder) if (granted(a.id)) held = Math.max(held, a.precedence);
  // a ladder is in deciding order: its first open award is the lowest
  for (const a of ladder) {
    if (a.precedence > held && !barredForGood(a, cohort.statusOf(statuses, a.id)!) && (a.requiresThisYear ?? NO_TITLES).every(granted)) return a;
  }
  return undefined;
}

/** Adds an award to a list kept junior first (a unit has a few ladders: an insertion, not a sort). */
function insertJuniorFirst(list: Award[], a: Award): void {
  let i = list.length;
  for (; i > 0 && junior(a, list[i - 1]!) < 0; i--) list[i] = list[i - 1]!;
  list[i] = a;
}

/** What an award lacks: the checks that do not hold, and the points short the first of them names (if any). */
function nearMiss(a: Award, st: AwardStatus): NearMiss {
  const missing = st.checks.filter((c) => c.result !== true);
  let short: string | null = null;
  for (const c of missing) if (short === null && "pointsShort" in c && c.pointsShort !== undefined) short = c.pointsShort;
  return { award: a.id, title: a.title, status: st.status, missing, pointsShort: short };
}

/**
 * One unit's recommendation: the proposal, what else it could receive, the next award up on each
 * ladder with what it lacks (a knocked-out unit: only the first, which says why), and the evidence
 * still to collect.
 */
export function recommendation(rs: RuleSet, conditions: AwardConditions, cohort: CohortAwards, ranked: Ranked, statuses: readonly AwardStatus[], size: number): Recommendation {
  const { awards } = cohort;
  const { unit } = ranked;
  const r = unit.result;
  const granted = awards.filter((_, i) => statuses[i]!.granted); // a unit's statuses are in the cohort's deciding order
  const p = proposals(granted, cohort);
  const recipient = p.top ? p.top.recipient : r.group === "individual" ? "individual" : "collective";
  // a knocked-out unit is barred from every award that excludes knock-outs: its first near miss says why
  const next = nextAwards(cohort, statuses, recipient);
  const nearMisses = (r.knockedOut ? next.slice(0, 1) : next).map((a) => nearMiss(a, cohort.statusOf(statuses, a.id)!));
  return {
    unitId: r.unitId,
    name: r.name,
    group: r.group,
    cohort: r.cohort,
    year: r.year,
    rank: ranked.rank,
    cohortSize: size,
    decidedBy: ranked.decidedBy ?? null,
    score: r.score,
    percent: r.percent,
    classification: r.classification,
    knockedOut: r.knockedOut,
    award: p.top ? cohort.proposed(p.top) : null,
    alongside: p.alongside,
    alternatives: p.alternatives,
    nearMisses,
    missingEvidence: missingEvidence(rs, conditions, cohort, unit, statuses),
    eligibility: statuses,
    scoreResult: r,
  };
}
