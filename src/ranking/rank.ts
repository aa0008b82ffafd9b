import { readPath } from "../evaluation/index.js";
import { parsePath, type Ranking, type TieBreakSpec } from "../rules/index.js";
import type { Points, ScoredUnit } from "../scoring/index.js";

/** The default ranking chain (a rule set that states none): the score, then these tie-breaks, in this order. */
export const TIE_BREAKS = ["score", "notKnockedOut", "fewerUnknown", "moreMet", "unitId"] as const;
/**
 * One step of a ranking chain; `Recommendation.decidedBy` names the one that separated a unit from
 * the unit above: a key of the default chain, `potentialScore`, `selfScore` (the self-assessed
 * score), `name`, or `fact:<id>` for a fact (or derived fact) the rule set ranks by.
 */
export type TieBreak = (typeof TIE_BREAKS)[number] | "scored" | "potentialScore" | "selfScore" | "name" | `fact:${string}`;

/** A unit's place in its cohort. */
export interface Ranked {
  readonly unit: ScoredUnit;
  /** 1-based rank in the cohort (units tied on every deciding key share one when the rule set says ties are shared). */
  readonly rank: number;
  /** What put this unit behind the one ranked just above it (absent for rank 1 and for a shared rank). */
  readonly decidedBy?: TieBreak;
}

/** Cohort key: subject group + cluster/block + year. */
export const cohortKey = (r: { group: string; cohort: string | null; year: number }): string => `${r.group}|${r.cohort ?? ""}|${r.year}`;

/**
 * What ranking reads of a unit: its score, whether it is knocked out, its unknown and met criteria,
 * its id and cohort — and what the rule set's chain asks besides (potential and self-assessed
 * scores, name, fact values). Plain data (it crosses worker boundaries for run-wide quotas).
 */
export interface RankKey {
  readonly score: Points;
  readonly knocked: boolean;
  readonly unknown: number;
  /** Criteria fully met, knock-outs not counted. */
  readonly met: number;
  readonly id: string;
  readonly cohort: string;
  /** The unit is in the unscored class (nothing of it is known): it ranks after every scored unit. */
  readonly unscored?: true;
  readonly potential?: Points;
  /** The self-assessed score (null: the profile has no assessments). */
  readonly self?: Points | null;
  readonly name?: string;
  /** The values of the chain's `fact` keys, in chain order (null: unknown). */
  readonly facts?: readonly (number | string | boolean | null)[];
}

const factKeys = (ranking: Ranking | undefined) => (ranking?.tieBreaks ?? []).filter((t): t is Extract<TieBreakSpec, { key: "fact" }> => t.key === "fact");

/** A fact value a ranking key compares: a number, a date or a yes/no, or null when unknown. */
function factValue(u: ScoredUnit, fact: string, path: string | undefined): number | string | boolean | null {
  const p = path === undefined ? undefined : parsePath(path);
  const v = readPath(Object.prototype.hasOwnProperty.call(u.profile.facts, fact) ? u.profile.facts[fact] : undefined, p?.ok ? p.segments : undefined);
  return typeof v === "number" || typeof v === "string" || typeof v === "boolean" ? v : null;
}

/** How many items of a list hold. */
function count<T>(xs: readonly T[], holds: (x: T) => boolean): number {
  let n = 0;
  for (const x of xs) if (holds(x)) n++;
  return n;
}

export function rankKey(u: ScoredUnit, ranking?: Ranking): RankKey {
  const r = u.result;
  const key: { -readonly [K in keyof RankKey]: RankKey[K] } = {
    score: u.score,
    knocked: r.knockedOut,
    unknown: count(r.criteria, (c) => c.status === "unknown"),
    met: count(r.criteria, (c) => c.status === "met" && !c.knockout),
    id: r.unitId,
    cohort: cohortKey(r),
  };
  if (u.unscored) key.unscored = true;
  if (!ranking) return key;
  const asks = new Set(ranking.tieBreaks.map((t) => t.key));
  if (asks.has("potentialScore")) key.potential = u.potentialScore;
  if (asks.has("selfScore")) key.self = u.selfScore ?? null;
  if (asks.has("name")) key.name = r.name;
  const facts = factKeys(ranking);
  if (facts.length) key.facts = facts.map((t) => factValue(u, t.fact, t.path));
  return key;
}

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
type Step = { readonly step: TieBreak; readonly cmp: (a: RankKey, b: RankKey) => number };
/** Known before unknown; then higher (or lower) first. */
const ordered = <T extends number | string | boolean>(x: T | null | undefined, y: T | null | undefined, higher: boolean): number => {
  if (x === y || (x == null && y == null)) return 0;
  if (x == null) return 1;
  if (y == null) return -1;
  return (x < y ? 1 : -1) * (higher ? 1 : -1);
};

/** The steps of a chain as comparisons of rank keys. */
function stepsOf(ranking: Ranking | undefined): Step[] {
  const specs: readonly TieBreakSpec[] = ranking?.tieBreaks ?? TIE_BREAKS.map((key) => ({ key }));
  let fact = 0;
  return specs.map((t): Step => {
    switch (t.key) {
      case "score": return { step: "score", cmp: (a, b) => b.score - a.score };
      case "potentialScore": return { step: "potentialScore", cmp: (a, b) => ordered(a.potential, b.potential, true) };
      case "selfScore": return { step: "selfScore", cmp: (a, b) => ordered(a.self, b.self, true) };
      case "notKnockedOut": return { step: "notKnockedOut", cmp: (a, b) => (a.knocked === b.knocked ? 0 : a.knocked ? 1 : -1) };
      case "fewerUnknown": return { step: "fewerUnknown", cmp: (a, b) => a.unknown - b.unknown };
      case "moreMet": return { step: "moreMet", cmp: (a, b) => b.met - a.met };
      case "unitId": return { step: "unitId", cmp: (a, b) => byCodePoint(a.id, b.id) };
      case "name": {
        const collate = t.collation === "vi" ? new Intl.Collator("vi").compare : byCodePoint;
        return { step: "name", cmp: (a, b) => collate(a.name ?? "", b.name ?? "") };
      }
      case "fact": {
        const i = fact++;
        return { step: `fact:${t.fact}`, cmp: (a, b) => ordered(a.facts?.[i], b.facts?.[i], t.better === "higher") };
      }
    }
  });
}

/** Decides between two rank keys: the step that separates them and the order (negative: `a` first), or null for the same unit. */
type RankComparator = (a: RankKey, b: RankKey) => { step: TieBreak; order: number } | null;

/**
 * The whole ranking chain of a rule set (the default one when it states none), after one rule of
 * its own: a unit of which nothing is known (the unscored class) ranks after every scored one. Then
 * each step in turn; when every step ties, the unit id (code-point order) and then the cohort
 * decide — so the order never depends on the input order.
 */
function chainOf(ranking: Ranking | undefined): Step[] {
  return [
    { step: "scored", cmp: (a, b) => (a.unscored === b.unscored ? 0 : a.unscored ? 1 : -1) },
    ...stepsOf(ranking),
    // equal ids meet only when several cohorts are ranked together (run-wide quotas): the cohort decides
    { step: "unitId", cmp: (a, b) => byCodePoint(a.id, b.id) || byCodePoint(a.cohort, b.cohort) },
  ];
}

/** The step of a chain that separates two units, and their order (see {@link RankComparator}). */
const decideBy =
  (chain: readonly Step[]): RankComparator =>
  (a, b) => {
    for (const s of chain) {
      const order = s.cmp(a, b);
      if (order !== 0) return { step: s.step, order };
    }
    return null;
  };

/** The order of two units under a chain (negative: `a` ranks above `b`; 0 only for the same unit of the same cohort): what a sort needs. */
const orderBy =
  (chain: readonly Step[]) =>
  (a: RankKey, b: RankKey): number => {
    for (const s of chain) {
      const order = s.cmp(a, b);
      if (order !== 0) return order;
    }
    return 0;
  };

/** The chain of a rule set that states none (module-private, left unfrozen: V8 walks a frozen array on a slower path that allocates). */
const DEFAULT_CHAIN: readonly Step[] = chainOf(undefined);
const chainFor = (ranking: Ranking | undefined) => (ranking ? chainOf(ranking) : DEFAULT_CHAIN);

/** The order of two units under a rule set's chain (see {@link chainOf}), for sorting. */
export const rankOrder = (ranking?: Ranking): ((a: RankKey, b: RankKey) => number) => orderBy(chainFor(ranking));

/** Steps that only list tied units in an order (with `ties: "shared"` they share a rank). */
const LISTING = new Set<TieBreak>(["name", "unitId"]);

/**
 * Ranks one cohort by the rule set's chain; each unit after the first says which step put it below
 * the one above. With `ties: "shared"`, units separated only by name or id share a rank (1, 1, 3).
 */
export function rankCohort(units: readonly ScoredUnit[], ranking?: Ranking): Ranked[] {
  const chain = chainFor(ranking);
  const decide = decideBy(chain);
  const order = orderBy(chain);
  const keyed = units.map((unit) => ({ unit, key: rankKey(unit, ranking) })).sort((x, y) => order(x.key, y.key));
  const shared = ranking?.ties === "shared";
  const out: Ranked[] = [];
  keyed.forEach(({ unit, key }, i) => {
    const step = i === 0 ? null : decide(keyed[i - 1]!.key, key);
    if (shared && step && LISTING.has(step.step)) out.push({ unit, rank: out[i - 1]!.rank });
    else out.push(step ? { unit, rank: i + 1, decidedBy: step.step } : { unit, rank: i + 1 });
  });
  return out;
}
