import { FORBIDDEN_KEYS } from "./constants.js";

export type PathSegment = string | number;

/**
 * Parses the JSONPath subset thidua accepts in a condition's `path`: `$` followed by `.name` and
 * `[index]` steps (e.g. `$.count`, `$.items[0].name`). Filters, wildcards, recursive descent,
 * slices and script expressions are rejected, as are the keys `__proto__`, `constructor` and
 * `prototype`. Returns the segments or an error message.
 */
export function parsePath(path: string): { ok: true; segments: PathSegment[] } | { ok: false; reason: string } {
  if (path.length > 256) return { ok: false, reason: "path longer than 256 characters" };
  if (!path.startsWith("$")) return { ok: false, reason: "path must start with $" };
  const segments: PathSegment[] = [];
  const re = /\.([A-Za-z_][A-Za-z0-9_]*)|\[(\d{1,6})\]/y;
  let pos = 1;
  while (pos < path.length) {
    re.lastIndex = pos;
    const m = re.exec(path);
    if (!m) return { ok: false, reason: `unsupported path syntax at character ${pos + 1}` };
    if (m[1] !== undefined) {
      if ((FORBIDDEN_KEYS as readonly string[]).includes(m[1])) return { ok: false, reason: `path may not reach ${m[1]}` };
      segments.push(m[1]);
    } else segments.push(Number(m[2]));
    pos = re.lastIndex;
  }
  if (!segments.length) return { ok: false, reason: "path selects nothing" };
  return { ok: true, segments };
}
