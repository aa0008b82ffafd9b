import type { PathSegment } from "../rules/index.js";
import { MISSING } from "./tri.js";

const has = Object.prototype.hasOwnProperty;

/**
 * A precompiled path getter: walks own properties only, returns MISSING on null/undefined or an
 * absent step, and never throws. Like json-rules-engine, a path applied to a non-object fact value
 * yields the value itself.
 */
export function pathGetter(segments: readonly PathSegment[] | undefined): (v: unknown) => unknown {
  if (!segments || segments.length === 0) return (v) => (v === undefined || v === null ? MISSING : v);
  return (v) => {
    if (v === undefined || v === null) return MISSING;
    if (typeof v !== "object") return v;
    let cur: unknown = v;
    for (let i = 0; i < segments.length; i++) {
      const seg = segments[i]!;
      if (cur === null || typeof cur !== "object" || !has.call(cur, seg)) return MISSING;
      cur = (cur as Record<string | number, unknown>)[seg];
    }
    return cur === undefined || cur === null ? MISSING : cur;
  };
}
