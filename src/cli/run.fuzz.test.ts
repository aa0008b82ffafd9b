import { mkdtempSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { capture } from "../../test/support/cli.js";

/** The CLI on hostile input files: exit 0, 1 or 2 with a message, never an unhandled exception or a stack trace. */
const RUNS = Number(process.env["FUZZ_RUNS"] ?? 40);
const dir = mkdtempSync(join(tmpdir(), "thidua-fuzz-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));


const contents = fc.oneof(
  fc.uint8Array({ maxLength: 400 }),
  fc.string({ maxLength: 300 }).map((s) => new TextEncoder().encode(s)),
  fc.constantFrom('[{"id":"a","name":"A","group":"province","year":2025,"facts":{}}', "id;name\n1;\"x", '{"__proto__":{"x":1}}', "\uFEFFid;tên;nhóm;năm\nx;Y;province;abc\r\n").map((s) => new TextEncoder().encode(s)),
);

describe("CLI on hostile files", () => {
  it("exits 0, 1 or 2 with a message; no stack trace", async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(".json", ".ndjson", ".csv", ".xlsx"), contents, fc.constantFrom("score", "validate"), async (ext, bytes, cmd) => {
        const file = join(dir, `in-${n++}${ext}`);
        writeFileSync(file, bytes);
        const r = await capture([cmd, file]);
        expect([0, 1, 2]).toContain(r.code);
        if (r.code !== 0) expect(r.out.length + r.err.length).toBeGreaterThan(0);
        expect(r.err).not.toMatch(/\n\s+at .+:\d+:\d+/);
      }),
      { numRuns: RUNS, seed: 7 },
    );
  });
});
