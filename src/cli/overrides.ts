import { extname } from "node:path";
import type { CommitteeOverride, Lang, RuleSet } from "../index.js";
import { readOverridesXlsx } from "./overrides-xlsx.js";
import { validateCommitteeOverrides } from "../report/index.js";
import { issueLines } from "./issues.js";
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
  const award = (o as { award?: unknown }).award;
  if (typeof award !== "string" || rs.awards.some((a) => a.id === award)) return o;
  const key = normKey(award);
  const found = rs.awards.filter((a) => [a.id.replace(/^award\./, ""), a.title.vi, a.title.en].some((n) => normKey(n) === key));
  return found.length === 1 ? { ...o, award: found[0]!.id } : o;
}

/**
 * Reads a committee overrides file — an XLSX sheet made by `thidua template --overrides` (see
 * overrides-xlsx.ts), or a JSON array of `{ unitId, award (id or null), reason, decidedBy,
 * date, cohort? }` (the award by id or title), checked by `validateCommitteeOverrides` (known award, real calendar date given as
 * `YYYY-MM-DD` or `dd/mm/yyyy`, non-empty reason and decider, no unknown field, one override per
 * unit). A bad file is a usage error (exit 2) listing every problem in the catalog's words.
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
  return r.value;
}
