import { readFileSync } from "node:fs";
import type { CommitteeOverride, Lang, RuleSet } from "../index.js";
import { validateCommitteeOverrides } from "../report/index.js";
import { issueLines } from "./issues.js";
import { UsageError } from "./rules-load.js";

/**
 * Reads a committee overrides file: a JSON array of `{ unitId, award (id or null), reason, decidedBy,
 * date, cohort? }`, checked by `validateCommitteeOverrides` (known award, real calendar date given as
 * `YYYY-MM-DD` or `dd/mm/yyyy`, non-empty reason and decider, no unknown field, one override per
 * unit). A bad file is a usage error (exit 2) listing every problem in the catalog's words.
 */
export function readOverrides(path: string, rs: RuleSet, lang: Lang = "vi"): CommitteeOverride[] {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, "utf8").replace(/^\uFEFF/, ""));
  } catch (e) {
    const reason = e instanceof SyntaxError ? (lang === "vi" ? "không phải JSON hợp lệ" : "not valid JSON") : (e as Error).message;
    throw new UsageError(`${path}: ${reason}`);
  }
  const r = validateCommitteeOverrides(rs, data);
  if (!r.ok) throw new UsageError([`${path}:`, ...issueLines(r.issues, lang).map((l) => `  ${l}`)].join("\n"));
  return r.value;
}
