/**
 * Two builds of thidua compared on this machine, whose speed drifts by 10–40 % within minutes:
 * generated profiles (all five groups, 50 units a cohort; each build's own generator and catalog,
 * the same seeds) recommended by each build's public `engine.recommend`, cohort by cohort, the two
 * builds taking turns; a build that rejects a profile stops the comparison. Each child process loads both
 * builds; the one loaded second runs a few per cent slower, so the children alternate which is
 * loaded first and the ratio is the geometric mean over them.
 *
 * Usage: npm run build && npx tsx bench/ab.ts <other checkout, built> [N=20000] [children=6]
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { GROUPS, type RuleSet } from "../src/index.js";

interface Build {
  readonly root: string;
  /** The build's cohorts: profiles its own generator made for its own catalog, 50 units a cohort. */
  readonly cohorts: readonly (readonly unknown[])[];
  /** Decides one cohort; fails when a profile is rejected (the two builds would not do the same work). */
  readonly recommend: (profiles: readonly unknown[]) => void;
  ms: number;
}

/** The Node entry of a build: `thidua/node` (the design before the restructure, 17f3609, built it as `dist/node.js` and spelled its loader `loadRuleset`). */
async function nodeEntry(root: string): Promise<typeof import("../src/node/index.js")["loadRuleSet"]> {
  const url = (p: string) => pathToFileURL(resolve(root, p)).href;
  const entry = (await import(url(existsSync(resolve(root, "dist/node/index.js")) ? "dist/node/index.js" : "dist/node.js"))) as Record<string, unknown>;
  return (entry["loadRuleSet"] ?? entry["loadRuleset"]) as typeof import("../src/node/index.js")["loadRuleSet"];
}

/** Generated profiles of every group, 50 to a cohort, from a checkout's own generator and rule set (the same seeds). */
async function cohortsOf(root: string, rs: RuleSet, n: number): Promise<unknown[][]> {
  const { generateProfiles } = (await import(pathToFileURL(resolve(root, "bench/generate.ts")).href)) as typeof import("./generate.js");
  const per = Math.ceil(n / GROUPS.length);
  const byKey = new Map<string, unknown[]>();
  for (const [i, g] of GROUPS.entries()) for (const p of generateProfiles(rs, g, per, 91 + i)) byKey.set(`${p.group}|${p.cohort}`, [...(byKey.get(`${p.group}|${p.cohort}`) ?? []), p]);
  return [...byKey.values()];
}

/** A built checkout's `recommend`, through its public entry points, with its cohorts. */
async function load(root: string, n: number): Promise<Build> {
  const { createEngine } = (await import(pathToFileURL(resolve(root, "dist/index.js")).href)) as typeof import("../src/index.js");
  const rs = (await nodeEntry(root))("vn-2447-2025");
  if (!rs.ok) throw new Error(`${root}: the rule set does not load`);
  const engine = createEngine(rs.value);
  const recommend = (ps: readonly unknown[]) => {
    const r = engine.recommend(ps, { asOf: "2025-12-31", trace: false });
    if (r.rejected.length) throw new Error(`${root} rejected ${r.rejected.length} of ${ps.length} profiles (${r.rejected[0]!.issues[0]?.code})`);
  };
  return { root, ms: 0, cohorts: await cohortsOf(root, rs.value, n), recommend };
}

/** One child: both builds, in the order given, over every cohort a few times; prints the two times (ms) in that order. */
async function child(roots: readonly string[], n: number): Promise<void> {
  const builds = [await load(roots[0]!, n), await load(roots[1]!, n)];
  const count = Math.min(builds[0]!.cohorts.length, builds[1]!.cohorts.length);
  for (let round = 0; round < 6; round++) {
    if (round === 2) for (const b of builds) b.ms = 0; // two rounds of warm-up
    for (let i = 0; i < count; i++) {
      for (const b of i % 2 ? builds : [...builds].reverse()) {
        const t = performance.now();
        b.recommend(b.cohorts[i]!);
        b.ms += performance.now() - t;
      }
    }
  }
  console.log(JSON.stringify(builds.map((b) => b.ms)));
}

/** The parent: children in alternating load order; each child's ratio this/other, then their geometric mean. */
function parent(other: string, n: number, children: number): void {
  const here = resolve(import.meta.dirname, "..");
  const ratios: number[] = [];
  for (let k = 0; k < children; k++) {
    const order = k % 2 ? [other, here] : [here, other];
    const out = spawnSync(process.execPath, ["--import", "tsx", import.meta.filename, "--child", ...order, String(n)], { encoding: "utf8" });
    if (out.status !== 0) throw new Error(out.stderr);
    const [first, second] = JSON.parse(out.stdout) as [number, number];
    const [mine, theirs] = k % 2 ? [second, first] : [first, second];
    ratios.push(mine / theirs);
    console.log(`child ${k + 1} (${k % 2 ? "other" : "this"} build loaded first): this ${mine.toFixed(0)} ms, other ${theirs.toFixed(0)} ms, ratio ${(mine / theirs).toFixed(3)}`);
  }
  const mean = Math.exp(ratios.reduce((s, r) => s + Math.log(r), 0) / ratios.length);
  console.log(`\nthis build / ${other}: ${mean.toFixed(3)} (geometric mean of ${children}; ${n.toLocaleString("en")} profiles, engine.recommend cohort by cohort, each build on its own generated profiles)`);
}

const args = process.argv.slice(2);
if (args[0] === "--child") await child(args.slice(1, 3), Number(args[3]));
else if (!args[0]) {
  console.error("usage: npm run bench:ab -- <other checkout, built> [N=20000] [children=6]");
  process.exitCode = 2;
}
else parent(resolve(args[0]), Number(args[1] ?? 20_000), Number(args[2] ?? 6));
