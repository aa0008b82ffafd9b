import { closeSync, constants, fstatSync, openSync, readFileSync, type Stats } from "node:fs";
import { basename, extname } from "node:path";
import type { SpecialFileKind } from "../../explain/index.js";
import { item, say, type AnyKey, type AnyParams, type CliItem } from "../messages/index.js";
import { readCsv } from "./csv.js";
import { readJson, readNdjson } from "./json.js";
import type { InputRow, ReadOptions } from "./types.js";
import { looksLikeZip, readXlsx } from "./xlsx.js";
import { withAssessments, type AssessmentSheet } from "./assessments.js";
import { issue } from "../../errors/index.js";

/**
 * A file that cannot be read at all (unknown extension, missing, not a regular file): a usage
 * error, worded by the catalog (`item`; `message` is its English text).
 */
export class InputFileError extends Error {
  constructor(message: string, readonly item?: CliItem) {
    super(message);
    this.name = "InputFileError";
  }
}

const inputError = <K extends AnyKey>(key: K, params: AnyParams[K]) => new InputFileError(say("en", key, params), item(key, params));

export const INPUT_EXTENSIONS = [".json", ".ndjson", ".csv", ".xlsx"] as const;

/** What stands at a path that is not a regular file (`lstat` gives a symbolic link, `stat`/`fstat` what it points to). */
export function specialFileKind(s: Stats): SpecialFileKind {
  return s.isDirectory() ? "directory" : s.isFIFO() ? "fifo" : s.isCharacterDevice() || s.isBlockDevice() ? "device" : s.isSocket() ? "socket" : s.isSymbolicLink() ? "symlink" : "other";
}

/**
 * Refuses at once an input `readProfiles` cannot read: an unsupported extension, a path that cannot
 * be opened, anything but a regular file — a directory, a FIFO, a device such as `/dev/zero`, also
 * behind a symbolic link. The path is opened without blocking (opening a FIFO that has no writer
 * would wait for one) and checked on the open descriptor, so nothing is read from it.
 */
export function checkInputFile(path: string): void {
  const ext = extname(path).toLowerCase();
  if (!(INPUT_EXTENSIONS as readonly string[]).includes(ext)) throw inputError("cli.inputType", { file: path, ext, list: INPUT_EXTENSIONS.join(", ") });
  withRegularFile(path, () => undefined);
}

/**
 * The bytes of a file the command reads whole (overrides, a decision record), refused like an input
 * (see {@link checkInputFile}) when it is not a regular file.
 */
export function readRegularFile(path: string): Buffer {
  return withRegularFile(path, (fd) => readFileSync(fd));
}

/**
 * Opens `path` without blocking (a FIFO with no writer is never waited on), refuses it unless the open
 * descriptor is a regular file, and hands the descriptor to `use`; closes it in every case.
 */
function withRegularFile<T>(path: string, use: (fd: number) => T): T {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    throw inputError("cli.inputCannotOpen", { file: path, reason: (e as NodeJS.ErrnoException).code ?? (e as Error).message });
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw inputError("cli.inputNotRegular", { file: path, fileKind: specialFileKind(st) });
    return use(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads profiles from a `.json`, `.ndjson`, `.csv` or `.xlsx` file. Every input row yields exactly one
 * {@link InputRow}, a profile or issues; a file-level problem yields one row with an issue; the CSV/XLSX
 * header yields a row (row 1) only when it has issues. Entirely empty rows, blank NDJSON lines and the
 * template's label row (row 2, first cell starting with `#`) yield nothing. Throws {@link InputFileError}
 * for an unsupported extension, a file that cannot be opened or anything but a regular file
 * (see {@link checkInputFile}).
 */
export async function* readProfiles(path: string, opts: ReadOptions): AsyncGenerator<InputRow> {
  checkInputFile(path);
  const ext = extname(path).toLowerCase();
  const file = basename(path);
  if (opts.assessments !== undefined && (ext === ".json" || ext === ".ndjson")) throw inputError("cli.assessmentsJson", { file: path });
  switch (ext) {
    case ".json":
      return yield* readJson(path, file, opts);
    case ".ndjson":
      return yield* readNdjson(path, file, opts);
    case ".csv":
    default: {
      const rows = ext === ".csv" ? readCsv(path, file, opts) : readXlsx(path, file, opts);
      const sheet = await assessmentSheet(path, ext, opts);
      return yield* sheet ? withAssessments(rows, sheet) : rows;
    }
  }
}

/**
 * The assessments of a spreadsheet input: the file given with `--assessments`, else an XLSX input's
 * own sheet “Đánh giá”; a workbook that cannot be read is a note on that file (no report is made).
 */
async function assessmentSheet(path: string, ext: string, opts: ReadOptions): Promise<AssessmentSheet | undefined> {
  const from = opts.assessments;
  if (from === undefined && ext !== ".xlsx") return undefined;
  if (from !== undefined) {
    const e = extname(from).toLowerCase();
    if (e !== ".csv" && e !== ".xlsx") throw inputError("cli.inputType", { file: from, ext: e, list: ".csv, .xlsx" });
    checkInputFile(from);
  }
  const { assessmentsFromFile, assessmentsFromXlsx } = await import("./assessments-read.js");
  if ((from === undefined || extname(from).toLowerCase() === ".xlsx") && (await looksLikeZip(from ?? path)) !== "ok") {
    if (from === undefined) return undefined; // the data sheet's reader words it
    const file = basename(from);
    return { file, byUnit: new Map(), notes: [issue("input.parse", ["row", 1], `${file}: not an XLSX file`, { file, row: 1, kind: "badWorkbook", reason: "not an XLSX file" })] };
  }
  try {
    return from !== undefined ? await assessmentsFromFile(from, () => readRegularFile(from), opts.rules, opts.decimal) : await assessmentsFromXlsx(path, opts.rules, opts.decimal, false);
  } catch (e) {
    const file = basename(from ?? path);
    const reason = (e as Error).message;
    // the data sheet's reader words a damaged input; a damaged assessments file is refused here
    if (from === undefined) return undefined;
    return { file, byUnit: new Map(), notes: [issue("input.parse", ["row", 1], `${file}: cannot read the workbook — ${reason}`, { file, row: 1, kind: "badWorkbook", reason })] };
  }
}
