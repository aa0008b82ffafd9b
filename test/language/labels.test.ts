import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createEngine, renderRulebook, type RuleSet } from "thidua";
import { BUNDLED_RULE_SETS, bundledRulesDir, loadRuleSet } from "thidua/node";
import { explain, renderExplanation } from "../../src/explain/index.js";
import { walkLeaves } from "../../src/rules/walk.js";
import { loadLocal, loadNational } from "../support/rules.js";

const loadRuleSetOf = (id: string): RuleSet => {
  const r = loadRuleSet(id);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
};

/**
 * Issue 21 point 9: labels that cannot go stale. A tier's label names its thresholds as placeholders
 * (`{threshold-id}`), filled with the value in force, so a local rule set that overrides a threshold
 * (rules/khanh-hoa-2025 raises enterprise.2's training shares from 90%/70% to 100%/80%) prints its own.
 */

/** The numbers written in a label (placeholders removed), read as the language writes them; `n%` is n/100. */
function numbersIn(text: string, lang: "vi" | "en"): number[] {
  const prose = text.replace(/\{[^{}]*\}/g, " ");
  return [...prose.matchAll(/\d+(?:[.,]\d+)*(\s*%)?/g)].map((m) => {
    const digits = m[0].replace(/\s*%$/, "");
    const plain = lang === "vi" ? digits.replace(/\./g, "").replace(",", ".") : digits.replace(/,/g, "");
    return m[1] ? Number(plain) / 100 : Number(plain);
  });
}

/** Every tier label of a rule set that writes out a number equal to one of its criterion's thresholds. */
function staleLabels(rs: RuleSet): string[] {
  const out: string[] = [];
  for (const c of rs.criteria) {
    const thresholds = new Map<number, string>();
    walkLeaves(c, (leaf) => void (leaf.id && typeof leaf.value === "number" && !thresholds.has(leaf.value) && thresholds.set(leaf.value, leaf.id)));
    c.tiers?.forEach((t, i) => {
      for (const lang of ["vi", "en"] as const) {
        const text = t.label?.[lang];
        if (text === undefined) continue;
        for (const n of numbersIn(text, lang)) {
          const id = thresholds.get(n);
          if (id !== undefined) out.push(`${rs.id} ${c.id} tier ${i + 1} (${lang}) «${text}» writes ${n}: use {${id}}`);
        }
      }
    });
  }
  return out;
}

describe("the number reader of the label lint", () => {
  it("reads Vietnamese and English numbers, percentages and thousands", () => {
    expect(numbersIn("≥ 2.000 tổ, ≥ 90% hội viên, {x} 1,5 lần", "vi")).toEqual([2000, 0.9, 1.5]);
    expect(numbersIn("≥ 10,000 members, 75 % reached, {models.two}", "en")).toEqual([10000, 0.75]);
  });
  it("finds a label restating a threshold (the national set's labels before version 1.1.1)", () => {
    const rs = loadNational();
    const stale = {
      ...rs,
      criteria: rs.criteria.map((c) => (c.id === "enterprise.6" ? { ...c, tiers: c.tiers!.map((t, i) => (i === 1 ? { ...t, label: { vi: "≥ 90% được phổ biến", en: "≥ 90% briefed" } } : t)) } : c)),
    } as RuleSet;
    expect(staleLabels(stale)).toEqual([
      "vn-2447-2025 enterprise.6 tier 2 (vi) «≥ 90% được phổ biến» writes 0.9: use {briefed.most}",
      "vn-2447-2025 enterprise.6 tier 2 (en) «≥ 90% briefed» writes 0.9: use {briefed.most}",
    ]);
  });
});

describe.each(BUNDLED_RULE_SETS.filter((id) => existsSync(join(bundledRulesDir(), id))).map((id) => [id]))("tier labels of %s", (id) => {
  it("name their thresholds as placeholders, never as numbers written out", () => {
    expect(staleLabels(loadRuleSetOf(id))).toEqual([]);
  });
});

describe("a local rule set that overrides a threshold prints its own value", () => {
  const local = loadLocal();
  const national = loadNational();
  const vi = "Mức 20 điểm (Đủ số lượng, bảo đảm chế độ, tỷ lệ được tập huấn từ 100%)";
  const en = "Tier worth 20 points (Staffed, benefits ensured, ≥ 100% trained)";

  it("in the rule book (vi and en)", () => {
    expect(renderRulebook(local, "vi")).toContain(vi);
    expect(renderRulebook(local, "vi")).toContain("Mức 14 điểm (Đủ số lượng, tỷ lệ được tập huấn từ 80%)");
    expect(renderRulebook(local, "en")).toContain(en);
    expect(renderRulebook(national, "vi")).toContain("Mức 20 điểm (Đủ số lượng, bảo đảm chế độ, tỷ lệ được tập huấn từ 90%)");
    expect(renderRulebook(national, "en")).toContain("Tier worth 20 points (Staffed, benefits ensured, ≥ 90% trained)");
  });

  it("in explanations: 95% trained misses Khánh Hòa's top tier of 100%, reaches its middle tier of 80%", () => {
    const profile = {
      id: "dn-1", name: "Công ty A", group: "enterprise", year: 2025,
      facts: { "org.kind": "enterprise", "securityForce.staffedToNorm": true, "securityForce.policiesEnsured": true, "securityForce.trainedRate": 0.95 },
    };
    const shown = (rs: RuleSet, lang: "vi" | "en") => {
      const r = createEngine(rs).recommend([profile], { asOf: "2025-12-31", trace: true }).results[0]!;
      return renderExplanation(explain(r, rs, lang), lang);
    };
    expect(shown(local, "vi")).toContain("Chưa đạt mức «Đủ số lượng, bảo đảm chế độ, tỷ lệ được tập huấn từ 100%» (20 điểm)");
    expect(shown(local, "vi")).toContain("Đạt mức «Đủ số lượng, tỷ lệ được tập huấn từ 80%»: 14 điểm");
    expect(shown(local, "en")).toContain("≥ 100% trained");
    expect(shown(local, "vi")).not.toContain("tập huấn từ 90%");
    // the national set: the same profile reaches the top tier of 90%
    expect(shown(national, "vi")).toContain("Đạt mức «Đủ số lượng, bảo đảm chế độ, tỷ lệ được tập huấn từ 90%»: 20 điểm");
  });
});
