import { formatItem, type Item, type MessageKey, type MessageParams } from "../explain/index.js";
import type { Lang } from "../index.js";

/** One catalog message of the command line, in `lang`. */
export const say = <K extends MessageKey>(lang: Lang, key: K, params: MessageParams[K]): string => formatItem({ key, params } as Item, lang);

/** A catalog message to be worded later, in the language of the run. */
export const item = <K extends MessageKey>(key: K, params: MessageParams[K]): Item => ({ key, params }) as Item;

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
export const errorText = (e: Error & { item?: Item | undefined }, lang: Lang): string => (e.item ? formatItem(e.item, lang) : e.message);
