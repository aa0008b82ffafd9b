/**
 * 07 — A run larger than memory: one partition at a time, the report written cohort by cohort.
 *
 * Split the input by `partitionKey` (a cohort is never split), hand the partitions to
 * `recommendPartitioned`, and write each cohort's rows as soon as it is decided with a report layout
 * (`reportLayout`, `recordHead`: all three from `thidua/stream`). The outcome is exactly that of `recommend` on the whole input, and the CSV the same bytes.
 * (`thidua score` does this with partition files on disk and worker threads.)
 */
import { readFileSync } from "node:fs";
import { buildDecisionRecord, createEngine, renderCsv, type CohortSummary } from "thidua";
import { loadRuleSet } from "thidua/node";
import { partitionKey, recommendPartitioned, recordHead, reportLayout, type IndexedProfile } from "thidua/stream";

const rules = loadRuleSet("vn-2447-2025");
if (!rules.ok) throw new Error(rules.issues.map((i) => i.message).join("\n"));
const rs = rules.value;
const engine = createEngine(rs);
const profiles: unknown[] = ["province", "ministry", "front", "enterprise", "individual"].flatMap((g) =>
  JSON.parse(readFileSync(new URL(`../fixtures/profiles/${g}.json`, import.meta.url), "utf8")),
);

// 1. Partitions: two buckets by cohort key (a real run spills them to files while reading).
const buckets: IndexedProfile[][] = [[], []];
profiles.forEach((profile, index) => buckets[partitionKey(profile).length % 2]!.push({ index, profile }));

// 2. Decide partition by partition; each cohort's CSV rows are rendered as soon as it is final.
const layout = reportLayout("csv", { rs, lang: "en", overrides: false });
const chunks = new Map<string, string[]>(); // per cohort, every part of the layout (`layout.parts`)
const opts = { asOf: "2025-12-31" };
const run = recommendPartitioned(engine, () => buckets, ({ summary, results }) => {
  const decided = results.map((r) => ({ ...r, final: { award: r.award, overridden: false } }));
  chunks.set(summary.key, layout.cohort(summary, decided));
  console.log(`decided ${summary.key}: ${summary.size} unit(s), top ${decided[0]!.unitId} → ${decided[0]!.award?.id ?? "no award"}`);
}, opts);

// 3. The report: head, the cohorts' chunks in cohort order, tail — as renderCsv writes it.
const whole = buildDecisionRecord(rs, engine.recommend(profiles, opts), { input: "fixtures", inputCount: profiles.length });
const head = { ...recordHead(rs, run, { input: "fixtures", inputCount: profiles.length }, whole.outcomeSha256), resultCount: run.scored, matchedOverrides: [] };
let csv = "";
layout.write(head, (part) => run.cohorts.map((c: CohortSummary) => chunks.get(c.key)![part]!), (s) => (csv += s));
console.log(`${run.cohorts.length} cohorts, ${run.scored} units, ${run.rejected.length} rejected; run quotas: ${JSON.stringify(run.runQuotas)}`);
console.log(`streamed CSV = renderCsv of the in-memory record: ${csv === renderCsv(whole, rs, "en")}`);
