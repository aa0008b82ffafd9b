/**
 * The printable HTML report of the built package, opened in headless Chromium (Debian's
 * /usr/bin/chromium, as the browser example's test does): every unit and every rejected row is on the
 * page, the page asks for nothing over the network and logs no error.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";

const root = new URL("../../", import.meta.url).pathname;

describe("the HTML report in headless Chromium", () => {
  let browser: Browser | undefined;
  afterAll(async () => {
    await browser?.close();
  });

  it("shows every unit and rejected row, fetches nothing, logs no error", async () => {
    expect(existsSync("/usr/bin/chromium"), "install Debian's chromium: apt-get install -y chromium (.ci/run does)").toBe(true);
    const { createEngine, buildDecisionRecord, renderHtml } = await import(join(root, "dist", "index.js"));
    const { loadRuleSet } = await import(join(root, "dist", "node", "index.js"));
    const rs = loadRuleSet("khanh-hoa-2025").value;
    const fixture = JSON.parse(readFileSync(join(root, "fixtures", "cohorts", "individuals-2025.json"), "utf8"));
    const profiles = [...fixture, { id: "ca-98", name: "Hạ sĩ Sai Số", group: "individual", cohort: "cum-cong-an-xa-1", year: 2025, facts: { "person.taskRating": "gioi" } }];
    const record = buildDecisionRecord(rs, createEngine(rs).recommend(profiles, { asOf: "2025-12-31", trace: true }), { input: "x", inputCount: profiles.length });
    const html: string = renderHtml(record, rs, "vi");

    const args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
    browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args });
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors: string[] = [];
    const requests: string[] = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    page.on("console", (m) => void (m.type() === "error" && errors.push(m.text())));
    await page.route("**/*", (route) => (requests.push(route.request().url()), route.abort()));
    await page.setContent(html, { waitUntil: "load" });

    const shown = await page.$$eval("tr.unit", (rows) => rows.map((r) => r.getAttribute("data-unit")));
    expect(shown.sort()).toEqual(record.results.map((r: { unitId: string }) => r.unitId).sort());
    const rejected = await page.$$eval("ul.rejected li", (li) => li.map((l) => l.textContent ?? ""));
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toMatch(/^Dòng 15 — ca-98 — Hạ sĩ Sai Số: /);
    expect(await page.$$eval("section svg rect", (r) => r.length)).toBe(record.results.length);
    expect(await page.$$eval("details", (d) => d.length)).toBe(record.results.length);
    expect(await page.textContent("section#c0 .counts")).toBe("10 cá nhân được chấm, 1 cá nhân bị loại");
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
    if (process.env.HTML_SCREENSHOT) await page.screenshot({ path: process.env.HTML_SCREENSHOT, fullPage: false });
  });
});
