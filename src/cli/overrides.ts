import { extname } from "node:path";
import type { CommitteeOverride, Lang, RuleSet } from "../index.js";
import { readOverridesXlsx } from "./overrides-xlsx.js";
import { validateCommitteeOverrides } from "../report/index.js";
import { cliIssueText, issueLines } from "./issues.js";
import { say } from "./messages/index.js";
import { normKey, readRegularFile } from "./input/index.js";
import { UsageError, usageError } from "./rules-load.js";

/**
 * An override whose award is written as a council writes it — its title (Vietnamese or English,
 * matched as column headers are: case, spaces, quotes) or its id without `award.` — with the award's
 * id instead, when exactly one award has that name; anything else is left for the validation to
 * name (an unknown award, or a title several awards share: then the id must be written).
 */
function withAwardId(o: unknown, rs: RuleSet): unknown {
  if (typeof o !== "object" || o === null || Array.isArray(o)) return o;
  const { award, alongside } = o as { award?: unknown; alongside?: unknown };
  const one = (name: unknown): unknown => {
    if (typeof name !== "string" || rs.awards.some((a) => a.id === name)) return name;
    const key = normKey(name);
    const found = rs.awards.filter((a) => [a.id.replace(/^award\./, ""), a.title.vi, a.title.en].some((n) => normKey(n) === key));
    return found.length === 1 ? found[0]!.id : name;
  };
  return {
    ...o,
    ...(award !== undefined && { award: Array.isArray(award) ? award.map(one) : one(award) }),
    ...(Array.isArray(alongside) && { alongside: alongside.map(one) }),
  };
}

/**
 * Reads a committee overrides file — an XLSX sheet made by `thidua template --overrides` (see
 * overrides-xlsx.ts), or a JSON array of `{ unitId, award (id, title, a list of them when the council
 * decided several awards, or null), reason, decidedBy, date, cohort? }`, checked by `validateCommitteeOverrides` (known award, real calendar date given as
 * `YYYY-MM-DD` or `dd/mm/yyyy`, non-empty reason and decider, no unknown field, one override per
 * unit). A bad file is a usage error (exit 2) listing every problem in the catalog's words; awards
 * of one decision that the rule set does not grant together are accepted and said on stderr.
 */
export async function readOverrides(path: string, rs: RuleSet, lang: Lang = "vi"): Promise<CommitteeOverride[]> {
  // never blocks on a FIFO: refused, like an input that is not a regular file
  const bytes = readRegularFile(path);
  let data: unknown;
  if (extname(path).toLowerCase() === ".xlsx") {
    try {
      data = await readOverridesXlsx(bytes);
    } catch (e) {
      throw usageError("usage.cannotRead", { file: path, reason: `XLSX: ${(e as Error).message}` });
    }
  } else {
    try {
      data = JSON.parse(bytes.toString("utf8").replace(/^\uFEFF/, ""));
    } catch {
      throw usageError("usage.notJson", { file: path });
    }
  }
  const r = validateCommitteeOverrides(rs, Array.isArray(data) ? data.map((o) => withAwardId(o, rs)) : data);
  if (!r.ok) throw new UsageError([`${path}:`, ...issueLines(r.issues, lang).map((l) => `  ${l}`)].join("\n"));
  for (const w of r.warnings ?? []) process.stderr.write(`${say(lang, "cli.note", { severity: "warning", text: `${path}: ${cliIssueText(w, lang)}` })}\n`);
  return r.value;
}
