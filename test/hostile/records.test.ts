import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkRecordSeal, parseDecisionRecord, type DecisionRecord } from "thidua";
import { canonicalJson } from "../../src/rules/index.js";
import { MAX_RECORD_BYTES, sealRecord } from "../../src/report/index.js";
import { bundledRulesDir } from "thidua/node";
import { capture } from "../support/cli.js";
import { RECORD_EDITS } from "./record-corpus.js";

/**
 * Decision records edited in each part, truncated, malformed, or pointing their rule-set id at a
 * folder: the seal finds every edit, replay refuses the record naming what was edited (unit, field,
 * recorded vs re-derived), and nothing reaches a raw TypeError or the file system.
 */
const root = new URL("../../", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "thidua-hostile-records-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const profiles = join(dir, "profiles.json");
const fixture = JSON.parse(readFileSync(join(root, "fixtures/cohorts/individuals-2025.json"), "utf8"));
writeFileSync(profiles, JSON.stringify([...fixture, { id: "khong-hop-le", name: "Hồ sơ lỗi", group: "individual", year: 2025, facts: { "person.movementActivities": "nhiều" } }]));
const overrides = join(root, "fixtures/overrides/individuals-2025.json");
const recordFile = join(dir, "record.json");
let original = "";

const write = (name: string, text: string) => {
  const f = join(dir, name);
  writeFileSync(f, text);
  return f;
};
const edited = (change: (r: any) => void) => {
  const r = JSON.parse(original);
  change(r);
  return r;
};
const replay = (file: string, ...more: string[]) => capture(["replay", file, "--profiles", profiles, "--lang", "en", ...more]);

describe("a record written by the CLI", () => {
  it("is sealed and replays IDENTICAL, in English and in Vietnamese", async () => {
    const s = await capture(["score", profiles, "--rules", "khanh-hoa-2025", "--as-of", "2025-12-31", "--overrides", overrides, "--format", "json", "--out", recordFile]);
    expect(s.code, s.err).toBe(1); // one row rejected
    original = readFileSync(recordFile, "utf8");
    const read = parseDecisionRecord(original);
    expect(read.ok && read.value.version).toBe(2);
    if (!read.ok || read.value.version !== 2) return;
    expect(checkRecordSeal(read.value.record).intact).toBe(true);
    const en = await replay(recordFile);
    expect([en.code, en.err]).toEqual([0, ""]);
    expect(en.out).toMatch(/record seal sha256:[0-9a-f]{64} — intact/);
    expect(en.out).toContain("14 results with their final decisions, rejected rows and quotas re-derived — IDENTICAL");
    const vi = await capture(["replay", recordFile, "--profiles", profiles]);
    expect(vi.code).toBe(0);
    expect(vi.out).toContain("TRÙNG KHỚP");
    expect(vi.out.normalize("NFC")).toBe(vi.out);
  });
});

describe("a record edited in one part", () => {
  for (const c of RECORD_EDITS) {
    it(`${c.name}: the seal names ${c.parts.join(", ") || "the seal itself"}`, () => {
      const check = checkRecordSeal(edited(c.edit) as DecisionRecord);
      expect(check.intact).toBe(false);
      expect(check.edited.map((e) => e.part)).toEqual(c.parts);
      expect(check.sealEdited).toBe(c.name.includes("seal"));
    });
    it(`${c.name}: replay refuses the record (exit 1), naming what was edited`, async () => {
      const out = await replay(write(`edit-${c.name.replace(/\W+/g, "-")}.json`, JSON.stringify(edited(c.edit), null, 2)));
      expect(out.code, out.err).toBe(1);
      expect(out.out).toContain("REFUSED: the record was edited after it was written");
      for (const part of c.parts) expect(out.out).toContain(`part “${part}” was`);
      if (c.names) expect(out.out).toMatch(c.names);
    });
  }

  it("an edit the editor re-sealed is still refused: the re-run names the unit and field", async () => {
    const r = edited((x) => (x.results[0].score = "99")) as DecisionRecord;
    const { results, seal: _s, ...head } = r;
    const resealed = { ...r, seal: sealRecord(head, results.map((x) => canonicalJson(x))) };
    expect(checkRecordSeal(resealed).intact).toBe(true);
    const out = await replay(write("resealed.json", JSON.stringify(resealed)));
    expect(out.code).toBe(1);
    expect(out.out).toMatch(/record seal sha256:[0-9a-f]{64} — intact/);
    expect(out.out).toMatch(/ca-01 \(cum-cong-an-xa-1\), score: recorded "99", re-derived "93"/);
  });

  it("an edited record is refused as edited even when its input cannot be read", async () => {
    const file = write("edited-no-input.json", JSON.stringify(edited((r) => (r.asOf = "2025-06-30"))));
    const out = await capture(["replay", file, "--profiles", join(dir, "khong-co.json"), "--lang", "en"]);
    expect(out.code).toBe(1);
    expect(out.out).toContain("REFUSED: the record was edited after it was written");
    expect(out.out).toContain("part “asOf” was edited");
    const intact = await capture(["replay", recordFile, "--profiles", join(dir, "khong-co.json"), "--lang", "en"]);
    expect(intact.code).toBe(2); // an intact record with a missing input: a usage error
  });

  it("whitespace and key order are not edits (the seal is over canonical JSON)", async () => {
    const out = await replay(write("compact.json", JSON.stringify(JSON.parse(original))));
    expect(out.code, out.out).toBe(0);
  });

  it("the overrides file given to replay must be the one the record holds", async () => {
    const changed = JSON.parse(readFileSync(overrides, "utf8"));
    changed[1].reason = "Lý do khác";
    const out = await replay(recordFile, "--overrides", write("other-overrides.json", JSON.stringify(changed)));
    expect(out.code).toBe(1);
    expect(out.out).toContain("DIFFER from the record's");
    expect((await replay(recordFile, "--overrides", overrides)).code).toBe(0);
  });
});

describe("a format-1 record (no seal)", () => {
  const v1 = (change: (r: any) => void = () => {}) =>
    edited((r) => {
      delete r.seal;
      r.formatVersion = 1;
      change(r);
    });

  it("replays with a caveat that it is not self-verifying", async () => {
    const out = await replay(write("v1.json", JSON.stringify(v1())));
    expect(out.code, out.out + out.err).toBe(0);
    expect(out.out.split("\n")[0]).toMatch(/^NOTE: a format-1 record has no seal/);
  });

  it("edited scores and final decisions are found by the re-run (the attack the seal was added for)", async () => {
    const out = await replay(write("v1-edited.json", JSON.stringify(v1((r) => {
      r.results[4].score = "100";
      r.results[5].final = { award: r.results[0].award, overridden: false };
    }))));
    expect(out.code).toBe(1);
    expect(out.out).toMatch(/, score: recorded "100", re-derived /);
    expect(out.out).toMatch(/ca-06 \(cum-cong-an-xa-1\), final\.award: recorded "award\.bang-khen-tinh", re-derived "award\.giay-khen-giam-doc-cong-an-tinh"/);
  });
});

describe("records that cannot be read", () => {
  it("a truncated record names the place and says it looks cut short (exit 2, no TypeError)", async () => {
    for (const at of [10, 2000, Math.floor(original.length / 2), original.length - 3]) {
      const out = await replay(write(`cut-${at}.json`, original.slice(0, at)));
      expect(out.code).toBe(2);
      expect(out.err).toMatch(/The decision record is not valid JSON: line \d+, column \d+ \(truncated file\?\) \[record\.invalid_json\]/);
      expect(out.err).not.toMatch(/TypeError|Cannot read/);
    }
  });

  it("a missing field is named, at any depth", async () => {
    const cases: [string, (r: any) => void, string][] = [
      ["unit id", (r) => delete r.results[2].unitId, "results[2].unitId"],
      ["input", (r) => delete r.input, "input"],
      ["override date", (r) => delete r.overrides[0].date, "overrides[0].date"],
      ["seal", (r) => delete r.seal, "seal"],
      ["final decision", (r) => delete r.results[0].final, "results[0].final"],
      ["criteria", (r) => delete r.results[0].scoreResult.criteria, "results[0].scoreResult.criteria"],
    ];
    for (const [name, change, field] of cases) {
      const read = parseDecisionRecord(JSON.stringify(edited(change)));
      expect(read.ok, name).toBe(false);
      if (!read.ok) expect(read.issues[0]!.params?.["field"], name).toBe(field);
      const out = await replay(write(`missing-${field}.json`, JSON.stringify(edited(change))));
      expect([out.code, out.err], name).toEqual([2, expect.stringContaining(`The decision record has no field “${field}”`)]);
    }
  });

  it("an unknown format version, another file, or a duplicated key is refused with its reason", async () => {
    const v3 = await replay(write("v3.json", JSON.stringify(edited((r) => (r.formatVersion = 3)))));
    expect([v3.code, v3.err]).toEqual([2, expect.stringContaining("format version 3; this engine reads versions 1 and 2")]);
    const other = await replay(write("other.json", JSON.stringify([{ id: "x" }])));
    expect([other.code, other.err]).toEqual([2, expect.stringContaining("not a thidua decision record")]);
    const dup = await replay(write("dup.json", original.replace('"asOf": "2025-12-31",', '"asOf": "2025-12-31",\n  "asOf": "2024-12-31",')));
    expect([dup.code, dup.err]).toEqual([2, expect.stringContaining("a key appears twice in one object")]);
    const huge = parseDecisionRecord(new Uint8Array(MAX_RECORD_BYTES + 1)); // zero pages: not touched
    expect(!huge.ok && huge.issues[0]!.params?.["problem"]).toBe("too_large");
    const deep = parseDecisionRecord(`{"format":"thidua.decision-record","formatVersion":2,"options":${"[".repeat(100_000)}${"]".repeat(100_000)}}`);
    expect(!deep.ok && deep.issues[0]!.code).toBe("record.invalid_json");
  });

  it("a record's rule-set id is never used as a path: a folder it names is not read", async () => {
    const evil = join(dir, "evil");
    cpSync(join(bundledRulesDir(), "vn-2447-2025"), evil, { recursive: true });
    for (const id of [evil, "../../../rules/vn-2447-2025", "khanh-hoa-2025/../vn-2447-2025"]) {
      const out = await replay(write("path-id.json", JSON.stringify(edited((r) => (r.ruleset.id = id)))));
      expect(out.code).toBe(1); // the id is part of the sealed record: refused as edited, and never loaded
      expect(out.out).toContain(`which is not bundled; give its folder with --rules`);
    }
  });
});
