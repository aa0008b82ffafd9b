import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, basename } from "node:path";
import { onInterrupt } from "./cleanup.js";
import { Appender } from "./spill.js";

/** Writes a file atomically: temporary file in the same directory, then rename. */
export function writeAtomic(path: string, data: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  writeFileSync(tmp, data);
  renameSync(tmp, path);
}

export function output(data: string | Uint8Array, out?: string): void {
  if (out) writeAtomic(out, data);
  else process.stdout.write(data);
}

/** A report being written piece by piece: to a file (atomically, on `end`) or to stdout. */
export interface OutputStream {
  /** Appends text or its UTF-8 bytes. */
  write(s: string | Uint8Array): void;
  /** Finishes the report (renames the temporary file into place). */
  end(): void;
  /** Gives up: removes the temporary file. */
  abort(): void;
}

/** Opens `out` for a streamed report (temporary file beside it, renamed on `end`), or stdout. */
export function openOutput(out?: string): OutputStream {
  if (!out) return { write: (s) => void process.stdout.write(s), end: () => {}, abort: () => {} };
  mkdirSync(dirname(out), { recursive: true });
  const tmp = join(dirname(out), `.${basename(out)}.${process.pid}.tmp`);
  const fd = openSync(tmp, "w");
  let open = true;
  const unhook = onInterrupt(() => {
    if (open) closeSync(fd);
    rmSync(tmp, { force: true });
  });
  const file = new Appender(fd);
  return {
    write: (s) => file.write(s),
    end() {
      file.flush();
      closeSync(fd);
      open = false;
      renameSync(tmp, out);
      unhook();
    },
    abort() {
      if (open) closeSync(fd);
      open = false;
      rmSync(tmp, { force: true });
      unhook();
    },
  };
}
