import { canonicalJson } from "../rules/index.js";

/** One place where a recorded value and the re-derived one differ: the field's path and both values, shortened. */
export interface FieldDifference {
  /** Path inside the compared value: `score`, `scoreResult.criteria[2].points`, `final.award.id`. */
  readonly field: string;
  /** The recorded value as JSON (shortened), or `—` when the record lacks it. */
  readonly recorded: string;
  /** The re-derived value as JSON (shortened), or `—` when it is not re-derived. */
  readonly derived: string;
}

const MAX_SHOWN = 80;
const shown = (v: unknown): string => {
  if (v === undefined) return "—";
  // an award (anything with an id) is shown by its id
  const s = canonicalJson(isObject(v) && typeof v["id"] === "string" ? v["id"] : v);
  return s.length > MAX_SHOWN ? `${s.slice(0, MAX_SHOWN)}…` : s;
};
const fieldPath = (path: readonly (string | number)[]): string =>
  path.reduce<string>((s, k) => (typeof k === "number" ? `${s}[${k}]` : `${s}${s ? "." : ""}${k}`), "");
const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/**
 * The differences between a recorded JSON value and the one re-derived (at most `limit`, in key
 * order), compared as canonical JSON compares them: keys in any order, `undefined` as absent,
 * strings in NFC; two objects with different `id`s (two awards) differ as a whole, shown by id.
 * Top-level keys listed in `first` are compared first, in that order (what a reader looks at first).
 * Both values are JSON data (a record read from a file, an engine result).
 */
export function jsonDifferences(recorded: unknown, derived: unknown, limit = 5, first: readonly string[] = []): FieldDifference[] {
  const out: FieldDifference[] = [];
  const rank = (k: string, depth: number) => (depth === 0 && first.includes(k) ? first.indexOf(k) : first.length);
  const walk = (a: unknown, b: unknown, path: (string | number)[]): void => {
    if (out.length >= limit) return;
    if (Array.isArray(a) && Array.isArray(b)) {
      for (let i = 0; i < Math.max(a.length, b.length); i++) walk(a[i], b[i], [...path, i]);
      return;
    }
    if (isObject(a) && isObject(b)) {
      // two different things with ids (awards): named by their ids, not field by field
      if (typeof a["id"] === "string" && typeof b["id"] === "string" && a["id"] !== b["id"]) {
        out.push({ field: fieldPath(path), recorded: shown(a["id"]), derived: shown(b["id"]) });
        return;
      }
      const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort((x, y) => rank(x, path.length) - rank(y, path.length) || (x < y ? -1 : x > y ? 1 : 0));
      for (const k of keys) walk(Object.hasOwn(a, k) ? a[k] : undefined, Object.hasOwn(b, k) ? b[k] : undefined, [...path, k]);
      return;
    }
    if ((a === undefined) !== (b === undefined) || canonicalJson(a ?? null) !== canonicalJson(b ?? null)) {
      out.push({ field: fieldPath(path), recorded: shown(a), derived: shown(b) });
    }
  };
  walk(recorded, derived, []);
  return out;
}

/** A result's identity in a run: subject group, cluster, year and unit id (structured, never joined with a separator). */
export const unitKey = (r: { readonly group: string; readonly cohort: string | null; readonly year: number; readonly unitId: string }): string =>
  JSON.stringify([r.group, r.cohort, r.year, r.unitId]);
