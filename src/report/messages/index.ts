import { createFormatter } from "../../explain/index.js";
import type { Lang } from "../../rules/index.js";
import { enReport } from "./en.js";
import type { ReportCatalog, ReportMessageKey, ReportMessageParams } from "./types.js";
import { viReport } from "./vi.js";

export type { ReportCatalog, ReportMessageKey, ReportMessageParams } from "./types.js";
export { viReport, enReport };

/** One message of the reports' catalog, in `lang`. */
export function sayReport<K extends ReportMessageKey>(lang: Lang, key: K, params: ReportMessageParams[K]): string {
  const cat: ReportCatalog = lang === "en" ? enReport : viReport;
  return (cat[key] as (p: unknown, f: ReturnType<typeof createFormatter>) => string)(params, createFormatter(lang));
}
