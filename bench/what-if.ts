/**
 * The what-if screen's latency: `engine.whatIf` on one unit beside the rest of its cohort (recommend
 * before and after, with the change), each call changing one numeric fact as a keystroke would; median
 * and 99th percentile over many calls, for cohorts of 10, 50 and 200 units (province rule set).
 */
import { createEngine, type RuleSet } from "../src/index.js";
import { generateProfiles } from "./generate.js";

export function benchWhatIf(rs: RuleSet, calls = 2_000): string[] {
  const engine = createEngine(rs);
  // the numeric fact the first province criterion reads is as good as any: a field a committee types into
  const fact = rs.facts.find((f) => f.groups.includes("province") && (f.type === "integer" || f.type === "number"))!;
  const out = [`| cohort size | what-if median (µs) | 99th percentile (µs) | calls / s |`, "|---:|---:|---:|---:|"];
  for (const size of [10, 50, 200]) {
    const cohort = generateProfiles(rs, "province", size, 404 + size).map((p) => ({ ...p, cohort: "what-if" }));
    const [unit, ...peers] = cohort;
    const times: number[] = [];
    for (let i = 0; i < calls; i++) {
      const t = performance.now();
      const r = engine.whatIf(unit, { [fact.id]: i % 37 }, { asOf: "2025-12-31", peers });
      times.push(performance.now() - t);
      if (r.after.unitId !== unit!.id) throw new Error("what-if lost its unit");
    }
    const warm = times.slice(calls / 4).sort((a, b) => a - b); // after JIT warm-up
    const q = (p: number) => warm[Math.min(warm.length - 1, Math.floor(p * warm.length))]! * 1000;
    out.push(`| ${size} | ${q(0.5).toFixed(0)} | ${q(0.99).toFixed(0)} | ${Math.round(1e6 / q(0.5)).toLocaleString("en")} |`);
  }
  return out;
}
