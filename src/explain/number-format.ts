/** Intl.NumberFormat is costly to construct: one cached instance per locale and precision. */
const cache = new Map<string, Intl.NumberFormat>();

export function numberFormat(locale: string, maximumFractionDigits: number): Intl.NumberFormat {
  const key = `${locale}|${maximumFractionDigits}`;
  let f = cache.get(key);
  if (!f) cache.set(key, (f = new Intl.NumberFormat(locale, { maximumFractionDigits })));
  return f;
}
