import { createWriteStream, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { once } from "node:events";
import { describe, expect, it } from "vitest";
import { InputFileError, readProfiles } from "./read.js";
import { collect, fixture, nationalRules } from "./test-support.js";

const rules = nationalRules();
const tmp = () => mkdtempSync(join(tmpdir(), "thidua-json-"));

describe("JSON", () => {
  it("an array: one row per element, row = index + 1, objects untouched", async () => {
    const rows = await collect(fixture("individuals.json"), { rules });
    const data = JSON.parse(readFileSync(fixture("individuals.json"), "utf8")) as unknown[];
    expect(rows).toEqual(data.map((profile, i) => ({ row: i + 1, profile })));
  });
  it("one object is row 1; defaults fill a missing group and year", async () => {
    const path = join(tmp(), "one.json");
    writeFileSync(path, '\uFEFF{"id":"a","name":"A","facts":{}}');
    expect(await collect(path, { rules, defaultGroup: "individual", defaultYear: 2025 })).toEqual([
      { row: 1, profile: { id: "a", name: "A", facts: {}, group: "individual", year: 2025 } },
    ]);
  });
  it("broken JSON: one issue naming the file, the line and the column", async () => {
    const rows = await collect(fixture("individuals-broken.json"), { rules });
    expect(rows).toEqual([
      { row: 1, issues: [expect.objectContaining({ code: "input.parse", path: ["row", 1], message: "individuals-broken.json, line 3, column 34: invalid JSON — Expected ',' or '}' after property value" })] },
    ]);
  });
  it("truncated JSON points just past the end of the text", async () => {
    const path = join(tmp(), "cut.json");
    writeFileSync(path, '[\n  {"id": "a"');
    const rows = await collect(path, { rules });
    expect(rows[0]!.issues![0]!.message).toMatch(/^cut\.json, line 2, column 13: invalid JSON/);
  });
});

describe("NDJSON", () => {
  it("lines across 1 MiB chunks: long lines, multi-byte characters on the boundary, CRLF, BOM, blank lines, no final line break", async () => {
    const path = join(tmp(), "chunks.ndjson");
    const p = (id: string, pad: string) => ({ id, name: "Tỉnh", group: "province", year: 2025, facts: {}, pad });
    // line 2 is 3 MiB of "ệ" (3 bytes each): it spans chunks and puts multi-byte characters on their edges
    const lines = [JSON.stringify(p("a", "x")), JSON.stringify(p("b", "ệ".repeat(1 << 20))), "", JSON.stringify(p("c", "ổ".repeat(349_525))), JSON.stringify(p("d", "y"))];
    writeFileSync(path, `\uFEFF${lines[0]}\r\n${lines[1]}\n${lines[2]}\r\n${lines[3]}\n${lines[4]}`);
    const rows = await collect(path, { rules });
    expect(rows.map((r) => [r.row, (r.profile as { id: string }).id, (r.profile as { pad: string }).pad.length])).toEqual([
      [1, "a", 1],
      [2, "b", 1 << 20],
      [4, "c", 349_525],
      [5, "d", 1],
    ]);
  });

  it("one row per line: blank lines skipped, a broken line reported with its number, the rest read", async () => {
    const rows = await collect(fixture("individuals.ndjson"), { rules });
    expect(rows.map((r) => [r.row, r.profile ? "profile" : "issue"])).toEqual([[1, "profile"], [3, "issue"], [4, "profile"]]);
    expect(rows[1]!.issues![0]).toMatchObject({ code: "input.parse", path: ["row", 3], message: expect.stringMatching(/^individuals\.ndjson, line 3, column 88: invalid JSON/) });
    expect(rows[2]!.profile).toMatchObject({ id: "ca-02", facts: { "person.taskRating": "tot" } });
  });

  it("streams: 300,000 lines without holding them", async () => {
    const path = join(tmp(), "many.ndjson");
    const out = createWriteStream(path);
    const line = `${JSON.stringify({ id: "x", name: "Nguyễn Văn An", group: "individual", year: 2025, facts: { "person.yearsOfService": 3 } })}\n`;
    for (let i = 0; i < 300_000; i++) if (!out.write(line)) await once(out, "drain");
    out.end();
    await once(out, "finish");
    global.gc?.();
    const before = process.memoryUsage().heapUsed;
    let n = 0;
    let peak = 0;
    for await (const r of readProfiles(path, { rules })) {
      n++;
      if (n % 50_000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed - before);
      expect(r.row).toBe(n);
    }
    expect(n).toBe(300_000);
    expect(peak).toBeLessThan(150 * 1024 * 1024);
  });
});

describe("file types", () => {
  it("an unsupported extension or a missing file is an InputFileError", async () => {
    await expect(collect("profiles.txt", { rules })).rejects.toThrow(InputFileError);
    await expect(collect("profiles.txt", { rules })).rejects.toThrow("unsupported input file type “.txt” — use .json, .ndjson, .csv, .xlsx");
    await expect(collect(join(tmp(), "nope.csv"), { rules })).rejects.toThrow(/cannot open the file \(ENOENT\)/);
  });
});
