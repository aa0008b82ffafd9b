import { Dec, roundDec, type RoundingMode } from "../rules/index.js";

export { Dec, type RoundingMode };

/**
 * Points inside the engine: an exact integer number of hundredths (the manifest's `pointScale: 2`),
 * from scoring through ranking, awards and what-if. They become decimal strings ("12.5") only in
 * results, explanations and reports ({@link formatPoints}).
 */
export type Points = number & { readonly __unit: "hundredths of a point" };
/** A percentage in hundredths of a percent (e.g. 87.5% → 8750): what percent thresholds compare. */
export type Percent = number & { readonly __unit: "hundredths of a percent" };

export const POINTS_PER_UNIT = 100;
export const ZERO = 0 as Points;

/** Rule-file points (a JSON number with at most two decimals) in hundredths. */
export const toPoints = (points: number): Points => Math.round(points * POINTS_PER_UNIT) as Points;
/** A rule-file percentage (0–100, two decimals) in hundredths of a percent. */
export const toPercent = (percent: number): Percent => Math.round(percent * 100) as Percent;

/** Sum of points. */
export const sum = (xs: Iterable<Points>): Points => {
  let s = 0;
  for (const x of xs) s += x;
  return s as Points;
};

/** Hundredths as a decimal string with integer arithmetic only (exact for safe integers): 1250 → "12.5", 700 → "7". */
export function formatPoints(u: Points | Percent | number): string {
  const neg = u < 0;
  const a = neg ? -u : u;
  const whole = Math.floor(a / 100);
  const frac = a - whole * 100;
  const s = frac === 0 ? String(whole) : frac % 10 === 0 ? `${whole}.${frac / 10}` : `${whole}.${frac < 10 ? "0" : ""}${frac}`;
  return neg ? `-${s}` : s;
}

/** The one rounding helper for decimals: every derived number (quota, coefficient) goes through it. */
export const round = (d: Dec, places: number, mode: RoundingMode): Dec => roundDec(d, places, mode);

/** `n / d` rounded to an integer with a named mode, for non-negative safe integers: exact, no float. */
export function divRound(n: number, d: number, mode: RoundingMode): number {
  const q = Math.floor(n / d);
  const r = n - q * d;
  if (r === 0) return q;
  switch (mode) {
    case "floor":
      return q;
    case "ceil":
      return q + 1;
    case "half-up":
      return 2 * r >= d ? q + 1 : q;
    case "half-even":
      return 2 * r > d || (2 * r === d && q % 2 === 1) ? q + 1 : q;
  }
}

/** `points` as a share of `of` in hundredths of a percent, rounded as the manifest says (0 when `of` is 0). */
export const percentOf = (points: Points, of: Points, mode: RoundingMode): Percent => (of === 0 ? 0 : divRound(points * 10000, of, mode)) as Percent;

/** The fewest points whose share of `of` reaches `percent` (rounded up): what a percentage threshold needs. */
export const pointsFor = (percent: Percent, of: Points): Points => divRound(of * percent, 10000, "ceil") as Points;
