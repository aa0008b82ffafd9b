import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createEngine } from "../index.js";
import { loadLocal } from "../../test/support/rules.js";
import { buildDecisionRecord, renderCsv, renderMarkdown, renderText } from "./index.js";

// Khánh Hòa's set switches the 15% and 20% quotas on: the cluster with a rejected row has quotas
const rs = loadLocal();
const fixture: unknown[] = JSON.parse(readFileSync(new URL("../../fixtures/cohorts/individuals-2025.json", import.meta.url), "utf8"));
const inCluster = { id: "ca-98", name: "Hạ sĩ Sai Số", group: "individual", cohort: "cum-cong-an-xa-1", year: 2025, facts: { "person.taskRating": "gioi" } };
const noCluster = { id: "zz-1", group: "individual", facts: {} };
const profiles = [...fixture, inCluster, noCluster];
const report = createEngine(rs).recommend(profiles, { asOf: "2025-12-31" });
const record = buildDecisionRecord(rs, report, { input: "x", inputCount: profiles.length });

/** The part of a report from one heading to the next one of the same kind. */
const section = (text: string, start: string, next: string): string => {
  const a = text.indexOf(start);
  expect(a, start).toBeGreaterThanOrEqual(0);
  const b = text.indexOf(next, a + start.length);
  return text.slice(a, b < 0 ? undefined : b);
};

describe("rejected units stay visible in their cluster's section", () => {
  it("the engine keeps what is readable of a rejected row: id, name, group, cluster, year", () => {
    const rj = record.rejected.find((r) => r.unitId === "ca-98")!;
    expect({ name: rj.name, group: rj.group, cohort: rj.cohort, year: rj.year }).toEqual({ name: "Hạ sĩ Sai Số", group: "individual", cohort: "cum-cong-an-xa-1", year: 2025 });
    expect(record.rejected.find((r) => r.unitId === "zz-1")!.cohort).toBeUndefined(); // no year: no cluster
  });

  for (const [format, render, heading] of [
    ["text", renderText, "== "],
    ["md", renderMarkdown, "## "],
  ] as const) {
    it(`${format}: counts, the quota note and the rejected row under the cluster; an unplaced row at the end`, () => {
      const text = render(record, rs, "vi");
      const cluster = section(text, `${heading}cum-cong-an-xa-1 — Cá nhân — năm 2025`, heading);
      expect(cluster).toContain("10 cá nhân được chấm, 1 cá nhân bị loại");
      expect(cluster).toContain("Chỉ tiêu được tính trên số cá nhân được chấm, không tính 1 cá nhân bị loại");
      expect(cluster).toMatch(/Dòng 15 — ca-98 — Hạ sĩ Sai Số: Mức độ hoàn thành nhiệm vụ[^:]*: Cột «person.taskRating»: giá trị "gioi" không hợp lệ — cần ghi mã của một trong các mức «Hoàn thành xuất sắc nhiệm vụ» \(mã xuat-sac\)/);
      expect(cluster).not.toContain("zz-1");
      const other = section(text, `${heading}cum-khu-dan-cu-2 — Cá nhân — năm 2025`, heading);
      expect(other).toContain("4 cá nhân được chấm, 0 cá nhân bị loại");
      expect(other).not.toContain("không tính");
      expect(section(text, `${heading}Dòng bị loại không xác định được cụm, khối thi đua`, heading)).toContain("Dòng 16 — zz-1: ");
      expect(render(record, rs, "en")).toContain("10 persons scored, 1 person rejected");
      // English names the levels as Vietnamese does, with the code to write beside each
      expect(render(record, rs, "en")).toMatch(/Column “person.taskRating”: "gioi" is not a valid value — write the code of one of the levels “Completed tasks excellently” \(code xuat-sac\)/);
    });
  }

  it("csv: the rejected row follows its cluster's units, with its cluster, id and name", () => {
    const rows = renderCsv(record, rs, "vi").split("\r\n");
    const at = rows.findIndex((r) => r.includes(";ca-98;"));
    expect(rows[at]).toMatch(/^cum-cong-an-xa-1;;ca-98;Hạ sĩ Sai Số;;;bị loại;/);
    expect(rows[at - 1]).toMatch(/^cum-cong-an-xa-1;10;/);
    expect(rows[at + 1]).toMatch(/^cum-khu-dan-cu-2;1;/);
    expect(rows.at(-2)).toMatch(/^;;zz-1;;;;bị loại;/);
  });

  it("a knocked-out unit is not told how many points it lacks", () => {
    // a low score (17 of 100) and a disciplinary measure: no score would give it an award this year
    const low = fixture.find((p) => (p as { id: string }).id === "ca-08") as { facts: Record<string, unknown> };
    const knocked: unknown = { ...low, id: "ca-97", facts: { ...low.facts, "person.disciplined": true } };
    const r = createEngine(rs).recommend([knocked], { asOf: "2025-12-31" });
    expect(r.results[0]!.knockedOut).toBe(true);
    expect(r.results[0]!.nearMisses.some((m) => m.pointsShort !== null)).toBe(true);
    const text = renderText(buildDecisionRecord(rs, r, { input: "y", inputCount: 1 }), rs, "vi");
    expect(text).toContain("vi phạm tiêu chí loại trừ");
    expect(text).not.toMatch(/Còn thiếu \d+ điểm/);
  });
});
