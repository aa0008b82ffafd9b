import type { SpecialFileKind } from "../../explain/index.js";
import type { CliCatalog } from "./types.js";

/** What stands at a path that is not a regular file. */
const specialFile: Readonly<Record<SpecialFileKind, string>> = {
  directory: "a directory",
  fifo: "a named pipe (FIFO)",
  device: "a device",
  socket: "a socket",
  symlink: "a symbolic link",
  other: "not a regular file",
};

export const enCli = {
  "cli.note": (p) => `${p.severity === "error" ? "error" : "warning"}: ${p.text}`,
  "cli.inputType": (p) => `${p.file}: unsupported input file type “${p.ext || "(none)"}” — use ${p.list}`,
  "cli.inputNotRegular": (p) => `${p.file}: not a regular file (${specialFile[p.fileKind]}); it is not read`,
  "cli.inputCannotOpen": (p) => `${p.file}: cannot open the file (${p.reason})`,
  "cli.outNotRegular": (p) => `--out ${p.file}: this path is ${specialFile[p.fileKind]}; a report is written only to a regular file — choose another path`,
  "cli.outWriteFailed": (p) => `cannot write the report to ${p.file} (${p.reason}); the target was left as it was`,
  "cli.tempWriteFailed": (p) => `cannot write the run's temporary files in ${p.dir} (${p.reason}); they were removed — free some disk space or point TMPDIR at another directory`,
  "cli.unknownColumn": (p) =>
    `${p.file}: column “${p.column}” names no fact of the rule set${p.near ? `; closest facts: ${p.near}` : ""}. ${
      p.ignored ? "It is ignored as asked, and the report says so" : "Rename the column as in the input template (thidua template); if it is not meant to be scored, run again with --ignore-unknown-columns"
    }`,
  "cli.unknownColumns": (p, f) =>
    `${p.file}: ${f.num(p.count)} columns name no fact of the rule set (${p.list}, …). ${
      p.ignored ? "They are ignored as asked, and the report says so" : "Use the input template (thidua template), or run again with --ignore-unknown-columns"
    }`,
  "cli.headerRefused": (p) => `No report written: the header of ${p.file} has errors (see above); every column must be read for the result to be complete`,
  "usage.unknownOption": (p) => `unknown option ${p.what}`,
  "usage.unknownCommand": (p) => `unknown command ${p.what}`,
  "usage.missingArgument": (p) => `missing ${p.what === "input" ? "the input file" : p.what === "record" ? "the decision record file" : p.what}`,
  "usage.optionArgument": (p) => `option ${p.what} needs a value`,
  "usage.requiredOption": (p) => `required option ${p.what} not given`,
  "usage.excessArguments": (p) => `command ${p.command} takes fewer files; quote a file name that has spaces`,
  "usage.other": (p) => `invalid command line (${p.text})`,
  "usage.badValue": (p) => `${p.option} “${p.value}” is not accepted — expected ${p.allowed}`,
  "usage.needs": (p) => `${p.option} needs ${p.needs}`,
  "usage.unitNotFound": (p) => `no unit ${p.unitId} in ${p.file}`,
  "usage.cannotRead": (p) => `${p.file}: cannot read the file (${p.reason})`,
  "usage.notJson": (p) => `${p.file}: not valid JSON`,
  "usage.rulesNotLoaded": (p) => `cannot load rule set ${p.rules}`,
  "usage.help": () => "Usage: thidua --help, or thidua <command> --help",
  "progress.stage": (p) => ({ read: "Reading", score: "Scoring", write: "Writing the report" })[p.stage],
  "progress.rows": () => "rows",
  "cli.summary": (p, f) =>
    `${f.num(p.scored)} units scored, ${f.num(p.rejected)} rows rejected; ${f.num(p.proposals)} awards proposed by the rule set${p.overrides ? `, ${f.num(p.overrides)} committee decisions` : ""}; report written to ${p.file}`,
  "cli.version": (p) => `thidua ${p.version}`,
  "cli.versionRuleSet": (p) => `rule set ${p.id} version ${p.version}: ${p.title}`,
  "rules.verifyOk": (p) => `OK: ${p.count} files match their manifests${p.lineage ? ` (${p.lineage})` : ""}`,
  "rules.hashMismatch": (p) => `error: ${p.file} was modified: sha256 ${p.actual} does not match the manifest's ${p.expected}`,
  "rules.fileMissing": (p) => `error: ${p.file}, listed in the manifest, is missing`,
  "rules.altered": (p) => `ALTERED: ${p.file}`,
  "rules.checkSummary": (p) => `${p.errors} error(s), ${p.warnings} warning(s)`,
  "replay.allowModified": () => "WARNING: replaying over rule files that do not match their manifest (--allow-modified-rules); this replay proves nothing",
  "replay.rulesAltered": (p) => `REFUSED: files of rule set ${p.id} do not match its manifest: ${p.files}. Restore the recorded files (to try anyway: --allow-modified-rules)`,
  "replay.rulesMatch": (p) => `rule set ${p.id}@${p.version} sha256:${p.sha256} — matches the record`,
  "replay.rulesDiffer": (p) =>
    `REFUSED: rule set ${p.id}@${p.version} on disk has sha256 ${p.sha256}, but the record was made with ${p.recordedId}@${p.recordedVersion} sha256 ${p.recordedSha256}. Restore the recorded rule files to replay this decision.`,
  "replay.rulesNotBundled": (p) => `The record was made with rule set ${p.id}, which is not bundled; give its folder with --rules`,
  "replay.v1": () => "NOTE: a format-1 record has no seal: an edit of the committee's overrides, the as-of date or the options cannot be detected; only the computed results are checked",
  "replay.sealIntact": (p) => `record seal sha256:${p.sha256} — intact`,
  "replay.sealBroken": () => "REFUSED: the record was edited after it was written — its body does not match its seal",
  "replay.partEdited": (p) =>
    p.sealed === "" ? `part “${p.part}” was added after sealing` : p.actual === "" ? `part “${p.part}” was removed` : `part “${p.part}” was edited (sealed ${p.sealed}, now ${p.actual})`,
  "replay.sealListEdited": () => "the seal itself was edited (its list of digests does not match its digest)",
  "replay.unitField": (p) => `${p.unitId}${p.cohort ? ` (${p.cohort})` : ""}, ${p.field}: recorded ${p.recorded}, re-derived ${p.derived}`,
  "replay.unitMissing": (p) => `${p.unitId}${p.cohort ? ` (${p.cohort})` : ""}: in the record, not re-derived`,
  "replay.unitExtra": (p) => `${p.unitId}${p.cohort ? ` (${p.cohort})` : ""}: re-derived, not in the record`,
  "replay.order": () => "the results are not in the order they are re-derived in",
  "replay.partField": (p) => `${p.part}, ${p.field}: recorded ${p.recorded}, re-derived ${p.derived}`,
  "replay.inputMatch": (p) => `input sha256:${p.sha256} — matches`,
  "replay.inputDiffers": (p) => `input differs: recorded ${p.recorded}, given ${p.given}`,
  "replay.outcomeIdentical": (p) => `outcome sha256:${p.sha256} — IDENTICAL`,
  "replay.outcomeDiffers": (p) => `outcome sha256:${p.sha256} — DIFFERS from the recorded ${p.recorded}`,
  "replay.recordIdentical": (p, f) => `${f.num(p.count)} results with their final decisions, rejected rows and quotas re-derived — IDENTICAL`,
  "replay.recordDiffers": (p, f) => `re-derived: ${f.num(p.count)} unit(s) or part(s) differ from the record`,
  "replay.more": (p, f) => `… and ${f.num(p.count)} more unit(s) or part(s)`,
  "replay.engineDiffers": (p) => `NOTE: the record was made with engine version ${p.recorded}; replaying with ${p.current}`,
  "replay.overridesMatch": (p) => `overrides in ${p.file} — match the record`,
  "replay.overridesDiffer": (p) => `overrides in ${p.file} — DIFFER from the record's`,
  "cli.assessmentsJson": (p) => `--assessments: ${p.file} is a JSON input, whose profiles carry their assessments themselves (field assessments); --assessments is for CSV and XLSX inputs`,
  "replay.assessmentsNeeded": (p) => `the record was made with an assessments file (sha256:${p.sha256}): give it with --assessments`,
  "replay.assessmentsMatch": (p) => `assessments ${p.file} sha256:${p.sha256.slice(0, 8)}… — matches the record`,
  "replay.assessmentsDiffer": (p) => `assessments ${p.file} sha256:${p.sha256.slice(0, 8)}… — DIFFERS from the recorded ${p.recorded.slice(0, 8)}…`,
  "cli.assessmentsRefused": (p) => `No report written: the assessments sheet ${p.file} has errors (see above); every assessment row must be read and belong to a unit of the data for the result to be complete`,
} satisfies CliCatalog;
