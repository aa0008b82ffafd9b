import { issue, type Issue } from "../errors/index.js";
import type { ProfileValidator, ValidProfile } from "../profiles/index.js";

/** An input row that was not scored, with every issue found in it (the row is never dropped silently). */
export interface Rejected {
  /** Position in the input (0-based). */
  readonly index: number;
  /** The row as the user sees it in the input file (set by the CLI: spreadsheet row, NDJSON line…). */
  readonly row?: number;
  readonly unitId?: string;
  readonly issues: readonly Issue[];
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
      const id = raw && typeof raw === "object" ? (raw as { id?: unknown }).id : undefined;
      rejected.push({ index, ...(typeof id === "string" && { unitId: id }), issues: v.issues });
    }
  }
  const unique = valid.filter(({ index: i, profile: p }, n) => {
    if (counts.get(keys[n]!)! === 1) return true;
    const where = `${p.group}/${p.cohort ?? "-"}/${p.year}`;
    rejected.push({ index: i, unitId: p.id, issues: [issue("profiles.duplicate_id", ["id"], `unit id ${p.id} appears more than once in ${where}`, { id: p.id, cohort: where })] });
    return false;
  });
  rejected.sort((a, b) => a.index - b.index);
  return { valid: unique, rejected };
}
