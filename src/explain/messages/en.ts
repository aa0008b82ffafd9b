import type { Catalog, Operator, TieParams } from "./types.js";

/** Lower-cases the first letter for use mid-sentence, unless the word is an acronym. */
const lc = (s: string) => (s.length > 1 && s[1] !== s[1]!.toUpperCase() ? s[0]!.toLowerCase() + s.slice(1) : s);
const req: Readonly<Record<Operator, (v: string) => string>> = {
  equal: (v) => v,
  notEqual: (v) => `other than ${v}`,
  lessThan: (v) => `less than ${v}`,
  lessThanInclusive: (v) => `at most ${v}`,
  greaterThan: (v) => `more than ${v}`,
  greaterThanInclusive: (v) => `at least ${v}`,
  in: (v) => `one of: ${v}`,
  notIn: (v) => `none of: ${v}`,
  contains: (v) => `includes ${v}`,
  doesNotContain: (v) => `does not include ${v}`,
};
/** The doubt printed after a citation (nothing for a confirmed provision): in the rule book and in explanations. */
const doubtWords = {
  secondary: "checked through a secondary source",
  unconfirmed: "article number and wording not checked against the original",
  unlisted: "not checked against the original",
  noSection: "provision not identified",
  repealed: "text no longer in force",
  sourceUnconfirmed: "text not checked against the original",
} as const;
const status = { met: "Met", partial: "Partly met", not_met: "Not met", unknown: "Evidence missing", not_applicable: "Not applicable" } as const;
const group = {
  ministry: "Central ministries, departments and branches",
  province: "Provinces and centrally-run cities",
  front: "Vietnam Fatherland Front and socio-political organisations",
  enterprise: "Agencies, organisations, enterprises and schools",
  individual: "Individuals",
} as const;
/** The name of a subject group: the name the rule set gives it, else the catalog's name of one of the five of Decision 2447. */
const groupOf = (p: { group: string; groupName?: string | undefined }): string => p.groupName ?? (group as Readonly<Record<string, string>>)[p.group] ?? p.group;
const tie = {
  score: "the higher score ranks first",
  notKnockedOut: "a profile without a knock-out ranks first",
  fewerUnknown: "the profile with fewer criteria lacking evidence ranks first",
  moreMet: "the profile that fully meets more criteria ranks first",
  unitId: "order of the profile ids (equal merit)",
  scored: "a scored profile ranks before one not scored",
  potentialScore: "the profile with the higher reachable score ranks first",
  selfScore: "the profile with the higher self-assessed score ranks first",
  name: "order of the names (equal merit)",
  fact: "",
} as const;
/** A step of the ranking chain in words; a fact names itself and the direction that ranks first. */
const tieText = (p: TieParams) => (p.rule === "fact" ? `the profile with the ${p.better === "lower" ? "lower" : "higher"} «${p.fact ?? ""}» ranks first` : tie[p.rule]);
const modes = { "half-up": "halves rounded up", "half-even": "halves rounded to even", floor: "rounded down", ceil: "rounded up" } as const;
const roles = { reviewer: "review", council: "council decision" } as const;
const rounding = { floor: "rounded down", ceil: "rounded up", "half-up": "rounded" } as const;
const named = (award: string, kind: string) => (kind === "title" ? `the title “${award}”` : `the ${lc(award)}`);
const ofQuota = (of: string, n: number) => `${n === 1 ? "profile" : "profiles"} ${of ? `holding “${of}”` : "in the cluster or block"}`;
const profiles = (n: number, f: string) => `${f} ${n === 1 ? "profile" : "profiles"}`;

/** English: a translation of the Vietnamese reference. */
export const en = {
  locale: "en-GB",
  op: {
    equal: (f, v) => `${f} is ${v}`,
    notEqual: (f, v) => `${f} is not ${v}`,
    lessThan: (f, v) => `${f} is less than ${v}`,
    lessThanInclusive: (f, v) => `${f} is at most ${v}`,
    greaterThan: (f, v) => `${f} is more than ${v}`,
    greaterThanInclusive: (f, v) => `${f} is at least ${v}`,
    in: (f, v) => `${f} is one of: ${v}`,
    notIn: (f, v) => `${f} is none of: ${v}`,
    contains: (f, v) => `${f} includes ${v}`,
    doesNotContain: (f, v) => `${f} does not include ${v}`,
  },
  isTrue: (f) => `${f}: yes`,
  isFalse: (f) => `${f}: no`,
  yes: "yes",
  no: "no",
  allOf: "All of the following",
  anyOf: "At least one of the following",
  notThat: "None of the following",
  or: "or",
  points: (p) => `${p} points`,
  perUnit: (pts, f, cap) => `${pts} points per unit of “${f}”, at most ${cap} points`,
  pointsAsGiven: (f, cap) => `The points of «${f}», at most ${cap} points`,
  tier: (pts) => `Tier worth ${pts} points`,
  bonus: "Bonus points",
  deduction: "Deductions",
  floor: (p) => `deductions never take the criterion below ${p} points`,
  appliesWhen: "Applies only when",
  knockout: "Knock-out: if this happens, no title is considered that year",
  formula: {
    fn: { min: "min", max: "max", sum: "sum", count: "number true" },
    sep: ", ",
    and: "and",
    or: "or",
    not: (x) => `not (${x})`,
    if: (c, a, b) => `(if ${c} then ${a}, otherwise ${b})`,
    coalesce: (xs) => `(${xs.join(", or if not given ")})`,
    clamp: (x, lo, hi) => `clamp(${x}, ${lo} to ${hi})`,
    round: (x, places, mode) => `round(${x}, ${places ? `${places} decimal places` : "to a whole number"}, ${modes[mode]})`,
    over: (op, f, set) => (op === "sum" ? `sum of the items of ${f}` : set ? `number of members of ${f}` : `number of items met of ${f}`),
    unknown: "?",
  },
  basis: { law: "fixed by law", regulation: "set by the regulation of the body that issued the rule set", "policy-default": "policy default (a committee may override)" },
  status,
  req,
  msg: {
    "section.standing": () => "Score and rank",
    "section.criteria": () => "Result per criterion",
    "section.award": () => "Proposed commendation",
    "section.nearMisses": () => "What a higher award still needs",
    "section.todo": () => "Evidence to supply",
    "unit.name": (p) => `${p.unitId} — ${p.name}`,
    citation: (p) =>
      `Basis: ${[p.source, p.section].filter(Boolean).join(", ")}${p.doubt ? ` (${doubtWords[p.doubt]})` : ""}${p.note ? ` (note: ${lc(p.note)})` : ""}`,
    "headline.award": (p) => (p.kind === "title" ? `Proposed for the title “${p.award}”` : `Proposed for the ${lc(p.award)}`),
    "headline.none": (p) => `Not eligible for a commendation in ${p.year}`,
    "headline.scoringOnly": () => "Scored, classed and ranked only: the rule set has no title or commendation to propose",
    "headline.knockout": (p) => `No title or commendation is considered because a knock-out criterion applies: ${p.reasons}`,
    "headline.pending": (p, f) => `Not enough evidence to propose a commendation: ${f.num(p.count)} kind(s) of evidence to supply`,
    "headline.overridden": (p) => `Decided by the committee: ${p.award} (proposed by the rule set: ${lc(p.computed)})`,
    "headline.scored": (p, f) => `Emulation score for ${p.year}: ${f.num(p.score)}/${f.num(p.max)} points; classification: ${p.cls || "not classified"}`,
    "standing.score": (p, f) => `Total: ${f.num(p.score)}/${f.num(p.max)} points (${f.num(p.percent)}%); classification: ${p.cls || "not classified"}`,
    "standing.rank": (p, f) => `Ranked ${f.num(p.rank)} of ${f.num(p.size)} ${p.cohort ? `in emulation cluster or block ${p.cohort}` : `in the group ${lc(groupOf(p))}`}`,
    "standing.tie": (p) => `Same score as the profile ranked just above; the order follows the tie-break rule: ${tieText(p)}`,
    "standing.sharedRank": () => "Same rank as the profile just above (equal on every ranking key)",
    "standing.assessed": (p, f) =>
      `Self-assessed: ${f.num(p.self)} points (${p.selfClass || "not classed"}); official: ${f.num(p.official)} points (${p.officialClass || "not classed"}) — ${
        ({ lastReviewer: "each item as last assessed", council: "as assessed by the council", self: "the self-assessment" } as Record<string, string>)[p.policy] ?? ""
      }`,
    "assessment.change": (p, f) =>
      `${p.by} (${roles[p.role]}, ${f.date(p.date)}) changed «${p.fact}» from ${p.from} to ${p.to} — reason: ${p.reason}${p.official ? "" : " (not the official value)"}`,
    "fact.derived": (p) => (p.result ? `${p.fact} = ${p.formula} = ${p.values} = ${p.result}` : `${p.fact} = ${p.formula}: not computed yet (${p.values})`),
    "criterion.blankAs": (p) => `${p.title}: no data, counted as ${p.how === "zero" ? "none" : "the maximum"} as the rule set says`,
    "standing.cap": (p, f) => `Cap «${p.title}» applied: ${f.num(p.points)} points, only ${f.num(p.cap)} count`,
    "criterion.result": (p, f) =>
      p.status === "unknown"
        ? `Criterion ${p.id} — ${p.title}: evidence missing, counted as ${f.num(p.points)}/${f.num(p.max)} points for now`
        : `Criterion ${p.id} — ${p.title}: ${lc(status[p.status])}, ${f.num(p.points)}/${f.num(p.max)} points${p.bonus ? ` (including ${f.num(p.bonus)} bonus points)` : ""}${p.deduction ? `, ${f.num(p.deduction)} points deducted` : ""}`,
    "criterion.knockout": (p) =>
      `Criterion ${p.id} (${p.title}) — ${p.status === "met" ? "violated" : p.status === "unknown" ? "not yet confirmed" : "not violated"}`,
    "criterion.tier": (p, f) => `Reached the tier «${p.label}»: ${f.num(p.points)} points`,
    "criterion.tierMissed": (p, f) => `Did not reach the tier «${p.label}» (${f.num(p.points)} points):`,
    "criterion.perUnit": (p, f) =>
      p.per === "points" && p.perUnit === 1 ? `${p.fact}: ${p.actual} — counted as given, at most ${f.num(p.cap)} points` : `${p.fact}: ${p.actual} — ${f.num(p.perUnit)} points each, at most ${f.num(p.cap)} points`,
    "criterion.bonus": (p, f) => `Bonus +${f.num(p.points)}: ${p.title}`,
    "criterion.deduction": (p, f) => `Deduction −${f.num(p.points)}: ${p.title}`,
    "criterion.unmetBecause": (p) =>
      p.operator === "equal" && p.required === "yes"
        ? `Criterion ${p.id} is not met because this is not the case: ${lc(p.fact)}`
        : p.operator === "equal" && p.required === "no"
          ? `Criterion ${p.id} is not met because of: ${lc(p.fact)}`
          : `Criterion ${p.id} is not met because ${lc(p.fact)} is ${p.actual}; required: ${req[p.operator](p.required)}`,
    "fact.met": (p) => `${p.fact}: ${p.actual} (required: ${req[p.operator](p.required)})`,
    "fact.unmet": (p) => `${p.fact}: ${p.actual} — required: ${req[p.operator](p.required)}`,
    "fact.missing": (p) => `No data: ${lc(p.fact)}`,
    "fact.value": (p) => `${p.fact}: ${p.actual}`,
    "reason.tie": (p) => `Same score as the profile above, ranked after it by the tie-break: ${tieText(p)}`,
    "reason.quota": (p, f) =>
      `Outside the quota for ${named(p.award, p.kind)}: quota ${f.num(p.allowed)}, position ${f.num(p.position)} of ${f.num(p.candidates)} eligible units${p.allowed === 0 && p.exact > 0 ? ` (${f.num(p.share)}% of ${f.num(p.base)} is ${f.num(p.exact)}, ${rounding[p.rounding]} to 0)` : ""}`,
    "reason.deferred": (p) => `${named(p.award, p.kind)} deferred: ${p.why}`,
    "reason.pointsShort": (p, f) => `${f.num(p.points)} points short of ${named(p.award, p.kind)}`,
    "award.proposed": (p) => `${p.kind === "title" ? `Title “${p.award}”` : p.award} — decided by: ${p.grantor}`,
    "award.alongside": (p) => `Also proposed: ${p.kind === "title" ? `the title “${p.award}”` : p.award} — decided by: ${p.grantor}`,
    "award.bonus": (p, f) =>
      `Cash bonus: ${f.num(p.coefficient)} × the base salary${p.superseded ? " — not paid in addition: for one period only the highest title's bonus is paid (Decree 152/2025/NĐ-CP Art. 49)" : ""}`,
    "award.quotaWithin": (p, f) =>
      `Within the quota: position ${f.num(p.position)} of ${f.num(p.candidates)} eligible units, quota ${f.num(p.allowed)} (${p.share === 0 ? "for the leading unit of the cluster or block" : `${f.num(p.share)}% of ${f.num(p.base)} ${ofQuota(p.of, p.base)} is ${f.num(p.exact)}, ${rounding[p.rounding]}`})`,
    "award.alternatives": (p) => `Also eligible (not proposed twice, a higher award of the same kind is proposed): ${p.list}`,
    "award.computed": (p) => `Proposed by the rule set: ${p.award}`,
    "award.override": (p, f) => `Decided by the committee: ${p.award} — reason: ${p.reason} (${p.decidedBy}, ${f.date(p.date)})`,
    "near.header": (p, f) =>
      p.status === "deferred"
        ? `${named(p.award, p.kind)} deferred:`
        : p.status === "quota"
        ? `Eligible for ${named(p.award, p.kind)} but outside the award quota:`
        : p.status === "unknown"
          ? `Not enough evidence to consider ${named(p.award, p.kind)}${p.points ? ` (on the evidence so far, ${f.num(p.points)} points short)` : ""}:`
          : p.points
            ? `${f.num(p.points)} points short of ${named(p.award, p.kind)}:`
            : `Not yet eligible for ${named(p.award, p.kind)}:`,
    "check.knockout": (p) => `Knock-out criterion applies: ${p.reasons}`,
    "check.knockoutUnknown": (p) => `No evidence yet that no knock-out applies: ${p.criteria}`,
    "check.minClass": (p) => `Requires the classification ${p.required} or better; now ${p.actual ? `classified ${p.actual}` : "not classified"}`,
    "check.minPercent": (p, f) => `Requires at least ${f.num(p.required)}% of the nominal maximum; now ${f.num(p.actual)}%`,
    "check.criterion": (p) => `Criterion ${p.id} — ${p.title} must be met; now: ${lc(status[p.status])}`,
    "check.consecutive": (p, f) => `Requires ${p.awards} ${f.num(p.times)} times in a row${p.current ? " (this year included)" : ""}; found ${f.num(p.found)}`,
    "check.prior": (p, f) => `Requires having received ${p.awards}${p.within ? ` within the last ${f.num(p.within)} years` : ""}; not in the record`,
    "check.never": (p) => `Already received ${p.awards} (awarded once only)`,
    "check.freshInitiatives": (p, f) => `Requires ${f.num(p.min)} initiatives not used for an earlier award; has ${f.num(p.found)}`,
    "check.missingYears": (p) => `No record of awards for ${p.years}`,
    "check.requiresThisYear": (p) => `Must also qualify this year for ${p.award}`,
    "check.quota": (p, f) =>
      `Position ${f.num(p.position)} of ${f.num(p.candidates)} eligible units, quota ${f.num(p.allowed)} (${p.share === 0 ? "for the leading unit of the cluster or block" : `${f.num(p.share)}% of ${f.num(p.base)} ${ofQuota(p.of, p.base)} is ${f.num(p.exact)}, ${rounding[p.rounding]}`})`,
    "check.deferral": (p) => `Deferred while ${p.why}`,
    "check.deferralUnknown": (p) => `Not confirmed whether ${p.why}`,
    "check.neverUnknown": (p) => `No record of past awards to tell whether ${p.awards} was already received (awarded once only)`,
    "todo.evidence": (p) => `Missing evidence: ${p.evidence} — needed for ${lc(p.label)}${p.criteria ? ` (criteria ${p.criteria})` : ""}${p.awards ? ` (a condition of ${p.awards})` : ""}`,
    "report.noAward": () => "No commendation",
  },
  group,
  doubt: doubtWords,
  tieBreak: tieText,
} satisfies Catalog;
