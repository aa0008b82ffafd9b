import { issue, type Issue } from "../errors/index.js";
import type { ProfileValidator, ValidProfile } from "../profiles/index.js";

/** An input row that was not scored, with every issue found in it (the row is never dropped silently). */
export interface Rejected {
  /** Position in the input (0-based). */
  readonly index: number;
  /** The row as the user sees it in the input file (set by the CLI: spreadsheet row, NDJSON line…). */
  readonly row?: number;
  readonly unitId?: string;
  /** The unit's name, group, cluster and year when the row gives them readably (a report lists the row under its cluster). */
  readonly name?: string;
  readonly group?: string;
  readonly cohort?: string | null;
  readonly year?: number;
  readonly issues: readonly Issue[];
}

/** What is readable of a rejected row: its id, name, group, cluster and year (each only when of the right type). */
export function rejectedIdentity(raw: unknown): Pick<Rejected, "unitId" | "name" | "group" | "cohort" | "year"> {
  if (!raw || typeof raw !== "object") return {};
  const p = raw as { id?: unknown; name?: unknown; group?: unknown; cohort?: unknown; year?: unknown };
  const text = (v: unknown) => (typeof v === "string" && v.trim() !== "" ? v.normalize("NFC") : undefined);
  const id = typeof p.id === "string" ? p.id : undefined;
  const name = text(p.name);
  const group = text(p.group);
  const year = typeof p.year === "number" && Number.isInteger(p.year) ? p.year : undefined;
  const cohort = p.cohort === undefined || p.cohort === null ? null : text(p.cohort);
  return {
    ...(id !== undefined && { unitId: id }),
    ...(name !== undefined && { name }),
    ...(group !== undefined && year !== undefined && cohort !== undefined && { group, cohort, year }),
  };
}

const keyOf = (p: ValidProfile) => `${p.group}\u0000${p.cohort ?? ""}\u0000${p.year}\u0000${p.id}`;

/**
 * Validates a batch. Every input row ends up exactly once in `valid` or `rejected`; a unit id that
 * appears twice in one cohort rejects every copy (keeping one would depend on input order).
 */
export function validateBatch(validator: ProfileValidator, rows: Iterable<unknown>): { valid: { index: number; profile: ValidProfile }[]; rejected: Rejected[] } {
  let index = 0;
  const indexed = function* () {
    for (const profile of rows) yield { index: index++, profile };
  };
  return validateIndexed(validator, indexed());
}

/** A raw input with its position in the whole input (0-based): what `recommendPartitioned` reads. */
export interface IndexedProfile {
  readonly index: number;
  readonly profile: unknown;
}

/** `validateBatch` over rows that carry their own input position (one partition of a larger input). */
export function validateIndexed(validator: ProfileValidator, rows: Iterable<IndexedProfile>): { valid: { index: number; profile: ValidProfile }[]; rejected: Rejected[] } {
  const valid: { index: number; profile: ValidProfile }[] = [];
  const rejected: Rejected[] = [];
  const counts = new Map<string, number>();
  // each valid row's key, built once (group, cohort, year and id joined into one string, hashed by the map)
  const keys: string[] = [];
  for (const { index, profile: raw } of rows) {
    const v = validator.validate(raw);
    if (v.ok) {
      valid.push({ index, profile: v.value });
      const k = keyOf(v.value);
      keys.push(k);
      counts.set(k, (counts.get(k) ?? 0) + 1);
    } else {
      rejected.push({ index, ...rejectedIdentity(raw), issues: v.issues });
    }
  }
  const unique = valid.filter(({ index: i, profile: p }, n) => {
    if (counts.get(keys[n]!)! === 1) return true;
    const where = `${p.group}/${p.cohort ?? "-"}/${p.year}`;
    rejected.push({ index: i, ...rejectedIdentity(p), issues: [issue("profiles.duplicate_id", ["id"], `unit id ${p.id} appears more than once in ${where}`, { id: p.id, cohort: where })] });
    return false;
  });
  rejected.sort((a, b) => a.index - b.index);
  return { valid: unique, rejected };
}
