import Decimal from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Dec, extremeDec, roundDec, type RoundingMode } from "./decimal.js";

/** decimal.js (which the engine used before big.js, and the CLI still reads cells with) as the reference. */
const D = Decimal.clone({ precision: 60 });
const MODES: Record<RoundingMode, Decimal.Rounding> = { "half-up": Decimal.ROUND_HALF_UP, "half-even": Decimal.ROUND_HALF_EVEN, floor: Decimal.ROUND_FLOOR, ceil: Decimal.ROUND_CEIL };
const decimalText = fc.tuple(fc.boolean(), fc.stringMatching(/^\d{1,9}$/), fc.stringMatching(/^\d{0,8}$/)).map(([neg, i, f]) => `${neg ? "-" : ""}${i}${f ? `.${f}` : ""}`);

describe("exact decimals (big.js) against decimal.js", () => {
  it("rounds by every named rule as decimal.js does, on both sides of zero", () => {
    fc.assert(
      fc.property(decimalText, fc.integer({ min: 0, max: 6 }), fc.constantFrom<RoundingMode>("half-up", "half-even", "floor", "ceil"), (x, places, mode) => {
        expect(roundDec(new Dec(x), places, mode).toFixed()).toBe(new D(x).toDecimalPlaces(places, MODES[mode]).toFixed());
      }),
      { numRuns: 2000, seed: 21 },
    );
  });

  it("sums, products and quotients give the same nearest number; min and max the same value", () => {
    fc.assert(
      fc.property(decimalText, decimalText, (a, b) => {
        expect(new Dec(a).plus(b).toNumber()).toBe(new D(a).plus(b).toNumber());
        expect(new Dec(a).times(b).toFixed()).toBe(new D(a).times(b).toFixed());
        if (Number(b) !== 0) expect(new Dec(a).div(b).toNumber()).toBe(new D(a).div(b).toNumber());
        expect(extremeDec([new Dec(a), new Dec(b)], -1).toFixed()).toBe(D.min(a, b).toFixed());
        expect(extremeDec([new Dec(a), new Dec(b)], 1).toFixed()).toBe(D.max(a, b).toFixed());
      }),
      { numRuns: 2000, seed: 2447 },
    );
  });

  it("a quota share times a base reads as before (share × base before rounding)", () => {
    for (const [share, base, text] of [["0.15", 20, "3"], ["0.2", 3, "0.6"], ["0.15", 7, "1.05"], ["1", 0, "0"]] as const) expect(new Dec(share).times(base).toString()).toBe(text);
  });
});
