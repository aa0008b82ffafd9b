import { statSync } from "node:fs";
import cliProgress from "cli-progress";

/** Inputs larger than this show a progress bar (when stderr is a terminal). */
export const PROGRESS_MIN_BYTES = 5 * 1024 * 1024;

export interface Progress {
  /** False when nothing is drawn (not a terminal, small input): callers may skip measuring rows. */
  readonly active: boolean;
  tick(rowBytes: number): void;
  stop(): void;
  /** A second bar for the scoring stage, counting `total` rows (silent where the first one is). */
  stage(total: number): { tick(rows: number): void; stop(): void };
}

const silent: Progress = { active: false, tick: () => {}, stop: () => {}, stage: () => ({ tick: () => {}, stop: () => {} }) };

/**
 * A progress bar on stderr while a large input is read — only when stderr is a terminal, so logs,
 * pipes and CI see nothing. The total is the file size; rows advance it by their approximate size.
 */
export function progressFor(path: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  let size = 0;
  try {
    size = statSync(path).size;
  } catch {
    return silent;
  }
  if (!stream.isTTY || size < PROGRESS_MIN_BYTES) return silent;
  const bar = new cliProgress.SingleBar(
    { stream, format: "thidua {bar} {percentage}% | {rows} hồ sơ | {eta_formatted}", hideCursor: true, clearOnComplete: false, etaBuffer: 50 },
    cliProgress.Presets.shades_classic,
  );
  bar.start(size, 0, { rows: 0 });
  let bytes = 0;
  let rows = 0;
  return {
    active: true,
    tick(rowBytes) {
      bytes += rowBytes;
      rows++;
      if (rows % 2000 === 0) bar.update(Math.min(bytes, size), { rows });
    },
    stop() {
      bar.update(size, { rows });
      bar.stop();
    },
    stage(total) {
      const b = new cliProgress.SingleBar(
        { stream, format: "thidua {bar} {percentage}% | {value}/{total} đã chấm | {eta_formatted}", hideCursor: true, clearOnComplete: false, etaBuffer: 50 },
        cliProgress.Presets.shades_classic,
      );
      b.start(total, 0);
      let done = 0;
      let shown = 0;
      return {
        tick(n) {
          done += n;
          if (done - shown >= 2000) {
            shown = done;
            b.update(Math.min(done, total));
          }
        },
        stop() {
          b.update(total);
          b.stop();
        },
      };
    },
  };
}
