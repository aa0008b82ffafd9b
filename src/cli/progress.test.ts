import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { progressFor, PROGRESS_MIN_BYTES } from "./progress.js";

const dir = mkdtempSync(join(tmpdir(), "thidua-progress-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const big = join(dir, "big.ndjson");
writeFileSync(big, Buffer.alloc(PROGRESS_MIN_BYTES + 1, 0x20));
const small = join(dir, "small.ndjson");
writeFileSync(small, "{}\n");

function fakeStderr(tty: boolean) {
  let written = "";
  const s = new Writable({ write: (chunk, _e, cb) => ((written += String(chunk)), cb()) }) as Writable & { isTTY: boolean; columns: number; cursorTo: () => boolean; clearLine: () => boolean; moveCursor: () => boolean };
  Object.assign(s, { isTTY: tty, columns: 100, cursorTo: () => true, clearLine: () => true, moveCursor: () => true });
  return { s: s as unknown as NodeJS.WriteStream, out: () => written };
}

describe("progress bar", () => {
  it("draws on a terminal for a large input", () => {
    const f = fakeStderr(true);
    const p = progressFor(big, f.s);
    for (let i = 0; i < 4000; i++) p.tick(2000);
    p.stop();
    expect(f.out()).toContain("100%");
  });

  it("writes nothing when stderr is not a terminal, or the input is small", () => {
    for (const [tty, file] of [[false, big], [true, small]] as const) {
      const f = fakeStderr(tty);
      const p = progressFor(file, f.s);
      p.tick(10);
      p.stop();
      expect(f.out()).toBe("");
    }
  });
});
