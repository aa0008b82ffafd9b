/**
 * Two builds of thidua compared on this machine, whose speed drifts by 10–40 % within minutes:
 * generated profiles (all five groups, 50 units a cohort; each build's own generator and catalog,
 * the same seeds) recommended by each build's public `engine.recommend`, cohort by cohort, the two
 * builds taking turns; a build that rejects a profile stops the comparison. Each child process loads both
 * builds; the one loaded second runs a few per cent slower, so the children alternate which is
 * loaded first and the ratio is the geometric mean over them.
 *
 * With `--score`, each build scores the same cohorts' profiles one by one instead (`engine.score`, which
 * the design before the restructure called `engine.evaluate`: validation and scoring, what `npm run
 * bench` times as "evaluate() incl. validation"). Both modes print the ratio per group and over all,
 * and what each build allocates: the young-generation collections one pass causes, each build run
 * alone with semi-spaces of fixed size — a figure the machine's drift does not move.
 *
 * Usage: npm run build && npx tsx bench/ab.ts <other checkout, built> [N=20000] [children=6] [--score]
 */
import { spawnSync } from "node:child_process";
import { constants, PerformanceObserver } from "node:perf_hooks";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { GROUPS, type Engine, type ProfileInput, type RuleSet } from "../src/index.js";

interface Build {
  readonly root: string;
  /** The build's cohorts: profiles its own generator made for its own catalog, 50 units a cohort. */
  readonly cohorts: readonly (readonly unknown[])[];
  /** Decides (or, with `--score`, scores) one cohort; fails when a profile is rejected (the two builds would not do the same work). */
  readonly run: (profiles: readonly unknown[]) => void;
  /** Time spent per group (ms). */
  ms: Record<string, number>;
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

type Mode = "recommend" | "score";

/** A built checkout's `recommend` (or `score`), through its public entry points, with its cohorts. */
async function load(root: string, n: number, mode: Mode): Promise<Build> {
  const { createEngine } = (await import(pathToFileURL(resolve(root, "dist/index.js")).href)) as typeof import("../src/index.js");
  const rs = (await nodeEntry(root))("vn-2447-2025");
  if (!rs.ok) throw new Error(`${root}: the rule set does not load`);
  const engine = createEngine(rs.value);
  const recommend = (ps: readonly unknown[]) => {
    const r = engine.recommend(ps, { asOf: "2025-12-31", trace: false });
    if (r.rejected.length) throw new Error(`${root} rejected ${r.rejected.length} of ${ps.length} profiles (${r.rejected[0]!.issues[0]?.code})`);
  };
  const scoreOne = ((engine as unknown as Record<string, unknown>)["score"] ?? (engine as unknown as Record<string, unknown>)["evaluate"]) as Engine["score"];
  const score = (ps: readonly unknown[]) => {
    for (const p of ps) scoreOne.call(engine, p as ProfileInput, { asOf: "2025-12-31", trace: false });
  };
  return { root, ms: {}, cohorts: await cohortsOf(root, rs.value, n), run: mode === "score" ? score : recommend };
}

/** The size (MiB) of each semi-space of the young generation in the allocation child, fixed: a scavenge then comes after about this much is allocated (less what survives). */
const SEMI_SPACE_MIB = 16;
/** Passes the allocation child counts over, after two of warm-up. */
const PASSES = 8;

/**
 * The allocation child: one build, run alone with the young generation's semi-spaces of fixed size,
 * so that the number of young-generation collections (scavenges) over a pass of every cohort
 * follows what the build allocates — a figure the machine's drift does not move. Prints scavenges
 * per pass.
 */
async function allocationChild(root: string, n: number, mode: Mode): Promise<void> {
  const b = await load(root, n, mode);
  const pass = () => b.cohorts.forEach((c) => b.run(c));
  pass(); // warm-up
  pass();
  let minor = 0;
  const seen = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if ((e as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MINOR) minor++;
  });
  seen.observe({ entryTypes: ["gc"] });
  for (let i = 0; i < PASSES; i++) pass();
  await new Promise((done) => setTimeout(done, 20)); // gc entries are delivered asynchronously
  seen.disconnect();
  console.log(JSON.stringify(minor / PASSES));
}

/** Scavenges per pass of one build (see {@link allocationChild}). */
function scavengesOf(root: string, n: number, mode: Mode): number {
  const flags = [`--min-semi-space-size=${SEMI_SPACE_MIB}`, `--max-semi-space-size=${SEMI_SPACE_MIB}`];
  const out = spawnSync(process.execPath, [...flags, "--import", "tsx", import.meta.filename, "--alloc", root, String(n), mode], { encoding: "utf8" });
  if (out.status !== 0) throw new Error(out.stderr);
  return JSON.parse(out.stdout) as number;
}

/** One child: both builds, in the order given, over every cohort a few times; prints the two times (ms) in that order. */
async function child(roots: readonly string[], n: number, mode: Mode): Promise<void> {
  const builds = [await load(roots[0]!, n, mode), await load(roots[1]!, n, mode)];
  const count = Math.min(builds[0]!.cohorts.length, builds[1]!.cohorts.length);
  for (let round = 0; round < 6; round++) {
    if (round === 2) for (const b of builds) b.ms = {}; // two rounds of warm-up
    for (let i = 0; i < count; i++) {
      for (const b of i % 2 ? builds : [...builds].reverse()) {
        const group = (b.cohorts[i]![0] as { group: string }).group;
        const t = performance.now();
        b.run(b.cohorts[i]!);
        b.ms[group] = (b.ms[group] ?? 0) + performance.now() - t;
      }
    }
  }
  console.log(JSON.stringify(builds.map((b) => b.ms)));
}

const total = (ms: Record<string, number>) => Object.values(ms).reduce((a, b) => a + b, 0);
const geomean = (xs: readonly number[]) => Math.exp(xs.reduce((s, r) => s + Math.log(r), 0) / xs.length);

/** The parent: children in alternating load order; each child's ratio this/other, then their geometric mean (over all, and per group). */
function parent(other: string, n: number, children: number, mode: Mode): void {
  const here = resolve(import.meta.dirname, "..");
  const ratios: number[] = [];
  const byGroup = new Map<string, number[]>();
  for (let k = 0; k < children; k++) {
    const order = k % 2 ? [other, here] : [here, other];
    const out = spawnSync(process.execPath, ["--import", "tsx", import.meta.filename, "--child", ...order, String(n), mode], { encoding: "utf8" });
    if (out.status !== 0) throw new Error(out.stderr);
    const [first, second] = JSON.parse(out.stdout) as [Record<string, number>, Record<string, number>];
    const [mine, theirs] = k % 2 ? [second, first] : [first, second];
    ratios.push(total(mine) / total(theirs));
    for (const g of Object.keys(mine)) byGroup.set(g, [...(byGroup.get(g) ?? []), mine[g]! / theirs[g]!]);
    console.log(`child ${k + 1} (${k % 2 ? "other" : "this"} build loaded first): this ${total(mine).toFixed(0)} ms, other ${total(theirs).toFixed(0)} ms, ratio ${(total(mine) / total(theirs)).toFixed(3)}`);
  }
  console.log(`\nper group: ${[...byGroup].map(([g, r]) => `${g} ${geomean(r).toFixed(3)}`).join(", ")}`);
  console.log(`this build / ${other}: ${geomean(ratios).toFixed(3)} (geometric mean of ${children}; ${n.toLocaleString("en")} profiles, engine.${mode} cohort by cohort, each build on its own generated profiles)`);
  const [mine, theirs] = [scavengesOf(here, n, mode), scavengesOf(other, n, mode)];
  console.log(`allocation: ${mine.toFixed(2)} scavenges a pass (semi-spaces of ${SEMI_SPACE_MIB} MiB) for this build, ${theirs.toFixed(2)} for the other (${(mine / theirs).toFixed(3)}; each build alone)`);
}

const args = process.argv.slice(2);
const mode: Mode = args.includes("--score") ? "score" : "recommend";
const positional = args.filter((a) => a !== "--score");
if (positional[0] === "--alloc") await allocationChild(positional[1]!, Number(positional[2]), positional[3] === "score" ? "score" : "recommend");
else if (positional[0] === "--child") await child(positional.slice(1, 3), Number(positional[3]), positional[4] === "score" ? "score" : "recommend");
else if (!positional[0]) {
  console.error("usage: npm run bench:ab -- <other checkout, built> [N=20000] [children=6] [--score]");
  process.exitCode = 2;
}
else parent(resolve(positional[0]), Number(positional[1] ?? 20_000), Number(positional[2] ?? 6), mode);
