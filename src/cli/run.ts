import { Command, CommanderError } from "commander";
import { ThiduaError } from "../index.js";
import { issueLine } from "./issues.js";
import { rulesCommands } from "./rules.js";
import { demoCommand } from "./demo.js";
import { InputFileError } from "./input/index.js";
import { errorText, langOfArgv } from "./messages/index.js";
import { UsageError } from "./pipeline.js";
import { replayCommand } from "./replay.js";
import { scoreCommands } from "./score.js";
import { templateCommand } from "./template.js";

/** Exit codes: 0 success, 1 rejected rows / failed verification, 2 usage or rule-set error. */
export async function run(argv: readonly string[]): Promise<number> {
  let code = 0;
  const exit = (c: number) => {
    code = c;
  };
  const debug = argv.includes("--debug");
  const program = new Command("thidua")
    .description("thidua — emulation and commendation rules engine (Toàn dân bảo vệ an ninh Tổ quốc)")
    .option("--debug", "print stack traces on errors")
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  rulesCommands(program, exit);
  demoCommand(program, exit);
  scoreCommands(program, exit);
  replayCommand(program, exit);
  templateCommand(program, exit);
  try {
    await program.parseAsync(argv.filter((a) => a !== "--debug"), { from: "user" });
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    if (e instanceof UsageError || e instanceof InputFileError) {
      for (const i of (e as UsageError).issues ?? []) process.stderr.write(`${issueLine(i, langOfArgv(argv))}\n`);
      process.stderr.write(`thidua: ${debug ? e.stack : errorText(e, langOfArgv(argv))}\n`);
      return 2;
    }
    if (e instanceof ThiduaError) {
      for (const i of e.issues) process.stderr.write(`${issueLine(i, langOfArgv(argv))}\n`);
      process.stderr.write(`${debug ? e.stack : e.message.split("\n")[0]}\n`);
      return 2;
    }
    process.stderr.write(`thidua: ${debug && e instanceof Error ? e.stack : e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  return code;
}

