import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { capture } from "../support/cli.js";

/** Issue 20, point 10 (part): overrides written as a council writes them; override and record files never block on a FIFO. */
const root = new URL("../../", import.meta.url).pathname;
const cohort = join(root, "fixtures/cohorts/individuals-2025.json");
const dir = mkdtempSync(join(tmpdir(), "thidua-overrides-files-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("overrides a council can write", () => {
  it("an award by its title, a date as dd/mm/yyyy: recorded as the award's id and an ISO date; replay matches the same file", async () => {
    const file = join(dir, "council.json");
    writeFileSync(file, JSON.stringify([{ unitId: "ca-05", award: "chiến sĩ thi đua  cơ sở", reason: "Thành tích đột xuất", decidedBy: "Hội đồng", date: "20/12/2025" }]));
    const out = join(dir, "record.json");
    const r = await capture(["score", cohort, "--as-of", "2025-12-31", "--format", "json", "--overrides", file, "--out", out]);
    expect(r.code, r.err).toBe(0);
    const record = JSON.parse(readFileSync(out, "utf8"));
    expect(record.overrides).toEqual([{ unitId: "ca-05", award: "award.chien-si-thi-dua-co-so", reason: "Thành tích đột xuất", decidedBy: "Hội đồng", date: "2025-12-20" }]);
    const replay = await capture(["replay", out, "--profiles", cohort, "--overrides", file]);
    expect(replay.out).toContain(`Các quyết định điều chỉnh trong ${file}: khớp với bản ghi`);
    expect(replay.code).toBe(0);
  });

  it("a title several awards share is refused, saying to write the id", async () => {
    const file = join(dir, "ambiguous.json");
    writeFileSync(file, JSON.stringify([{ unitId: "ca-05", award: "Giấy khen", reason: "x", decidedBy: "Hội đồng", date: "20/12/2025" }]));
    const r = await capture(["score", cohort, "--as-of", "2025-12-31", "--overrides", file]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("Giấy khen");
    expect(r.err).toContain("ghi tên hoặc mã của danh hiệu");
  });
});

describe("files read whole are never waited on", () => {
  const fifo = join(dir, "pipe.json");
  execFileSync("mkfifo", [fifo]);
  it("--overrides naming a FIFO: refused at once, in Vietnamese", async () => {
    const r = await capture(["score", cohort, "--overrides", fifo]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`thidua: ${fifo}: không phải tệp dữ liệu thông thường (một đường ống có tên (FIFO)) nên không được đọc\n`);
  });
  it("replay of a record that is a FIFO: refused at once", async () => {
    const r = await capture(["replay", fifo, "--profiles", cohort, "--lang", "en"]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`thidua: ${fifo}: not a regular file (a named pipe (FIFO)); it is not read\n`);
  });
});
