import type { CitationJson } from "./json-types.js";
import type { Condition } from "./schema.js";
import type { RuleSet } from "./types.js";
import { conditionRoots, walkCondition, type Path } from "./walk.js";

/** Every place a value claims `basis: "law"`, with the citation it rests on (`undefined`: none given). */
export const lawClaims = (rs: RuleSet): { at: Path; ref: CitationJson | undefined }[] => basisClaims(rs, "law");

/**
 * Every place a value claims a basis, with the citation it rests on. A `regulation` value without a
 * citation of its own rests on the citation of what it belongs to (its criterion, award or classes);
 * a `law` value must cite its provision itself.
 */
export function basisClaims(rs: RuleSet, basis: "law" | "regulation"): { at: Path; ref: CitationJson | undefined }[] {
  const claims: { at: Path; ref: CitationJson | undefined }[] = [];
  const own = basis === "law";
  const claim = (b: string | undefined, at: Path, ref: CitationJson | undefined, outer: CitationJson | undefined) => b === basis && claims.push({ at, ref: ref ?? (own ? undefined : outer) });
  const leaves = (cond: Condition | undefined, at: Path, outer: CitationJson | undefined) => cond && walkCondition(cond, (leaf, p) => claim(leaf.basis, [...at, ...p], leaf.ref, outer));
  for (const c of rs.criteria) {
    const at: Path = [c.file, c.id];
    claim(c.basis, at, c.citation, c.citation);
    for (const r of conditionRoots(c)) leaves(r.cond, [...at, ...r.path], c.citation);
    claim(c.perUnit?.basis, [...at, "perUnit"], c.perUnit?.ref, c.citation);
    for (const a of [...(c.bonus ?? []), ...(c.deductions ?? [])]) {
      claim(a.basis, [...at, a.id], a.ref, c.citation);
      claim(a.perUnit?.basis, [...at, a.id, "perUnit"], a.perUnit?.ref, a.ref ?? c.citation);
    }
  }
  for (const g of rs.groupCaps) claim(g.basis, ["groupCaps", g.id], (g as { ref?: CitationJson }).ref, undefined);
  for (const k of rs.classes) claim(k.basis, ["classes", k.id], k.ref, rs.classesCitation);
  for (const a of rs.awards) {
    const at: Path = ["awards", a.id];
    claim(a.basis, at, a.citation, a.citation);
    leaves(a.eligibility.conditions, [...at, "eligibility", "conditions"], a.citation);
    a.history?.forEach((h, i) => claim(h.basis, [...at, "history", i], h.ref, a.citation));
    claim(a.quota?.basis, [...at, "quota"], a.quota?.ref, a.citation);
  }
  for (const d of rs.deferrals) {
    claim(d.basis, ["awards", "deferrals", d.id], d.ref, undefined);
    leaves(d.when, ["awards", "deferrals", d.id, "when"], d.ref);
  }
  claim(rs.ranking?.basis, ["scheme", "ranking"], rs.ranking?.ref, undefined);
  claim(rs.assessments?.basis, ["scheme", "assessments"], rs.assessments?.ref, undefined);
  return claims;
}

