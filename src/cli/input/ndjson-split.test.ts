import fc from "fast-check";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { partitionKey } from "../../stream/index.js";
import { loadNational } from "../../../test/support/rules.js";
import { ndjsonRow, readNdjson } from "./json.js";
import { scanBlock, scanCohort, splitNdjson } from "./ndjson-split.js";

/**
 * The scanner chooses a line's partition without parsing it: whenever it answers, its answer must be
 * the partition key of the line's parse (JSON.parse, duplicate keys included); when it is unsure it
 * answers null and the line is parsed.
 */
const scan = (text: string) => {
  const b = Buffer.from(text);
  return scanCohort(b, 0, b.length);
};
const ws = fc.constantFrom("", "", " ", "  ", "\t", " \r ");
const nasty = fc.constantFrom("Cụm 1", "Cụm Tây Nguyên".normalize("NFD"), "a\"b", "tab\tin", "new\nline", "\\", "é", "𝔘", "", "group", "}", "{", ",", ":");
const groupValue = fc.oneof(fc.constantFrom("province", "ministry", "individual"), nasty, fc.string(), fc.integer(), fc.constant(null), fc.boolean());
const yearValue = fc.oneof(fc.integer({ min: 1990, max: 2100 }), fc.constantFrom(2025, 2025.5, -0, 1e21, 2.025e3), fc.string(), fc.constant(null));
const entry = fc.oneof(
  fc.tuple(fc.constant("group"), groupValue),
  fc.tuple(fc.constant("cohort"), fc.oneof(nasty, fc.string(), fc.constant(null), fc.integer())),
  fc.tuple(fc.constant("year"), yearValue),
  fc.tuple(fc.oneof(fc.constantFrom("id", "name", "facts", "history", "grou", "years", "cohorts", "g\"roup"), fc.string()), fc.jsonValue()),
);
/** A JSON object written by hand, so that keys can repeat and whitespace can fall anywhere JSON allows it. */
const plain = fc.tuple(fc.tuple(fc.constant("group"), fc.constantFrom("province", "front")), fc.tuple(fc.constant("year"), fc.integer({ min: 2000, max: 2030 })), fc.tuple(fc.constant("cohort"), nasty));
const lineArb = fc.tuple(fc.array(fc.tuple(entry, ws, ws, ws), { maxLength: 8 }), ws, ws, fc.boolean(), plain, fc.nat(), fc.boolean()).map(([some, a, b, escapeSome, base, at, withBase]) => {
  // mostly a plain group, year and cluster somewhere among the other keys (before or after duplicates)
  const entries = withBase ? [...some] : some;
  if (withBase) for (const e of base) entries.splice(at % (entries.length + 1), 0, [e, "", "", ""]);
  const str = (s: unknown) => {
    const j = JSON.stringify(s);
    // the same value written with \u escapes: JSON.parse reads it the same, the scanner must not guess
    return escapeSome && typeof s === "string" && s.length ? j.replace(/[a-zA-Z]/, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`) : j;
  };
  return `${a}{${entries.map(([[k, v], x, y, z]) => `${x}${str(k)}${y}:${z}${str(v)}`).join(",")}}${b}`;
});

describe("scanCohort", () => {
  it("agrees with partitionKey(JSON.parse(line)) whenever it answers", () => {
    let answered = 0;
    fc.assert(
      fc.property(lineArb, (line) => {
        const c = scan(line);
        if (c === null) return;
        answered++;
        expect(partitionKey(c)).toBe(partitionKey(JSON.parse(line)));
      }),
      { numRuns: 3000, seed: 2447 },
    );
    expect(answered).toBeGreaterThan(100); // the fast path is exercised, not always declined
  });

  it("never throws on arbitrary bytes, and answers only for a line that opens an object", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.string(), (bytes, s) => {
        for (const b of [Buffer.from(bytes), Buffer.from(s)]) {
          const c = scanCohort(b, 0, b.length);
          if (c !== null) expect(b.toString("latin1").trimStart().startsWith("{")).toBe(true);
        }
      }),
      { numRuns: 2000, seed: 7 },
    );
  });

  it("reads the plain case and declines what it cannot be sure of", () => {
    expect(scan('{"id":"a","group":"province","cohort":"Cụm 1","year":2025,"facts":{"x":[1,{"y":"}"}]}}')).toEqual({ group: "province", cohort: "Cụm 1", year: 2025 });
    expect(scan('{"group":"ministry","year":2025,"group":"province"}')).toEqual({ group: "province", cohort: undefined, year: 2025 }); // the last duplicate, as JSON.parse
    expect(scan(' { "group" : "front" , "year" : 2.025e3 } ')).toEqual({ group: "front", cohort: undefined, year: 2025 });
    expect(scan('{"group":"province","cohort":"C\\u1ee5m","year":2025}')).toBeNull(); // an escape
    expect(scan('{"group":"province","cohort":null,"year":2025}')).toBeNull(); // not a string
    expect(scan('{"group":"province","year":"2025"}')).toBeNull();
    expect(scan('{"group":"province"}')).toBeNull(); // no year: a default may apply
    expect(scan('\uFEFF{"group":"province","year":2025}')).toBeNull(); // byte order mark
    expect(scan('{"group":"province","year":2025} x')).toBeNull();
    expect(scan("")).toBeNull();
  });
});

describe("splitNdjson", () => {
  const dir = mkdtempSync(join(tmpdir(), "thidua-split-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const opts = { rules: loadNational(), defaultYear: 2025 };
  // files of scanned lines, blank lines, CRLF, broken lines, long lines, with or without a final line break
  const fileArb = fc
    .tuple(
      fc.array(fc.oneof(lineArb, lineArb, fc.constantFrom("", "  ", "\r", "\u00A0", "{ broken", '{"group":"front","year":2025,"x":01}', `{"group":"front","year":2025,"pad":"${"y".repeat(3000)}"}`)), { maxLength: 40 }),
      fc.boolean(),
      fc.boolean(),
      fc.boolean(),
    )
    .map(([lines, crlf, bom, finalBreak]) => `${bom ? "\uFEFF" : ""}${lines.join(crlf ? "\r\n" : "\n")}${finalBreak ? "\n" : ""}`);

  let n = 0;
  const check = async (text: string, delays: readonly number[]) => {
        const path = join(dir, `f-${n++}.ndjson`);
        writeFileSync(path, text);
        const expected: unknown[] = [];
        // the reference: the whole text split at LF, each line read as readNdjson reads it (no chunks, no blocks)
        text.split("\n").forEach((raw, i) => {
          const r = ndjsonRow(raw, i + 1, "f.ndjson", opts);
          if (r) expected.push(r.issues ? { row: r.row, issues: r.issues } : { row: r.row, profile: r.profile });
        });
        const read: unknown[] = [];
        for await (const r of readNdjson(path, "f.ndjson", opts)) read.push(r.issues ? { row: r.row, issues: r.issues } : { row: r.row, profile: r.profile });
        expect(read).toEqual(expected);
        const record = (out: unknown[]) => ({
          line: (key: string, row: number, b: Buffer, s: number, e: number) => {
            const profile: unknown = (() => {
              try {
                return JSON.parse(b.toString("utf8", s, e));
              } catch {
                return "not JSON"; // refused later, when its partition is read
              }
            })();
            if (profile !== "not JSON") expect(key).toBe(partitionKey(profile));
            out.push(profile === "not JSON" ? { row, notJson: true } : { row, profile });
          },
          row: (r: { row: number; profile?: unknown; issues?: unknown }) => void out.push(r.issues ? { row: r.row, issues: r.issues } : { row: r.row, profile: r.profile }),
        });
        const here: unknown[] = [];
        const bytes: Buffer[] = [];
        await splitNdjson(path, "f.ndjson", opts, record(here), (b) => void bytes.push(Buffer.from(b)));
        expect(Buffer.concat(bytes).equals(Buffer.from(text))).toBe(true); // every byte seen, in order
        // scans answered out of order, after a few ticks each
        let k = 0;
        const elsewhere: unknown[] = [];
        const scan = async (b: Uint8Array, first: boolean) => {
          for (let t = delays[k++ % delays.length]!; t > 0; t--) await new Promise((r) => setImmediate(r));
          return scanBlock(Buffer.from(b), first);
        };
        await splitNdjson(path, "f.ndjson", opts, record(elsewhere), () => {}, scan);
        expect(elsewhere).toEqual(here);
        // the same rows as the ordinary reader, but for lines only JSON.parse refuses (their turn comes later)
        const notJson = here.filter((r) => (r as { notJson?: boolean }).notJson).map((r) => (r as { row: number }).row);
        expect(here.filter((r) => !(r as { notJson?: boolean }).notJson)).toEqual(expected.filter((r) => !notJson.includes((r as { row: number }).row)));
        expect(expected.filter((r) => notJson.includes((r as { row: number }).row)).every((r) => (r as { issues?: { params: { kind: string } }[] }).issues?.[0]?.params.kind === "invalidJson")).toBe(true);
        return here.length;
  };

  it("hands every line over as readNdjson reads it, scanned here or on other threads in any order", async () => {
    await fc.assert(
      fc.asyncProperty(fileArb, fc.array(fc.nat(3), { minLength: 1 }), async (text, delays) => void (await check(text, delays))),
      { numRuns: 150, seed: 2447 },
    );
  });

  it("does the same over several read chunks: lines across chunk boundaries, a line longer than a chunk", async () => {
    const lines: string[] = [];
    const samples = fc.sample(lineArb, { numRuns: 400, seed: 7 });
    for (let i = 0; lines.join("\n").length < 3_000_000; i++) {
      lines.push(i === 700 ? `{"group":"front","year":2025,"id":"long","pad":"${"z".repeat(1_200_000)}"}` : i % 17 === 0 ? "" : `{"group":"province","cohort":"c-${i % 9}","year":2025,"id":"u-${i}","pad":"${"x".repeat(i % 3000)}"}`);
      if (i % 5 === 0) lines.push(samples[i % samples.length]!);
    }
    expect(await check(lines.join("\r\n"), [0, 2, 1])).toBeGreaterThan(1000);
  });

  it("stops reading and fails, without an unhandled rejection, when a scan fails (a worker thread that failed at start)", async () => {
    const path = join(dir, "failing.ndjson");
    writeFileSync(path, `${'{"group":"province","cohort":"c","year":2025,"id":"u"}\n'.repeat(80_000)}`); // several read chunks
    let scans = 0;
    const scan = (b: Uint8Array, first: boolean) => (scans++ === 0 ? Promise.resolve(scanBlock(Buffer.from(b), first)) : Promise.reject(new Error("scoring thread failed")));
    const out: unknown[] = [];
    await expect(splitNdjson(path, "failing.ndjson", opts, { line: (k) => void out.push(k), row: (r) => void out.push(r) }, () => {}, scan)).rejects.toThrow("scoring thread failed");
    expect(scans).toBeLessThanOrEqual(3); // at most one more block read once the failure is known (of about ten)
    await new Promise((r) => setTimeout(r, 20)); // a rejection left unhandled would surface here and fail the run
  });
});
