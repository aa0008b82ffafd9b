import { describe, expect, it } from "vitest";
import { createEngine, explain, renderExplanation } from "thidua";
import { loadNational } from "../support/rules.js";

/**
 * An award given once only (Kỷ niệm chương “Bảo vệ an ninh Tổ quốc”, Circular 20/2025/TT-BCA, principle
 * of awarding once): without a record of past awards the explanation must not say it was already received.
 */
const rs = loadNational();
const person = (history?: unknown) => ({
  id: "ca-11", name: "Đại úy Nguyễn Văn An", group: "individual", cohort: "cum-1", year: 2025,
  facts: { "person.category": "armed-forces", "person.taskRating": "xuat-sac", "person.movementActivities": 12, "person.activitiesLed": 4, "person.disciplined": false, "person.prosecuted": false },
  ...(history !== undefined && { history }),
});
const shown = (p: unknown) => renderExplanation(explain(createEngine(rs).recommend([p], { asOf: "2025-12-31", trace: true }).results[0]!, rs, "vi"), "vi");

describe("an award given once only", () => {
  it("without a history: unknown, never “already received”", () => {
    const text = shown(person());
    expect(text).toContain("Chưa có lịch sử khen thưởng để xác định đã được tặng Kỷ niệm chương “Bảo vệ an ninh Tổ quốc” hay chưa (chỉ tặng một lần)");
    expect(text).not.toContain("Đã được tặng Kỷ niệm chương");
  });
  it("with the medal in the history: already received", () => {
    expect(shown(person([{ year: 2020, awards: ["award.ky-niem-chuong-bv-antq"] }]))).toContain("Đã được tặng Kỷ niệm chương “Bảo vệ an ninh Tổ quốc” (chỉ tặng một lần)");
  });
});
