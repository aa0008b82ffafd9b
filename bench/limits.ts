/**
 * A rule set at the documented limits (SECURITY.md) scoring a large batch: the national set with the
 * province group grown to 200 criteria (the per-group limit) holding 19,000+ leaf conditions in all
 * (the limit is 20,000) and 200 awards (the limit), loaded, linted, then `thidua score --format csv`
 * over N generated province profiles (NDJSON) for two sizes of N: peak resident memory must not grow
 * with N (the CLI holds one partition per thread). Prints load time, wall time and peak RSS.
 * Usage: npm run build && npx tsx bench/limits.ts [N1=20000] [N2=80000]
 */
import { spawnSync } from "node:child_process";
import { cpSync, createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { once } from "node:events";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createHash } from "node:crypto";
import { RULESET_LIMITS } from "../src/rules/index.js";
import { bundledRulesDir, loadRuleSet } from "../src/node/index.js";
import { generateProfiles } from "./generate.js";

const sizes = [Number(process.argv[2] ?? 20_000), Number(process.argv[3] ?? 80_000)];
const extra = process.argv.slice(4);
const dir = mkdtempSync(join(tmpdir(), "thidua-limits-"));
const set = join(dir, "vn-2447-2025");
cpSync(join(bundledRulesDir(), "vn-2447-2025"), set, { recursive: true });
const json = (f: string) => JSON.parse(readFileSync(join(set, f), "utf8"));
const save = (f: string, v: unknown) => writeFileSync(join(set, f), JSON.stringify(v));

// 200 province criteria, each tier's conditions padded to reach ~19,000 leaves in the whole set
const province = json("criteria/province.json");
const originals = province.criteria;
const count = (c: unknown): number => (c && typeof c === "object" ? ("fact" in c ? 1 : Object.values(c).reduce((n: number, v) => n + count(v), 0)) : 0);
const others = ["ministry", "front", "enterprise", "individual"].reduce((n, g) => n + count(json(`criteria/${g}.json`).criteria), 0);
const perCriterion = Math.floor((19_000 - others) / RULESET_LIMITS.criteriaPerGroup);
province.criteria = Array.from({ length: RULESET_LIMITS.criteriaPerGroup }, (_, i) => {
  const c = structuredClone(originals[i % originals.length]);
  if (i >= originals.length) c.id = `province.l${i}`;
  const tier = c.tiers?.[c.tiers.length - 1] ?? null;
  const target = tier ? tier.conditions : c.conditions;
  const pad = Math.max(0, perCriterion - count(c));
  const leaf = { fact: "plan.issuedOnTime", operator: "equal", value: true, basis: "policy-default" };
  if (target && pad) (tier ? tier : c).conditions = { all: [target, { any: Array.from({ length: pad }, (_, k) => ({ ...leaf, id: `pad-${k}` })) }] };
  return c;
});
save("criteria/province.json", province);
// 200 awards: copies of the province awards, less senior than the originals
const awards = json("awards.json");
const provinceAwards = awards.awards.filter((a: { groups: string[] }) => a.groups.includes("province"));
for (let i = 0; awards.awards.length < RULESET_LIMITS.awards; i++) {
  const a = structuredClone(provinceAwards[i % provinceAwards.length]);
  a.id = `award.limit-${i}`;
  a.precedence = 1000 + i;
  a.exclusiveGroup = `limit-${i}`;
  delete a.quota;
  delete a.history;
  delete a.requiresThisYear;
  awards.awards.push(a);
}
save("awards.json", awards);
const manifest = json("manifest.json");
for (const f of manifest.files) f.sha256 = createHash("sha256").update(readFileSync(join(set, f.path))).digest("hex");
save("manifest.json", manifest);

const t0 = performance.now();
const loaded = loadRuleSet(set);
const loadMs = performance.now() - t0;
if (!loaded.ok) throw new Error(loaded.issues.slice(0, 5).map((i) => `${i.code} ${i.message}`).join("\n"));
const rs = loaded.value;
const leaves = rs.criteria.reduce((n, c) => n + count(c.tiers ?? c.conditions ?? []) + count(c.bonus ?? []) + count(c.deductions ?? []) + count(c.appliesWhen ?? []), 0) + rs.awards.reduce((n, a) => n + count(a.eligibility.conditions ?? []), 0);
console.log(`rule set at the limits: ${rs.criteria.filter((c) => c.group === "province").length} province criteria, ${rs.criteria.length} criteria, ${leaves} leaf conditions, ${rs.awards.length} awards; load + lint ${loadMs.toFixed(0)} ms`);
console.log("| profiles | input | wall | peak RSS | exit |");
console.log("|---:|---:|---:|---:|---|");
const cli = new URL("../dist/cli.js", import.meta.url).pathname;
for (const n of sizes) {
  const input = join(dir, `p-${n}.ndjson`);
  const out = createWriteStream(input);
  for (let start = 0; start < n; start += 10_000) {
    for (const p of generateProfiles(rs, "province", Math.min(10_000, n - start), 7 + start)) {
      p.id = `${p.id}-${start}`;
      p.cohort = `${p.cohort}-${start}`;
      if (!out.write(`${JSON.stringify(p)}\n`)) await once(out, "drain");
    }
  }
  out.end();
  await once(out, "finish");
  const t = performance.now();
  const r = spawnSync("/usr/bin/time", ["-f", "%M", process.execPath, cli, "score", input, "--rules", set, "--format", "csv", "--as-of", "2025-12-31", "--out", join(dir, `r-${n}.csv`), ...extra], { encoding: "utf8" });
  const peak = Number(r.stderr.trim().split("\n").pop()) / 1024;
  console.log(`| ${n.toLocaleString("en")} | ${(readFileSync(input).length / 2 ** 20).toFixed(0)} MiB | ${((performance.now() - t) / 1000).toFixed(1)} s | ${peak.toFixed(0)} MiB | ${r.status} |`);
  if (r.status !== 0 && r.status !== 1) console.log(r.stderr.slice(0, 2000));
}
rmSync(dir, { recursive: true, force: true });
