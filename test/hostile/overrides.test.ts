import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { validateCommitteeOverrides } from "thidua";
import { bundledRulesDir } from "thidua/node";
import { capture } from "../support/cli.js";
import { loadNational } from "../support/rules.js";

/**
 * Committee overrides as sheets write them and as slips make them: dates in dd/mm/yyyy, days that do
 * not exist, two decisions for one unit, a unit that is not in the input, an award that cannot go to
 * the unit (a collective Government flag for a person). And replay over rule files that fail their
 * manifest.
 */
const root = new URL("../../", import.meta.url).pathname;
const rs = loadNational();
const dir = mkdtempSync(join(tmpdir(), "thidua-hostile-overrides-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const cohort = join(root, "fixtures/cohorts/individuals-2025.json");
const base = { unitId: "ca-05", award: "award.giay-khen", reason: "Thành tích đột xuất", decidedBy: "Hội đồng", date: "2025-12-20" };
const file = (name: string, data: unknown) => {
  const f = join(dir, name);
  writeFileSync(f, typeof data === "string" ? data : JSON.stringify(data));
  return f;
};
const score = (overrides: unknown[], out = join(dir, `r-${Math.random().toString(36).slice(2)}.json`)) =>
  capture(["score", cohort, "--as-of", "2025-12-31", "--overrides", file(`o-${Math.random().toString(36).slice(2)}.json`, overrides), "--format", "json", "--out", out, "--lang", "en"]).then((r) => ({ ...r, out, wrote: existsSync(out) }));

describe("validateCommitteeOverrides", () => {
  it("reads dd/mm/yyyy as the sheets write it and keeps ISO dates, normalised", () => {
    const r = validateCommitteeOverrides(rs, [{ ...base, date: "20/12/2025" }, { ...base, unitId: "ca-06", date: "5/1/2026" }, { ...base, unitId: "ca-07" }]);
    expect(r.ok && r.value.map((o) => o.date)).toEqual(["2025-12-20", "2026-01-05", "2025-12-20"]);
  });

  it("refuses days that are not on the calendar, in either form", () => {
    for (const date of ["30/02/2025", "31/04/2025", "2025-02-29", "2025-13-01", "00/01/2025", "20-12-2025", "", "hôm qua"]) {
      const r = validateCommitteeOverrides(rs, [{ ...base, date }]);
      expect(!r.ok && r.issues.map((i) => [i.code, i.path]), date).toEqual([["overrides.date", [0, "date"]]]);
    }
    expect(validateCommitteeOverrides(rs, [{ ...base, date: "29/02/2024" }]).ok).toBe(true);
  });

  it("two overrides for one unit are an error naming both (one per cluster is fine)", () => {
    const r = validateCommitteeOverrides(rs, [base, { ...base, unitId: "ca-01" }, { ...base, award: null }]);
    expect(!r.ok && r.issues.map((i) => [i.code, i.params?.["index"], i.params?.["other"]])).toEqual([["overrides.duplicate", 2, 0]]);
    const scoped = validateCommitteeOverrides(rs, [{ ...base, cohort: "cum-1" }, { ...base, cohort: "cum-2" }, { ...base, cohort: "cum-1", award: null }]);
    expect(!scoped.ok && scoped.issues.map((i) => [i.params?.["index"], i.params?.["other"]])).toEqual([[2, 0]]);
    // one for every cluster and one for a cluster overlap
    expect(validateCommitteeOverrides(rs, [base, { ...base, cohort: "cum-1" }]).ok).toBe(false);
  });

  it("names every other problem with its index and field", () => {
    const r = validateCommitteeOverrides(rs, [{ ...base, award: "award.khong-co" }, { ...base, unitId: "x", reason: " " }, { ...base, unitId: "y", note: "?" }, 7]);
    expect(!r.ok && r.issues.map((i) => [i.code, i.path])).toEqual([
      ["overrides.unknown_award", [0, "award"]],
      ["overrides.schema", [1, "reason"]],
      ["overrides.schema", [2, "note"]],
      ["overrides.schema", [3]],
    ]);
  });
});

describe("thidua score --overrides", () => {
  it("accepts dd/mm/yyyy and records the ISO date", async () => {
    const r = await score([{ ...base, date: "20/12/2025" }]);
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(readFileSync(r.out, "utf8")).overrides[0].date).toBe("2025-12-20");
  });

  it("an override for a unit that is not in the input is an error: exit 1, no report", async () => {
    const r = await score([base, { ...base, unitId: "khong-co-ai" }]);
    expect(r.code).toBe(1);
    expect(r.wrote).toBe(false);
    expect(r.err).toContain("Override 2: khong-co-ai is not among the scored units [overrides.unmatched]");
    const vi = await capture(["score", cohort, "--overrides", file("unmatched.json", [{ ...base, unitId: "khong-co-ai" }])]);
    expect(vi.code).toBe(1);
    expect(vi.err).toContain("Quyết định điều chỉnh thứ 1: khong-co-ai không có trong các đơn vị được chấm điểm");
  });

  it("an award that does not fit the unit (the Government's collective flag for a person) is an error", async () => {
    const r = await score([{ ...base, award: "award.co-thi-dua-chinh-phu" }]);
    expect(r.code).toBe(1);
    expect(r.wrote).toBe(false);
    expect(r.err).toMatch(/Override 1: .+ cannot be given to ca-05 — it does not apply to “Individuals?”/i);
  });

  it("two overrides for one unit, or a day not on the calendar, stop the run before scoring (exit 2)", async () => {
    const dup = await score([base, { ...base, award: null }]);
    expect([dup.code, dup.wrote]).toEqual([2, false]);
    expect(dup.err).toContain("Overrides 1 and 2 both decide ca-05");
    const day = await score([{ ...base, date: "2025-02-30" }]);
    expect([day.code, day.wrote]).toEqual([2, false]);
    expect(day.err).toContain("the decision date \"2025-02-30\" is not a calendar date");
  });
});

describe("replay over rule files that fail their manifest", () => {
  // a record made over edited rule files (allowed for editing, marked not verified), replayed over the same files
  const rules = join(dir, "rules");
  cpSync(bundledRulesDir(), rules, { recursive: true });
  const set = join(rules, "vn-2447-2025");
  const classes = join(set, "classes.json");
  writeFileSync(classes, readFileSync(classes, "utf8").replace('"minPercent": 90', '"minPercent": 91'));
  const record = join(dir, "modified-record.json");

  it("is refused by default, naming the altered files (exit 2)", async () => {
    const s = await capture(["score", cohort, "--rules", set, "--as-of", "2025-12-31", "--allow-modified-rules", "--format", "json", "--out", record]);
    expect(s.code, s.err).toBe(0);
    const r = await capture(["replay", record, "--profiles", cohort, "--rules", set, "--lang", "en"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("REFUSED: files of rule set vn-2447-2025 do not match its manifest: vn-2447-2025/classes.json");
    expect(r.out).toBe("");
  });

  it("runs only with --allow-modified-rules, and says so on its first line", async () => {
    const r = await capture(["replay", record, "--profiles", cohort, "--rules", set, "--allow-modified-rules"]);
    expect(r.code, r.out + r.err).toBe(0);
    expect(r.out.split("\n")[0]).toBe(
      "CẢNH BÁO: phát lại trên bộ tiêu chí có tệp không khớp bản kê mã băm (đã dùng --allow-modified-rules); kết quả phát lại này không có giá trị kiểm chứng",
    );
  });
});
