import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { partitionKey } from "../../index.js";
import { scanCohort } from "./ndjson-split.js";

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
