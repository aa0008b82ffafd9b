import { createFormatter, formatItem, type Item, type MessageKey, type MessageParams } from "../../explain/index.js";
import type { Lang } from "../../rules/index.js";
import { enReport } from "./en.js";
import type { ReportCatalog, ReportMessageKey, ReportMessageParams } from "./types.js";
import { viReport } from "./vi.js";

export type { ReportCatalog, ReportMessageKey, ReportMessageParams } from "./types.js";

/** Every key a report can word: the explanations' messages and its own. */
export type ReportKey = MessageKey | ReportMessageKey;
export type ReportParams = MessageParams & ReportMessageParams;

const REPORT_CATALOGS: Readonly<Record<Lang, ReportCatalog>> = { vi: viReport, en: enReport };
const isReportKey = (key: string): key is ReportMessageKey => Object.hasOwn(viReport, key);

/** One catalog message in `lang`: from the report catalog, or the library's explanation catalog. */
export function say<K extends ReportKey>(lang: Lang, key: K, params: ReportParams[K]): string {
  if (!isReportKey(key)) return formatItem({ key, params } as Item, lang);
  return (REPORT_CATALOGS[lang][key] as (p: unknown, f: ReturnType<typeof createFormatter>) => string)(params, createFormatter(lang));
}

/** The report messages of a language (for tests that check every key is worded). */
export const reportCatalog = (lang: Lang): ReportCatalog => REPORT_CATALOGS[lang];

/** One message of the reports' own catalog, in `lang` (see {@link say} for any key). */
export const sayReport = <K extends ReportMessageKey>(lang: Lang, key: K, params: ReportMessageParams[K]): string => say(lang, key, params as ReportParams[K]);
export { viReport, enReport };
