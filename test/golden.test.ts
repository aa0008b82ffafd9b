import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildDecisionRecord, createEngine, type CommitteeOverride } from "thidua";
import { explain, renderExplanation } from "../src/explain/index.js";
import { renderCsv, renderMarkdown, renderText } from "../src/report/index.js";
import { loadNational } from "./support/rules.js";

/**
 * Golden outputs of the fixture cohort (fixtures/cohorts/individuals-2025.json) plus one invalid row
 * and one committee override: Markdown, CSV and text reports and three explanations, in vi and en.
 * Any byte difference fails; `UPDATE_GOLDEN=1 npx vitest run test/golden.test.ts` rewrites them
 * (then read the diff as a committee secretary would before committing).
 */
const rs = loadNational();
const engine = createEngine(rs);
const fixture: unknown[] = JSON.parse(readFileSync(new URL("../fixtures/cohorts/individuals-2025.json", import.meta.url), "utf8"));
const invalid = { id: "ca-99", name: "Hạ sĩ Lỗi Dữ Liệu", group: "individual", cohort: "cum-cong-an-xa-1", year: 2025, facts: { "person.movementActivities": -3, "person.taskRating": "gioi" } };
const overrides: CommitteeOverride[] = [
  { unitId: "ca-03", award: "award.chien-si-thi-dua-co-so", reason: "Có thành tích đột xuất, \"xuất sắc\" trong đợt cao điểm", decidedBy: "Hội đồng Thi đua – Khen thưởng Công an tỉnh", date: "2026-01-15" },
];

function recordOf(profiles: readonly unknown[], input: string) {
  const report = engine.recommend(profiles, { asOf: "2025-12-31", trace: true });
  return buildDecisionRecord(rs, report, { input, inputCount: profiles.length, options: { asOf: "2025-12-31" }, overrides });
}
const profiles = [...fixture, invalid];
const input = JSON.stringify(profiles);
const record = recordOf(profiles, input);
const UNITS = ["ca-02", "ca-07", "cb-04"];

const outputs = (r: typeof record): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const lang of ["vi", "en"] as const) {
    out[`report.${lang}.md`] = renderMarkdown(r, rs, lang);
    out[`report.${lang}.csv`] = renderCsv(r, rs, lang);
    out[`report.${lang}.txt`] = renderText(r, rs, lang);
    for (const id of UNITS) out[`explain.${id}.${lang}.txt`] = renderExplanation(explain(r.results.find((x) => x.unitId === id)!, rs, lang), lang);
  }
  return out;
};

describe("golden reports", () => {
  const now = outputs(record);
  for (const [name, text] of Object.entries(now)) {
    it(name, () => {
      const path = new URL(`./golden/${name}`, import.meta.url);
      if (process.env.UPDATE_GOLDEN === "1") writeFileSync(path, text, "utf8");
      expect(existsSync(path), `test/golden/${name} is missing (UPDATE_GOLDEN=1 writes it)`).toBe(true);
      const frozen = readFileSync(path);
      if (!Buffer.from(text, "utf8").equals(frozen)) expect(text, `test/golden/${name} (UPDATE_GOLDEN=1 rewrites it)`).toBe(frozen.toString("utf8"));
      expect(Buffer.from(text, "utf8").equals(frozen), `${name}: bytes differ`).toBe(true);
    });
  }

  it("rendering twice gives the same bytes", () => {
    expect(outputs(recordOf(profiles, input))).toEqual(now);
  });

  it("shuffling the input profiles gives the same bytes", () => {
    let seed = 2447;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const base = outputs(recordOf(fixture, input));
    for (let k = 0; k < 5; k++) {
      const shuffled = [...fixture];
      for (let i = shuffled.length - 1; i > 0; i--) {
        const j = Math.floor(rnd() * (i + 1));
        [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
      }
      expect(outputs(recordOf(shuffled, input))).toEqual(base);
    }
  });
});
