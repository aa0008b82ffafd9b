import { issue, ThiduaError, type Issue } from "../errors/index.js";
import { compileNode, type ReaderFactory } from "../evaluation/index.js";
import { ROW, type ValidProfile } from "../profiles/index.js";
import { hasDatedValues, rulesetAsOf, type Criterion, type Group, type RuleSet } from "../rules/index.js";
import { compileCriterion, type CriterionVerdict } from "./criterion.js";
import { groupRules, type GroupRules } from "./group.js";
import { toPoints } from "./points.js";
import { criterionResult, rowReader, scoreFromVerdicts, withAssessment, type ResultMaker, type ScoredUnit } from "./score.js";
import type { CompileContext, Row } from "./styles/index.js";
import type { CriterionResult, ScoreOptions } from "./types.js";

/** Scores one validated profile; `scoreProfile` (reference) and `compileScorer` (accelerated) both have this shape. */
export type Scorer = (p: ValidProfile, opts: ScoreOptions) => ScoredUnit;

interface CompiledGroup {
  readonly rules: GroupRules;
  readonly criteria: readonly ((row: Row, asOf: string) => CriterionVerdict)[];
}

/** The largest total a rule set can give must be a safe integer of hundredths (points stay exact). */
function checkRange(rs: RuleSet): void {
  const max = rs.criteria.reduce((s, c) => s + toPoints(c.maxPoints) + (c.bonus ?? []).reduce((t, a) => t + toPoints(a.cap), 0), 0);
  if (!Number.isSafeInteger(max)) throw new ThiduaError("points exceed the safe integer range", [issue("rules.points_unit", [], "sum of maximum points is not a safe integer")]);
}

/** The verdicts on every criterion of a profile's group, compiled once for a rule set. */
export type VerdictsOf = (p: ValidProfile, asOf: string) => { readonly rules: GroupRules; readonly verdicts: readonly CriterionVerdict[] };

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
  const groups = new Map<Group, CompiledGroup>(
    rs.groups.map(({ id: g }) => {
      const rules = groupRules(rs, g);
      return [g, { rules, criteria: rules.criteria.map((c) => compileCriterion(c, contextFor(c))) }];
    }),
  );
  if (issues.length) throw new ThiduaError("rule set does not compile", issues);
  checkRange(rs);
  return (p, asOf) => {
    const g = groups.get(p.group)!;
    return { rules: g.rules, verdicts: g.criteria.map((f) => f(p[ROW], asOf)) };
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
  const shared = new Map<Group, ResultMaker>(rs.groups.map((g) => [g.id, sharedResults()]));
  const score: Scorer = (p, opts) => {
    const { rules, verdicts } = verdictsOf(p, opts.asOf);
    const unit = scoreFromVerdicts(rs, rules, p, verdicts, readerOf(p), opts, shared.get(p.group));
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

/**
 * Criterion results shared between the units with the same verdict and missing facts — the same
 * few combinations recur on every unit, so each is made once (and frozen: a shared result cannot be
 * changed through one unit behind another's back). Owned by one compiled scorer.
 */
function sharedResults(): ResultMaker {
  const byCriterion: Map<string | number, CriterionResult>[] = [];
  return (index, c, v, missingFacts) => {
    const seen = (byCriterion[index] ??= new Map());
    // most verdicts differ only in status and points: a number stands for those (status by its position)
    const simple = v.bonus === 0 && v.deduction === 0 && v.tier === undefined && missingFacts.length === 0;
    const key = simple ? v.points * STATUSES.length + STATUSES.indexOf(v.status) : `${v.status}|${v.points}|${v.bonus}|${v.deduction}|${v.tier ?? ""}|${missingFacts.join(",")}`;
    let r = seen.get(key);
    if (r === undefined) {
      r = Object.freeze(criterionResult(index, c, v, Object.freeze(missingFacts)));
      if (seen.size < SHARED_PER_CRITERION) seen.set(key, r);
    }
    return r;
  };
}
