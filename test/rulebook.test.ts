import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { renderRulebook } from "thidua";
import { BUNDLED_RULE_SETS, bundledRulesDir, loadRuleSet } from "thidua/node";
import { walkCondition, walkLeaves } from "../src/rules/walk.js";

describe.each(BUNDLED_RULE_SETS.filter((id) => existsSync(join(bundledRulesDir(), id))).map((id) => [id]))("rule book of %s", (id) => {
  const r = loadRuleSet(id);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  const rs = r.value;

  it.each([["vi"], ["en"]] as const)("in %s lists every criterion, award, class and fact with its basis and citation", (lang) => {
    const md = renderRulebook(rs, lang);
    for (const c of rs.criteria) {
      expect(md).toContain(`\`${c.id}\` — ${c.title[lang]}`);
    }
    for (const a of rs.awards) expect(md).toContain(`\`${a.id}\` — ${a.title[lang]}`);
    for (const k of rs.classes) expect(md).toContain(k.title[lang]);
    for (const f of rs.facts) expect(md).toContain(`\`${f.id}\``);
    expect(md).toContain(rs.sha256);
    expect(md).not.toMatch(/undefined|\[object Object\]|NaN/);
    expect(md.normalize("NFC")).toBe(md);
  });

  it("speaks each language (no English in the Vietnamese book's fixed wording and vice versa)", () => {
    const vi = renderRulebook(rs, "vi");
    const en = renderRulebook(rs, "en");
    expect(vi).toContain("Điểm tối đa");
    expect(vi).not.toContain("Maximum points");
    expect(en).toContain("Maximum points");
    expect(en).not.toContain("Điểm tối đa");
  });

  it("the Vietnamese book speaks only Vietnamese: no English token and no id outside a code span", () => {
    const prose = renderRulebook(rs, "vi").replace(/`[^`\n]*`/g, "");
    const tokens = ["policy-default", "law", "floor", "ceil", "half-up", "requiresThisYear", "noKnockout", "seed", "share", "minimum", "cohort", "boolean", "integer", "ratio", "enum", "repealed", "unconfirmed", "amended", "in-force"];
    const ids = new Set<string>([rs.id, ...rs.lineage.map((l) => l.id), ...rs.facts.map((f) => f.id), ...rs.criteria.map((c) => c.id), ...rs.awards.map((a) => a.id)]);
    for (const c of rs.criteria) walkLeaves(c, (l) => l.id && ids.add(l.id));
    for (const a of rs.awards) if (a.eligibility.conditions) walkCondition(a.eligibility.conditions, (l) => l.id && ids.add(l.id));
    const words = new Set(prose.match(/[\p{L}\p{N}][\p{L}\p{N}._-]*[\p{L}\p{N}]/gu) ?? []);
    expect([...tokens, ...ids].filter((t) => words.has(t))).toEqual([]);
  });

  it.each([["vi"], ["en"]] as const)("in %s prints every doubt: unconfirmed and secondary provisions, repealed sources, policy-default readings", (lang) => {
    const md = renderRulebook(rs, lang);
    const vi = lang === "vi";
    // Art. 73 (Bằng khen of the Prime Minister) was not found: every citation of it says so
    const cited = /06\/2022\/QH15, Điều 73(?![0-9])/g;
    const art73 = md.split("\n").filter((l) => cited.test(l));
    expect(art73.length).toBeGreaterThan(0);
    for (const l of art73) expect(l.match(/06\/2022\/QH15, Điều 73[^_—]*/g)!.every((c) => c.includes(vi ? "(số điều, câu chữ chưa đối chiếu với văn bản gốc)" : "(article number and wording not checked against the original)"))).toBe(true);
    void (vi ? "số điều, câu chữ chưa đối chiếu với văn bản gốc" : "article number and wording not checked against the original");
    expect(md).toContain(vi ? "Điều 74 khoản 1 điểm d (đối chiếu qua nguồn thứ cấp)" : "Điều 74 khoản 1 điểm d (checked through a secondary source)");
    expect(md).toContain(vi ? "Điều 9 khoản 3 (văn bản đã hết hiệu lực)" : "Điều 9 khoản 3 (text no longer in force)");
    expect(md).toMatch(vi ? /`nd-98-2023` — [^\n]*\(đã hết hiệu lực\)/ : /`nd-98-2023` — [^\n]*\(repealed\)/);
    expect(md).toContain(vi ? "mặc định chính sách" : "policy default");
  });

  it.each([["vi"], ["en"]] as const)("the committed RULEBOOK.%s.md is up to date (npm run rulebook)", (lang) => {
    const committed = readFileSync(join(bundledRulesDir(), id, `RULEBOOK.${lang}.md`), "utf8");
    expect(committed).toBe(renderRulebook(rs, lang));
  });
});
