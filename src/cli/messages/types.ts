/**
 * The command line's own messages (usage, files, `thidua replay`), per language, apart from the
 * library's catalog so that a program importing the library does not carry them. `vi.ts` is the
 * reference, `en.ts` the translation; each ends in `satisfies CliCatalog`, so a missing key or a
 * wrong parameter fails to compile. Formatting helpers (numbers, dates) are the library's.
 */
import type { Formatter, SpecialFileKind } from "../../explain/index.js";

export interface CliMessageParams {
  /** A note of the command line on stderr: a header problem (error) or remark (warning) — not a rejected row. */
  "cli.note": { severity: "error" | "warning"; text: string };
  /** An input file of a type the command line does not read (`ext` is empty when the name has none). */
  "cli.inputType": { file: string; ext: string; list: string };
  /** An input that is not a regular file (refused before anything is read from it). */
  "cli.inputNotRegular": { file: string; fileKind: SpecialFileKind };
  /** An input that cannot be opened (`reason`: the system's error code). */
  "cli.inputCannotOpen": { file: string; reason: string };
  /** `--out` names something other than a regular file. */
  "cli.outNotRegular": { file: string; fileKind: SpecialFileKind };
  /** The report could not be written (disk full…); the target was left as it was. */
  "cli.outWriteFailed": { file: string; reason: string };
  /** The run's temporary files could not be written (disk full…); they were removed. */
  "cli.tempWriteFailed": { dir: string; reason: string };
  /** A header column that names no fact nor profile column: an error, or (`ignored`) a column left out at the user's request. `near`: the closest facts' columns with their labels. */
  "cli.unknownColumn": { file: string; column: string; near: string; ignored: boolean };
  /** More unknown columns than are listed one by one. */
  "cli.unknownColumns": { file: string; count: number; list: string; ignored: boolean };
  /** The header has an error (an unknown, duplicate or missing column): no report is written. */
  "cli.headerRefused": { file: string };
  /** A command line commander cannot parse: `what` names the option, argument or command as typed. */
  "usage.unknownOption": { what: string };
  "usage.unknownCommand": { what: string };
  "usage.missingArgument": { what: string };
  "usage.optionArgument": { what: string };
  "usage.requiredOption": { what: string };
  "usage.excessArguments": { command: string };
  "usage.other": { text: string };
  /** An option's value that is not one of those accepted (`allowed`: the accepted values or their form). */
  "usage.badValue": { option: string; value: string; allowed: string };
  /** An option that needs another one. */
  "usage.needs": { option: string; needs: string };
  /** A unit asked for by `explain` that is in no row of the input. */
  "usage.unitNotFound": { unitId: string; file: string };
  /** A file that cannot be read (overrides, record): the system's reason. */
  "usage.cannotRead": { file: string; reason: string };
  /** A file that is not valid JSON. */
  "usage.notJson": { file: string };
  /** The rule set could not be loaded (its issues are listed above). */
  "usage.rulesNotLoaded": { rules: string };
  /** How to see the usage of a command. */
  "usage.help": Record<never, never>;
  /** The name of a progress bar's stage. */
  "progress.stage": { stage: "read" | "score" | "write" };
  /** What a progress bar counts. */
  "progress.rows": Record<never, never>;
  /** After `--out`: one line on stderr saying what was written. */
  "cli.summary": { scored: number; rejected: number; proposals: number; overrides: number; file: string };
  /** `thidua --version`: the engine's version, then one line per bundled rule set. */
  "cli.version": { version: string };
  "cli.versionRuleSet": { id: string; version: string; title: string };
  /** \`rules verify\`: every file matches its manifest (\`lineage\`: "vn-2447-2025@1.1.1 → khanh-hoa-2025@1.1.1" for a local set, else empty). */
  "rules.verifyOk": { count: number; lineage: string };
  /** \`rules verify\`: a file whose SHA-256 is not the manifest's. */
  "rules.hashMismatch": { file: string; actual: string; expected: string };
  /** \`rules verify\`: a file the manifest lists that is not there. */
  "rules.fileMissing": { file: string };
  /** \`rules verify\`: the last line naming an altered (or missing) file. */
  "rules.altered": { file: string };
  /** \`rules check\`: how many errors and warnings. */
  "rules.checkSummary": { errors: number; warnings: number };
  /** `thidua replay`: one line of its verdict. */
  "replay.allowModified": Record<never, never>;
  "replay.rulesAltered": { id: string; files: string };
  "replay.rulesMatch": { id: string; version: string; sha256: string };
  "replay.rulesDiffer": { id: string; version: string; sha256: string; recordedId: string; recordedVersion: string; recordedSha256: string };
  "replay.rulesNotBundled": { id: string };
  "replay.v1": Record<never, never>;
  "replay.sealIntact": { sha256: string };
  "replay.sealBroken": Record<never, never>;
  "replay.partEdited": { part: string; sealed: string; actual: string };
  "replay.sealListEdited": Record<never, never>;
  "replay.unitField": { unitId: string; cohort: string; field: string; recorded: string; derived: string };
  "replay.unitMissing": { unitId: string; cohort: string };
  "replay.unitExtra": { unitId: string; cohort: string };
  "replay.order": Record<never, never>;
  "replay.partField": { part: string; field: string; recorded: string; derived: string };
  "replay.inputMatch": { sha256: string };
  "replay.inputDiffers": { recorded: string; given: string };
  "replay.outcomeIdentical": { sha256: string };
  "replay.outcomeDiffers": { sha256: string; recorded: string };
  "replay.recordIdentical": { count: number };
  "replay.recordDiffers": { count: number };
  "replay.more": { count: number };
  "replay.engineDiffers": { recorded: string; current: string };
  "replay.overridesMatch": { file: string };
  "replay.overridesDiffer": { file: string };
  /** `--assessments` given with a JSON or NDJSON input (its profiles carry their own assessments). */
  "cli.assessmentsJson": { file: string };
  /** The record was made with an assessments file (`--assessments`): replay needs it too. */
  "replay.assessmentsNeeded": { sha256: string };
  /** The assessments file given to replay, against the one the record names. */
  "replay.assessmentsMatch": { file: string; sha256: string };
  "replay.assessmentsDiffer": { file: string; sha256: string; recorded: string };
  /** No report: the assessments file has errors (rows naming no unit, a missing column). */
  "cli.assessmentsRefused": { file: string };
}

/** The key of a command-line message. */
export type CliMessageKey = keyof CliMessageParams;

/** One function per message key. */
export type CliCatalog = { readonly [K in CliMessageKey]: (p: Readonly<CliMessageParams[K]>, f: Formatter) => string };
