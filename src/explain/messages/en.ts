import type { Catalog, Operator } from "./types.js";

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
const status = { met: "Met", partial: "Partly met", not_met: "Not met", unknown: "Evidence missing", not_applicable: "Not applicable" } as const;
const group = {
  ministry: "Central ministries, departments and branches",
  province: "Provinces and centrally-run cities",
  front: "Vietnam Fatherland Front and socio-political organisations",
  enterprise: "Agencies, organisations, enterprises and schools",
  individual: "Individuals",
} as const;
const tie = {
  score: "the higher score ranks first",
  notKnockedOut: "a profile without a knock-out ranks first",
  fewerUnknown: "the profile with fewer criteria lacking evidence ranks first",
  moreMet: "the profile that fully meets more criteria ranks first",
  unitId: "order of the profile ids (equal merit)",
} as const;
const rounding = { floor: "rounded down", ceil: "rounded up", "half-up": "rounded" } as const;
const named = (award: string, kind: string) => (kind === "title" ? `the title “${award}”` : `the ${lc(award)}`);
const ofQuota = (of: string, n: number) => `${n === 1 ? "profile" : "profiles"} ${of ? `holding “${of}”` : "in the cluster or block"}`;
const profiles = (n: number, f: string) => `${f} ${n === 1 ? "profile" : "profiles"}`;

/** English: a translation of the Vietnamese reference. */
/** An own property of a table, or undefined (a key from user data never reaches the prototype). */
const own = (table: Readonly<Record<string, string>>, key: string): string | undefined => (Object.hasOwn(table, key) ? table[key] : undefined);
const overrideField: Readonly<Record<string, string>> = { unitId: "the unit id", award: "the award", reason: "the reason", decidedBy: "who decided", date: "the decision date", cohort: "the cluster" };
const limitWhat: Readonly<Record<string, string>> = {
  files: "files",
  facts: "facts",
  criteria: "criteria",
  criteriaPerGroup: "criteria of one subject group",
  conditions: "conditions",
  tiersAndAdjustments: "tiers, bonuses and deductions of one criterion",
  awards: "awards",
  classes: "classes",
  sources: "legal sources",
  extends: "rule sets in the extends chain",
};

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
  tier: (pts) => `Tier worth ${pts} points`,
  bonus: "Bonus points",
  deduction: "Deductions",
  floor: (p) => `deductions never take the criterion below ${p} points`,
  appliesWhen: "Applies only when",
  knockout: "Knock-out: if this happens, no title is considered that year",
  basis: { law: "fixed by law", "policy-default": "policy default (a committee may override)" },
  status,
  req,
  msg: {
    "section.standing": () => "Score and rank",
    "section.criteria": () => "Result per criterion",
    "section.award": () => "Proposed commendation",
    "section.nearMisses": () => "What a higher award still needs",
    "section.todo": () => "Evidence to supply",
    "unit.name": (p) => `${p.unitId} — ${p.name}`,
    citation: (p) => `Basis: ${[p.source, p.section].filter(Boolean).join(", ")}${p.note ? ` (note: ${lc(p.note)})` : ""}`,
    "headline.award": (p) => (p.kind === "title" ? `Proposed for the title “${p.award}”` : `Proposed for the ${lc(p.award)}`),
    "headline.none": (p) => `Not eligible for a commendation in ${p.year}`,
    "headline.knockout": (p) => `No title or commendation is considered because a knock-out criterion applies: ${p.reasons}`,
    "headline.pending": (p, f) => `Not enough evidence to propose a commendation: ${f.num(p.count)} kind(s) of evidence to supply`,
    "headline.overridden": (p) => `Decided by the committee: ${p.award} (proposed by the rule set: ${lc(p.computed)})`,
    "headline.scored": (p, f) => `Emulation score for ${p.year}: ${f.num(p.score)}/${f.num(p.max)} points; classification: ${p.cls || "not classified"}`,
    "standing.score": (p, f) => `Total: ${f.num(p.score)}/${f.num(p.max)} points (${f.num(p.percent)}%); classification: ${p.cls || "not classified"}`,
    "standing.rank": (p, f) => `Ranked ${f.num(p.rank)} of ${f.num(p.size)} ${p.cohort ? `in emulation cluster or block ${p.cohort}` : `in the group ${lc(group[p.group])}`}`,
    "standing.tie": (p) => `Same score as the profile ranked just above; the order follows the tie-break rule: ${tie[p.rule]}`,
    "standing.cap": (p, f) => `Cap «${p.title}» applied: ${f.num(p.points)} points, only ${f.num(p.cap)} count`,
    "criterion.result": (p, f) =>
      p.status === "unknown"
        ? `Criterion ${p.id} — ${p.title}: evidence missing, counted as ${f.num(p.points)}/${f.num(p.max)} points for now`
        : `Criterion ${p.id} — ${p.title}: ${lc(status[p.status])}, ${f.num(p.points)}/${f.num(p.max)} points${p.bonus ? ` (including ${f.num(p.bonus)} bonus points)` : ""}${p.deduction ? `, ${f.num(p.deduction)} points deducted` : ""}`,
    "criterion.knockout": (p) =>
      `Criterion ${p.id} (${p.title}) — ${p.status === "met" ? "violated" : p.status === "unknown" ? "not yet confirmed" : "not violated"}`,
    "criterion.tier": (p, f) => `Reached the tier «${p.label}»: ${f.num(p.points)} points`,
    "criterion.tierMissed": (p, f) => `Did not reach the tier «${p.label}» (${f.num(p.points)} points):`,
    "criterion.perUnit": (p, f) => `${p.fact}: ${p.actual} — ${f.num(p.perUnit)} points each, at most ${f.num(p.cap)} points`,
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
    "reason.tie": (p) => `Same score as the profile above, ranked after it by the tie-break: ${tie[p.rule]}`,
    "reason.quota": (p, f) =>
      `Outside the quota for ${named(p.award, p.kind)}: quota ${f.num(p.allowed)}, position ${f.num(p.position)} among eligible units${p.allowed === 0 && p.exact > 0 ? ` (${f.num(p.share)}% of ${f.num(p.base)} is ${f.num(p.exact)}, ${rounding[p.rounding]} to 0)` : ""}`,
    "reason.deferred": (p) => `${named(p.award, p.kind)} deferred: ${p.why}`,
    "reason.pointsShort": (p, f) => `${f.num(p.points)} points short of ${named(p.award, p.kind)}`,
    "award.proposed": (p) => `${p.kind === "title" ? `Title “${p.award}”` : p.award} — decided by: ${p.grantor}`,
    "award.alongside": (p) => `Also proposed: ${p.kind === "title" ? `the title “${p.award}”` : p.award} — decided by: ${p.grantor}`,
    "award.bonus": (p, f) => `Cash bonus: ${f.num(p.coefficient)} × the base salary`,
    "award.quotaWithin": (p, f) =>
      `Within the quota: position ${f.num(p.position)}, quota ${f.num(p.allowed)} (${p.share === 0 ? "for the leading unit of the cluster or block" : `${f.num(p.share)}% of ${f.num(p.base)} ${ofQuota(p.of, p.base)} is ${f.num(p.exact)}, ${rounding[p.rounding]}`})`,
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
      `Position ${f.num(p.position)} among eligible units, quota ${f.num(p.allowed)} (${p.share === 0 ? "for the leading unit of the cluster or block" : `${f.num(p.share)}% of ${f.num(p.base)} ${ofQuota(p.of, p.base)} is ${f.num(p.exact)}, ${rounding[p.rounding]}`})`,
    "check.deferral": (p) => `Deferred while ${p.why}`,
    "check.deferralUnknown": (p) => `Not confirmed whether ${p.why}`,
    "todo.evidence": (p) => `Missing evidence: ${p.evidence} — needed for ${lc(p.label)}${p.criteria ? ` (criteria ${p.criteria})` : ""}${p.awards ? ` (a condition of ${p.awards})` : ""}`,
    "report.title": () => "Scores, ranking and proposed commendations",
    "report.ruleset": (p) => `Rule set: ${p.title} — id ${p.id}, version ${p.version}`,
    "report.rulesetHash": (p) => `SHA-256 digest of the rule set: ${p.sha256} — ${p.verified ? "matches the file manifest" : "DOES NOT match the file manifest (rule files were modified)"}`,
    "report.lineage": (p) => `Extends: ${p.list}`,
    "report.asOf": (p, f) => `Rule set applied as of: ${p.date ? f.date(p.date) : "31 December of the year assessed (default)"}`,
    "report.input": (p, f) => `Input: ${profiles(p.count, f.num(p.count))}; SHA-256: ${p.sha256}`,
    "report.engine": (p) => `Computed by: ${p.name} version ${p.version}`,
    "report.ignoredColumns": (p) => `Columns ignored as asked (not scored): ${p.list}`,
    "report.options": (p) =>
      `Run options: ${[p.year && `year ${p.year} for rows without one`, p.decimal && `decimal separator “${p.decimal}”`, p.modified && "modified rule files allowed", p.other].filter(Boolean).join("; ") || "defaults"}`,
    "report.outcome": (p) => `SHA-256 digest of the outcome: ${p.sha256}`,
    "report.cohort": (p, f) => `Emulation cluster or block ${p.cohort || "(not given)"} — ${group[p.group]} — ${p.year} (${profiles(p.size, f.num(p.size))})`,
    "report.quota": (p, f) =>
      `Quota for ${p.award}: at most ${f.num(p.allowed)} (${p.share === 0 ? "for the leading unit of the cluster or block" : `${f.num(p.share)}% of ${f.num(p.base)} ${ofQuota(p.of, p.base)} is ${f.num(p.exact)}, ${rounding[p.rounding]}`}); ${f.num(p.candidates)} eligible, ${f.num(p.granted)} proposed${p.binding ? " — the quota limited the proposals" : ""}`,
    "report.overrides": () => "Committee decisions that change the proposal",
    "report.runQuotas": () => "Quotas shared by all clusters and blocks of the run",
    "report.overrideLine": (p, f) => `${p.unitId}: ${p.award} — reason: ${p.reason} (${p.decidedBy}, ${f.date(p.date)})${p.matched ? "" : " — no matching profile"}`,
    "report.rowAt": (p) => `Row ${String(p.row)} of the input`,
    "report.units": () => "Explanation per profile",
    "report.rejected": () => "Rejected rows (not scored)",
    "report.rejectedCount": (p, f) => `${f.num(p.count)} ${p.count === 1 ? "row" : "rows"} rejected because of invalid data`,
    "report.asProposed": () => "As proposed",
    "report.noAward": () => "No commendation",
    "report.unclassified": () => "Not classified",
    "report.missingEvidence": (p, f) => `${f.num(p.count)} kind(s) of evidence missing`,
    "col.rank": () => "Rank",
    "col.unit": (p) => (p.group === "individual" ? "Person" : "Unit"),
    "col.score": () => "Points",
    "col.percent": () => "Percent",
    "col.class": () => "Classification",
    "col.award": () => "Proposed commendation",
    "col.final": () => "Final decision",
    "col.cohort": () => "Cluster or block",
    "col.unitId": () => "Id",
    "col.name": () => "Name",
    "col.overrideReason": () => "Reason for the change",
    "col.reasons": () => "Main reasons",
    "col.missing": () => "Kinds of evidence missing",
    "col.row": () => "Row",
    "col.path": () => "Column",
    "col.issue": () => "Problem",
    "class.rejected": () => "rejected",
    "issue.profiles": (p) =>
      ({
        schema: `${p.field ? `Column “${p.field}”: ` : ""}${p.found === "undefined" || !p.found ? "missing" : `${p.found} is not accepted`}${p.expected ? ` — expected ${p.expected}` : ""}`,
        unknown_fact: `Fact ${p.fact} is not in the rule set's fact catalog`,
        fact_type: `Column “${p.field}”: ${p.found} — expected ${p.expected}`,
        fact_range: `Column “${p.field}”: ${p.found} out of range — expected ${p.expected}`,
        fact_enum: `Column “${p.field}”: ${p.found} — expected one of: ${p.expected}`,
        fact_date: `Column “${p.field}”: ${p.found} is no date — expected dd/mm/yyyy`,
        fact_not_in_group: `Fact ${p.fact} does not apply to the group ${p.group}`,
        unknown_group: `Unknown group: found ${p.found}`,
        duplicate_id: `Id ${p.id} appears more than once in the same cluster, block and year; every copy is rejected`,
        forbidden_key: `Key not allowed: ${p.found}`,
        unknown_award: `Title or commendation not in the rule set: ${p.found}`,
      })[p.code],
    "issue.other": (p) => `${p.message} (${p.code})`,
    "issue.lawUnconfirmed": (p) =>
      `${p.path}: the value claims “fixed by law” but ${p.source ? `the provision cited (${[p.source, p.section].filter(Boolean).join(", ")}) ${
        ({ unconfirmed: "was not checked against the original", unlisted: "is not among the rule set's checked provisions", noSection: "names no article", repealed: "belongs to a text no longer in force", sourceUnconfirmed: "belongs to a text not checked against the original" } as Record<string, string>)[p.standing] ?? "is not confirmed"
      }` : "no text is cited"}; cite a checked provision, or mark the value “policy default” with its reason`,
    "issue.unmatchedOverride": (p) => `The override for unit ${p.unitId} matches no scored unit and was not applied`,
    "issue.cell": (p) =>
      p.other === "unknownAward"
        ? `Column “${p.column}”: no award “${p.award}” in the rule set — write its exact title or id`
        : p.other === "ambiguousAward"
          ? `Column “${p.column}”: several awards are titled “${p.award}” — write the id`
          : `Column “${p.column}”: cannot read “${p.found}” — expected ${p.expected}`,
    "issue.input": (p) =>
      ({
        emptyFile: `${p.file}: the file is empty — expected a header row`,
        utf16: `${p.file}: the file is UTF-16 text — save it as “CSV UTF-8 (comma delimited)”`,
        notUtf8Header: `${p.file}, column “${p.column}”: the file is not UTF-8 text — save it as “CSV UTF-8”`,
        duplicateColumn: `${p.file}, column “${p.column}”: duplicate column (“${p.other}” already holds it); this column is ignored`,
        missingColumn: `${p.file}: the header has no column ${p.other}`,
        csvSyntax: `${p.file}, row ${p.row} (line ${p.line}): cannot read the CSV — ${p.reason}; the rest of the file is not read`,
        invalidJson: `${p.file}, line ${p.line}, column ${p.column}: invalid JSON — ${p.reason}`,
        rowWidth: `${p.file}, row ${p.row}: the row has ${p.found} cells but the header has ${p.expected} (${p.reason})`,
        badWorkbook: `${p.file}: cannot read the workbook — ${p.reason}`,
        damagedWorkbook: `${p.file}: the workbook is damaged after row ${p.other} (${p.reason}); the rest is not read`,
        tooManyColumns: `${p.file}: the header has ${p.found} columns, more than the limit of ${p.expected}; the file is not read`,
        moreHeaderProblems: `${p.file}: ${p.other} more header columns have such problems (not listed)`,
        jsonTooLarge: `${p.file}: the JSON file is ${p.found} MiB, more than the limit of ${p.expected} MiB, and is not read — save the data as NDJSON (one profile per line, extension .ndjson), which is read line by line`,
      })[p.problem],
    "issue.overrides": (p) => {
      const n = `Override ${p.index + 1}`;
      const field = own(overrideField, p.field) ?? `“${p.field}”`;
      return ({
        schema:
          p.problem === "notArray"
            ? "The overrides file must be a list (a JSON array) of overrides"
            : p.problem === "notObject"
              ? `${n}: malformed (expected an object with the unit id, the award, the reason, who decided and the date)`
              : p.problem === "unknown"
                ? `${n}: ${field} is not a field of an override`
                : `${n}: ${field} is missing`,
        date: `${n}: the decision date ${p.found} is not a calendar date — write dd/mm/yyyy or yyyy-mm-dd`,
        unknown_award: `${n}: ${p.found} is not an award of the rule set (give an award id, or null for no award)`,
        duplicate: `Overrides ${p.other + 1} and ${p.index + 1} both decide ${p.unitId}${p.cohort ? ` (cluster ${p.cohort})` : ""}; a unit has one decision`,
        unmatched: `${n}: ${p.unitId}${p.cohort ? ` (cluster ${p.cohort})` : ""} is not among the scored units${p.rejected ? " (its row was rejected as invalid)" : ""}`,
        award_mismatch: `${n}: ${p.award} cannot be given to ${p.unitId} — it does not apply to “${own(group, p.group) ?? p.group}”`,
      })[p.code];
    },
    "issue.record": (p) =>
      ({
        invalid_json: p.problem === "too_large" ? "The decision record is too large to be read whole (at most 500 MiB)" : p.problem === "utf8" ? "The decision record is not UTF-8 text" : `The decision record is not valid JSON: line ${p.line}, column ${p.column}${p.problem === "truncated" ? " (truncated file?)" : p.problem === "depth" ? " (nested too deep)" : p.problem === "duplicate" ? " (a key appears twice in one object)" : ""}`,
        schema:
          p.problem === "format"
            ? "This file is not a thidua decision record"
            : p.problem === "missing"
              ? `The decision record has no field “${p.field}”`
              : p.problem === "unknown"
                ? `The decision record has an unknown field “${p.field}”`
                : `The decision record's field “${p.field}” has a wrong type or value`,
        unsupported_version: `The decision record has format version ${p.found}; this engine reads versions 1 and 2`,
      })[p.code],
    "issue.rules": (p, f) =>
      ({
        invalid_utf8: `${p.file} is not valid UTF-8 text (from byte ${f.num(p.offset)}); the file is refused`,
        duplicate_key: `${p.file}, line ${f.num(p.line)}: key “${p.key}” appears twice in one object; the file is refused`,
        not_regular_file: `${p.file} is not a regular file inside the rule-set folder (a symbolic link, a folder or a device); the file is refused`,
        limit: `The rule set exceeds a limit: ${f.num(p.count)} ${own(limitWhat, p.what) ?? p.what}, at most ${f.num(p.limit)}`,
        depth_limit: `${p.file ? `${p.file}: ` : ""}nested deeper than ${f.num(p.limit)} levels at ${p.path}`,
        extends_cycle: `Extends cycle between rule sets: ${p.found}`,
        parent_mismatch: `The parent rule set is not the one declared in extends: declared ${p.expected}, found ${p.found}`,
        invalid_json: `${p.file} is not valid JSON: line ${f.num(p.line)}, column ${f.num(p.column)}`,
        too_large: `${p.file} is larger than ${f.num(p.limit)} bytes; the file is refused`,
      })[p.code],
  },
  rulebook: {
    title: (n) => `Rule book: ${n}`,
    version: (v, d) => `Version ${v} — SHA-256 digest of the rule set: \`${d}\``,
    effective: (from, to) => (to ? `In force from ${from} to ${to}` : `In force from ${from}`),
    extends: (id, v) => `Extends rule set ${id} (version ${v})`,
    sources: "Legal sources",
    facts: "Fact catalog",
    criteria: "Emulation criteria",
    group,
    contents: (l) => `Emulation contents: ${l}`,
    citation: "Citation",
    evidence: "Evidence",
    maxPoints: (p) => `Maximum points: ${p}`,
    groupCap: (ids, p) => `${ids} together count at most ${p} points`,
    classes: "Classification",
    classLine: (t, m) => `${t}: from ${m}% of the nominal maximum`,
    requires: (c, p) => `criterion ${c} scores at least ${p} points`,
    awards: "Titles and forms of commendation",
    grantor: "Granted by",
    eligibility: "Conditions",
    minClass: (t) => `Classified ${t} or better`,
    minPercent: (p) => `At least ${p}% of the nominal maximum`,
    noKnockout: "No knock-out criterion met",
    history: "Record of previous years",
    consecutive: (n, a, cur) => `${n} consecutive times ${a}${cur ? " (this year included)" : ""}`,
    prior: (a, w) => (w ? `Received ${a} within the last ${w} years` : `Previously received ${a}`),
    never: (a) => `Never received ${a} before (awarded once)`,
    freshInitiatives: (n) => `At least ${n} initiatives not used as the basis of an earlier award (an initiative counts once)`,
    quota: (s, of, r) => `Quota: at most ${s} of ${of} (rounding: ${r})`,
    quotaOff: "not applied by this rule set: the law in force sets no ratio; a local rule set may apply it with its reason",
    deferrals: "Deferrals",
    deferral: (why) => `Every award is deferred while ${why}`,
    cohort: "the units of the cluster or block",
    bonusCoefficient: (c) => `Bonus: ${c} × base salary`,
    requiresThisYear: (a) => `Must also qualify this year for: ${a}`,
    overrides: "Overrides of the parent rule set",
    overrideLine: (t, f, to) => `${t}: ${f} → ${to}`,
    origin: (id) => `From rule set ${id}`,
    unit: "Unit",
    type: "Type",
    code: "Id",
    fact: "Fact",
    factType: { boolean: "yes/no", integer: "integer", number: "number", ratio: "ratio", date: "date", enum: "one of", set: "one or more of", object: "record" },
    rounding: { floor: "down", ceil: "up", "half-up": "to the nearest integer" },
    sourceStatus: { "in-force": "in force", amended: "amended", repealed: "repealed", unconfirmed: "text not checked against the original" },
    provisionStatus: {
      confirmed: "checked against a stored text",
      secondary: "checked only through a secondary source (a copy on the web)",
      unconfirmed: "not checked against the original",
    },
    provisions: "Provisions used",
    via: (w) => `checked through: ${w}`,
    standing: {
      secondary: "checked through a secondary source",
      unconfirmed: "article number and wording not checked against the original",
      unlisted: "not checked against the original",
      noSection: "provision not identified",
      repealed: "text no longer in force",
      sourceUnconfirmed: "text not checked against the original",
    },
    note: (t) => `Note: ${t}`,
    overrideTarget: {
      threshold: (c, cond) => `Criterion \`${c}\`, condition «${cond}»`,
      class: (t) => `Class «${t}», minimum share of points`,
      quota: (a) => `${a}, maximum share`,
      quotaEnabled: (a) => `${a}, whether the quota applies`,
      perUnit: (c, f) => `Criterion \`${c}\`, ${f === "cap" ? "maximum points" : "points per unit"}`,
    },
  },
} satisfies Catalog;
