/**
 * The browser story, on the built package: (1) bundle sizes — the browser example (load a rule set,
 * score, recommend, explain in Vietnamese) and `compileCondition` alone (from `thidua/conditions`), bundled by esbuild for
 * browsers and minified, must stay within 75 kB and 10 kB gzip with their dependencies; (2) the
 * example rendered in headless Chromium (Debian's /usr/bin/chromium) prints exactly what the same
 * calls print in Node.
 */
import { build } from "esbuild";
import { existsSync, readFileSync } from "node:fs";
import type { Server } from "node:http";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { chromium, type Browser } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { bundleExample, serveExample } from "../../examples/browser/serve.js";

const root = new URL("../../", import.meta.url).pathname;
const thidua = { thidua: join(root, "dist", "index.js") };
const conditions = { "thidua/conditions": join(root, "dist", "conditions", "index.js") };
const gz = (b: Uint8Array) => gzipSync(b, { level: 9 }).length;
const kB = (n: number) => `${(n / 1000).toFixed(1)} kB`;
export const LIMITS = { example: 75_000, compileCondition: 10_000 };

describe("browser bundles of the built package (esbuild, minified, platform browser)", () => {
  it(`the browser example (load + score + recommend + explain in Vietnamese) is at most ${kB(LIMITS.example)} gzip`, async () => {
    const code = await bundleExample(true, thidua);
    console.log(`browser example: ${kB(code.length)} minified, ${kB(gz(code))} gzip`);
    expect(gz(code)).toBeLessThanOrEqual(LIMITS.example);
  });

  it(`compileCondition alone is at most ${kB(LIMITS.compileCondition)} gzip`, async () => {
    const contents = 'import { compileCondition } from "thidua/conditions";\nexport const f = compileCondition({ fact: "a", operator: "greaterThan", value: 1 });\n';
    const r = await build({ stdin: { contents, resolveDir: root, loader: "ts" }, bundle: true, minify: true, platform: "browser", format: "esm", write: false, alias: conditions, logLevel: "error" });
    const code = r.outputFiles[0]!.contents;
    console.log(`compileCondition alone: ${kB(code.length)} minified, ${kB(gz(code))} gzip`);
    expect(gz(code)).toBeLessThanOrEqual(LIMITS.compileCondition);
  });
});

describe("the browser example in headless Chromium", () => {
  let browser: Browser | undefined;
  let server: Server | undefined;
  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  it("loads the rule set by URL, scores, ranks and explains in Vietnamese, as Node does", async () => {
    expect(existsSync("/usr/bin/chromium"), "install Debian's chromium: apt-get install -y chromium (.ci/run does)").toBe(true);
    const started = await serveExample(0, await bundleExample(false, thidua));
    server = started.server;
    const args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
    browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args });
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(started.url);
    await page.waitForSelector("body:not([data-status=loading])", { timeout: 60_000 });
    const shown = await page.textContent("#out");
    expect(errors).toEqual([]);
    expect(await page.getAttribute("body", "data-status")).toBe("done");
    expect(shown).toBe(await inNode());
  });
});

/** What the page computes, computed in Node with the built package. */
async function inNode(): Promise<string> {
  const { createEngine, explain, renderExplanation } = await import(join(root, "dist", "index.js"));
  const { loadRuleSet } = await import(join(root, "dist", "node", "index.js"));
  const rs = loadRuleSet("vn-2447-2025").value;
  const profiles = JSON.parse(readFileSync(join(root, "fixtures", "cohorts", "individuals-2025.json"), "utf8"));
  const engine = createEngine(rs);
  const first = engine.score(profiles[0], { asOf: "2025-12-31" });
  const report = engine.recommend(profiles, { asOf: "2025-12-31", trace: true });
  const head = `${rs.id}@${rs.version} sha256 ${rs.sha256}\n${first.unitId}: ${first.score}/${first.nominalMax}\n`;
  return head + report.results.map((r: unknown) => renderExplanation(explain(r, rs, "vi"))).join("\n");
}
