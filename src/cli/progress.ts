import { closeSync, openSync, readSync, statSync } from "node:fs";
import { extname } from "node:path";
import cliProgress from "cli-progress";
import type { Lang } from "../index.js";
import { say } from "./messages/index.js";

/** Inputs larger than this show progress bars (when stderr is a terminal). */
export const PROGRESS_MIN_BYTES = 5 * 1024 * 1024;
/** Rows between two redraws of a bar. */
const EVERY = 2000;

/** The stages of a run, each with its own bar. */
export type Stage = "read" | "score" | "write";

/** A bar counting the rows of one stage: at 100% only once `stop` says the stage has ended. */
export interface StageBar {
  tick(rows: number): void;
  stop(): void;
}

export interface Progress {
  /** False when nothing is drawn (not a terminal, small input): callers may skip measuring rows. */
  readonly active: boolean;
  /** One more input row read (`rowBytes`: its approximate size, for inputs whose rows are not counted ahead). */
  tick(rowBytes: number): void;
  /** The reading stage has ended. */
  stop(): void;
  /** A bar for a later stage, counting `total` rows (silent where the first one is). */
  stage(total: number, name?: Stage): StageBar;
}

const quiet: StageBar = { tick: () => {}, stop: () => {} };
const silent: Progress = { active: false, tick: () => {}, stop: () => {}, stage: () => quiet };

/**
 * Lines of a CSV or NDJSON file (an upper bound of its rows: a quoted cell may span lines), read in
 * 1 MiB blocks; undefined for other formats. Counted only when a bar is drawn.
 */
export function countLines(path: string): number | undefined {
  if (![".csv", ".ndjson"].includes(extname(path).toLowerCase())) return undefined;
  const fd = openSync(path, "r");
  try {
    const buf = Buffer.allocUnsafe(1 << 20);
    let lines = 0;
    let last = 0x0a;
    for (let n = readSync(fd, buf); n > 0; n = readSync(fd, buf)) {
      for (let i = buf.indexOf(0x0a); i !== -1 && i < n; i = buf.indexOf(0x0a, i + 1)) lines++;
      last = buf[n - 1]!;
    }
    return lines + (last === 0x0a ? 0 : 1);
  } finally {
    closeSync(fd);
  }
}

/** A bar of `total` units named by its stage, showing rows; `value` never reaches `total` before `stop`. */
function bar(stream: NodeJS.WriteStream, lang: Lang, name: Stage, total: number): { update(value: number, rows: number): void; stop(rows: number): void } {
  const label = say(lang, "progress.stage", { stage: name });
  const unit = say(lang, "progress.rows", {});
  const b = new cliProgress.SingleBar(
    { stream, format: `${label} {bar} {percentage}% | {rows} ${unit} | {eta_formatted}`, hideCursor: true, clearOnComplete: false, etaBuffer: 50 },
    cliProgress.Presets.shades_classic,
  );
  const max = Math.max(1, total);
  b.start(max, 0, { rows: 0 });
  return {
    update: (value, rows) => b.update(Math.min(value, max - 1), { rows }),
    stop: (rows) => {
      b.update(max, { rows });
      b.stop();
    },
  };
}

/** A later stage's bar: `total` rows, redrawn every {@link EVERY} rows, 100% at `stop`. */
function stageBar(stream: NodeJS.WriteStream, lang: Lang, name: Stage, total: number): StageBar {
  const b = bar(stream, lang, name, total);
  let done = 0;
  let shown = 0;
  return {
    tick(n) {
      done += n;
      if (done - shown >= EVERY) b.update((shown = done), done);
    },
    stop: () => b.stop(done),
  };
}

/**
 * Progress bars on stderr for a large input — only when stderr is a terminal, so logs, pipes and CI
 * see nothing: "Đọc dữ liệu" (reading) counts rows against the lines of a CSV or NDJSON file
 * (counted first), or against the file's size for a workbook or a JSON array; "Chấm điểm" (scoring)
 * and "Ghi báo cáo" (writing) count rows. No bar reaches 100% before its stage ends.
 */
export function progressFor(path: string, stream: NodeJS.WriteStream = process.stderr, lang: Lang = "vi"): Progress {
  let size = 0;
  try {
    size = statSync(path).size;
  } catch {
    return silent;
  }
  if (!stream.isTTY || size < PROGRESS_MIN_BYTES) return silent;
  const lines = countLines(path);
  const b = bar(stream, lang, "read", lines ?? size);
  let bytes = 0;
  let rows = 0;
  return {
    active: true,
    tick(rowBytes) {
      bytes += rowBytes;
      rows++;
      if (rows % EVERY === 0) b.update(lines === undefined ? bytes : rows, rows);
    },
    stop: () => b.stop(rows),
    stage: (total, name = "score") => stageBar(stream, lang, name, total),
  };
}
