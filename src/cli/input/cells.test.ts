import Decimal from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { convertCell, parseNumberText, ratio } from "./cells.js";

const ok = (value: unknown) => ({ ok: true, value });
const spec = (type: string, values?: string[]) => ({
  type,
  ...(values && { values, valueLabels: Object.fromEntries(values.map((v) => [v, { vi: `Nhãn ${v}`, en: `Label ${v}` }])) }),
});

describe("cell conversion", () => {
  it("empty cells are unknown, never false or 0", () => {
    for (const t of ["boolean", "integer", "ratio", "date", "enum"]) {
      expect(convertCell(spec(t), "  ", ",")).toEqual({ ok: true, empty: true });
      expect(convertCell(spec(t), null, ",")).toEqual({ ok: true, empty: true });
    }
  });
  it("booleans", () => {
    for (const v of ["có", "Có", "CO", "co\u0301", "x", "TRUE", "1", 1, true]) expect(convertCell(spec("boolean"), v, ",")).toEqual(ok(true));
    for (const v of ["không", "Khong", "false", "0", 0, false]) expect(convertCell(spec("boolean"), v, ",")).toEqual(ok(false));
    expect(convertCell(spec("boolean"), "2", ",")).toMatchObject({ ok: false });
  });
  it("numbers with the file's decimal separator; thousands separators rejected, space grouping accepted", () => {
    expect(convertCell(spec("number"), "12,5", ",")).toEqual(ok(12.5));
    expect(convertCell(spec("number"), "12.5", ".")).toEqual(ok(12.5));
    expect(convertCell(spec("number"), "1 234", ",")).toEqual(ok(1234));
    expect(convertCell(spec("number"), "1\u00a0234,5", ",")).toEqual(ok(1234.5));
    expect(convertCell(spec("number"), "12.500", ",")).toMatchObject({ ok: false, expected: "a number" });
    expect(convertCell(spec("number"), "1,234,567", ".")).toMatchObject({ ok: false });
    expect(convertCell(spec("integer"), "1,234", ",")).toMatchObject({ ok: false, hint: expect.stringContaining("thousands separator") });
    expect(convertCell(spec("integer"), "-3", ",")).toEqual(ok(-3));
    expect(convertCell(spec("integer"), 7.5, ",")).toMatchObject({ ok: false });
    expect(convertCell(spec("integer"), "12a", ",")).toMatchObject({ ok: false });
    expect(parseNumberText("+0,25", ",")).toEqual({ ok: true, text: "0.25" });
  });
  it("ratios as 0.7, 70%, 70 % — exact decimals", () => {
    expect(convertCell(spec("ratio"), "0,7", ",")).toEqual(ok(0.7));
    expect(convertCell(spec("ratio"), "70%", ",")).toEqual(ok(0.7));
    expect(convertCell(spec("ratio"), "70 %", ",")).toEqual(ok(0.7));
    expect(convertCell(spec("ratio"), "57,3 %", ",")).toEqual(ok(0.573));
    expect(convertCell(spec("ratio"), 0.25, ",")).toEqual(ok(0.25));
    expect(convertCell(spec("ratio"), "70", ",")).toMatchObject({ ok: false, hint: "write 70% for a percentage" });
    expect(convertCell(spec("ratio"), "120%", ",")).toMatchObject({ ok: false });
  });
  it("dates: ISO, dd/mm/yyyy, Excel dates and serials", () => {
    expect(convertCell(spec("date"), "2025-03-15", ",")).toEqual(ok("2025-03-15"));
    expect(convertCell(spec("date"), "15/03/2025", ",")).toEqual(ok("2025-03-15"));
    expect(convertCell(spec("date"), "5/3/2025", ",")).toEqual(ok("2025-03-05"));
    expect(convertCell(spec("date"), new Date(Date.UTC(2025, 2, 15)), ",")).toEqual(ok("2025-03-15"));
    expect(convertCell(spec("date"), 45731, ",")).toEqual(ok("2025-03-15"));
    expect(convertCell(spec("date"), "2025-02-30", ",")).toMatchObject({ ok: false });
    expect(convertCell(spec("date"), "03/15/2025", ",")).toMatchObject({ ok: false });
  });
  it("enums by value or Vietnamese label (NFC, case-insensitive); sets as a|b", () => {
    const e = spec("enum", ["tot", "kha"]);
    expect(convertCell(e, "tot", ",")).toEqual(ok("tot"));
    expect(convertCell(e, "nhãn KHA".normalize("NFD"), ",")).toEqual(ok("kha"));
    expect(convertCell(e, "Label tot", ",")).toEqual(ok("tot"));
    expect(convertCell(e, "giỏi", ",")).toEqual({ ok: false, expected: "one of tot (Nhãn tot), kha (Nhãn kha)", choices: { vi: "Nhãn tot | Nhãn kha", en: "Label tot | Label kha" } });
    const s = spec("set", ["a", "b", "c"]);
    expect(convertCell(s, "a | Nhãn c|a", ",")).toEqual(ok(["a", "c"]));
    expect(convertCell(s, "a|d", ",")).toMatchObject({ ok: false, hint: "“d” is not one of them" });
  });
  it("text that is not UTF-8 is reported", () => {
    expect(convertCell(spec("enum", ["a"]), "T\uFFFDt", ",")).toMatchObject({ ok: false, hint: expect.stringContaining("not UTF-8") });
  });
});

describe("ratio cells", () => {
  // the exact reference: every ratio text through decimal.js (what the reader did before its fast path)
  const exact = (c: string, decimal: "," | ".") => {
    const pct = /^(.*?)\s*%$/.exec(c.trim());
    const p = parseNumberText(pct ? pct[1]! : c, decimal);
    if (!p.ok) return "bad";
    const d = pct ? new Decimal(p.text).div(100) : new Decimal(p.text);
    return d.lt(0) || d.gt(1) ? `bad ${!pct && d.gt(1) && d.lte(100)}` : d.toNumber();
  };
  it("reads a short decimal without decimal.js exactly as with it (values, bounds, hints)", () => {
    const text = fc.tuple(fc.constantFrom("", "-", "+"), fc.stringMatching(/^\d{1,9}$/), fc.option(fc.stringMatching(/^\d{1,12}$/)), fc.constantFrom("", "%", " %"), fc.constantFrom(",", ".") as fc.Arbitrary<"," | ".">);
    fc.assert(
      fc.property(text, ([sign, int, frac, pct, decimal]) => {
        const c = `${sign}${int}${frac === null ? "" : `${decimal}${frac}`}${pct}`;
        const r = ratio(c, decimal);
        const want = exact(c, decimal);
        if (typeof want === "number") expect(r).toEqual({ ok: true, value: want });
        else expect(r.ok).toBe(false);
        if (want === "bad true") expect((r as { hint?: string }).hint).toContain("%");
      }),
      { numRuns: 3000, seed: 2447 },
    );
    expect(ratio("1.00000000000000000001", ".").ok).toBe(false); // longer than 15 characters: the exact path
    expect(ratio("0,65", ",")).toEqual({ ok: true, value: 0.65 });
  });
});
