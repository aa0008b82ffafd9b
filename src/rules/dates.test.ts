import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isIsoDate } from "./dates.js";

/** The calendar as JavaScript's Date knows it: the day a string names, written back, is the same string. */
const dateSaysSo = (s: string) => {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};

const pad = (n: number, w: number) => String(n).padStart(w, "0");

describe("isIsoDate", () => {
  it("takes real days and refuses others (leap years by the Gregorian rule)", () => {
    for (const s of ["2025-01-31", "2024-02-29", "2000-02-29", "2025-12-31", "0000-01-01"]) expect(isIsoDate(s), s).toBe(true);
    for (const s of ["2025-02-29", "1900-02-29", "2100-02-29", "2025-04-31", "2025-13-01", "2025-00-10", "2025-01-00", "2025-1-01", "25-01-01", "2025-01-01T00:00", "２０２５-01-01", ""]) expect(isIsoDate(s), s).toBe(false);
  });

  it("agrees with JavaScript's calendar on every year, month and day written with the right digits", () => {
    const written = fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 })).map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`);
    fc.assert(fc.property(written, (s) => isIsoDate(s) === dateSaysSo(s)), { numRuns: 20_000 });
  });
});
