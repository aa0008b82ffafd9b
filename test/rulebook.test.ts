import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { renderRulebook } from "thidua";
import { BUNDLED_RULESETS, bundledRulesDir, loadRuleset } from "thidua/node";

describe.each(BUNDLED_RULESETS.filter((id) => existsSync(join(bundledRulesDir(), id))).map((id) => [id]))("rule book of %s", (id) => {
  const r = loadRuleset(id);
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

  it.each([["vi"], ["en"]] as const)("the committed RULEBOOK.%s.md is up to date (npm run rulebook)", (lang) => {
    const committed = readFileSync(join(bundledRulesDir(), id, `RULEBOOK.${lang}.md`), "utf8");
    expect(committed).toBe(renderRulebook(rs, lang));
  });
});
