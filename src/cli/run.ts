import { Command, CommanderError } from "commander";
import { ThiduaError, type Lang } from "../index.js";
import { ENGINE_VERSION } from "../report/index.js";
import { BUNDLED_RULE_SETS, bundledRulesDir, loadRuleSet } from "../node/index.js";
import { join } from "node:path";
import { issueLine } from "./issues.js";
import { localizeHelp } from "./help.js";
import { rulesCommands } from "./rules.js";
import { demoCommand } from "./demo.js";
import { InputFileError } from "./input/index.js";
import { errorText, langOfArgv, say } from "./messages/index.js";
import { UsageError } from "./pipeline.js";
import { replayCommand } from "./replay.js";
import { scoreCommands } from "./score.js";
import { templateCommand } from "./template.js";

/** `thidua --version`: the engine's version, then each bundled rule set's id, version and title. */
export function versionText(lang: Lang): string {
  const lines = [say(lang, "cli.version", { version: ENGINE_VERSION })];
  for (const id of BUNDLED_RULE_SETS) {
    const r = loadRuleSet(join(bundledRulesDir(), id));
    if (r.ok) lines.push(say(lang, "cli.versionRuleSet", { id, version: r.value.version, title: r.value.manifest.title[lang] }));
  }
  return lines.join("\n");
}

/** The first name commander quotes in its message ('--foo', 'input'…), or the whole message. */
const quotedName = (message: string): string => /'([^']*)'/.exec(message)?.[1] ?? message.replace(/^error:\s*/, "");

/** A commander error in the catalog's words (commander's own English text is never shown). */
export function commanderText(e: CommanderError, lang: Lang): string {
  const what = quotedName(e.message);
  switch (e.code) {
    case "commander.unknownOption":
      return say(lang, "usage.unknownOption", { what });
    case "commander.unknownCommand":
      return say(lang, "usage.unknownCommand", { what });
    case "commander.missingArgument":
      return say(lang, "usage.missingArgument", { what });
    case "commander.optionMissingArgument":
      return say(lang, "usage.optionArgument", { what: what.split(" ")[0]! });
    case "commander.missingMandatoryOptionValue":
      return say(lang, "usage.requiredOption", { what: what.split(" ")[0]! });
    case "commander.excessArguments":
      return say(lang, "usage.excessArguments", { command: what });
    default:
      return say(lang, "usage.other", { text: e.message.replace(/^error:\s*/, "") });
  }
}

/** The program with its commands, its help in `lang`; commander prints nothing itself on errors (they are worded by the catalogs). */
export function program(exit: (c: number) => void, lang: Lang = "vi"): Command {
  const p = new Command("thidua")
    .description("thidua — emulation and commendation rules engine (Toàn dân bảo vệ an ninh Tổ quốc)")
    .option("--debug", "print stack traces on errors")
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s), outputError: () => {} });
  rulesCommands(p, exit);
  demoCommand(p, exit);
  scoreCommands(p, exit);
  replayCommand(p, exit);
  templateCommand(p, exit);
  for (const c of p.commands) c.exitOverride().configureOutput({ writeErr: (s) => process.stderr.write(s), outputError: () => {} });
  p.showSuggestionAfterError(false);
  localizeHelp(p, lang);
  return p;
}

/** Exit codes: 0 success, 1 rejected rows / failed verification, 2 usage or rule-set error. */
export async function run(argv: readonly string[]): Promise<number> {
  let code = 0;
  const lang = langOfArgv(argv);
  if (argv[0] === "--version" || argv[0] === "-V") {
    process.stdout.write(`${versionText(lang)}\n`);
    return 0;
  }
  const debug = argv.includes("--debug");
  try {
    await program((c) => void (code = c), lang).parseAsync(argv.filter((a) => a !== "--debug"), { from: "user" });
  } catch (e) {
    return failure(e, lang, debug);
  }
  return code;
}

/** What a failed command prints on stderr, and its exit code (2). */
function failure(e: unknown, lang: Lang, debug: boolean): number {
  if (e instanceof CommanderError) {
    if (e.exitCode === 0) return 0; // --help
    if (e.code === "commander.help" || e.code === "commander.helpDisplayed") return 2; // the usage was printed (no command given)
    process.stderr.write(`thidua: ${commanderText(e, lang)}\n${say(lang, "usage.help", {})}\n`);
    return 2;
  }
  if (e instanceof UsageError || e instanceof InputFileError) {
    for (const i of (e as UsageError).issues ?? []) process.stderr.write(`${issueLine(i, lang)}\n`);
    process.stderr.write(`thidua: ${debug ? e.stack : errorText(e, lang)}\n`);
    return 2;
  }
  if (e instanceof ThiduaError) {
    for (const i of e.issues) process.stderr.write(`${issueLine(i, lang)}\n`);
    process.stderr.write(`${debug ? e.stack : e.message.split("\n")[0]}\n`);
    return 2;
  }
  process.stderr.write(`thidua: ${debug && e instanceof Error ? e.stack : e instanceof Error ? e.message : String(e)}\n`);
  return 2;
}
