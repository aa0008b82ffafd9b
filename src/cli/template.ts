import type { Command } from "commander";
import { GROUPS, type Group } from "../index.js";
import { csvAssessmentsTemplate, writeTemplate } from "./input/index.js";
import { output } from "./io.js";
import { loadRulesOrThrow } from "./pipeline.js";
import { usageError } from "./rules-load.js";
import { overridesTemplate } from "./overrides-xlsx.js";

export function templateCommand(program: Command, exit: (code: number) => void): void {
  program
    .command("template")
    .description("an empty input sheet for one subject group: one column per fact, Vietnamese labels, units and allowed values")
    .option("--rules <dir|id>", "rule-set directory or bundled id", "vn-2447-2025")
    .option("--group <group>", `one of ${GROUPS.join(", ")}`)
    .option("--overrides", "the committee's overrides sheet (XLSX) instead of an input sheet, read back by score --overrides")
    .option("--assessments", "the assessments sheet (CSV, for score --assessments) instead of an input sheet; an XLSX input sheet has its own sheet “Đánh giá”")
    .option("--format <format>", "csv or xlsx", "csv")
    .option("--out <file>", "write to a file instead of stdout (required for xlsx)")
    .action(async (o: { rules: string; group?: string; format: string; out?: string; overrides?: boolean; assessments?: boolean }) => {
      if (o.assessments) {
        output(csvAssessmentsTemplate(), o.out);
        return exit(0);
      }
      if (o.overrides) {
        if (!o.out) throw usageError("usage.needs", { option: "--overrides", needs: "--out" });
        output(await overridesTemplate(loadRulesOrThrow(o.rules)), o.out);
        return exit(0);
      }
      if (o.group === undefined) throw usageError("usage.requiredOption", { what: "--group" });
      if (!(GROUPS as readonly string[]).includes(o.group)) throw usageError("usage.badValue", { option: "--group", value: o.group, allowed: GROUPS.join(", ") });
      if (o.format !== "csv" && o.format !== "xlsx") throw usageError("usage.badValue", { option: "--format", value: o.format, allowed: "csv, xlsx" });
      if (o.format === "xlsx" && !o.out) throw usageError("usage.needs", { option: "--format xlsx", needs: "--out" });
      const rs = loadRulesOrThrow(o.rules);
      output(await writeTemplate(rs, o.group as Group, o.format), o.out);
      exit(0);
    });
}
