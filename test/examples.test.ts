/**
 * Runs every numbered example in `examples/` in-process (vitest aliases `thidua` and `thidua/node`
 * to `src/`), captures what it prints with `console.log` and compares it with `NN-name.expected.txt`
 * beside it, so the examples cannot drift from the code (STYLE §2.9).
 *
 *   UPDATE_EXAMPLES=1 npx vitest run test/examples.test.ts   # rewrite the .expected.txt files
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { format } from "node:util";
import { describe, expect, it, vi } from "vitest";

const dir = fileURLToPath(new URL("../examples/", import.meta.url));
const update = process.env["UPDATE_EXAMPLES"] === "1";
const examples = readdirSync(dir).filter((f) => /^\d\d-[a-z0-9-]+\.ts$/.test(f)).sort();

async function run(file: string): Promise<string> {
  const lines: string[] = [];
  const spy = vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => {
    lines.push(format(...args));
  });
  try {
    await import(/* @vite-ignore */ join(dir, file));
  } finally {
    spy.mockRestore();
  }
  return lines.map((l) => `${l}\n`).join("");
}

describe("examples", () => {
  it("are numbered, short, import the package by name and have an expected output", () => {
    expect(examples.length).toBeGreaterThanOrEqual(6);
    examples.forEach((f, i) => expect(f.slice(0, 2)).toBe(String(i).padStart(2, "0"))); // 00 is the README's quick start
    for (const f of examples) {
      const src = readFileSync(join(dir, f), "utf8");
      expect(src.split("\n").length, `${f} has more than 60 lines`).toBeLessThanOrEqual(61);
      expect(src, `${f} imports from src/ instead of "thidua"`).not.toMatch(/from\s+["'][./]+src\//);
      expect(src, `${f} is not NFC`).toBe(src.normalize("NFC"));
      if (!update) expect(existsSync(join(dir, f.replace(/\.ts$/, ".expected.txt"))), `${f} has no .expected.txt`).toBe(true);
    }
    const expected = readdirSync(dir).filter((f) => f.endsWith(".expected.txt"));
    for (const e of expected) expect(examples, `${e} has no example`).toContain(e.replace(/\.expected\.txt$/, ".ts"));
  });

  for (const file of examples) {
    it(`${file} prints its .expected.txt`, async () => {
      const out = await run(file);
      const target = join(dir, file.replace(/\.ts$/, ".expected.txt"));
      if (update) writeFileSync(target, out);
      expect(out.length).toBeGreaterThan(0);
      expect(out).toBe(readFileSync(target, "utf8"));
    });
  }
});
