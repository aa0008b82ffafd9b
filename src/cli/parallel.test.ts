import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createEngine } from "../index.js";
import { loadNational } from "../../test/support/rules.js";
import { decideInWorkers, startWorkers } from "./parallel.js";

/** A scoring thread that misbehaves must fail the run with a message, never hang it (review finding). */
const dir = mkdtempSync(join(tmpdir(), "thidua-parallel-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const engine = createEngine(loadNational());
const init = { rules: "vn-2447-2025", sha256: engine.ref.sha256, allowModified: false, trace: false, overrides: [], layout: null };
const partition = join(dir, "partition-0.ndjson");
writeFileSync(partition, "");

function worker(name: string, body: string): string {
  const f = join(dir, name);
  writeFileSync(f, `import { parentPort } from "node:worker_threads";\n${body}\n`);
  return f;
}

describe("decideInWorkers", () => {
  it("rejects when a thread stops without an error", async () => {
    const quits = worker("quits.mjs", "parentPort.on('message', () => process.exit(0));");
    await expect(decideInWorkers(engine, startWorkers(quits, init, dir, 1), [partition], init, {}, () => {})).rejects.toThrow(/stopped unexpectedly \(exit code 0\)/);
  });

  it("rejects with the thread's error when it throws", async () => {
    const throws = worker("throws.mjs", "parentPort.on('message', () => { throw new Error('boom'); });");
    await expect(decideInWorkers(engine, startWorkers(throws, init, dir, 1), [partition], init, {}, () => {})).rejects.toThrow("boom");
  });

  it("rejects when a thread failed or stopped before it was given work (threads start while the input is read)", async () => {
    const dies = worker("dies.mjs", "throw new Error('rules changed');");
    const early = startWorkers(dies, init, dir, 1);
    await new Promise((r) => early[0]!.worker.once("exit", r));
    await expect(decideInWorkers(engine, early, [partition], init, {}, () => {})).rejects.toThrow("rules changed");
    const leaves = worker("leaves.mjs", "process.exit(0);");
    const gone = startWorkers(leaves, init, dir, 1);
    await new Promise((r) => gone[0]!.worker.once("exit", r));
    await expect(decideInWorkers(engine, gone, [partition], init, {}, () => {})).rejects.toThrow(/stopped unexpectedly/);
  });
});
