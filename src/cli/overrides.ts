import { readFileSync } from "node:fs";
import type { CommitteeOverride, RuleSet } from "../index.js";
import { UsageError } from "./rules-load.js";

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Reads a committee overrides file: a JSON array of `{ unitId, award (id or null), reason, decidedBy,
 * date, cohort? }`. Every entry is checked (known award, ISO date, non-empty reason and decider).
 */
export function readOverrides(path: string, rs: RuleSet): CommitteeOverride[] {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, "utf8").replace(/^\uFEFF/, ""));
  } catch (e) {
    throw new UsageError(`${path}: not a valid JSON overrides file (${(e as Error).message})`);
  }
  if (!Array.isArray(data)) throw new UsageError(`${path}: expected a JSON array of overrides`);
  const awards = new Set(rs.awards.map((a) => a.id));
  return data.map((o, i) => {
    const at = `${path}[${i}]`;
    if (!o || typeof o !== "object") throw new UsageError(`${at}: expected an object`);
    const { unitId, award, reason, decidedBy, date, cohort } = o as Record<string, unknown>;
    if (typeof unitId !== "string" || !unitId) throw new UsageError(`${at}.unitId: expected the unit id`);
    if (award !== null && (typeof award !== "string" || !awards.has(award))) throw new UsageError(`${at}.award: expected an award id of ${rs.id} or null, found ${JSON.stringify(award)}`);
    if (typeof reason !== "string" || !reason.trim()) throw new UsageError(`${at}.reason: the reason is required`);
    if (typeof decidedBy !== "string" || !decidedBy.trim()) throw new UsageError(`${at}.decidedBy: who decided is required`);
    if (typeof date !== "string" || !ISO.test(date)) throw new UsageError(`${at}.date: expected an ISO date YYYY-MM-DD`);
    if (cohort !== undefined && typeof cohort !== "string") throw new UsageError(`${at}.cohort: expected a string`);
    return { unitId, award: award as string | null, reason: reason.normalize("NFC"), decidedBy: decidedBy.normalize("NFC"), date, ...(cohort !== undefined && { cohort: cohort as string }) };
  });
}
