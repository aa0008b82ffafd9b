import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { countLines, progressFor, PROGRESS_MIN_BYTES } from "./progress.js";

const dir = mkdtempSync(join(tmpdir(), "thidua-progress-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// a large CSV: a header and 50,000 rows of about 110 bytes
const ROWS = 50_000;
const big = join(dir, "big.csv");
writeFileSync(big, `id;name\n${Array.from({ length: ROWS }, (_, i) => `u${i};${"x".repeat(100)}`).join("\n")}\n`);
const workbook = join(dir, "big.xlsx");
writeFileSync(workbook, Buffer.alloc(PROGRESS_MIN_BYTES + 1, 0x20));
const small = join(dir, "small.ndjson");
writeFileSync(small, "{}\n");

function fakeStderr(tty: boolean) {
  let written = "";
  const s = new Writable({ write: (chunk, _e, cb) => ((written += String(chunk)), cb()) }) as Writable & { isTTY: boolean; columns: number; cursorTo: () => boolean; clearLine: () => boolean; moveCursor: () => boolean };
  Object.assign(s, { isTTY: tty, columns: 120, cursorTo: () => true, clearLine: () => true, moveCursor: () => true });
  return { s: s as unknown as NodeJS.WriteStream, out: () => written };
}

describe("progress bars", () => {
  it("count the lines of a CSV or NDJSON file, not its bytes", () => {
    expect(countLines(big)).toBe(ROWS + 1);
    expect(countLines(small)).toBe(1);
    expect(countLines(workbook)).toBeUndefined();
  });

  it("reading: named, counting rows against the file's lines, at 100% only once the stage ends", () => {
    expect(PROGRESS_MIN_BYTES).toBeLessThan(ROWS * 110);
    const f = fakeStderr(true);
    const p = progressFor(big, f.s);
    // rows of about 20 bytes each by the old estimate: bytes would have reached 100% long before the end
    for (let i = 0; i < ROWS; i++) p.tick(1_000_000);
    expect(f.out()).toContain("Đọc dữ liệu");
    expect(f.out()).not.toContain("100%");
    p.stop();
    expect(f.out()).toContain(`100% | ${ROWS} dòng`);
  });

  it("a workbook's reading is measured by its size but never shows 100% before it ends", () => {
    const f = fakeStderr(true);
    const p = progressFor(workbook, f.s, "en");
    for (let i = 0; i < 10_000; i++) p.tick(10_000);
    expect(f.out()).toContain("Reading");
    expect(f.out()).not.toContain("100%");
    p.stop();
    expect(f.out()).toContain("100%");
  });

  it("scoring and writing: named stages counting rows, 100% at their end", () => {
    for (const [stage, name] of [["score", "Chấm điểm"], ["write", "Ghi báo cáo"]] as const) {
      const f = fakeStderr(true);
      const b = progressFor(big, f.s).stage(ROWS, stage);
      b.tick(ROWS);
      expect(f.out()).toContain(name);
      expect(f.out()).not.toContain("100%");
      b.stop();
      expect(f.out()).toContain(`100% | ${ROWS} dòng`);
    }
  });

  it("write nothing when stderr is not a terminal, or the input is small", () => {
    for (const [tty, file] of [[false, big], [true, small]] as const) {
      const f = fakeStderr(tty);
      const p = progressFor(file, f.s);
      p.tick(10);
      p.stop();
      p.stage(10, "write").stop();
      expect(f.out()).toBe("");
    }
  });
});
