import { randomBytes } from "node:crypto";
import { closeSync, lstatSync, mkdirSync, openSync, renameSync, rmSync, type Stats } from "node:fs";
import { basename, dirname, join } from "node:path";
import { onInterrupt } from "./cleanup.js";
import { specialFileKind } from "./input/index.js";
import { usageError } from "./rules-load.js";
import { Appender } from "./spill.js";

/**
 * Reports written to a file go through a temporary file beside the target, renamed into place once
 * complete: a reader never sees half a report, and nothing is left behind when writing fails (disk
 * full, a directory in the way) or the command is interrupted. Only a regular file is ever written
 * or replaced: a symbolic link (to anything), a directory, a FIFO, a device or a socket at the
 * target is refused before the run starts and again just before the rename.
 */

const code = (e: unknown): string => (e as NodeJS.ErrnoException).code ?? (e as Error).message;

/** Refuses `out` when something other than a regular file stands there (a missing file is fine). */
export function checkOutputPath(out: string): void {
  let st: Stats;
  try {
    st = lstatSync(out);
  } catch (e) {
    if (code(e) === "ENOENT") return;
    throw usageError("cli.outWriteFailed", { file: out, reason: code(e) });
  }
  if (!st.isFile()) throw usageError("cli.outNotRegular", { file: out, fileKind: specialFileKind(st) });
}

/** A new temporary file beside `out`, created exclusively (`wx`: never through a link planted under its name). */
function openTemp(out: string): { tmp: string; fd: number } {
  checkOutputPath(out);
  try {
    mkdirSync(dirname(out), { recursive: true });
    const tmp = join(dirname(out), `.${basename(out)}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`);
    return { tmp, fd: openSync(tmp, "wx", 0o666) };
  } catch (e) {
    throw usageError("cli.outWriteFailed", { file: out, reason: code(e) });
  }
}

/** A report being written piece by piece: to a file (atomically, on `end`) or to stdout. */
export interface OutputStream {
  /** Appends text or its UTF-8 bytes. */
  write(s: string | Uint8Array): void;
  /** Finishes the report (renames the temporary file into place). */
  end(): void;
  /** Gives up: removes the temporary file (idempotent). */
  abort(): void;
}

const stdoutStream: OutputStream = { write: (s) => void process.stdout.write(s), end: () => {}, abort: () => {} };

/**
 * Opens `out` for a report (temporary file beside it, renamed on `end`), or stdout. A failed write,
 * flush or rename removes the temporary file and throws a usage error naming the target; so does
 * an interruption (Ctrl-C, SIGHUP, SIGTERM).
 */
export function openOutput(out?: string): OutputStream {
  if (!out) return stdoutStream;
  const { tmp, fd } = openTemp(out);
  let open = true;
  const drop = () => {
    if (open) closeSync(fd);
    open = false;
    rmSync(tmp, { force: true });
  };
  const unhook = onInterrupt(drop);
  const file = new Appender(fd);
  const failed = (e: unknown) => {
    drop();
    unhook();
    return usageError("cli.outWriteFailed", { file: out, reason: code(e) });
  };
  return {
    write(s) {
      try {
        file.write(s);
      } catch (e) {
        throw failed(e);
      }
    },
    end() {
      try {
        file.flush();
        closeSync(fd);
        open = false;
        checkOutputPath(out); // what stands at the target may have changed during the run
        renameSync(tmp, out);
      } catch (e) {
        drop();
        unhook();
        throw e instanceof Error && e.name === "UsageError" ? e : failed(e);
      }
      unhook();
    },
    abort() {
      drop();
      unhook();
    },
  };
}

/** Writes a whole report to `out` (atomically, as `openOutput` does) or to stdout. */
export function output(data: string | Uint8Array, out?: string): void {
  const o = openOutput(out);
  try {
    o.write(data);
    o.end();
  } catch (e) {
    o.abort();
    throw e;
  }
}
