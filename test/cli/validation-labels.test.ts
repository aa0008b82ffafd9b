import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { capture } from "../support/cli.js";

/**
 * Issue 20, point 8: validation messages name the accepted values as a user writes them — the
 * Vietnamese labels of an enum or of a subject group, never their internal ids (`xuat-sac`,
 * `province`) — and say what to write; a JSON file, whose values are ids, gets each id beside its label.
 */
const root = new URL("../../", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "thidua-labels-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const lines = readFileSync(join(root, "fixtures/inputs/provinces-excel.csv"), "utf8").replace(/^\uFEFF/, "").split(/\r?\n/);
const header = lines[0]!.split(";");
const col = (name: string) => header.indexOf(name);
/** The fixture's second province with its group and task rating replaced. */
function csvWith(group: string, rating: string): string {
  const cells = lines[2]!.split(";");
  cells[col("nhóm")] = group;
  cells[col("unit.taskRating")] = rating;
  const file = join(dir, `p-${group.length}-${rating.length}.csv`);
  writeFileSync(file, `\uFEFF${lines[0]}\n${cells.join(";")}\n`);
  return file;
}

const ENUM_IDS = /\b(xuat-sac|hoan-thanh|khong-hoan-thanh|tot|ministry|province|front|enterprise|individual)\b/;

describe("accepted values by their labels", () => {
  it("CSV: a task rating and a group that are not among the values: both named, with the labels to write (vi), no id", async () => {
    const r = await capture(["validate", csvWith("tỉnh thành", "rất tốt"), "--ignore-unknown-columns"]);
    expect(r.code).toBe(1);
    const row = r.out.split("\n").filter((l) => l.startsWith("dòng 2 "));
    expect(row.join("\n")).toContain("Cột «unit.taskRating»: giá trị «rất tốt» không đọc được — cần ghi một trong: «Hoàn thành xuất sắc nhiệm vụ», «Hoàn thành tốt nhiệm vụ», «Hoàn thành nhiệm vụ», «Không hoàn thành nhiệm vụ»");
    expect(row.join("\n")).toContain("Cột «nhóm»: giá trị «tỉnh thành» không đọc được — cần ghi một trong: «Bộ, ban, ngành Trung ương», «Tỉnh, thành phố trực thuộc Trung ương»");
    for (const l of row) expect(l.replace(/\[[^\]]*\]$/, "").replace(/«unit\.taskRating»/, "")).not.toMatch(ENUM_IDS);
  });

  it("CSV in English: the English labels (the Vietnamese ones are read too)", async () => {
    const r = await capture(["validate", csvWith("Tỉnh, thành phố trực thuộc Trung ương", "very good"), "--ignore-unknown-columns", "--lang", "en"]);
    expect(r.out).toContain("expected one of “Completed tasks excellently”, “Completed tasks well”, “Completed tasks”, “Did not complete tasks” (or the Vietnamese label)");
  });

  it("JSON: each id beside its Vietnamese label", async () => {
    const profiles = JSON.parse(readFileSync(join(root, "fixtures/cohorts/individuals-2025.json"), "utf8"));
    profiles[0].facts["person.taskRating"] = "rat-tot";
    const file = join(dir, "bad.json");
    writeFileSync(file, JSON.stringify(profiles));
    const r = await capture(["validate", file]);
    expect(r.out).toContain("cần ghi mã của một trong các mức «Hoàn thành xuất sắc nhiệm vụ» (mã xuat-sac), «Hoàn thành tốt nhiệm vụ» (mã tot)");
  });
});
