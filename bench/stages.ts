/**
 * Where the time of deciding a partition goes, per unit, measured in one process without the CLI:
 * generated NDJSON lines of all five groups (50 per cohort) through each stage of the streamed
 * run's per-unit work — JSON.parse, validation, scoring, the award pass, the outcome projection and
 * the CSV rows — each stage timed cumulatively (stage k = stages 1..k), best of several rounds.
 * Usage: npx tsx bench/stages.ts [N=50000]
 */
import { createEngine, GROUPS, type RuleSet } from "../src/index.js";
import { createOverrideApplier, csvLayout, resultsProjectionJson } from "../src/report/index.js";
import type { CohortDecision, IndexedProfile } from "../src/stream/index.js";
import { loadRuleSet } from "../src/node/index.js";
import { decidePartition } from "../src/stream/index.js";
import { generateProfiles } from "./generate.js";

export function benchStages(rs: RuleSet, n = 50_000, rounds = 5): string[] {
  const per = Math.ceil(n / GROUPS.length);
  const lines = GROUPS.flatMap((g, gi) => generateProfiles(rs, g, per, 91 + gi).map((p) => JSON.stringify(p)));
  const engine = createEngine(rs);
  const layout = csvLayout({ rs, lang: "vi", overrides: false });
  const opts = { asOf: "2025-12-31", trace: false };
  // cohorts as a streamed run gives them: each cohort's rows together
  const byCohort = new Map<string, string[]>();
  for (const l of lines) {
    const p = JSON.parse(l) as { group: string; cohort?: string; year: number };
    const k = `${p.group}|${p.cohort ?? ""}|${p.year}`;
    byCohort.set(k, [...(byCohort.get(k) ?? []), l]);
  }
  const groups = [...byCohort.values()];
  const rows = (g: string[], base: number): IndexedProfile[] => g.map((l, i) => ({ index: base + i, profile: JSON.parse(l) }));
  const stages: [string, () => number][] = [
    ["JSON.parse", () => groups.reduce((s, g) => s + rows(g, 0).length, 0)],
    ["+ validate", () => groups.reduce((s, g) => s + rows(g, 0).filter((r) => engine.validate(r.profile).ok).length, 0)],
    ["+ score", () => groups.reduce((s, g) => s + engine.scoreMany(rows(g, 0).map((r) => r.profile), opts).results.length, 0)],
    ["+ rank and awards", () => {
      let k = 0;
      decidePartition(engine, { groups: groups.map((g) => rows(g, 0)) }, (c) => void (k += c.results.length), opts);
      return k;
    }],
    ["+ outcome projection", () => {
      let k = 0;
      decidePartition(engine, { groups: groups.map((g) => rows(g, 0)) }, (c) => void (k += resultsProjectionJson(c.results).length), opts);
      return k;
    }],
    ["+ CSV rows", () => {
      let k = 0;
      const applier = createOverrideApplier(rs, [], { inPlace: true });
      const keep = (c: CohortDecision) => {
        const decided = applier.apply(c.results);
        k += resultsProjectionJson(decided).length;
        k += layout.cohort(c.summary, decided)[0]!.length;
      };
      decidePartition(engine, { groups: groups.map((g) => rows(g, 0)) }, keep, opts);
      return k;
    }],
  ];
  const out = [`${lines.length.toLocaleString("en")} units, ${groups.length.toLocaleString("en")} cohorts; µs per unit, cumulative (best of ${rounds})`, "| stages | µs / unit | this stage |", "|---|---:|---:|"];
  let prev = 0;
  for (const [name, run] of stages) {
    let best = Infinity;
    for (let r = 0; r < rounds; r++) {
      const t = performance.now();
      run();
      best = Math.min(best, performance.now() - t);
    }
    const us = (best * 1000) / lines.length;
    out.push(`| ${name} | ${us.toFixed(1)} | ${(us - prev).toFixed(1)} |`);
    prev = us;
  }
  return out;
}

// run on its own (`npx tsx bench/stages.ts`), not when `npm run bench` bundles it with bench/run.ts
if (/[\\/]stages\.ts$/.test(process.argv[1] ?? "")) {
  const rs = loadRuleSet("vn-2447-2025");
  if (!rs.ok) throw new Error("rule set");
  for (const l of benchStages(rs.value, Number(process.argv[2] ?? 50_000))) console.log(l);
}
