import { issue, ThiduaError } from "../errors/index.js";

/** A name in a message: at most 40 characters (a key can be as long as the file). */
export const clip = (s: string) => (s.length > 40 ? `${s.slice(0, 40)}…` : s);

/**
 * Levels of a profile copied by {@link snapshotProfile}: profile → facts or history → an object fact,
 * a set or a history entry → its awards; with assessments, profile → assessments → one assessment →
 * its facts or changes → an object fact, a set or a change → a changed object or set value.
 */
const SNAPSHOT_DEPTH = 6;
/** Longest list copied element by element (every list a profile may hold is far shorter; a longer one is refused by its length). */
const SNAPSHOT_LENGTH = 10_000;

/**
 * A profile's `facts` object as read once from the caller's: its own enumerable keys in order, and
 * each value (copied). The fast check and the dense row read these two lists; copying the object
 * itself (a spread of some twenty properties, a different shape on nearly every profile) cost more
 * than the rest of the walk. The detailed schema, when the fast check refuses, reads it as an object
 * again ({@link FactEntries.toObject}).
 */
export class FactEntries {
  constructor(
    readonly keys: readonly string[],
    readonly values: readonly unknown[],
  ) {}

  /** The entries of a plain object of facts the engine holds (the official or self-assessed facts of a profile with assessments). */
  static of(facts: Readonly<Record<string, unknown>>): FactEntries {
    const keys = Object.keys(facts);
    return new FactEntries(keys, keys.map((k) => facts[k]));
  }

  /** The facts as a plain object (an own "__proto__" key stays an own key). */
  toObject(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (let i = 0; i < this.keys.length; i++) Object.defineProperty(out, this.keys[i]!, { value: this.values[i], enumerable: true, writable: true, configurable: true });
    return out;
  }
}

function copyArray(v: readonly unknown[], depth: number): unknown[] {
  const n = v.length;
  const out: unknown[] = new Array(n);
  if (n <= SNAPSHOT_LENGTH) for (let i = 0; i < n; i++) if (i in v) out[i] = copy(v[i], depth + 1);
  return out;
}

function copy(v: unknown, depth: number): unknown {
  if (v === null || typeof v !== "object") return v;
  // an object this deep is never valid (only strings and numbers are): a stand-in of the same kind gives the same issue
  if (depth >= SNAPSHOT_DEPTH) return Array.isArray(v) ? [] : {};
  if (Array.isArray(v)) return copyArray(v, depth);
  // spread reads each own enumerable property once (and keeps an own "__proto__" key an own key); fast for plain objects
  const out: Record<string, unknown> = { ...v };
  for (const k in out) {
    const x = out[k];
    if (x === null || typeof x !== "object") continue;
    if (k === "__proto__") Object.defineProperty(out, k, { value: copy(x, depth + 1), enumerable: true, writable: true, configurable: true });
    else out[k] = depth === 0 && k === "facts" && !Array.isArray(x) ? entriesOf(x, depth + 1) : copy(x, depth + 1);
  }
  return out;
}

/** An object's own enumerable keys and their values, each read once (as a spread reads them). */
function entriesOf(v: object, depth: number): FactEntries {
  const keys = Object.keys(v);
  const values: unknown[] = new Array(keys.length);
  for (let i = 0; i < keys.length; i++) values[i] = copy((v as Record<string, unknown>)[keys[i]!], depth + 1);
  return new FactEntries(keys, values);
}

/**
 * The caller's profile as plain data, each own enumerable property read exactly once: a getter or
 * a proxy that answers differently on each read cannot change a value after it was checked, and
 * the caller's objects are never read again. Its `facts` (an object) is kept as {@link FactEntries}.
 * A property that throws when read is a programmer error: a ThiduaError (`api.invalid_argument`).
 */
export function snapshotProfile(input: unknown): unknown {
  try {
    return copy(input, 0);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new ThiduaError("the profile cannot be read", [issue("api.invalid_argument", [], `reading the profile threw: ${clip(why)}`, { found: clip(why) })]);
  }
}

/** A snapshot with its `facts` an object again, as the detailed schema and the caller's view read it. */
export function withFactsObject(snapshot: unknown): unknown {
  const s = snapshot as Record<string, unknown> | null;
  if (s === null || typeof s !== "object" || !(s["facts"] instanceof FactEntries)) return snapshot;
  const out = { ...s };
  out["facts"] = s["facts"].toObject();
  return out;
}
