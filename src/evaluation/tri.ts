/** Three-valued (Kleene) logic as the compiled evaluator keeps it: small integers, so its hot path allocates nothing. */
export const F = 0;
export const T = 1;
export const U = 2;
export type Tri = 0 | 1 | 2;
/** The public face of a truth value. */
export type Truth = true | false | "unknown";
export const toTruth = (t: Tri): Truth => (t === T ? true : t === F ? false : "unknown");
/** Marks a missing fact or an unresolved path: the leaf is unknown, never false. */
export const MISSING: unique symbol = Symbol("thidua.missing");
export type Missing = typeof MISSING;
