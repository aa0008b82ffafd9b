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
}

/** The key of a command-line message. */
export type CliMessageKey = keyof CliMessageParams;

/** One function per message key. */
export type CliCatalog = { readonly [K in CliMessageKey]: (p: Readonly<CliMessageParams[K]>, f: Formatter) => string };
