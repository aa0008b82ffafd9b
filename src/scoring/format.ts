/** Hundredths → decimal string with integer arithmetic only (exact for safe integers): 1250 → "12.5". */
const cache: string[] = [];
const CACHE_MAX = 20_000;

export function units(u: number): string {
  if (u >= 0 && u < CACHE_MAX && Number.isInteger(u)) return (cache[u] ??= format(u));
  return format(u);
}

function format(u: number): string {
  const neg = u < 0;
  const a = neg ? -u : u;
  const whole = Math.floor(a / 100);
  const frac = a - whole * 100;
  const s = frac === 0 ? String(whole) : frac % 10 === 0 ? `${whole}.${frac / 10}` : `${whole}.${frac < 10 ? "0" : ""}${frac}`;
  return neg ? `-${s}` : s;
}
