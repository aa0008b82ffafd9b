import type { Command } from "commander";
import { renderRulebook, type Issue, type Lang } from "../index.js";
import { issueLine } from "./issues.js";
import { loadRuleSet } from "../node/index.js";
import { output } from "./io.js";
import { say } from "./messages/index.js";
import { langOf } from "./options.js";

const print = (issues: readonly Issue[], lang: Lang = "vi") => issues.forEach((i) => process.stderr.write(`${issueLine(i, lang)}\n`));

/** A file that fails its manifest, in the catalog's words (the file as its rule set names it: `vn-2447-2025/awards.json`). */
function alteredLine(i: Issue, lang: Lang): string {
  const file = `${String(i.params?.["ruleset"] ?? "")}${i.params?.["ruleset"] ? "/" : ""}${String(i.params?.["file"] ?? i.path[0])}`;
  return i.code === "rules.hash_mismatch"
    ? say(lang, "rules.hashMismatch", { file, actual: String(i.params?.["actual"]), expected: String(i.params?.["expected"]) })
    : say(lang, "rules.fileMissing", { file });
}

/** `rules verify`: each file's SHA-256 against its manifest; the exit code (0 all match, 1 altered, 2 no rule set there). */
function verify(dir: string, lang: Lang): number {
  const r = loadRuleSet(dir, { skipLints: true });
  if (!r.ok) {
    if (r.issues.some((i) => i.code === "rules.missing_file" && String(i.path[0] ?? "").endsWith("manifest.json"))) {
      print(r.issues, lang);
      return 2; // no rule set there: a usage error, not an altered file
    }
    const altered = r.issues.filter((i) => i.code === "rules.hash_mismatch" || i.code === "rules.missing_file");
    if (!altered.length) print(r.issues, lang);
    for (const i of altered) process.stderr.write(`${alteredLine(i, lang)}\n`);
    for (const i of altered) process.stderr.write(`${say(lang, "rules.altered", { file: String(i.params?.["file"] ?? i.path[0]) })}\n`);
    return 1;
  }
  const rs = r.value;
  process.stdout.write(`${rs.id} ${rs.version} sha256:${rs.sha256}\n`);
  for (const f of rs.files) process.stdout.write(`  ${f.sha256}  ${f.origin}/${f.path}\n`);
  const lineage = rs.lineage.length > 1 ? rs.lineage.map((l) => `${l.id}@${l.version}`).join(" → ") : "";
  process.stdout.write(`${say(lang, "rules.verifyOk", { count: rs.files.length, lineage })}\n`);
  return 0;
}

export function rulesCommands(program: Command, exit: (code: number) => void): void {
  const rules = program.command("rules").description("verify, check and print rule sets");
  rules
    .command("verify")
    .argument("<dir>", "rule-set directory or bundled id (e.g. vn-2447-2025)")
    .option("--lang <lang>", "vi or en", "vi")
    .description("check every file's sha256 against the manifest; print id, version and the rule set's digest")
    .action((dir: string, o: { lang: string }) => exit(verify(dir, langOf(o.lang))));
  rules
    .command("check")
    .argument("<dir>", "rule-set directory or bundled id")
    .option("--lang <lang>", "vi or en", "vi")
    .description("validate and lint a rule set; exit 1 on errors (hash mismatches are reported as warnings while editing)")
    .action((dir: string, o: { lang: string }) => {
      const lang = langOf(o.lang);
      const r = loadRuleSet(dir, { allowModified: true });
      const issues = r.ok ? (r.warnings ?? []) : r.issues;
      print(issues, lang);
      const errors = issues.filter((i) => i.severity === "error").length;
      process.stdout.write(`${say(lang, "rules.checkSummary", { errors, warnings: issues.length - errors })}\n`);
      exit(errors ? 1 : 0);
    });
  rules
    .command("print")
    .argument("<dir>", "rule-set directory or bundled id")
    .option("--lang <lang>", "vi or en", "vi")
    .option("--out <file>", "write to a file instead of stdout")
    .description("print the Markdown rule book an auditor reads")
    .action((dir: string, o: { lang: string; out?: string }) => {
      if (o.lang !== "vi" && o.lang !== "en") {
        process.stderr.write(`--lang must be vi or en\n`);
        return exit(2);
      }
      const r = loadRuleSet(dir);
      if (!r.ok) {
        print(r.issues);
        return exit(2);
      }
      output(renderRulebook(r.value, o.lang as Lang), o.out);
      exit(0);
    });
}
