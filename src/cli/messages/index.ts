import { createFormatter, formatItem, type Item, type MessageKey, type MessageParams } from "../../explain/index.js";
import type { Lang } from "../../index.js";
import { enCli } from "./en.js";
import type { CliCatalog, CliMessageKey, CliMessageParams } from "./types.js";
import { viCli } from "./vi.js";

export type { CliMessageKey, CliMessageParams } from "./types.js";

/** Every key the command line can word: the library's messages and its own. */
export type AnyKey = MessageKey | CliMessageKey;
export type AnyParams = MessageParams & CliMessageParams;

/** A message of the library's catalog or of the command line's, to be worded in a language. */
export type CliItem = Item | { readonly key: CliMessageKey; readonly params: unknown };

const CLI_CATALOGS: Readonly<Record<Lang, CliCatalog>> = { vi: viCli, en: enCli };
const isCliKey = (key: string): key is CliMessageKey => Object.hasOwn(viCli, key);

/** A message item in `lang`, from the command line's catalog or the library's. */
export function formatCliItem(i: CliItem, lang: Lang): string {
  if (!isCliKey(i.key)) return formatItem(i as Item, lang);
  return (CLI_CATALOGS[lang][i.key] as (p: unknown, f: ReturnType<typeof createFormatter>) => string)(i.params, createFormatter(lang));
}

/** One catalog message of the command line, in `lang`. */
export const say = <K extends AnyKey>(lang: Lang, key: K, params: AnyParams[K]): string => formatCliItem({ key, params } as CliItem, lang);

/** A catalog message to be worded later, in the language of the run. */
export const item = <K extends AnyKey>(key: K, params: AnyParams[K]): CliItem => ({ key, params }) as CliItem;

/**
 * The language of the command's own messages, read from the command line before commander parses
 * it (an error can come before the options are known): `--lang en` or `--lang=en`; Vietnamese
 * otherwise.
 */
export function langOfArgv(argv: readonly string[]): Lang {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const v = a === "--lang" ? argv[i + 1] : a.startsWith("--lang=") ? a.slice("--lang=".length) : undefined;
    if (v !== undefined) return v === "en" ? "en" : "vi";
  }
  return "vi";
}

/** A message worded by the catalog (`item`) or, for the older messages, the English `message`. */
export const errorText = (e: Error & { item?: CliItem | undefined }, lang: Lang): string => (e.item ? formatCliItem(e.item, lang) : e.message);
