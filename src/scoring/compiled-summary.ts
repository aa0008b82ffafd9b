import type { Localized } from "../rules/index.js";
import type { CriterionVerdict } from "./criterion.js";
import type { GroupRules } from "./group.js";
import { formatPoints, type Points } from "./points.js";
import type { Summary } from "./score.js";
import type { ScoreResult } from "./types.js";

type Entry<K extends "knockouts" | "contents"> = ScoreResult[K][number];
const EMPTY: readonly never[] = Object.freeze([]);

/** Numbers formatted by a scorer are kept up to this many hundredths (scores and percentages of the usual scales). */
const TEXT_KEPT = 1 << 15;

/**
 * {@link formatPoints}, each string made once: the same few totals recur on every unit. Owned by
 * one compiled scorer (a holey array indexed by the number: a lookup, no hashing).
 */
export function pointsText(): (hundredths: number) => string {
  let kept: (string | undefined)[] | undefined;
  return (u) => {
    if (!(u >= 0 && u < TEXT_KEPT && Number.isInteger(u))) return formatPoints(u);
    kept ??= new Array<string | undefined>(TEXT_KEPT);
    return (kept[u] ??= formatPoints(u));
  };
}

/** The four totals of a group's verdicts, before and after its caps: now, best case, nominal, highest reachable. */
interface Totals {
  now: number;
  best: number;
  nominal: number;
  maxScore: number;
}

/** Each group cap taken off the totals (a cap counts its members' points at most up to it); its result entries. */
function applyCaps(rules: GroupRules, verdicts: readonly CriterionVerdict[], t: Totals, text: (u: number) => string): ScoreResult["groupCaps"] {
  if (rules.caps.length === 0) return EMPTY;
  return rules.caps.map((cap) => {
    const raw: Totals = { now: 0, best: 0, nominal: 0, maxScore: 0 };
    for (const i of cap.members) add(raw, rules, verdicts[i]!, i);
    for (const k of ["now", "best", "nominal", "maxScore"] as const) if (raw[k] > cap.cap) t[k] -= raw[k] - cap.cap;
    return { id: cap.id, points: text(raw.now), cap: text(cap.cap), applied: raw.now > cap.cap };
  });
}

/** Adds one criterion's verdict to totals. */
function add(t: Totals, rules: GroupRules, v: CriterionVerdict, i: number): void {
  t.now += v.points;
  t.best += v.potential;
  if (v.status === "not_applicable") return;
  t.nominal += rules.max[i]!;
  t.maxScore += rules.max[i]! + rules.maxBonus[i]!;
}

/** Points per content over the criteria that apply; none: one shared empty list. */
function contents(rules: GroupRules, verdicts: readonly CriterionVerdict[], text: (u: number) => string): ScoreResult["contents"] {
  let out: Entry<"contents">[] | undefined;
  for (const { content, members } of rules.contents) {
    let points = 0;
    let max = 0;
    let used = false;
    for (const i of members) {
      const v = verdicts[i]!;
      if (v.status === "not_applicable") continue;
      used = true;
      points += v.points;
      max += rules.max[i]!;
    }
    if (used) (out ??= []).push({ content, points: text(points), maxPoints: text(max) });
  }
  return out ?? EMPTY;
}

/**
 * The summary of a group's verdicts compiled for one group ({@link summarise} is its specification;
 * the property test holds the two equal as data): the totals in one pass, knock-out entries made
 * once per criterion, formatted numbers shared, empty lists shared (all frozen or never changed).
 */
export function compileSummary(rules: GroupRules, text: (hundredths: number) => string): (verdicts: readonly CriterionVerdict[]) => Summary {
  const n = rules.criteria.length;
  const knockout: readonly Entry<"knockouts">[] = rules.criteria.map((c) => Object.freeze({ criterion: c.id, reason: (c.knockoutReason ?? c.title) as Localized }));
  return (verdicts) => {
    const t: Totals = { now: 0, best: 0, nominal: 0, maxScore: 0 };
    let knockouts: Entry<"knockouts">[] | undefined;
    let unknown: string[] | undefined;
    for (let i = 0; i < n; i++) {
      const v = verdicts[i]!;
      add(t, rules, v, i);
      if (v.knocked) (knockouts ??= []).push(knockout[i]!);
      if (v.status === "unknown" && rules.criteria[i]!.knockout) (unknown ??= []).push(rules.criteria[i]!.id);
    }
    const groupCaps = applyCaps(rules, verdicts, t, text);
    return {
      now: t.now as Points,
      best: t.best as Points,
      nominal: t.nominal as Points,
      maxScore: t.maxScore as Points,
      knockouts: knockouts ?? EMPTY,
      knockoutsUnknown: unknown ?? EMPTY,
      contents: contents(rules, verdicts, text),
      groupCaps,
    };
  };
}
