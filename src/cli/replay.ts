import { join } from "node:path";
import type { Command } from "commander";
import type { DecidedRecommendation, Lang, RuleSet } from "../index.js";
import { canonicalJson } from "../rules/index.js";
import { checkRecordSeal, ENGINE_VERSION, jsonDifferences, parseDecisionRecord, unitKey, type ReadRecord, type SealCheck } from "../report/index.js";
import { say as sayIn, type AnyKey, type AnyParams } from "./messages/index.js";
import { BUNDLED_RULE_SETS, bundledRulesDir, loadRuleSet } from "../node/index.js";
import { InputFileError, readRegularFile } from "./input/index.js";
import { issueLines } from "./issues.js";
import { readOverrides } from "./overrides.js";
import { nodeSha256 } from "./hash.js";
import { scoreFile, type Scored } from "./pipeline.js";
import { UsageError, usageError } from "./rules-load.js";

/** A result's fields a reader looks at first: compared (and listed) before the rest. */
const FIRST = ["rank", "score", "classification", "award", "final", "knockedOut", "percent", "alongside", "alternatives"];

/** Lines of differences listed at most (the count says how many units and parts differ). */
const MAX_LISTED = 40;

interface ReplayFlags {
  profiles: string;
  rules?: string;
  overrides?: string;
  allowModifiedRules?: boolean;
  assessments?: string;
  lang: string;
}

/** The lines replay prints, in the catalog's words. */
class Lines {
  readonly out: string[] = [];
  constructor(readonly lang: Lang) {}
  say<K extends AnyKey>(key: K, params: AnyParams[K], indent = ""): void {
    this.out.push(indent + sayIn(this.lang, key, params));
  }
}

/** Reads and checks a record file: unreadable, malformed or of an unknown version → a usage error naming the problem. */
function readRecord(file: string, lang: Lang): ReadRecord {
  const r = parseDecisionRecord(readRegularFile(file)); // never blocks on a FIFO
  if (!r.ok) throw new UsageError([`${file}:`, ...issueLines(r.issues, lang).map((l) => `  ${l}`)].join("\n"));
  return r.value;
}

/**
 * The rule set to replay over: `--rules` (a folder or a bundled id), else the bundled set the record
 * names — a record's id is never used as a path. Files that fail their manifest are refused, naming
 * them, unless `--allow-modified-rules` (then the first line of the output says so); a set whose
 * digest differs from the record's is refused.
 */
function replayRules(record: ReadRecord["record"], o: ReplayFlags, lines: Lines): RuleSet {
  const id = record.ruleset.id;
  if (o.rules === undefined && !(BUNDLED_RULE_SETS as readonly string[]).includes(id)) throw new UsageError(sayIn(lines.lang, "replay.rulesNotBundled", { id }));
  const r = loadRuleSet(o.rules ?? join(bundledRulesDir(), id), { allowModified: true });
  if (!r.ok) throw new UsageError(issueLines(r.issues, lines.lang).join("\n"));
  const rs = r.value;
  const altered = (r.warnings ?? []).filter((i) => i.code === "rules.hash_mismatch").map((i) => `${String(i.params?.["ruleset"] ?? rs.id)}/${String(i.params?.["file"] ?? i.path[0])}`);
  if (altered.length && !o.allowModifiedRules) throw new UsageError(sayIn(lines.lang, "replay.rulesAltered", { id: rs.id, files: altered.join(", ") }));
  if (!rs.verified) lines.out.unshift(sayIn(lines.lang, "replay.allowModified", {}));
  if (rs.sha256 !== record.ruleset.sha256) {
    throw new UsageError(
      sayIn(lines.lang, "replay.rulesDiffer", { id: rs.id, version: rs.version, sha256: rs.sha256, recordedId: id, recordedVersion: record.ruleset.version, recordedSha256: record.ruleset.sha256 }),
    );
  }
  lines.say("replay.rulesMatch", { id: rs.id, version: rs.version, sha256: rs.sha256 });
  return rs;
}

/** What re-deriving the record found: each unit or part that differs counts once; its lines are listed while there is room. */
interface Findings {
  readonly listed: string[];
  /** Units and parts that differ. */
  count: number;
  /** Those whose lines were listed. */
  shown: number;
}
const add = (found: Findings, lines: readonly string[]) => {
  found.count++;
  if (found.listed.length >= MAX_LISTED) return;
  found.shown++;
  found.listed.push(...lines.map((l) => `  ${l}`));
};

/** The record re-derived: the run, and each cohort's unit keys in the order they come (rank order). */
interface Rederived {
  readonly scored: Scored;
  readonly keys: ReadonlyMap<string, readonly string[]>;
}

/** Re-runs the record's input with its own settings and overrides, comparing every result with the recorded one as it comes. */
async function rederive(record: ReadRecord["record"], rs: RuleSet, profiles: string, found: Findings, lang: Lang, assessments?: string): Promise<Rederived> {
  const recorded = new Map<string, DecidedRecommendation>();
  for (const r of record.results) recorded.set(unitKey(r), r);
  const note = <K extends AnyKey>(key: K, params: AnyParams[K]) => add(found, [sayIn(lang, key, params)]);
  const seen = new Set<string>();
  const keys = new Map<string, string[]>();
  const opt = record.options;
  // a record made with traces (the library's default) is re-derived with them
  const trace = record.results.some((r) => r.scoreResult.criteria.some((c) => "trace" in c));
  const scored = await scoreFile(profiles, {
    rules: rs.id,
    ...(record.asOf !== null && { asOf: record.asOf }),
    ...(typeof opt["year"] === "number" && { year: opt["year"] }),
    ...(opt["decimal"] === "," || opt["decimal"] === "." ? { decimal: opt["decimal"] } : {}),
    overrideList: record.overrides,
    trace,
    // the columns the record says were ignored are ignored again (and compared below)
    ...(record.ignoredColumns !== undefined && { ignoreUnknownColumns: true }),
    ...(assessments !== undefined && { assessments }),
  }, (c, results) => {
    keys.set(c.key, results.map(unitKey));
    for (const r of results) {
      const key = unitKey(r);
      seen.add(key);
      const b = recorded.get(key);
      const derived = canonicalJson(r);
      if (!b) note("replay.unitExtra", { unitId: r.unitId, cohort: r.cohort ?? "" });
      else if (canonicalJson(b) !== derived) {
        const unit = { unitId: r.unitId, cohort: r.cohort ?? "" };
        add(found, jsonDifferences(b, JSON.parse(derived), 4, FIRST).map((d) => sayIn(lang, "replay.unitField", { ...unit, ...d })));
      }
    }
    return [];
  }, rs);
  for (const [key, r] of recorded) if (!seen.has(key)) note("replay.unitMissing", { unitId: r.unitId, cohort: r.cohort ?? "" });
  return { scored, keys };
}

/** The run-level parts re-derived (cohorts, quotas, rejected rows) and the order of the results, against the record. */
function compareParts(record: ReadRecord["record"], again: Rederived, found: Findings, lang: Lang): void {
  const run = again.scored.run;
  for (const part of ["cohorts", "runQuotas", "rejected", "ignoredColumns"] as const) {
    const diffs = jsonDifferences(record[part] ?? [], JSON.parse(canonicalJson(run[part] ?? [])), 5);
    if (diffs.length) add(found, diffs.map((d) => sayIn(lang, "replay.partField", { part, ...d })));
  }
  // the results in the order a record writes them: cohort by cohort, each in rank order (a unit twice counts too)
  const expected = run.cohorts.flatMap((c) => again.keys.get(c.key) ?? []);
  const actual = record.results.map(unitKey);
  const reordered = expected.length === actual.length && expected.some((k, i) => k !== actual[i]);
  if (reordered || new Set(actual).size !== actual.length) add(found, [sayIn(lang, "replay.order", {})]);
}

/** The seal's verdict lines: intact, or REFUSED with every edited part. */
function sealLines(check: SealCheck, lines: Lines): void {
  if (check.intact) return lines.say("replay.sealIntact", { sha256: check.sha256 });
  lines.say("replay.sealBroken", {});
  for (const e of check.edited) lines.say("replay.partEdited", { part: e.part, sealed: e.sealed ?? "", actual: e.actual ?? "" }, "  ");
  if (check.sealEdited) lines.say("replay.sealListEdited", {}, "  ");
}

/**
 * `thidua replay`: checks a decision record against itself (its seal), then against a re-run of its
 * input with its rule set, settings and overrides. Exit 0 when every part matches; 1 when the
 * record was edited or anything differs; 2 when it cannot be replayed (not a record, rule set
 * missing, altered or different).
 */
export function replayCommand(program: Command, exit: (code: number) => void): void {
  program
    .command("replay")
    .argument("<record>", "a decision record written by `thidua score --format json`")
    .requiredOption("--profiles <file>", "the input file the record was made from")
    .option("--rules <dir|id>", "rule-set directory (default: the bundled set named in the record)")
    .option("--overrides <file>", "the committee's overrides file: checked against the record's overrides")
    .option("--allow-modified-rules", "replay over rule files that fail their manifest (the output says so on its first line; proves nothing)")
    .option("--assessments <file>", "the assessments file the record was made with (score --assessments)")
    .option("--lang <lang>", "vi or en", "vi")
    .description("check a decision record's seal, then re-run it; exit 0 if every part is identical, 1 if the record was edited or differs, 2 if it cannot be replayed")
    .action(async (file: string, o: ReplayFlags) => {
      if (o.lang !== "vi" && o.lang !== "en") throw usageError("usage.badValue", { option: "--lang", value: o.lang, allowed: "vi, en" });
      const lines = new Lines(o.lang);
      const read = readRecord(file, lines.lang);
      const record = read.record;
      if (read.version === 1) lines.say("replay.v1", {});
      if (record.engine.version !== ENGINE_VERSION) lines.say("replay.engineDiffers", { recorded: record.engine.version, current: ENGINE_VERSION });
      // first the record against itself: its seal, recomputed from its own body
      const check = read.version === 2 ? checkRecordSeal(read.record, nodeSha256) : undefined;
      if (check) sealLines(check, lines);
      try {
        const rs = replayRules(record, o, lines);
        const code = await rerun(record, rs, o, lines, check?.intact ?? true);
        process.stdout.write(lines.out.join("\n") + "\n");
        exit(code);
      } catch (e) {
        // an edited record that cannot be re-run (its rule-set identity or input may be the edit) stays refused as edited
        if (!check || check.intact || !(e instanceof UsageError || e instanceof InputFileError)) throw e;
        process.stdout.write([...lines.out, e.message].join("\n") + "\n");
        exit(1);
      }
    });
}

/** The assessments file a record was made with (`--assessments`): required again, and compared by its SHA-256. */
function assessmentsLine(record: ReadRecord["record"], o: ReplayFlags, lines: Lines): boolean {
  const recorded = record.options["assessments"];
  if (typeof recorded !== "string") return true;
  if (o.assessments === undefined) throw new UsageError(sayIn(lines.lang, "replay.assessmentsNeeded", { sha256: recorded }));
  const h = nodeSha256();
  h.update(readRegularFile(o.assessments));
  const sha256 = h.hex();
  lines.say(sha256 === recorded ? "replay.assessmentsMatch" : "replay.assessmentsDiffer", { file: o.assessments, sha256, recorded });
  return sha256 === recorded;
}

/** The re-run and its verdict lines; returns the exit code (0: every part identical and the record intact). */
async function rerun(record: ReadRecord["record"], rs: RuleSet, o: ReplayFlags, lines: Lines, intact: boolean): Promise<number> {
  let ok = intact;
  if (o.overrides !== undefined) {
    const same = canonicalJson(await readOverrides(o.overrides, rs, lines.lang)) === canonicalJson(record.overrides);
    lines.say(same ? "replay.overridesMatch" : "replay.overridesDiffer", { file: o.overrides });
    ok &&= same;
  }
  ok &&= assessmentsLine(record, o, lines);
  const found: Findings = { listed: [], count: 0, shown: 0 };
  const again = await rederive(record, rs, o.profiles, found, lines.lang, o.assessments);
  again.scored.dispose();
  compareParts(record, again, found, lines.lang);
  const run = again.scored.run;
  const inputSame = run.input.sha256 === record.input.sha256;
  lines.say(inputSame ? "replay.inputMatch" : "replay.inputDiffers", { sha256: record.input.sha256, recorded: record.input.sha256, given: run.input.sha256 });
  const outcomeSame = run.outcomeSha256 === record.outcomeSha256;
  lines.say(outcomeSame ? "replay.outcomeIdentical" : "replay.outcomeDiffers", { sha256: run.outcomeSha256, recorded: record.outcomeSha256 });
  if (found.count === 0) lines.say("replay.recordIdentical", { count: record.results.length });
  else {
    lines.say("replay.recordDiffers", { count: found.count });
    lines.out.push(...found.listed);
    if (found.count > found.shown) lines.say("replay.more", { count: found.count - found.shown }, "  ");
  }
  return ok && inputSame && outcomeSame && found.count === 0 ? 0 : 1;
}
