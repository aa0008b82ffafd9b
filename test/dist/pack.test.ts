/**
 * The packages as users install them: `npm pack` of the library (`thidua`) and of the command line
 * (`packages/cli`, `thidua-cli`), each installed from its tarball into an empty project. Checks the
 * library's install weight (at most 5 packages and 12 MB in all), that every dependency of either
 * package is imported by its built files and every import is a dependency, the ESM and CommonJS entry
 * points (CommonJS without Node's require(esm)) and the values each exports (test/support/api-surface.ts), the
 * entry points sharing one engine and one error class, the types under strict settings with every module
 * resolution (node10, node16, nodenext, bundler), @arethetypeswrong/cli on the tarball, and that
 * `npx thidua demo` works from the CLI's tarball alone (its rule sets and fixtures ship with it).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { builtinModules } from "node:module";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectedValues, PUBLIC_VALUES, type EntryPoint } from "../support/api-surface.js";

const root = new URL("../../", import.meta.url).pathname;
type Manifest = { dependencies: Record<string, string>; version: string };
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as Manifest;
const cliPkg = JSON.parse(readFileSync(join(root, "packages/cli/package.json"), "utf8")) as Manifest;
const work = mkdtempSync(join(tmpdir(), "thidua-pack-"));
const app = join(work, "app");
const cliApp = join(work, "cli-app");
let tarball = "";
let cliTarball = "";
afterAll(() => rmSync(work, { recursive: true, force: true }), 300_000);

/** An empty project with `tarball` installed. */
function install(dir: string, tgz: string): void {
  mkdirSync(dir);
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "app", version: "1.0.0", private: true }));
  execFileSync("npm", ["install", tgz, "--no-audit", "--no-fund", "--silent"], { cwd: dir, encoding: "utf8" });
}

beforeAll(() => {
  execFileSync("npm", ["pack", "--pack-destination", work, "--silent"], { cwd: root, encoding: "utf8" });
  execFileSync("npm", ["pack", "--workspace", "packages/cli", "--pack-destination", work, "--silent"], { cwd: root, encoding: "utf8" });
  tarball = join(work, `thidua-${pkg.version}.tgz`);
  cliTarball = join(work, `thidua-cli-${cliPkg.version}.tgz`);
  install(app, tarball);
  install(cliApp, cliTarball);
}, 600_000);

/** Bytes of the files under a directory. */
function sizeOf(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? sizeOf(join(dir, e.name)) : statSync(join(dir, e.name)).size), 0);
}
/** The installed packages (npm's hidden lockfile): path → its dependencies. */
function installed(dir = app): Map<string, readonly string[]> {
  const lock = JSON.parse(readFileSync(join(dir, "node_modules", ".package-lock.json"), "utf8")) as { packages: Record<string, { dependencies?: Record<string, string> }> };
  return new Map(Object.entries(lock.packages).map(([path, p]) => [path.replace(/^.*node_modules\//, ""), Object.keys(p.dependencies ?? {})]));
}
/** The packages a set of bare imports pulls in, with their dependencies. */
function closure(names: Iterable<string>, all: Map<string, readonly string[]>): Set<string> {
  const out = new Set<string>();
  const visit = (n: string) => void (!out.has(n) && all.has(n) && (out.add(n), all.get(n)!.forEach(visit)));
  [...names].forEach(visit);
  return out;
}
/** Bare package names imported or required by the built files of an installed package. */
function importsOf(dist: string): Set<string> {
  const files = (readdirSync(dist, { recursive: true }) as string[]).filter((f) => /\.(c?js)$/.test(f));
  const names = new Set<string>();
  for (const f of files) {
    for (const m of readFileSync(join(dist, f), "utf8").matchAll(/(?:from\s*|import\s*\(\s*|require\(\s*)["']((?:@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~/]*)["']/g)) {
      const spec = m[1]!;
      if (!spec.startsWith("node:") && !builtinModules.includes(spec)) names.add(spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0]!);
    }
  }
  return names;
}
const run = (args: string[], input?: string) => spawnSync(process.execPath, args, { cwd: app, encoding: "utf8", input });

describe("npm install <tarball> into an empty project", () => {
  it("installing the library takes at most 5 packages and 12 MB; its dependencies are exactly what it imports", () => {
    const all = installed();
    const lib = importsOf(join(app, "node_modules", "thidua", "dist"));
    const total = { packages: all.size - 1, mb: sizeOf(join(app, "node_modules")) / 1e6 };
    console.log(`npm install thidua: ${total.packages} packages (${[...all.keys()].filter(Boolean).sort().join(", ")}), ${total.mb.toFixed(1)} MB`);
    expect(total.packages).toBeLessThanOrEqual(5);
    expect(total.mb).toBeLessThanOrEqual(12);
    expect([...closure(["thidua"], all)].sort()).toEqual([...all.keys()].filter(Boolean).sort()); // nothing else came along
    expect([...lib].sort(), "imports vs dependencies").toEqual(Object.keys(pkg.dependencies).sort());
    expect(readdirSync(join(app, "node_modules", "thidua", "dist"), { recursive: true }).filter((f) => String(f).endsWith(".map")), "source maps").toEqual([]);
  });

  it("the command line's package: its dependencies are exactly what it imports, and `npx thidua demo` works from its tarball alone", () => {
    const cli = importsOf(join(cliApp, "node_modules", "thidua-cli", "dist"));
    expect([...cli].sort(), "imports vs dependencies").toEqual(Object.keys(cliPkg.dependencies).sort());
    const all = installed(cliApp);
    console.log(`npm install thidua-cli: ${all.size - 1} packages, ${(sizeOf(join(cliApp, "node_modules")) / 1e6).toFixed(1)} MB`);
    const demo = spawnSync("npx", ["--no-install", "thidua", "demo"], { cwd: cliApp, encoding: "utf8" });
    expect(demo.stderr).toBe("");
    expect(demo.status).toBe(0);
    expect(demo.stdout).toContain("Kết quả chấm điểm, xếp hạng và đề nghị khen thưởng");
    expect(demo.stdout).toContain("khớp với bản kê các tệp"); // the bundled rule set's files match its manifest
    const verify = spawnSync("npx", ["--no-install", "thidua", "rules", "verify", "vn-2447-2025"], { cwd: cliApp, encoding: "utf8" });
    expect(verify.status, verify.stderr).toBe(0);
    const version = spawnSync("npx", ["--no-install", "thidua", "--version"], { cwd: cliApp, encoding: "utf8" });
    expect(version.status, version.stderr).toBe(0);
    expect(version.stdout).toContain(cliPkg.version);
    expect(version.stdout).toContain("vn-2447-2025");
  });

  const script = (load: string) => `${load}
const rs = node.loadRuleSet("vn-2447-2025");
if (!rs.ok) throw new Error("not loaded");
const engine = thidua.createEngine(rs.value);
const profile = { id: "pv-1", name: "Tỉnh Thử", group: "province", cohort: undefined, year: 2025, facts: { "plan.issuedOnTime": true, "models.effectiveCount": 300 } };
const score = engine.score(profile, { asOf: "2025-12-31" });
const rows = [{ index: 0, profile }];
const layout = stream.reportLayout("csv", { rs: rs.value, lang: "vi", overrides: false });
const cohorts = [];
const report = stream.recommendPartitioned(engine, () => [rows], (d) => cohorts.push(layout.cohort(d.summary, d.results.map((r) => ({ ...r, final: { award: r.award, overridden: false } })))), { asOf: "2025-12-31" });
const record = thidua.buildDecisionRecord(rs.value, engine.recommend([profile], { asOf: "2025-12-31" }), { input: "x", inputCount: 1 });
const head = { ...stream.recordHead(rs.value, report, { input: "x", inputCount: 1 }, record.outcomeSha256), resultCount: report.scored, matchedOverrides: [] };
let csv = "";
layout.write(head, (part) => cohorts.map((c) => c[part]), (s) => (csv += s));
let sameError = false;
try { conditions.compileCondition({ fact: "a", operator: "startsWith", value: 1 }); } catch (e) { sameError = e instanceof thidua.ThiduaError; }
const onTime = conditions.compileCondition({ fact: "plan.issuedOnTime", operator: "equal", value: true });
console.log(JSON.stringify({
  score: score.score, classification: score.classification, cohorts: report.cohorts.length,
  explained: thidua.renderExplanation(thidua.explain(score, rs.value, "vi")).split("\\n")[1],
  streamedCsv: csv === thidua.renderCsv(record, rs.value, "vi"), sameError, condition: [onTime(profile.facts), onTime({})],
  trace: conditions.traceCondition({ fact: "models.effectiveCount", operator: "greaterThan", value: 100 }, (id) => profile.facts[id]).result,
  values: Object.fromEntries(Object.entries({ thidua, "thidua/node": node, "thidua/stream": stream, "thidua/conditions": conditions }).map(([k, m]) => [k, Object.keys(m).filter((n) => n !== "__esModule").sort()])),
}));`;

  it("ESM (import) and CommonJS without require(esm) give the same results, from every entry point, with the listed values", () => {
    const esm = run(["--input-type=module", "-"], script('import * as thidua from "thidua"; import * as node from "thidua/node"; import * as stream from "thidua/stream"; import * as conditions from "thidua/conditions";'));
    const cjs = run(["--no-experimental-require-module", "-"], script('const thidua = require("thidua"); const node = require("thidua/node"); const stream = require("thidua/stream"); const conditions = require("thidua/conditions");'));
    expect(esm.stderr).toBe("");
    expect(cjs.stderr).toBe("");
    expect(cjs.stdout).toBe(esm.stdout);
    const values = Object.fromEntries((Object.keys(PUBLIC_VALUES) as EntryPoint[]).map((e) => [e, expectedValues(e)]));
    expect(JSON.parse(esm.stdout)).toEqual({
      score: expect.stringMatching(/^\d+(\.\d+)?$/),
      classification: expect.anything(),
      cohorts: 1,
      explained: expect.stringContaining("Kết quả chấm điểm thi đua năm 2025"),
      streamedCsv: true, // a report written cohort by cohort (thidua/stream) is the in-memory one (thidua)
      sameError: true, // thidua/conditions throws the ThiduaError of thidua
      condition: [true, "unknown"],
      trace: true,
      values,
    });
  });

  it("every example of examples/ (which README and docs/ quote) prints its .expected.txt run against the installed package", () => {
    // the examples read the repository's fixtures and rule files beside them: give the project the same layout,
    // with the rule files taken from the installed package
    cpSync(join(root, "fixtures"), join(app, "fixtures"), { recursive: true });
    symlinkSync(join(app, "node_modules", "thidua", "rules"), join(app, "rules"));
    // the examples with their own rule sets and data (example 08), not the browser page
    cpSync(join(root, "examples"), join(app, "examples"), { recursive: true, filter: (f) => !f.includes(`${join("examples", "browser")}`) });
    writeFileSync(join(app, "examples", "package.json"), JSON.stringify({ type: "module" })); // as in the repository
    const tsx = pathToFileURL(join(root, "node_modules", "tsx", "dist", "esm", "index.mjs")).href;
    const examples = readdirSync(join(root, "examples")).filter((f) => /^\d\d-[a-z0-9-]+\.ts$/.test(f));
    expect(examples.length).toBeGreaterThanOrEqual(8);
    for (const f of examples) {
      const r = spawnSync(process.execPath, ["--import", tsx, join(app, "examples", f)], { cwd: app, encoding: "utf8" });
      expect(r.stderr, f).toBe("");
      expect(r.stdout, f).toBe(readFileSync(join(root, "examples", f.replace(/\.ts$/, ".expected.txt")), "utf8"));
    }
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
import { recommendPartitioned, recordHead, reportLayout, type CohortDecision, type ReportChunk, type ReportHead, type ReportLayout } from "thidua/stream";
import { compileCondition, safeCompileCondition, traceCondition, type Condition, type TraceNode, type Truth } from "thidua/conditions";

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
  // @ts-expect-error nor does a year written as text
  engine.score({ id: "a", name: "A", group: "province", year: "2025", facts: {} });
  // @ts-expect-error nor a misspelt group on a bundled set loaded by id (it knows its five groups)
  engine.score({ id: "a", name: "A", group: "provnice", year: 2025, facts: {} });
  const layout: ReportLayout = reportLayout("markdown", { rs: rs.value, lang: "vi", overrides: false });
  // @ts-expect-error "pdf" is not a report format
  reportLayout("pdf", { rs: rs.value, lang: "vi", overrides: false });
  const run = recommendPartitioned(engine, () => [[{ index: 0, profile: p }]], (d: CohortDecision) => void layout.cohort(d.summary, []));
  const head: ReportHead = { ...recordHead(rs.value, run, { input: "x", inputCount: 1 }, ""), resultCount: 0, matchedOverrides: [] };
  layout.write(head, (): ReportChunk[] => [], () => {});
  void c;
}
const cond: Condition = { all: [{ fact: "a", operator: "equal", value: 1 }] };
const truth: Truth = compileCondition(cond)({ a: 1 });
const node: TraceNode = traceCondition(cond, () => 1);
const safe = safeCompileCondition(cond);
// @ts-expect-error a compiled condition answers a Truth, not a number
const wrongTruth: number = compileCondition(cond)({});
void [truth, node, safe, wrongTruth];
const criteria: CriteriaFile = {
  group: "province",
  title: { vi: "Tiêu chí", en: "Criteria" },
  criteria: [{ id: "province.x", group: "province", contents: [1], title: { vi: "X", en: "X" }, citation: { source: "qd" }, basis: "policy-default", maxPoints: 10, conditions: { fact: "plan.issuedOnTime", operator: "equal", value: true }, evidence: [{ vi: "Kế hoạch", en: "Plan" }] }],
};
// @ts-expect-error a rule file with a wrong field does not compile
const wrong: CriteriaFile = { group: "province", title: { vi: "a", en: "a" }, criteria: [], maxPoints: 3 };
void loadRuleSetFromFiles({ "criteria/province.json": JSON.stringify(criteria) });
// a set that declares its own groups names them; a misspelt one does not compile
const ward = loadRuleSetFromFiles<"ward">({});
if (ward.ok) {
  createEngine(ward.value).safeScore({ id: "w", name: "W", group: "ward", year: 2025, facts: {} });
  // @ts-expect-error "wrad" is not one of its groups
  createEngine(ward.value).safeScore({ id: "w", name: "W", group: "wrad", year: 2025, facts: {} });
}
void wrong;
`;
