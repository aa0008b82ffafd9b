import { en } from "../../explain/index.js";
import { zipChoices } from "./choices.js";
import type { ReportCatalog } from "./types.js";

/** The names of the five subject groups (the library catalog's). */
const group = en.group;
/** An own property of a table, or undefined (a key from user data never reaches the prototype). */
const own = (table: Readonly<Record<string, string>>, key: string): string | undefined => (Object.hasOwn(table, key) ? table[key] : undefined);
/** Fields of a committee override, as a committee names them. */
const overrideField: Readonly<Record<string, string>> = { unitId: "the unit id", award: "the award", alongside: "the further awards", reason: "the reason", decidedBy: "who decided", date: "the decision date", cohort: "the cluster" };
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
const rounding = { floor: "rounded down", ceil: "rounded up", "half-up": "rounded" } as const;
const ofQuota = (of: string, n: number) => `${n === 1 ? "profile" : "profiles"} ${of ? `holding “${of}”` : "in the cluster or block"}`;
const profiles = (n: number, f: string) => `${f} ${n === 1 ? "profile" : "profiles"}`;
/** The name of a subject group: the name the rule set gives it, else the catalog's name of one of the five of Decision 2447. */
const groupOf = (p: { group: string; groupName?: string | undefined }): string => p.groupName ?? (group as Readonly<Record<string, string>>)[p.group] ?? p.group;

/** "unit(s)" for collectives, "person(s)" for persons. */
const who = (g: string, n: number) => (g === "individual" ? (n === 1 ? "person" : "persons") : n === 1 ? "unit" : "units");
const field = {
  ruleset: "Rule set (id, version)",
  rulesetSha256: "SHA-256 of the rule set",
  verified: "Rule set matches its manifest",
  asOf: "Rules applied as of",
  inputSha256: "SHA-256 of the input",
  inputCount: "Input rows",
  engine: "Engine, version",
  outcomeSha256: "SHA-256 of the outcome",
  options: "Run options",
} as const;

/** The reports' wording in English: a translation of `viReport`. */

/** A row of the assessments sheet that cannot be read (`what`: see src/cli/input/assessments.ts). */
function assessmentEn(what: string, found: string, expected: string): string {
  const type = ({ boolean: "yes/no", integer: "a whole number", number: "a number", ratio: "a ratio such as 70% or 0.7", date: "a date dd/mm/yyyy", enum: "one of the fact's values", set: "values separated by |" } as Record<string, string>)[expected] ?? expected;
  return (
    ({
      unit: "no id of the unit (or person) assessed",
      role: `role “${found}” cannot be read — write one of: ${expected}`,
      by: "no assessor (person or unit)",
      date: `date “${found}” cannot be read — write dd/mm/yyyy`,
      selfChange: `a self-assessment row gives only who assessed and when (this cell must be empty, found “${found}”); the unit's own figures are its row of the data sheet`,
      factMissing: "no fact changed",
      fact: `“${found}” is not a fact of the rule set — write the fact's id or label`,
      objectFact: `fact “${found}” has several fields and cannot be changed in a sheet — change it in a JSON profile`,
      derivedFact: `fact “${found}” is computed by its formula — change the facts it is computed from`,
      valueMissing: "no new value",
      value: `cannot read the value “${found}” — expected ${type}`,
      reason: `the change of “${found}” gives no reason — write why the value was changed`,
      noSelf: `unit “${found}” has reviews but no “Tự đánh giá” row saying who made its self-assessment and when`,
      twoSelf: `unit “${found}” has two “Tự đánh giá” rows — keep one`,
      notInGroup: `fact “${found}” is not a fact of the unit's group`,
      beforeSelf: `${found} is before the unit's self-assessment`,
      twice: `fact “${found}” is changed twice in one review (same assessor, same date)`,
      unknownUnit: `id “${found}” is not in the data sheet — write the id as the data sheet does`,
      unknownColumn: `“${found}” is not a column of the assessments sheet (columns: ${expected}, and “Ghi chú” for notes)`,
    } as Record<string, string>)[what] ?? what
  );
}

export const enReport = {
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
  "report.quota": (p, f) =>
    `Quota for ${p.award}: at most ${f.num(p.allowed)} (${p.share === 0 ? "for the leading unit of the cluster or block" : `${f.num(p.share)}% of ${f.num(p.base)} ${ofQuota(p.of, p.base)} is ${f.num(p.exact)}, ${rounding[p.rounding]}`}); ${f.num(p.candidates)} eligible, ${f.num(p.granted)} proposed${p.binding ? " — the quota limited the proposals" : ""}`,
  "report.overrides": () => "Committee decisions that change the proposal",
  "report.runQuotas": () => "Quotas shared by all clusters and blocks of the run",
  "report.overrideLine": (p, f) => `${p.unitId}: ${p.award} — reason: ${p.reason} (${p.decidedBy}, ${f.date(p.date)})${p.matched ? "" : " — no matching profile"}`,
  "report.units": () => "Explanation per profile",
  "report.unclassified": () => "Not classified",
  "col.rank": () => "Rank",
  "col.selfScore": () => "Self-assessed score",
  "col.changes": () => "Changes on review",
  "sheet.assessments": () => "Reviews",
  "col.role": () => "Role",
  "col.assessor": () => "Assessor",
  "col.date": () => "Date",
  "col.fact": () => "Fact",
  "col.oldValue": () => "Value before",
  "col.newValue": () => "New value",
  "col.changeReason": () => "Reason",
  "col.official": () => "Official value",
  "assessment.role": (p) => (p.role === "council" ? "Council" : "Review"),
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
  "col.row": () => "Row",
  "col.issue": () => "Problem",
  "class.rejected": () => "rejected",
  "issue.profiles": (p) =>
    ({
      schema: `${p.field ? `Column “${p.field}”: ` : ""}${p.found === "undefined" || !p.found ? "missing" : `${p.found} is not accepted`}${p.expected ? ` — expected ${p.expected}` : ""}`,
      unknown_fact: `Fact ${p.fact} is not in the rule set's fact catalog`,
      fact_type: `Column “${p.field}”: ${p.found} — expected ${p.expected}`,
      fact_range: `Column “${p.field}”: ${p.found} out of range — expected ${p.expected}`,
      fact_enum: `Column “${p.field}”: ${p.found} is not a valid value — write ${p.choices ? "the code of one of the levels " : "one of: "}${
        p.choices ? zipChoices(p.expected ?? "", p.choices).map(([id, label]) => (label === id ? id : `“${label}” (code ${id})`)).join(", ") : p.expected
      }`,
      fact_date: `Column “${p.field}”: ${p.found} is no date — expected dd/mm/yyyy`,
      fact_not_in_group: `Fact ${p.fact} does not apply to the group ${p.group}`,
      unknown_group: `Unknown group: found ${p.found}`,
      duplicate_id: `Id ${p.id} appears more than once in the same cluster, block and year; every copy is rejected`,
      forbidden_key: `Key not allowed: ${p.found}`,
      unknown_award: `Title or commendation not in the rule set: ${p.found}`,
      derived: p.found
        ? `Derived fact ${p.fact} cannot be computed or is out of range (${p.found}): check the facts it is computed from`
        : `Fact ${p.fact} is computed by its formula from other facts: leave it out`,
      assessment:
        ({
          noReason: `The change of «${p.fact}» gives no reason: write why the value was changed`,
          firstSelf: "The first assessment is the unit's own self-assessment, with its facts",
          oneSelf: "Only the first assessment is the self-assessment; later ones are a reviewer's or the council's",
          selfFacts: "The self-assessment gives facts, not changes",
          reviewChanges: "A review gives changes (fact, new value, reason), not the whole set of facts",
          order: `Assessments are listed in the order they were made: ${p.found} is before the previous one`,
          unknownFact: `Fact ${p.fact} is not in the group's fact catalog`,
          derivedFact: `Fact ${p.fact} is computed by its formula: change the facts it is computed from`,
          twice: `Fact ${p.fact} is changed twice in one review`,
        } as Record<string, string>)[p.kind ?? ""] ?? "Invalid assessments",
    })[p.code],
  "issue.other": (p) => `${p.message} (${p.code})`,
  "issue.unknownColumn": (p) => `Column “${p.column}” is not a fact of the rule set and is ignored${p.suggestion ? ` (did you mean “${p.suggestion}”?)` : ""}`,
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
        : `Column “${p.column}”: cannot read “${p.found}” — expected ${p.choices ? `${p.kind === "set" ? "values separated by |, each " : ""}one of “${String(p.choices).split(" | ").join("”, “")}”${p.kind === "group" ? "" : " (or the Vietnamese label)"}` : p.expected}`,
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
      assessment: `${p.file}, row ${p.row}, column “${p.column}”: ${assessmentEn(p.other, p.found, p.expected)}`,
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
              : p.problem === "invalid"
                ? `${n}: ${field} must be a list, written together with the main award`
                : `${n}: ${field} is missing`,
      date: `${n}: the decision date ${p.found} is not a calendar date — write dd/mm/yyyy or yyyy-mm-dd`,
      unknown_award: `${n}: ${p.found} is not an award of the rule set (give an award id, or null for no award)`,
      duplicate: `Overrides ${p.other + 1} and ${p.index + 1} both decide ${p.unitId}${p.cohort ? ` (cluster ${p.cohort})` : ""}; a unit has one decision`,
      unmatched: `${n}: ${p.unitId}${p.cohort ? ` (cluster ${p.cohort})` : ""} is not among the scored units${p.rejected ? " (its row was rejected as invalid)" : ""}`,
      award_mismatch: `${n}: ${p.award} cannot be given to ${p.unitId} — it does not apply to “${own(group, p.group) ?? p.group}”`,
      repeated_award: `${n}: “${p.award}” is written twice; write each award once`,
      exclusive: `${n}: ${p.unitId} is decided both “${p.otherAward ?? ""}” and “${p.award}”, which the rule set does not grant together in one year; the decision is recorded as the council made it`,
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
  "cohort.title": (p) => `${p.cohort || "Cluster or block not given"} — ${groupOf(p)} — ${p.year}`,
  "cohort.counts": (p, f) => `${f.num(p.scored)} ${who(p.group, p.scored)} scored, ${f.num(p.rejected)} ${who(p.group, p.rejected)} rejected`,
  "cohort.quotaBase": (p, f) => `Quotas are computed over the scored ${who(p.group, 2)}, without the ${f.num(p.rejected)} rejected`,
  "cohort.rejectedTitle": () => "Rejected, not scored (invalid data)",
  "rejected.unplaced": () => "Rejected rows whose cluster or block cannot be read",
  "rejected.who": (p) => `Row ${String(p.row)}${p.unitId ? ` — ${p.unitId}` : ""}${p.name ? ` — ${p.name}` : ""}`,
  "col.missingEvidence": () => "Evidence to supply",
  "col.group": () => "Group",
  "col.year": () => "Year",
  "col.scored": () => "Scored",
  "col.rejected": () => "Rejected",
  "col.proposed": () => "Proposed for an award",
  "col.document": () => "Evidence to supply",
  "col.received": () => "Received",
  "col.cohortName": () => "Full name of the cluster or block",
  "sheet.summary": () => "Summary",
  "sheet.evidence": () => "Evidence to supply",
  "sheet.proposals": () => "Proposals",
  "sheet.rejected": () => "Rejected rows",
  "sheet.record": () => "Record identity",
  "record.item": () => "Item",
  "record.value": () => "Value",
  "record.field": (p) => field[p.field],
  "record.yes": () => "Yes",
  "record.no": () => "No",
  "html.chart": (p) => `Scores — ${p.cohort}`,
  "html.threshold": (p, f) => `${p.cls}: from ${f.num(p.percent)}%`,
  "html.explanation": () => "Explanation",
  "html.contents": () => "Clusters and blocks",
  "docx.motto": () => "SOCIALIST REPUBLIC OF VIET NAM",
  "docx.motto2": () => "Independence - Freedom - Happiness",
  "docx.body": () => "NAME OF THE SUPERVISING AGENCY",
  "docx.council": () => "EMULATION AND COMMENDATION COUNCIL",
  "docx.number": () => "No.: …/DS-HĐTĐKT",
  "docx.placeDate": () => "…, date … month … year …",
  "docx.title": () => "LIST OF PROPOSALS FOR COMMENDATION",
  "docx.subtitle": (p) => `Form: ${p.award} — ${p.year}`,
  "docx.stt": () => "No.",
  "docx.unit": () => "Unit or person",
  "docx.summary": () => "Achievements in brief",
  "docx.score": () => "Score",
  "docx.award": () => "Proposed form",
  "docx.basis": () => "Legal basis",
  "docx.achievement": (p, f) => `Ranked ${f.num(p.rank)}/${f.num(p.size)} in ${p.cohort}; ${f.num(p.score)} points, class ${p.cls}${p.self === undefined ? "" : ` (self-assessed: ${f.num(p.self)} points)`}`,
  "docx.total": (p, f) => `(${f.num(p.count)} ${p.count === 1 ? "entry" : "entries"} in this list)`,
  "docx.signer": () => "ON BEHALF OF THE COUNCIL",
  "docx.signerTitle": () => "CHAIR",
  "docx.signerName": () => "(Signature, full name, seal)",
  "docx.recipients": () => "Recipients:",
  "docx.recipientsList": () => "- As above;\n- Archived.",
  "report.assessments": (p) => `Assessments file: SHA-256 ${p.sha256}`,
} satisfies ReportCatalog;
