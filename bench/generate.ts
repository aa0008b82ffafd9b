/** Deterministic profile generator from a rule set's fact catalog (fixed seed; shared by benchmarks). */
import type { Fact, Group, RuleSet } from "../src/index.js";

/** mulberry32: tiny, fast, deterministic. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function value(f: { type: string; values?: readonly string[] | undefined; min?: number | undefined; max?: number | undefined }, r: () => number): unknown {
  switch (f.type) {
    case "boolean":
      return r() < 0.7;
    case "integer":
      return Math.floor(r() * Math.min((f.max ?? 1200) - (f.min ?? 0) + 1, 1200)) + (f.min ?? 0);
    case "number":
      return Math.round(r() * 10000) / 100;
    case "ratio":
      return Math.round(r() * 100) / 100;
    case "date":
      return `2025-${String(1 + Math.floor(r() * 12)).padStart(2, "0")}-${String(1 + Math.floor(r() * 28)).padStart(2, "0")}`;
    case "enum":
      return f.values![Math.floor(r() * f.values!.length)];
    default:
      return null;
  }
}

function factValue(f: Fact, r: () => number): unknown {
  if (f.type === "set") return f.values!.filter(() => r() < 0.5);
  if (f.type === "object") return Object.fromEntries(Object.entries(f.fields ?? {}).map(([k, spec]) => [k, value(spec, r)]));
  return value(f, r);
}

/** N profiles of one group (every fact present with probability `density`), 50 per cohort. */
export function generateProfiles(rs: RuleSet, group: Group, n: number, seed = 2447, density = 0.95) {
  const r = rng(seed);
  const facts = rs.facts.filter((f) => f.groups.includes(group));
  const out = new Array(n);
  for (let i = 0; i < n; i++) {
    const fv: Record<string, unknown> = {};
    for (const f of facts) if (r() < density) fv[f.id] = factValue(f, r);
    out[i] = { id: `${group.slice(0, 3)}-${i}`, name: `Đơn vị ${i}`, group, cohort: `cum-${Math.floor(i / 50)}`, year: 2025, facts: fv };
  }
  return out;
}
