import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateProfiles } from "../../bench/generate.js";
import { createEngine, GROUPS } from "../../src/index.js";
import { partitionKey } from "../../src/stream/index.js";
import { decideInWorkers, startWorkers } from "../../src/cli/parallel.js";
import { Partitions } from "../../src/cli/spill.js";
import { loadLocal } from "../support/rules.js";

/**
 * The built worker threads (dist/cli-worker.js) tell their progress in batches (at most every
 * 100 ms, the rest with each partition's answer): the scoring bar must still count every scored
 * row exactly once, whichever thread decided it.
 */
const root = new URL("../../", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "thidua-progress-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// Khánh Hòa's set: the Government flag's run-wide 20% quota is on there, so cohorts wait and are revisited
const rs = loadLocal();
const engine = createEngine(rs);

describe("worker threads' progress", () => {
  it("adds up to the rows scored, over many partitions, two threads and the revisit pass", async () => {
    const parts = new Partitions(dir, 9);
    let index = 0;
    for (const [i, g] of GROUPS.entries()) for (const p of generateProfiles(rs, g, 400, 31 + i, 0.9)) parts.add(partitionKey(p), index++, p);
    // Government-flag candidates in 10 clusters: their cohorts wait for the run-wide quota, so the revisit pass runs too
    const strong = JSON.parse(readFileSync(join(root, "fixtures/profiles/province.json"), "utf8")).find((p: { id: string }) => p.id === "pv-quang-ninh");
    for (let i = 0; i < 30; i++) {
      const p = { ...strong, id: `flag-${i}`, cohort: `co-${i % 10}` };
      parts.add(partitionKey(p), index++, p);
    }
    parts.add("", index++, { id: "not-a-profile" }); // rejected: not counted as scored
    parts.finish();
    const init = { rules: join(root, "rules/khanh-hoa-2025"), sha256: rs.sha256, allowModified: false, trace: false, overrides: [], layout: { format: "csv" as const, lang: "vi" as const, overrides: false } };
    const workers = startWorkers(join(root, "dist", "cli-worker.js"), init, dir, 2);
    const sent: string[] = [];
    for (const w of workers) {
      const post = w.worker.postMessage.bind(w.worker);
      w.worker.postMessage = (m: { type: string }) => (sent.push(m.type), post(m));
    }
    const ticks: number[] = [];
    const run = await decideInWorkers(engine, workers, parts.filePaths, init, { asOf: "2025-12-31" }, (n) => ticks.push(n));
    run.close();
    expect(sent).toContain("revisit");
    expect(run.report.scored).toBe(2030);
    expect(run.report.rejected).toHaveLength(1);
    expect(ticks.every((n) => n > 0)).toBe(true);
    expect(ticks.reduce((a, b) => a + b, 0)).toBe(run.report.scored);
  });
});
