import { execFileSync, spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

/**
 * The built CLI against hostile outputs and process events (issue 19, "Inputs and outputs"):
 * special files as inputs and as `--out`, a disk that fills up, Ctrl-C / SIGHUP / SIGTERM with and
 * without worker threads, a reader that closes the pipe. Nothing may hang, and nothing may be left
 * behind: no temporary directory, no temporary file, no partial report.
 */
const root = new URL("../../", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "thidua-hostile-dist-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const scratch = join(dir, "tmp");
mkdirSync(scratch);
const env = { ...process.env, TMPDIR: scratch };
const CLI = join(root, "dist", "cli.js");
const cli = (args: string[], timeout = 60_000) => spawnSync(process.execPath, [CLI, ...args], { cwd: root, encoding: "utf8", env, timeout, maxBuffer: 1 << 28 });
const cohort = join(root, "fixtures/cohorts/individuals-2025.json");
const runs = () => readdirSync(scratch).filter((f) => f.startsWith("thidua-run-"));

// a run large enough to be split into partition files and to last while it is interrupted
const strong = JSON.parse(readFileSync(join(root, "fixtures/profiles/province.json"), "utf8")).find((p: { id: string }) => p.id === "pv-quang-ninh");
const big = join(dir, "big.ndjson");
writeFileSync(big, `${Array.from({ length: 40_000 }, (_, i) => JSON.stringify({ ...strong, id: `u${i}`, cohort: `c${i % 400}` })).join("\n")}\n`);

describe("special files as inputs: refused at once, never a hang", () => {
  const fifo = join(dir, "in.csv");
  execFileSync("mkfifo", [fifo]);
  const zero = join(dir, "zero.ndjson");
  symlinkSync("/dev/zero", zero);
  it.each([
    ["a FIFO", fifo],
    ["a symlink to /dev/zero", zero],
    ["/dev/zero itself", "/dev/zero"],
  ])("%s", (_, path) => {
    for (const extra of [[], ["--partition-bytes", "100", "--jobs", "2"]]) {
      const r = cli(["score", path, ...extra], 10_000);
      expect(r.error, "the command hung").toBeUndefined();
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/^thidua: .*(không phải tệp dữ liệu thông thường|không đọc được loại tệp)/);
    }
  });
});

describe("--out writes only regular files, and leaves nothing behind", () => {
  const files = (d: string) => readdirSync(d).sort();

  it.each(["csv", "xlsx", "json"])("%s: a symlink, a directory or a FIFO at the target is refused before the run", (format) => {
    const d = join(dir, `out-${format}`);
    mkdirSync(d);
    writeFileSync(join(d, "target.txt"), "keep");
    symlinkSync("target.txt", join(d, "link.out"));
    mkdirSync(join(d, "folder.out"));
    execFileSync("mkfifo", [join(d, "fifo.out")]);
    const before = files(d);
    for (const [name, kind] of [["link.out", "một liên kết tượng trưng"], ["folder.out", "một thư mục"], ["fifo.out", "một đường ống có tên (FIFO)"]] as const) {
      const r = cli(["score", cohort, "--as-of", "2025-12-31", "--format", format, "--out", join(d, name)], 10_000);
      expect(r.error, "the command hung").toBeUndefined();
      expect(r.status, r.stderr).toBe(2);
      expect(r.stderr).toBe(`thidua: --out ${join(d, name)}: đường dẫn này là ${kind}; báo cáo chỉ được ghi vào tệp thông thường — hãy chọn đường dẫn khác\n`);
    }
    expect(files(d)).toEqual(before); // no temporary file, nothing replaced
    expect(readlinkSync(join(d, "link.out"))).toBe("target.txt");
    expect(readFileSync(join(d, "target.txt"), "utf8")).toBe("keep");
    expect(lstatSync(join(d, "fifo.out")).isFIFO()).toBe(true);
  });

  it.each(["text", "csv", "md", "json", "xlsx"])("%s: a full disk (file size limit) leaves no temporary file and the old report in place", (format) => {
    const d = join(dir, `full-${format}`);
    mkdirSync(d);
    const out = join(d, "report.out");
    writeFileSync(out, "old report");
    // ulimit -f: writes past a block fail with EFBIG, as ENOSPC would on a full disk
    const r = spawnSync("sh", ["-c", `ulimit -f 1; exec "${process.execPath}" "${CLI}" score "${cohort}" --as-of 2025-12-31 --format ${format} --out "${out}" --lang en`], { cwd: root, encoding: "utf8", env });
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^thidua: cannot write the report to ${out} \\(EFBIG\\); the target was left as it was\\n$`));
    expect(files(d)).toEqual(["report.out"]);
    expect(readFileSync(out, "utf8")).toBe("old report");
  });

  it("a full disk while the input is split removes the run's temporary directory", () => {
    const r = spawnSync("sh", ["-c", `ulimit -f 2048; exec "${process.execPath}" "${CLI}" score "${big}" --as-of 2025-12-31 --format csv --partition-bytes 2000000 --jobs 0`], { cwd: root, encoding: "utf8", env, maxBuffer: 1 << 28 });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`thidua: Không ghi được các tệp tạm của lần chạy trong ${scratch} (EFBIG); các tệp tạm đã được xóa — hãy giải phóng dung lượng đĩa hoặc đặt biến môi trường TMPDIR sang thư mục khác\n`);
    expect(runs()).toEqual([]);
  });
});

describe("signals stop a run and leave nothing behind", () => {
  const cases = (["SIGINT", "SIGHUP", "SIGTERM"] as const).flatMap((signal) => ["0", "2"].map((jobs) => [signal, jobs] as const));
  it.each(cases)("%s with --jobs %s", async (signal, jobs) => {
    const d = join(dir, `signal-${signal}-${jobs}`);
    mkdirSync(d);
    const out = join(d, "report.csv");
    const child = spawn(process.execPath, [CLI, "score", big, "--as-of", "2025-12-31", "--format", "csv", "--out", out, "--partition-bytes", "1000000", "--jobs", jobs], { cwd: root, env, stdio: "ignore" });
    const exited = once(child, "exit");
    let seen = false;
    for (let i = 0; i < 1000 && !seen && child.exitCode === null; i++) {
      seen = runs().length > 0;
      if (!seen) await new Promise((r) => setTimeout(r, 10));
    }
    expect(seen).toBe(true); // the run had split its input when interrupted
    await new Promise((r) => setTimeout(r, 300)); // well into the run
    child.kill(signal);
    const [code] = await exited;
    expect(code).toBe({ SIGINT: 130, SIGHUP: 129, SIGTERM: 143 }[signal]);
    expect(runs()).toEqual([]);
    expect(readdirSync(d)).toEqual([]); // no report, no temporary file
  });
});

describe("a closed stdout", () => {
  const small = join(dir, "small.ndjson");
  writeFileSync(small, readFileSync(big, "utf8").split("\n").slice(0, 5000).join("\n"));
  it.each([["in memory", []], ["split, worker threads", ["--partition-bytes", "200000", "--jobs", "2"]]])("ends quietly (%s)", (_, extra) => {
    const r = spawnSync("bash", ["-c", `"${process.execPath}" "${CLI}" score "${small}" --as-of 2025-12-31 --format csv ${extra.join(" ")} 2>"${join(dir, "err.txt")}" | head -c 100 >/dev/null; echo "\${PIPESTATUS[0]}"`], { cwd: root, encoding: "utf8", env });
    expect(r.stdout.trim()).toBe("141"); // 128 + SIGPIPE, as a command the signal ends
    expect(readFileSync(join(dir, "err.txt"), "utf8")).toBe(""); // no stack trace, no message
    expect(runs()).toEqual([]);
  });
});
