/**
 * The package as a user installs it: `npm pack`, then `npm install <tarball>` into an empty project.
 * Checks the install's weight (the library's own closure must fit in 5 packages and 12 MB; the whole
 * install is printed: it still carries the CLI's dependencies until the CLI moves to its own
 * package), every dependency is imported by the library or the CLI, the ESM and CommonJS entry points
 * (CommonJS without Node's require(esm)), the types under strict settings with every module
 * resolution (node10, node16, nodenext, bundler), and @arethetypeswrong/cli on the tarball.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { builtinModules } from "node:module";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = new URL("../../", import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { dependencies: Record<string, string> };
const work = mkdtempSync(join(tmpdir(), "thidua-pack-"));
const app = join(work, "app");
let tarball = "";
afterAll(() => rmSync(work, { recursive: true, force: true }), 300_000);

beforeAll(() => {
  execFileSync("npm", ["pack", "--pack-destination", work, "--silent"], { cwd: root, encoding: "utf8" });
  tarball = join(work, readdirSync(work).find((f) => f.endsWith(".tgz"))!);
  mkdirSync(app);
  writeFileSync(join(app, "package.json"), JSON.stringify({ name: "app", version: "1.0.0", private: true }));
  execFileSync("npm", ["install", tarball, "--no-audit", "--no-fund", "--silent"], { cwd: app, encoding: "utf8" });
}, 600_000);

/** Bytes of the files under a directory. */
function sizeOf(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? sizeOf(join(dir, e.name)) : statSync(join(dir, e.name)).size), 0);
}
/** The installed packages (npm's hidden lockfile): path → its dependencies. */
function installed(): Map<string, readonly string[]> {
  const lock = JSON.parse(readFileSync(join(app, "node_modules", ".package-lock.json"), "utf8")) as { packages: Record<string, { dependencies?: Record<string, string> }> };
  return new Map(Object.entries(lock.packages).map(([path, p]) => [path.replace(/^.*node_modules\//, ""), Object.keys(p.dependencies ?? {})]));
}
/** The packages a set of bare imports pulls in, with their dependencies. */
function closure(names: Iterable<string>, all: Map<string, readonly string[]>): Set<string> {
  const out = new Set<string>();
  const visit = (n: string) => void (!out.has(n) && all.has(n) && (out.add(n), all.get(n)!.forEach(visit)));
  [...names].forEach(visit);
  return out;
}
/** Bare package names imported or required by the built files matching `pick`. */
function importsOf(pick: (file: string) => boolean): Set<string> {
  const dist = join(app, "node_modules", "thidua", "dist");
  const files = (readdirSync(dist, { recursive: true }) as string[]).filter((f) => /\.(c?js)$/.test(f) && pick(f));
  const names = new Set<string>();
  for (const f of files) {
    for (const m of readFileSync(join(dist, f), "utf8").matchAll(/(?:from\s*|import\s*\(\s*|require\(\s*)["']([^"'./][^"']*)["']/g)) {
      const spec = m[1]!;
      if (!spec.startsWith("node:") && !builtinModules.includes(spec)) names.add(spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0]!);
    }
  }
  return names;
}
const isCli = (f: string) => /^(cli|cli-worker|chunk-|template-xlsx)/.test(f);
const run = (args: string[], input?: string) => spawnSync(process.execPath, args, { cwd: app, encoding: "utf8", input });

describe("npm install <tarball> into an empty project", () => {
  it("the library's closure fits in 5 packages and 12 MB; every dependency is imported by the library or the CLI", () => {
    const all = installed();
    const lib = importsOf((f) => !isCli(f));
    const cli = importsOf(isCli);
    const libClosure = new Set(["thidua", ...closure(lib, all)]);
    const mb = (names: Iterable<string>) => [...names].reduce((n, p) => n + sizeOf(join(app, "node_modules", p)), 0) / 1e6;
    const total = { packages: all.size - 1, mb: sizeOf(join(app, "node_modules")) / 1e6 };
    console.log(`whole install: ${total.packages} packages, ${total.mb.toFixed(1)} MB; the library's closure: ${libClosure.size} packages (${[...libClosure].sort().join(", ")}), ${mb(libClosure).toFixed(1)} MB`);
    expect(libClosure.size).toBeLessThanOrEqual(5);
    expect(mb(libClosure)).toBeLessThanOrEqual(12);
    expect([...lib].filter((n) => !(n in pkg.dependencies)), "imported but not a dependency").toEqual([]);
    expect(Object.keys(pkg.dependencies).filter((n) => !lib.has(n) && !cli.has(n)), "a dependency nothing imports").toEqual([]);
    expect(readdirSync(join(app, "node_modules", "thidua", "dist"), { recursive: true }).filter((f) => String(f).endsWith(".map")), "source maps").toEqual([]);
  });

  const script = (load: string) => `${load}
const rs = node.loadRuleSet("vn-2447-2025");
if (!rs.ok) throw new Error("not loaded");
const engine = thidua.createEngine(rs.value);
const profile = { id: "pv-1", name: "Tỉnh Thử", group: "province", cohort: undefined, year: 2025, facts: { "plan.issuedOnTime": true, "models.effectiveCount": 300 } };
const score = engine.score(profile, { asOf: "2025-12-31" });
const rows = [{ index: 0, profile }];
const report = stream.recommendPartitioned(engine, () => [rows], () => {}, { asOf: "2025-12-31" });
console.log(JSON.stringify({ score: score.score, classification: score.classification, cohorts: report.cohorts.length, explained: thidua.renderExplanation(thidua.explain(score, rs.value, "vi")).split("\\n")[1] }));`;

  it("ESM (import) and CommonJS without require(esm) give the same results", () => {
    const esm = run(["--input-type=module", "-"], script('import * as thidua from "thidua"; import * as node from "thidua/node"; import * as stream from "thidua/stream";'));
    const cjs = run(["--no-experimental-require-module", "-"], script('const thidua = require("thidua"); const node = require("thidua/node"); const stream = require("thidua/stream");'));
    expect(esm.stderr).toBe("");
    expect(cjs.stderr).toBe("");
    expect(cjs.stdout).toBe(esm.stdout);
    expect(JSON.parse(esm.stdout)).toMatchObject({ score: expect.stringMatching(/^\d+(\.\d+)?$/), cohorts: 1, explained: expect.stringContaining("Kết quả chấm điểm thi đua năm 2025") });
  });

  it("types check under strict settings with node10, node16, nodenext and bundler resolution", () => {
    writeFileSync(join(app, "consumer.ts"), CONSUMER);
    const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
    const strict = ["--strict", "--exactOptionalPropertyTypes", "--noUncheckedIndexedAccess", "--noEmit", "--skipLibCheck", "false", "--types", "node", "--typeRoots", join(root, "node_modules", "@types")];
    const settings = [
      ["--module", "commonjs", "--moduleResolution", "node10"],
      ["--module", "node16", "--moduleResolution", "node16"],
      ["--module", "nodenext", "--moduleResolution", "nodenext"],
      ["--module", "esnext", "--moduleResolution", "bundler"],
    ];
    for (const s of settings) {
      const r = spawnSync(process.execPath, [tsc, ...strict, ...s, "--target", "es2022", "consumer.ts"], { cwd: app, encoding: "utf8" });
      expect(r.stdout + r.stderr, s.join(" ")).toBe("");
      expect(r.status, s.join(" ")).toBe(0);
    }
  });

  it("@arethetypeswrong/cli finds no problem in the tarball", () => {
    const r = spawnSync(join(root, "node_modules", ".bin", "attw"), [tarball, "--format", "json"], { encoding: "utf8" });
    const out = JSON.parse(r.stdout) as { analysis: { problems: unknown[] } };
    expect(out.analysis.problems).toEqual([]);
    expect(r.status).toBe(0);
  });
});

/** A program written against the published types; the @ts-expect-error lines must fail to compile. */
const CONSUMER = `import { createEngine, explain, loadRuleSetFromFiles, type CriteriaFile, type ProfileInput, type ScoreResult, type Recommendation } from "thidua";
import { loadRuleSet } from "thidua/node";
import { recommendPartitioned, type CohortDecision } from "thidua/stream";

const rs = loadRuleSet("vn-2447-2025");
if (rs.ok) {
  const engine = createEngine(rs.value);
  const p: ProfileInput = { id: "a", name: "A", group: "province", cohort: undefined, year: 2025, facts: {}, history: undefined };
  const s: ScoreResult = engine.score(p);
  const c: string | null = s.classification;
  const r: Recommendation | undefined = engine.recommend([p]).results[0];
  if (r) explain(r, rs.value, "vi");
  explain(s, rs.value, "en");
  engine.score(JSON.parse("{}") as unknown);
  // @ts-expect-error a misspelt field of a typed profile does not compile
  engine.score({ id: "a", name: "A", group: "province", yaer: 2025, facts: {} });
  // @ts-expect-error nor does a year written as text (a group is any id: a rule set may declare its own, so a misspelt one is refused at run time, profiles.unknown_group)
  engine.score({ id: "a", name: "A", group: "province", year: "2025", facts: {} });
  recommendPartitioned(engine, () => [[{ index: 0, profile: p }]], (d: CohortDecision) => void d.summary.key);
  void c;
}
const criteria: CriteriaFile = {
  group: "province",
  title: { vi: "Tiêu chí", en: "Criteria" },
  criteria: [{ id: "province.x", group: "province", contents: [1], title: { vi: "X", en: "X" }, citation: { source: "qd" }, basis: "policy-default", maxPoints: 10, conditions: { fact: "plan.issuedOnTime", operator: "equal", value: true }, evidence: [{ vi: "Kế hoạch", en: "Plan" }] }],
};
// @ts-expect-error a rule file with a wrong field does not compile
const wrong: CriteriaFile = { group: "province", title: { vi: "a", en: "a" }, criteria: [], maxPoints: 3 };
void loadRuleSetFromFiles({ "criteria/province.json": JSON.stringify(criteria) });
void wrong;
`;
