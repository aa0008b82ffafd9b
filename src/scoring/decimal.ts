import DecimalBase from "decimal.js";

/** A private decimal.js constructor (never `Decimal.set`): two rule sets in one process cannot interfere. */
export const Dec = DecimalBase.clone({ precision: 40, rounding: DecimalBase.ROUND_HALF_UP });
export type Dec = InstanceType<typeof Dec>;

/** Points are integers in hundredths inside the engine (the manifest's `pointScale: 2`). */
export const UNIT = 100;
export const toUnits = (points: number): number => Math.round(points * UNIT);
/** Hundredths → decimal string without float drift: 1250 → "12.5", 700 → "7". */
export const unitsToString = (u: number): string => new Dec(u).div(UNIT).toString();

const MODES = {
  "half-up": DecimalBase.ROUND_HALF_UP,
  "half-even": DecimalBase.ROUND_HALF_EVEN,
  floor: DecimalBase.ROUND_FLOOR,
  ceil: DecimalBase.ROUND_CEIL,
} as const;
export type RoundingMode = keyof typeof MODES;

/** The one rounding helper: every derived number (percent, quota, coefficient) goes through it. */
export function round(d: Dec, places: number, mode: RoundingMode): Dec {
  return d.toDecimalPlaces(places, MODES[mode]);
}

/**
 * Integer division with the same rounding modes, for non-negative safe integers: exact (no float),
 * allocation-free, used on the hot path (percent in hundredths). `round` is the Decimal twin.
 */
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
