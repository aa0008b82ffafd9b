import { issue, ThiduaError, type Issue } from "../errors/index.js";
import { compileNode, type ReaderFactory } from "../evaluation/index.js";
import { ROW, type ValidProfile } from "../profiles/index.js";
import { hasDatedValues, rulesetAsOf, type Criterion, type Group, type RuleSet } from "../rules/index.js";
import { compileCriterion, type CriterionVerdict } from "./criterion.js";
import { groupRules, type GroupRules } from "./group.js";
import { toPoints } from "./points.js";
import { compileSummary, pointsText } from "./compiled-summary.js";
import { criterionResult, rowReader, scoreFromVerdicts, withAssessment, type ResultMaker, type ScoredUnit, type ScoreParts } from "./score.js";
import type { CompileContext, Row } from "./styles/index.js";
import type { CriterionResult, ScoreOptions } from "./types.js";

/** Scores one validated profile; `scoreProfile` (reference) and `compileScorer` (accelerated) both have this shape. */
export type Scorer = (p: ValidProfile, opts: ScoreOptions) => ScoredUnit;

interface CompiledGroup {
  readonly rules: GroupRules;
  readonly criteria: readonly ((row: Row, asOf: string) => CriterionVerdict)[];
  readonly parts: ScoreParts;
}

/** The largest total a rule set can give must be a safe integer of hundredths (points stay exact). */
function checkRange(rs: RuleSet): void {
  const max = rs.criteria.reduce((s, c) => s + toPoints(c.maxPoints) + (c.bonus ?? []).reduce((t, a) => t + toPoints(a.cap), 0), 0);
  if (!Number.isSafeInteger(max)) throw new ThiduaError("points exceed the safe integer range", [issue("rules.points_unit", [], "sum of maximum points is not a safe integer")]);
}

/** The verdicts on every criterion of a profile's group, compiled once for a rule set, and how the group's score is made of them. */
export type VerdictsOf = (p: ValidProfile, asOf: string) => { readonly rules: GroupRules; readonly verdicts: readonly CriterionVerdict[]; readonly parts: ScoreParts };

/**
 * The criteria of a rule set compiled: fact ids resolved to the slots of the profile's dense row,
 * conditions compiled to Kleene closures. Throws a ThiduaError if a condition does not compile.
 */
export function compileVerdicts(rs: RuleSet): VerdictsOf {
  const slots = new Map(rs.facts.map((f, i) => [f.id, i]));
  const reader: ReaderFactory<Row> = (id) => {
    const s = slots.get(id);
    return s === undefined ? () => undefined : Object.assign((row: Row) => row[s], { slot: s });
  };
  const issues: Issue[] = [];
  const contextFor = (c: Criterion): CompileContext => ({
    slot: (id) => slots.get(id),
    condition: (cond, at) => compileNode(cond, reader, issues, [c.file, c.id, ...at]),
  });
  const text = pointsText();
  const groups = new Map<Group, CompiledGroup>(
    rs.groups.map(({ id: g }) => {
      const rules = groupRules(rs, g);
      const summary = compileSummary(rules, text);
      const parts: ScoreParts = { make: sharedResults(), summarise: (_rules, verdicts) => summary(verdicts), text };
      return [g, { rules, criteria: rules.criteria.map((c) => compileCriterion(c, contextFor(c))), parts }];
    }),
  );
  if (issues.length) throw new ThiduaError("rule set does not compile", issues);
  checkRange(rs);
  return (p, asOf) => {
    const g = groups.get(p.group)!;
    const row = p[ROW];
    const verdicts: CriterionVerdict[] = new Array(g.criteria.length);
    for (let i = 0; i < verdicts.length; i++) verdicts[i] = g.criteria[i]!(row, asOf);
    return { rules: g.rules, verdicts, parts: g.parts };
  };
}

/**
 * The accelerated scorer of a rule set, built once by the engine (it owns every closure; nothing is
 * kept between engines). The verdicts are those of the reference path — the same
 * `criterionVerdict` combines them and the same `scoreFromVerdicts` adds them up; a property test
 * compares the two scorers' results as data.
 */
export function compileScorer(rs: RuleSet): Scorer {
  const verdictsOf = datedVerdicts(rs);
  const readerOf = rowReader(new Map(rs.facts.map((f, i) => [f.id, i])));
  const score: Scorer = (p, opts) => {
    const { rules, verdicts, parts } = verdictsOf(p, opts.asOf);
    const unit = scoreFromVerdicts(rs, rules, p, verdicts, readerOf(p), opts, parts);
    return p.assessed ? withAssessment(unit, score(p.assessed.self, { ...opts, trace: false }), p.assessed) : unit;
  };
  return score;
}

/** At most this many as-of dates compiled at once by one scorer (a rule set with dated values compiles once per date; the oldest is dropped). */
const DATES_COMPILED = 16;

/**
 * The compiled verdicts of a rule set: compiled once; for a set with dated values, once per as-of
 * date (its values then), kept by the scorer for the dates it meets.
 */
function datedVerdicts(rs: RuleSet): VerdictsOf {
  if (!hasDatedValues(rs)) return compileVerdicts(rs);
  const byDate = new Map<string, VerdictsOf>();
  return (p, asOf) => {
    let v = byDate.get(asOf);
    if (!v) {
      if (byDate.size >= DATES_COMPILED) byDate.delete(byDate.keys().next().value!);
      byDate.set(asOf, (v = compileVerdicts(rulesetAsOf(rs, asOf))));
    }
    return v(p, asOf);
  };
}

const STATUSES = ["met", "partial", "not_met", "unknown", "not_applicable"] as const;

/** At most this many shared results per criterion (a per-unit criterion may take many values; the rest are made afresh). */
const SHARED_PER_CRITERION = 256;

/** How many values each part of a criterion's verdict may take besides its points: tier + 1 (0: none), bonus and deduction (hundredths, up to their caps). */
interface Radix {
  readonly tier: number;
  readonly bonus: number;
  readonly deduction: number;
}

const radixOf = (c: Criterion): Radix => ({
  tier: (c.tiers?.length ?? 0) + 1,
  bonus: (c.bonus ?? []).reduce((s, a) => s + toPoints(a.cap), 0) + 1,
  deduction: (c.deductions ?? []).reduce((s, a) => s + toPoints(a.cap), 0) + 1,
});

const within = (x: number, radix: number) => x >= 0 && x < radix;

/**
 * One number for a verdict (its points, tier, bonus, deduction and status as the digits of a mixed
 * radix), or undefined when a part is out of its range or the number is not a safe integer.
 */
function verdictNumber(v: CriterionVerdict, r: Radix): number | undefined {
  const tier = v.tier === undefined ? 0 : v.tier + 1;
  if (!within(tier, r.tier) || !within(v.bonus, r.bonus) || !within(v.deduction, r.deduction)) return undefined;
  const n = (((v.points * r.tier + tier) * r.bonus + v.bonus) * r.deduction + v.deduction) * STATUSES.length + STATUSES.indexOf(v.status);
  return Number.isSafeInteger(n) ? n : undefined;
}

/**
 * Criterion results shared between the units with the same verdict and missing facts — the same
 * few combinations recur on every unit, so each is made once (and frozen: a shared result cannot be
 * changed through one unit behind another's back). Owned by one compiled scorer.
 */
function sharedResults(): ResultMaker {
  const byCriterion: { readonly seen: Map<string | number, CriterionResult>; readonly radix: Radix }[] = [];
  return (index, c, v, missingFacts) => {
    const { seen, radix } = (byCriterion[index] ??= { seen: new Map(), radix: radixOf(c) });
    // a verdict with no missing facts: a number stands for it
    const n = missingFacts.length === 0 ? verdictNumber(v, radix) : undefined;
    const key = n ?? `${v.status}|${v.points}|${v.bonus}|${v.deduction}|${v.tier ?? ""}|${missingFacts.join(",")}`;
    let r = seen.get(key);
    if (r === undefined) {
      r = Object.freeze(criterionResult(index, c, v, Object.freeze(missingFacts)));
      if (seen.size < SHARED_PER_CRITERION) seen.set(key, r);
    }
    return r;
  };
}
