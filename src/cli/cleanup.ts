/**
 * What to undo if the command is interrupted (Ctrl-C, SIGHUP, SIGTERM) or its output is closed:
 * temporary partition files, a report half written. Each cleanup is registered while its files
 * exist; on a signal they all run, then the command exits 130 (SIGINT), 129 (SIGHUP) or 143
 * (SIGTERM), as a shell expects. Worker threads end with the process.
 */
const cleanups = new Set<() => void>();

/** The signals that stop a run, with the exit code a shell expects for each (128 + the signal's number). */
export const STOP_SIGNALS: Readonly<Record<"SIGINT" | "SIGHUP" | "SIGTERM", number>> = { SIGINT: 130, SIGHUP: 129, SIGTERM: 143 };

/** Runs every registered cleanup once (best effort: one failing does not keep the others from running). */
function runCleanups(): void {
  for (const f of [...cleanups]) {
    cleanups.delete(f);
    try {
      f();
    } catch {
      // best effort: the other files are still removed
    }
  }
}

function interrupted(signal: NodeJS.Signals): void {
  runCleanups();
  process.exit(STOP_SIGNALS[signal as keyof typeof STOP_SIGNALS] ?? 1);
}

/** Registers a cleanup to run on interruption; returns the function that unregisters it. */
export function onInterrupt(cleanup: () => void): () => void {
  if (cleanups.size === 0) for (const s of Object.keys(STOP_SIGNALS)) process.on(s, interrupted);
  cleanups.add(cleanup);
  return () => {
    if (!cleanups.delete(cleanup) || cleanups.size > 0) return;
    for (const s of Object.keys(STOP_SIGNALS)) process.off(s, interrupted);
  };
}

/** Exit code of a command whose reader went away (`thidua score … | head`): 128 + SIGPIPE, as if the signal had ended it. */
export const BROKEN_PIPE_EXIT = 141;

/**
 * Makes a closed stdout or stderr (the reader of a pipe went away) end the command quietly: its
 * temporary files removed, no message, exit code {@link BROKEN_PIPE_EXIT}. Other stream errors are
 * left to Node (they are not expected).
 */
export function quietOnBrokenPipe(streams: readonly NodeJS.WriteStream[] = [process.stdout, process.stderr]): void {
  for (const s of streams) {
    s.on("error", (e: NodeJS.ErrnoException) => {
      if (e.code !== "EPIPE" && e.code !== "ERR_STREAM_DESTROYED") throw e;
      runCleanups();
      process.exit(BROKEN_PIPE_EXIT);
    });
  }
}

/**
 * Lets a pending signal be handled: a long stretch of synchronous work (deciding the partitions of a
 * large input in this thread) awaits this between steps, so that Ctrl-C stops it within one step.
 */
export const yieldToSignals = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
