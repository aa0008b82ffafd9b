import { factsById, walkCondition, type Award, type RuleSet } from "../rules/index.js";
import type { ScoredUnit } from "../scoring/index.js";
import type { AwardConditions } from "./checks/index.js";
import type { AwardStatus, MissingEvidence } from "./types.js";

const HISTORY_LABEL = { vi: "Thành tích thi đua, khen thưởng các năm trước", en: "Emulation and commendation record of previous years" };
const HISTORY_EVIDENCE = { vi: "Quyết định tặng danh hiệu, hình thức khen thưởng các năm trước", en: "Decisions awarding titles and commendations in previous years" };

/** Facts an award's own conditions read, in catalog order. */
function awardFacts(rs: RuleSet, a: Award): string[] {
  const read = new Set<string>();
  if (a.eligibility.conditions) walkCondition(a.eligibility.conditions, (leaf) => void read.add(leaf.fact));
  return rs.facts.filter((f) => read.has(f.id)).map((f) => f.id);
}

/** Facts only award conditions read (task rating, unity…): missing ones leave those awards unknown. */
function awardOnlyFacts(rs: RuleSet, conditions: AwardConditions, awards: readonly Award[], unit: ScoredUnit, statuses: readonly AwardStatus[]): MissingEvidence[] {
  const read = conditions.reader(unit);
  const byFact = new Map<string, string[]>();
  for (const s of statuses) {
    if (s.status !== "unknown" || !s.checks.some((c) => c.kind === "conditions" && c.result === "unknown")) continue;
    for (const fact of awardFacts(rs, awards.find((a) => a.id === s.award)!)) {
      if (read(fact) === undefined && !unit.result.missingFacts.includes(fact)) byFact.set(fact, [...(byFact.get(fact) ?? []), s.award]);
    }
  }
  if (byFact.size === 0) return [];
  return rs.facts.filter((f) => byFact.has(f.id)).map((f) => ({ fact: f.id, label: f.label, evidence: f.evidence, criteria: [], awards: [...new Set(byFact.get(f.id))].sort() }));
}

/** Past years the record lacks for history prerequisites that remain unknown (or the whole record, when the profile gives none). */
function historyEvidence(unit: ScoredUnit, statuses: readonly AwardStatus[]): MissingEvidence[] {
  let unknown = false;
  const missing = new Set<number>();
  for (const s of statuses) {
    for (const c of s.checks) {
      if (c.kind !== "history" || c.result !== "unknown") continue;
      unknown = true;
      for (const y of c.missingYears) missing.add(y);
    }
  }
  const years = [...missing].sort((a, b) => a - b);
  if (!years.length && !(unit.profile.history === undefined && unknown)) return [];
  const list = years.length ? ` (${years.join(", ")})` : "";
  return [{ label: { vi: `${HISTORY_LABEL.vi}${list}`, en: `${HISTORY_LABEL.en}${list}` }, evidence: HISTORY_EVIDENCE, criteria: [] }];
}

/** The evidence a committee should ask the unit for: facts its criteria or awards need, and past years of its record. */
export function missingEvidence(rs: RuleSet, conditions: AwardConditions, awards: readonly Award[], unit: ScoredUnit, statuses: readonly AwardStatus[]): MissingEvidence[] {
  const r = unit.result;
  const criteriaFacts: MissingEvidence[] = r.missingFacts.map((id) => {
    const f = factsById(rs).get(id)!;
    return { fact: id, label: f.label, evidence: f.evidence, criteria: r.criteria.filter((c) => c.missingFacts.includes(id)).map((c) => c.id) };
  });
  return [...criteriaFacts, ...awardOnlyFacts(rs, conditions, awards, unit, statuses), ...historyEvidence(unit, statuses)];
}
