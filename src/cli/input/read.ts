import { stat } from "node:fs/promises";
import { basename, extname } from "node:path";
import { readCsv } from "./csv.js";
import { readJson, readNdjson } from "./json.js";
import type { InputRow, ReadOptions } from "./types.js";
import { readXlsx } from "./xlsx.js";

/** A file that cannot be read at all (unknown extension, missing, a directory): a usage error. */
export class InputFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InputFileError";
  }
}

export const INPUT_EXTENSIONS = [".json", ".ndjson", ".csv", ".xlsx"] as const;

/**
 * Reads profiles from a `.json`, `.ndjson`, `.csv` or `.xlsx` file. Every input row yields exactly one
 * {@link InputRow}, a profile or issues; a file-level problem yields one row with an issue; the CSV/XLSX
 * header yields a row (row 1) only when it has issues. Entirely empty rows, blank NDJSON lines and the
 * template's label row (row 2, first cell starting with `#`) yield nothing. Throws {@link InputFileError}
 * for an unsupported extension or a file that cannot be opened.
 */
export async function* readProfiles(path: string, opts: ReadOptions): AsyncGenerator<InputRow> {
  const ext = extname(path).toLowerCase();
  if (!(INPUT_EXTENSIONS as readonly string[]).includes(ext)) {
    throw new InputFileError(`${path}: unsupported input file type “${ext || "(none)"}” — use ${INPUT_EXTENSIONS.join(", ")}`);
  }
  try {
    const s = await stat(path);
    if (!s.isFile()) throw new InputFileError(`${path}: not a file`);
  } catch (e) {
    if (e instanceof InputFileError) throw e;
    throw new InputFileError(`${path}: cannot open the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  const file = basename(path);
  switch (ext) {
    case ".json":
      return yield* readJson(path, file, opts);
    case ".ndjson":
      return yield* readNdjson(path, file, opts);
    case ".csv":
      return yield* readCsv(path, file, opts);
    default:
      return yield* readXlsx(path, file, opts);
  }
}
