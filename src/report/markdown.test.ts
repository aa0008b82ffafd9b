import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createEngine } from "../index.js";
import { loadLocal } from "../../test/support/rules.js";
import { buildDecisionRecord, issueText, renderMarkdown, renderText } from "./index.js";

// Khánh Hòa's set: it extends the national one and switches on the 15% and 20% quotas, so quotas are exercised
const rs = loadLocal();
const fixture: unknown[] = JSON.parse(readFileSync(new URL("../../fixtures/cohorts/individuals-2025.json", import.meta.url), "utf8"));
const profiles = [...fixture, { id: "bad|pipe", group: "individual", year: 2025 }];
const report = createEngine(rs).recommend(profiles, { asOf: "2025-12-31", trace: true });
const overrides = [
  { unitId: "ca-02", award: "award.chien-si-thi-dua-co-so", reason: "Lập công | đột xuất", decidedBy: "Hội đồng", date: "2026-01-15" },
  { unitId: "zz-404", award: null, reason: "Không có hồ sơ", decidedBy: "Hội đồng", date: "2026-01-15" },
];
// an override that matched no unit cannot be built into a record (buildDecisionRecord refuses it), but a record
// written before that rule (or edited by hand) may hold one: the reports still say so
const built = buildDecisionRecord(rs, report, { input: "x", inputCount: profiles.length, options: { b: 2, a: "x" }, overrides: overrides.slice(0, 1) });
const record = { ...built, overrides };
const md = renderMarkdown(record, rs, "vi");

describe("renderMarkdown", () => {
  it("starts with what an auditor needs to replay the run", () => {
    expect(md).toContain(`- Mã băm SHA-256 của bộ tiêu chí: ${rs.sha256} — khớp với bản kê các tệp`);
    expect(md).toContain("- Ngày áp dụng bộ tiêu chí: 31/12/2025");
    expect(md).toContain(`- Dữ liệu đầu vào: 15 dòng; mã băm SHA-256: ${record.input.sha256}`);
    expect(md).toContain("- Tùy chọn khi chạy: a=x, b=2");
    expect(md).toContain(`- Mã băm SHA-256 của kết quả: ${record.outcomeSha256}`);
  });

  it("ranks each cohort in a table with the computed and the final award side by side", () => {
    expect(md).toContain("| Hạng | Cá nhân | Điểm | Tỷ lệ | Xếp loại | Đề nghị khen thưởng | Quyết định cuối cùng |");
    expect(md).toContain("| 2 | ca-02 — Thượng úy Trần Thị Bình | 93 | 93% | Xuất sắc | Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh; Giấy khen; Lao động tiên tiến / Chiến sĩ tiên tiến | **Chiến sĩ thi đua cơ sở** — Lập công \\| đột xuất |");
    expect(md).toContain("- Chỉ tiêu Chiến sĩ thi đua cơ sở: tối đa 1 (15% của 7 đơn vị đạt “Lao động tiên tiến / Chiến sĩ tiên tiến” là 1,05, làm tròn xuống)");
    expect(md).toContain("- zz-404: Không đề nghị khen thưởng — lý do: Không có hồ sơ (Hội đồng, 15/01/2026) — không tìm thấy đơn vị tương ứng");
  });

  it("explains every unit and lists every rejected row", () => {
    for (const r of record.results) expect(md).toContain(`### ${r.unitId} — ${r.name}`);
    // a row whose cluster cannot be read (none given) is listed after the clusters
    expect(md).toContain("## Dòng bị loại không xác định được cụm, khối thi đua");
    expect(md).toContain("- Dòng 15 — bad|pipe: ");
    expect(md.normalize("NFC")).toBe(md);
  });
});

describe("renderText", () => {
  const text = renderText(record, rs, "en");
  it("prints one aligned table per cohort, the quotas and the rejected rows", () => {
    const lines = text.split("\n");
    const head = lines.findIndex((l) => l.startsWith(" #  Person"));
    expect(head).toBeGreaterThan(0);
    expect(lines[head + 1]).toMatch(/^ 1  ca-01 Đại úy Nguyễn Văn An\s+93\s+93%\s+Excellent/);
    // ten ranked rows, each unit's evidence to supply on its own line beneath it
    const table = lines.slice(head + 1).filter((l) => !l.startsWith("     ↳ ")).slice(0, 10);
    expect(table.every((l) => /^\s*\d+ {2}/.test(l))).toBe(true);
    expect(text).toContain("* Grassroots Emulation Fighter");
    expect(text).toContain("Quota for Grassroots Emulation Fighter: at most 1");
    expect(text).toContain("== Rejected rows whose cluster or block cannot be read\n   - Row 15 — bad|pipe: ");
    expect(renderText(record, rs, "en")).toBe(text);
  });
});

describe("issueText of the CLI's file-level input problems", () => {
  const mk = (params: Record<string, string | number>) => ({ code: "input.parse" as const, path: ["row", 3], message: "English message", params, severity: "error" as const });
  it("words them through the catalogs, in Vietnamese too", () => {
    const json = mk({ file: "a.ndjson", row: 3, line: 3, column: 7, kind: "invalidJson", reason: "Unexpected token" });
    expect(issueText(json, "vi")).toBe("a.ndjson, dòng 3, cột 7: JSON không hợp lệ (Unexpected token)");
    expect(issueText(json, "en")).toBe("a.ndjson, line 3, column 7: invalid JSON — Unexpected token");
    const quote = mk({ file: "b.csv", row: 9, line: 12, kind: "csvSyntax", reason: "a quoted field is never closed", other: "CSV_QUOTE_NOT_CLOSED" });
    expect(issueText(quote, "vi")).toContain("một ô mở ngoặc kép nhưng không đóng");
    const width = mk({ file: "b.csv", row: 4, expected: 12, found: 11, kind: "rowWidth", other: "short", reason: "a truncated line?" });
    expect(issueText(width, "vi")).toBe("b.csv, dòng 4: dòng có 11 ô nhưng dòng tiêu đề có 12 cột (dòng bị cắt cụt?)");
    // an unknown kind keeps the English message with its code
    expect(issueText(mk({ kind: "somethingNew" }), "vi")).toBe("English message (input.parse)");
  });
});
