import fc from "fast-check";
import type { Fact, Group, RuleSet } from "thidua";

const DAY = 86_400_000;
const isoDate = fc.integer({ min: Date.UTC(2015, 0, 1) / DAY, max: Date.UTC(2030, 11, 31) / DAY }).map((d) => new Date(d * DAY).toISOString().slice(0, 10));

type Spec = { type: string; values?: readonly string[] | undefined; min?: number | undefined; max?: number | undefined };

/** A valid value for a scalar fact spec, biased towards the thresholds rule files use. */
export function scalarArb(spec: Spec): fc.Arbitrary<unknown> {
  switch (spec.type) {
    case "boolean":
      return fc.boolean();
    case "integer": {
      const min = spec.min ?? 0;
      const max = spec.max ?? 2000;
      return fc.oneof(fc.integer({ min, max: Math.min(max, min + 20) }), fc.integer({ min, max }));
    }
    case "number":
      return fc.oneof(fc.integer({ min: spec.min ?? 0, max: Math.min(spec.max ?? 100, 100) }), fc.double({ min: spec.min ?? 0, max: spec.max ?? 1000, noNaN: true, noDefaultInfinity: true }));
    case "ratio":
      return fc.oneof(fc.constantFrom(0, 0.5, 0.7, 0.8, 0.9, 1), fc.double({ min: 0, max: 1, noNaN: true }));
    case "date":
      return isoDate;
    case "enum":
      return fc.constantFrom(...(spec.values as string[]));
    default:
      return fc.constant(null);
  }
}

export function factArb(f: Fact): fc.Arbitrary<unknown> {
  if (f.type === "set") return fc.subarray([...(f.values ?? [])]);
  if (f.type === "object") {
    const rec: Record<string, fc.Arbitrary<unknown>> = {};
    for (const [k, spec] of Object.entries(f.fields ?? {})) rec[k] = scalarArb(spec);
    return fc.record(rec);
  }
  return scalarArb(f);
}

/** Complete fact maps (every fact of the group present) for a group of the rule set. */
export function fullFactsArb(rs: RuleSet, group: Group): fc.Arbitrary<Record<string, unknown>> {
  const rec: Record<string, fc.Arbitrary<unknown>> = {};
  for (const f of rs.facts) if (f.groups.includes(group)) rec[f.id] = factArb(f);
  return fc.record(rec);
}

/** Fact maps where each fact may be absent (unknown). */
export function partialFactsArb(rs: RuleSet, group: Group): fc.Arbitrary<Record<string, unknown>> {
  const rec: Record<string, fc.Arbitrary<unknown>> = {};
  for (const f of rs.facts) if (f.groups.includes(group)) rec[f.id] = factArb(f);
  return fc.record(rec, { requiredKeys: [] });
}

export function profileArb(rs: RuleSet, group: Group, facts = partialFactsArb(rs, group)) {
  return fc.record({
    id: fc.stringMatching(/^[a-z]{1,3}-[0-9]{1,4}$/),
    name: fc.constant("Đơn vị thử"),
    group: fc.constant(group),
    year: fc.constant(2025),
    facts,
  });
}
