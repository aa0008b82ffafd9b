/**
 * What to undo if the command is interrupted (Ctrl-C, SIGTERM): temporary partition files, a report
 * half written. Each cleanup is registered while its files exist; on a signal they all run, then the
 * command exits 130 (SIGINT) or 143 (SIGTERM), as a shell expects.
 */
const cleanups = new Set<() => void>();

function interrupted(signal: NodeJS.Signals): void {
  for (const f of cleanups) {
    try {
      f();
    } catch {
      // best effort: the other files are still removed
    }
  }
  process.exit(signal === "SIGINT" ? 130 : 143);
}

/** Registers a cleanup to run on interruption; returns the function that unregisters it. */
export function onInterrupt(cleanup: () => void): () => void {
  if (cleanups.size === 0) {
    process.on("SIGINT", interrupted);
    process.on("SIGTERM", interrupted);
  }
  cleanups.add(cleanup);
  return () => {
    cleanups.delete(cleanup);
    if (cleanups.size === 0) {
      process.off("SIGINT", interrupted);
      process.off("SIGTERM", interrupted);
    }
  };
}
