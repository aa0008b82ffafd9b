import type { Command } from "commander";
import { scoreCommand } from "./score-command.js";
import { explainCommand, validateCommand } from "./validate-command.js";

/** `score`, `validate` and `explain`: the commands that read profiles (`replay` is in replay.ts). */
export function scoreCommands(program: Command, exit: (code: number) => void): void {
  scoreCommand(program, exit);
  validateCommand(program, exit);
  explainCommand(program, exit);
}
