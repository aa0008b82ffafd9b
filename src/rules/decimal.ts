import Big from "big.js";

/**
 * Exact decimals for the numbers rule files hold (quota shares, per-unit rates, formulas of derived
 * facts): big.js, through a private constructor (its own settings, never the shared one's, so two
 * programs in one process cannot interfere). A quotient is computed to 40 decimal places, rounded
 * half-up; sums, differences and products are exact.
 */
export const Dec = Big();
Dec.DP = 40;
Dec.RM = Big.roundHalfUp;
export type Dec = Big.Big;

/** The rounding rules a manifest, a quota or a formula may name. */
export type RoundingMode = "half-up" | "half-even" | "floor" | "ceil";

/** `d` rounded to `places` decimal places by a named rule (floor and ceil towards −∞ and +∞). */
export function roundDec(d: Dec, places: number, mode: RoundingMode): Dec {
  if (mode === "half-up") return d.round(places, Big.roundHalfUp);
  if (mode === "half-even") return d.round(places, Big.roundHalfEven);
  // big.js rounds towards or away from zero: floor is away from zero below it, ceil above it
  return d.round(places, (mode === "floor") === d.lt(0) ? Big.roundUp : Big.roundDown);
}

/** The least (`sign` −1) or greatest (`sign` 1) of decimals. */
export const extremeDec = (xs: readonly Dec[], sign: 1 | -1): Dec => xs.reduce((a, b) => (b.cmp(a) === sign ? b : a));
