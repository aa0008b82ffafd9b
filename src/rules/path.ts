import { FORBIDDEN_KEYS } from "./constants.js";

/** The `[*]` (or `.*`) step of a path: every field of an object, every member of a list. */
export const WILDCARD: { readonly wildcard: true } = Object.freeze({ wildcard: true as const });
export type PathSegment = string | number | typeof WILDCARD;

const STEP = /\.([A-Za-z_][A-Za-z0-9_]*)|\[(\d{1,6})\]|\['([^'\\]{1,64})'\]|\["([^"\\]{1,64})"\]|(\[\*\]|\.\*)/y;

/**
 * Parses the JSONPath subset thidua accepts in a condition's `path`: `$` followed by `.name`,
 * `['quoted.name']` (or double quotes), `[index]` and `[*]` / `.*` steps (e.g. `$.count`,
 * `$['a.b']`, `$.items[0]`, `$[*]`), read as json-rules-engine reads them (jsonpath-plus with
 * `wrap: false`). Filters, recursive descent, slices, unions and script expressions are rejected,
 * as are the keys `__proto__`, `constructor` and `prototype`. Returns the segments or an error message.
 */
export function parsePath(path: string): { ok: true; segments: PathSegment[] } | { ok: false; reason: string } {
  if (path.length > 256) return { ok: false, reason: "path longer than 256 characters" };
  if (!path.startsWith("$")) return { ok: false, reason: "path must start with $" };
  const segments: PathSegment[] = [];
  let pos = 1;
  while (pos < path.length) {
    STEP.lastIndex = pos;
    const m = STEP.exec(path);
    if (!m) return { ok: false, reason: `unsupported path syntax at character ${pos + 1}` };
    const key = m[1] ?? m[3] ?? m[4];
    if (key !== undefined) {
      if ((FORBIDDEN_KEYS as readonly string[]).includes(key)) return { ok: false, reason: `path may not reach ${key}` };
      segments.push(key);
    } else if (m[2] !== undefined) segments.push(Number(m[2]));
    else segments.push(WILDCARD);
    pos = STEP.lastIndex;
  }
  if (!segments.length) return { ok: false, reason: "path selects nothing" };
  return { ok: true, segments };
}
