import { awardConditionFacts, factsById, type RuleSet } from "../rules/index.js";
import type { FactReader } from "../evaluation/index.js";
import type { ScoredUnit } from "../scoring/index.js";
import type { AwardConditions } from "./checks/index.js";
import type { CohortAwards } from "./cohort.js";
import type { AwardStatus, MissingEvidence } from "./types.js";

const HISTORY_LABEL = { vi: "Thành tích thi đua, khen thưởng các năm trước", en: "Emulation and commendation record of previous years" };
const HISTORY_EVIDENCE = { vi: "Quyết định tặng danh hiệu, hình thức khen thưởng các năm trước", en: "Decisions awarding titles and commendations in previous years" };

/** Facts only award conditions read (task rating, unity…): missing ones leave those awards unknown. */
function awardOnlyFacts(rs: RuleSet, conditions: AwardConditions, cohort: CohortAwards, unit: ScoredUnit, statuses: readonly AwardStatus[]): MissingEvidence[] {
  let byFact: Map<string, string[]> | undefined; // made, with the reader, for a unit with an award left unknown by its conditions
  let read: FactReader | undefined;
  for (let i = 0; i < cohort.awards.length; i++) {
    const a = cohort.awards[i]!;
    if (a.eligibility.conditions === undefined) continue; // only an award with conditions has a conditions check
    const s = statuses[i]!; // a unit's statuses are in the cohort's deciding order
    if (s.status !== "unknown" || !s.checks.some((c) => c.kind === "conditions" && c.result === "unknown")) continue;
    read ??= conditions.reader(unit);
    byFact ??= new Map();
    for (const fact of awardConditionFacts(rs).get(a)!) {
      if (read(fact) === undefined && !unit.result.missingFacts.includes(fact)) byFact.set(fact, [...(byFact.get(fact) ?? []), s.award]);
    }
  }
  return byFact === undefined ? [] : factsNamed(rs, byFact);
}

/** The missing facts found, in catalog order, each with the awards its absence leaves unknown. */
function factsNamed(rs: RuleSet, byFact: ReadonlyMap<string, readonly string[]>): MissingEvidence[] {
  return rs.facts.filter((f) => byFact.has(f.id)).map((f) => ({ fact: f.id, label: f.label, evidence: f.evidence, criteria: [], awards: [...new Set(byFact.get(f.id))].sort() }));
}

/** Past years the record lacks for history prerequisites that remain unknown (or the whole record, when the profile gives none). */
function historyEvidence(cohort: CohortAwards, unit: ScoredUnit, statuses: readonly AwardStatus[]): MissingEvidence[] {
  let unknown = false;
  const missing: number[] = []; // each year once
  for (let i = 0; i < cohort.awards.length; i++) {
    const a = cohort.awards[i]!;
    if (!a.history?.length) continue; // only an award with history requirements has history checks
    for (const c of statuses[i]!.checks) {
      if (c.kind !== "history" || c.result !== "unknown") continue;
      unknown = true;
      for (const y of c.missingYears) if (!missing.includes(y)) missing.push(y);
    }
  }
  const years = missing.sort((a, b) => a - b);
  if (!years.length && !(unit.profile.history === undefined && unknown)) return [];
  const list = years.length ? ` (${years.join(", ")})` : "";
  return [{ label: { vi: `${HISTORY_LABEL.vi}${list}`, en: `${HISTORY_LABEL.en}${list}` }, evidence: HISTORY_EVIDENCE, criteria: [] }];
}

/** The evidence a committee should ask the unit for: facts its criteria or awards need, and past years of its record. */
export function missingEvidence(rs: RuleSet, conditions: AwardConditions, cohort: CohortAwards, unit: ScoredUnit, statuses: readonly AwardStatus[]): MissingEvidence[] {
  const r = unit.result;
  const catalog = factsById(rs);
  const criteriaFacts: MissingEvidence[] = r.missingFacts.map((id) => {
    const f = catalog.get(id)!;
    return { fact: id, label: f.label, evidence: f.evidence, criteria: r.criteria.filter((c) => c.missingFacts.includes(id)).map((c) => c.id) };
  });
  return [...criteriaFacts, ...awardOnlyFacts(rs, conditions, cohort, unit, statuses), ...historyEvidence(cohort, unit, statuses)];
}
