import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync, writeSync } from "node:fs";
import { dirname, join, basename } from "node:path";
import { onInterrupt } from "./cleanup.js";

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
  write(s: string): void;
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
  let buf: string[] = [];
  let size = 0;
  const flush = () => {
    const data = Buffer.from(buf.join(""));
    let off = 0;
    while (off < data.length) off += writeSync(fd, data, off, data.length - off);
    buf = [];
    size = 0;
  };
  return {
    write(s) {
      buf.push(s);
      size += s.length;
      if (size >= 1 << 20) flush();
    },
    end() {
      flush();
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
