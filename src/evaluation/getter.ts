import { parsePath, type PathSegment } from "../rules/index.js";
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

/**
 * The getter of an optional `path` string. A path that does not parse reads the fact itself (loading a rule
 * set refuses such a path first); a caller that must tell it apart parses the path itself.
 */
export function getterOfPath(path: string | undefined): (v: unknown) => unknown {
  const p = path !== undefined ? parsePath(path) : undefined;
  return pathGetter(p && p.ok ? p.segments : undefined);
}

/**
 * `make(key)` worked out once per key and kept while the key lives — for frozen keys only. Every loaded rule
 * set is deep-frozen; an unfrozen key is a caller's own object, which may be edited between two calls, so
 * its value is worked out again on every call rather than kept stale.
 */
export function onceIfFrozen<K extends object, V>(cache: WeakMap<K, V>, key: K, make: (key: K) => V): V {
  let v = cache.get(key);
  if (v === undefined) {
    v = make(key);
    if (Object.isFrozen(key)) cache.set(key, v);
  }
  return v;
}
