/**
 * Frozen values shared between units by the compiled checks, found by a key that stands for the
 * value's whole content (a class, a status, a truth value, points lacking): each is made once, on
 * first use, and kept by the engine that compiled the checks — at most `limit` of them; past it, a
 * value is made afresh each time.
 */
export function sharedBy<K, V>(limit = Infinity): (key: K, make: () => V) => V {
  const byKey = new Map<K, V>();
  return (key, make) => {
    let v = byKey.get(key);
    if (v === undefined) {
      v = frozen(make());
      if (byKey.size < limit) byKey.set(key, v);
    }
    return v;
  };
}

/** A shared value frozen, and so is each check of a shared list: a unit cannot change what other units hold. */
function frozen<V>(v: V): V {
  if (Array.isArray(v)) for (const x of v) Object.freeze(x);
  return Object.freeze(v);
}

/** {@link sharedBy} with two keys, the first from a small closed set: at most `limit` values in all. */
export function sharedBy2<A, B, V>(limit = Infinity): (a: A, b: B, make: () => V) => V {
  const byA = new Map<A, Map<B, V>>();
  let kept = 0;
  return (a, b, make) => {
    let byB = byA.get(a);
    let v = byB?.get(b);
    if (v === undefined) {
      v = frozen(make());
      if (kept < limit) {
        if (byB === undefined) byA.set(a, (byB = new Map()));
        byB.set(b, v);
        kept++;
      }
    }
    return v;
  };
}

/** At most this many shared checks for one award and kind whose key takes many values (points lacking, the values its conditions read). */
export const SHARED_CHECKS = 1024;
