/** The locales of the message catalogs and the precisions the renderers use. */
const LOCALES = ["vi-VN", "en-GB"] as const;
const PRECISIONS = [2, 4] as const;

/**
 * Number formats made once, for every catalog locale and precision (Intl.NumberFormat is costly to
 * construct): a fixed table, never grown.
 */
const FORMATS: Readonly<Record<string, Intl.NumberFormat>> = /* @__PURE__ */ Object.freeze(
  Object.fromEntries(LOCALES.flatMap((l) => PRECISIONS.map((p) => [`${l}|${p}`, new Intl.NumberFormat(l, { maximumFractionDigits: p })]))),
);

/** The number format of a catalog locale with at most `maximumFractionDigits` decimals. */
export function numberFormat(locale: string, maximumFractionDigits: number): Intl.NumberFormat {
  return FORMATS[`${locale}|${maximumFractionDigits}`] ?? new Intl.NumberFormat(locale, { maximumFractionDigits });
}
