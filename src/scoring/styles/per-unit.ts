import { readPath, MISSING, type FactReader } from "../../evaluation/index.js";
import { parsePath, type Criterion } from "../../rules/index.js";
import { Dec, round, toPoints, ZERO, type Points } from "../points.js";
import type { BaseVerdict, PerUnitTrace, ScoringStyle } from "./types.js";

type PerUnit = NonNullable<Criterion["perUnit"]>;

/** The count a per-unit rule reads (a number), or undefined when the profile does not give it. */
export function perUnitCount(pu: PerUnit, read: FactReader): number | undefined {
  const path = pu.path === undefined ? undefined : parsePath(pu.path);
  const v = path && !path.ok ? MISSING : readPath(read(pu.fact), path?.segments);
  return typeof v === "number" ? v : undefined;
}

/**
 * Points for a count: count × pointsPerUnit, exact (a fractional count is rounded half-up to the
 * hundredth of a point), at least 0 and at most the cap (`cap`, else the caller's maximum).
 */
export function perUnitPoints(pu: PerUnit, count: number, fallbackCap: Points): Points {
  const cap = pu.cap !== undefined ? toPoints(pu.cap) : fallbackCap;
  const rate = toPoints(pu.pointsPerUnit);
  const raw = Number.isInteger(count) ? count * rate : round(new Dec(count).times(rate), 0, "half-up").toNumber();
  return (raw <= 0 ? 0 : raw > cap ? cap : raw) as Points;
}

/** Trace of a per-unit computation: what was read, at what rate, up to what cap. */
export function perUnitTrace(pu: PerUnit, read: FactReader, fallbackCap: number): PerUnitTrace {
  const path = pu.path === undefined ? undefined : parsePath(pu.path);
  const v = path && !path.ok ? MISSING : readPath(read(pu.fact), path?.segments);
  return {
    fact: pu.fact,
    ...(pu.path !== undefined && { path: pu.path }),
    ...(v !== MISSING && { actual: v }),
    missing: v === MISSING,
    pointsPerUnit: pu.pointsPerUnit,
    cap: pu.cap ?? fallbackCap,
  };
}

/** The verdict on a count worth `p` points, out of the criterion's maximum. */
const verdictOfPoints = (p: Points, max: Points): BaseVerdict => ({ status: p === 0 ? "not_met" : p >= max ? "met" : "partial", base: p, potential: p });

function verdict(c: Criterion, count: number | undefined): BaseVerdict {
  const max = toPoints(c.maxPoints);
  const pu = c.perUnit!;
  if (count === undefined) return { status: "unknown", base: ZERO, potential: pu.cap !== undefined ? toPoints(pu.cap) : max };
  return verdictOfPoints(perUnitPoints(pu, count, max), max);
}

/** `perUnit`: points for each unit of a count fact (e.g. per model that works), capped. */
export const perUnitStyle: ScoringStyle = {
  key: "perUnit",
  evaluate: (c, read) => verdict(c, perUnitCount(c.perUnit!, read)),
  compile(c, ctx) {
    const pu = c.perUnit!;
    const read = perUnitReader(pu, ctx.slot);
    const max = toPoints(c.maxPoints);
    // a verdict depends on its points alone: each made once, shared (frozen) — at most one per
    // hundredth of a point from 0 to the cap
    const unknown = Object.freeze(verdict(c, undefined));
    const byPoints = new Map<Points, BaseVerdict>();
    return (row) => {
      const count = read(row);
      if (count === undefined) return unknown;
      const p = perUnitPoints(pu, count, max);
      let v = byPoints.get(p);
      if (v === undefined) byPoints.set(p, (v = Object.freeze(verdictOfPoints(p, max))));
      return v;
    };
  },
  trace: (c, read) => ({ perUnit: perUnitTrace(c.perUnit!, read, c.maxPoints) }),
  messageKeys: ["criterion.result", "criterion.perUnit", "fact.missing"],
};

/** The count of a per-unit rule read from a dense row (the compiled path). */
export function perUnitReader(pu: PerUnit, slot: (factId: string) => number | undefined): (row: readonly unknown[]) => number | undefined {
  const s = slot(pu.fact) ?? -1;
  const path = pu.path === undefined ? undefined : parsePath(pu.path);
  if (path && !path.ok) return () => undefined;
  const segments = path?.segments;
  return (row) => {
    const v = readPath(row[s], segments);
    return typeof v === "number" ? v : undefined;
  };
}
