import { Help, type Argument, type Command, type Option } from "commander";
import type { Lang } from "../index.js";
import { enHelp } from "./messages/help-en.js";
import { viHelp, type HelpCatalog } from "./messages/help-vi.js";

/**
 * The help commander prints (`thidua --help`, `thidua score --help`, `thidua help rules`) in the
 * language of the run: every command's, argument's and option's description from the help catalog
 * (src/cli/messages/help-*.ts), the headings ("Cách dùng:", "Tùy chọn:", "Lệnh:"), the placeholders
 * of values (`--out <tệp>`), the default values and the help option and command — through
 * commander's own hooks (`configureHelp`, `helpOption`, `helpCommand`), never by editing its output.
 */
const HELP: Readonly<Record<Lang, HelpCatalog>> = { vi: viHelp, en: enHelp };

type TextId = keyof HelpCatalog["texts"];

/** The catalog's text for an item of a command: its own (`path item`), else the one every command shares (`* item`). */
export function helpText(lang: Lang, path: string, item = ""): string | undefined {
  const texts = HELP[lang].texts as Readonly<Record<string, string>>;
  const own = [path, item].filter(Boolean).join(" ");
  return texts[own as TextId] ?? (item ? texts[`* ${item}`] : undefined);
}

/** `<file>`, `[options]`… with the catalog's word for what is inside the brackets. */
const placeholders = (s: string, lang: Lang): string =>
  s.replace(/([<[])([^<>[\]]+?)(\.\.\.)?([>\]])/g, (m, open: string, word: string, dots: string | undefined, close: string) => {
    const w = (HELP[lang].words as Readonly<Record<string, string>>)[word];
    return w ? `${open}${w}${dots ?? ""}${close}` : m;
  });

/** The help's formatting in `lang`: headings, placeholders and defaults (descriptions are set on the commands themselves). */
function helpConfig(lang: Lang): Partial<Help> {
  const base = new Help();
  const cat = HELP[lang];
  return {
    styleTitle: (s: string) => (cat.titles as Readonly<Record<string, string>>)[s] ?? s,
    commandUsage: (cmd: Command) => placeholders(base.commandUsage(cmd), lang),
    subcommandTerm: (cmd: Command) => placeholders(base.subcommandTerm(cmd), lang),
    optionTerm: (o: Option) => placeholders(base.optionTerm(o), lang),
    argumentTerm: (a: Argument) => placeholders(`<${base.argumentTerm(a)}>`, lang).slice(1, -1),
    optionDescription: (o: Option) => {
      const shown = o.defaultValue !== undefined && !(o.isBoolean() && typeof o.defaultValue === "boolean");
      return shown ? `${o.description} (${cat.default}: ${o.defaultValueDescription ?? String(o.defaultValue)})` : o.description;
    },
  };
}

/** A command's path below the program: "" for the program, "score", "rules verify". */
const pathOf = (c: Command): string => (c.parent ? [pathOf(c.parent), c.name()].filter(Boolean).join(" ") : "");

/** Sets every description of `program` and its commands from the help catalog of `lang`, and the help's formatting. */
export function localizeHelp(program: Command, lang: Lang): void {
  const walk = (c: Command): void => {
    const path = pathOf(c);
    const own = helpText(lang, path);
    if (own !== undefined) c.description(own);
    for (const a of c.registeredArguments as readonly Argument[]) a.description = helpText(lang, path, `<${a.name()}>`) ?? a.description;
    for (const o of c.options as readonly Option[]) o.description = helpText(lang, path, o.long ?? o.flags) ?? o.description;
    c.configureHelp(helpConfig(lang));
    c.helpOption("-h, --help", helpText(lang, "", "--help"));
    if (c.commands.length) c.helpCommand("help [command]", helpText(lang, "help"));
    c.commands.forEach(walk);
  };
  walk(program);
}

/** Every item of the program that needs a help text, as `[path, item]` (what test/cli/help.test.ts checks the catalogs give). */
export function helpItems(program: Command): [string, string][] {
  const out: [string, string][] = [];
  const walk = (c: Command): void => {
    const path = pathOf(c);
    out.push([path, ""]);
    for (const a of c.registeredArguments as readonly Argument[]) out.push([path, `<${a.name()}>`]);
    for (const o of c.options as readonly Option[]) out.push([path, o.long ?? o.flags]);
    c.commands.forEach(walk);
  };
  walk(program);
  return out;
}
