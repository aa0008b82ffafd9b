/** Shared helpers of the input tests (not part of the public API). */
import { fileURLToPath } from "node:url";
import { loadRuleSet } from "../../node/index.js";
import type { Fact, RuleSet } from "../../rules/index.js";
import { readProfiles } from "./read.js";
import type { InputRow, ReadOptions } from "./types.js";

export const fixture = (name: string): string => fileURLToPath(new URL(`../../../fixtures/inputs/${name}`, import.meta.url));

export function nationalRules(): RuleSet {
  const r = loadRuleSet("vn-2447-2025");
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join("\n"));
  return r.value;
}

/** The national rule set plus one date fact for provinces (the national catalog has no date fact). */
export function rulesWithDate(): RuleSet {
  const rs = nationalRules();
  const date: Fact = {
    id: "report.submittedOn",
    type: "date",
    label: { vi: "Ngày gửi báo cáo năm", en: "Date the annual report was sent" },
    better: "none",
    evidence: { vi: "Báo cáo năm", en: "Annual report" },
    groups: ["province"],
    origin: "test",
  };
  return { ...rs, facts: [...rs.facts, date] };
}

export async function collect(path: string, opts: ReadOptions): Promise<InputRow[]> {
  const out: InputRow[] = [];
  for await (const r of readProfiles(path, opts)) out.push(r);
  return out;
}
