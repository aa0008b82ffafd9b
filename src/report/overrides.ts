import type { ProposedAward, Recommendation } from "../awards/index.js";
import { fail, issue, ok, type Issue, type Result } from "../errors/index.js";
import { awardsById, isIsoDate, type Award, type RuleSet } from "../rules/index.js";
import type { CommitteeOverride, DecidedRecommendation } from "./types.js";

/** NFC of a string (unit ids and clusters are compared as the profile validator keeps them). */
const nfc = (s: string): string => (/^[\x00-\x7f]*$/.test(s) ? s : s.normalize("NFC"));

const DMY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/**
 * A decision date as ISO `YYYY-MM-DD`: given as ISO or as `dd/mm/yyyy` (how a Vietnamese
 * spreadsheet writes it), and only if that day exists on the calendar; otherwise undefined.
 */
export function overrideDate(s: string): string | undefined {
  const m = DMY.exec(s.trim());
  const iso = m ? `${m[3]}-${m[2]!.padStart(2, "0")}-${m[1]!.padStart(2, "0")}` : s.trim();
  return isIsoDate(iso) ? iso : undefined;
}

const text = (v: unknown): v is string => typeof v === "string" && v.trim().length > 0;
const show = (v: unknown): string => {
  const s = v === undefined ? "undefined" : JSON.stringify(v) ?? String(v);
  return s.length > 60 ? `${s.slice(0, 60)}…` : s;
};

/** The awards an entry names: `award` (one, null, or a list) then `alongside` (a list); anything else is returned as is for the issue. */
function namedAwards(award: unknown, alongside: unknown): { list: unknown[]; bad: boolean } {
  const head = award === null ? [] : Array.isArray(award) ? award : [award];
  const tail = alongside === undefined ? [] : Array.isArray(alongside) ? alongside : [alongside];
  return { list: [...head, ...tail], bad: alongside !== undefined && !Array.isArray(alongside) };
}

/** Issues of an entry's awards: each must be an award of the rule set, none twice (paths `[index, "award", k]`). */
function awardIssues(rs: RuleSet, i: number, list: readonly unknown[], awards: ReadonlySet<string>): Issue[] {
  const out: Issue[] = [];
  list.forEach((a, k) => {
    const path = list.length > 1 ? [i, "award", k] : [i, "award"];
    if (typeof a !== "string" || !awards.has(a)) {
      out.push(issue("overrides.unknown_award", path, `override ${i + 1}: ${show(a)} is not an award of ${rs.id} (give an award id or null)`, { index: i, field: "award", found: show(a), ruleset: rs.id }));
    } else if (list.indexOf(a) !== k) {
      const t = awardsById(rs).get(a)!.title;
      out.push(issue("overrides.repeated_award", path, `override ${i + 1}: award ${a} is named twice`, { index: i, field: "award", found: show(a), award: a, awardVi: t.vi, awardEn: t.en }));
    }
  });
  return out;
}

/** One entry of an overrides file checked: the override, or the issues naming its index and field. */
function checkOne(rs: RuleSet, o: unknown, i: number, awards: ReadonlySet<string>): CommitteeOverride | Issue[] {
  if (!o || typeof o !== "object" || Array.isArray(o)) return [issue("overrides.schema", [i], `override ${i + 1} is not an object`, { index: i, field: "", problem: "notObject", found: show(o) })];
  const { unitId, award, alongside, reason, decidedBy, date, cohort, ...rest } = o as Record<string, unknown>;
  const out: Issue[] = [];
  const bad = (field: string, found: unknown, message: string, problem = "missing") =>
    out.push(issue("overrides.schema", [i, field], `override ${i + 1}, ${field}: ${message}`, { index: i, field, problem, found: show(found) }));
  if (!text(unitId)) bad("unitId", unitId, "the unit id is required");
  const named = namedAwards(award, alongside);
  if (named.bad || (alongside !== undefined && !(typeof award === "string" || Array.isArray(award)))) bad("alongside", alongside, "further awards go with an award, as a list", "invalid");
  out.push(...awardIssues(rs, i, named.list, awards));
  if (!text(reason)) bad("reason", reason, "the reason is required");
  if (!text(decidedBy)) bad("decidedBy", decidedBy, "who decided is required");
  const iso = typeof date === "string" ? overrideDate(date) : undefined;
  if (iso === undefined) out.push(issue("overrides.date", [i, "date"], `override ${i + 1}: ${show(date)} is not a calendar date (YYYY-MM-DD or dd/mm/yyyy)`, { index: i, field: "date", found: show(date) }));
  if (cohort !== undefined && !text(cohort)) bad("cohort", cohort, "the cluster must be a non-empty text");
  for (const k of Object.keys(rest)) bad(k, rest[k], "unknown field", "unknown");
  if (out.length) return out;
  const c = cohort as string | undefined;
  const [first, ...more] = named.list as string[];
  return {
    unitId: nfc(unitId as string),
    award: first ?? null,
    ...(more.length > 0 && { alongside: more }),
    reason: (reason as string).normalize("NFC"),
    decidedBy: (decidedBy as string).normalize("NFC"),
    date: iso!,
    ...(c !== undefined && { cohort: nfc(c) }),
  };
}

/**
 * Awards of one override that the rule set says exclude each other in one year (the same
 * `exclusiveGroup`): warnings, not errors. The council decides; the engine would never propose both,
 * so the record keeps what the council wrote and the warning says which rule it departs from.
 */
function exclusiveWarnings(rs: RuleSet, list: readonly CommitteeOverride[]): Issue[] {
  const out: Issue[] = [];
  list.forEach((o, i) => {
    const chosen = [o.award, ...(o.alongside ?? [])].flatMap((id) => rs.awards.filter((a) => a.id === id));
    chosen.forEach((a, x) => {
      const b = chosen.slice(0, x).find((y) => y.exclusiveGroup !== undefined && y.exclusiveGroup === a.exclusiveGroup);
      if (!b) return;
      out.push(
        issue("overrides.exclusive", [i, "award"], `override ${i + 1}: awards ${b.id} and ${a.id} exclude each other in one year (${a.exclusiveGroup}); recorded as the council decided`, { index: i, field: "award", unitId: o.unitId, award: a.id, otherAward: b.id, awardVi: a.title.vi, awardEn: a.title.en, otherAwardVi: b.title.vi, otherAwardEn: b.title.en }, "warning"),
      );
    });
  });
  return out;
}

/** Two overrides that can reach the same unit: same id, and the same cluster or one of them for every cluster. */
function duplicates(list: readonly CommitteeOverride[]): Issue[] {
  const out: Issue[] = [];
  const byUnit = new Map<string, number[]>();
  list.forEach((o, i) => byUnit.set(o.unitId, [...(byUnit.get(o.unitId) ?? []), i]));
  for (const [unitId, at] of byUnit) {
    for (let x = 0; x < at.length; x++) {
      for (let y = x + 1; y < at.length; y++) {
        const a = list[at[x]!]!;
        const b = list[at[y]!]!;
        if (a.cohort !== undefined && b.cohort !== undefined && a.cohort !== b.cohort) continue;
        out.push(issue("overrides.duplicate", [at[y]!, "unitId"], `overrides ${at[x]! + 1} and ${at[y]! + 1} both decide unit ${unitId}${a.cohort ?? b.cohort ? ` in ${a.cohort ?? b.cohort}` : ""}; keep one`, { index: at[y]!, other: at[x]!, unitId }));
      }
    }
  }
  return out;
}

/**
 * Checks a committee's overrides (parsed JSON, e.g. the CLI's `--overrides` file): an array of
 * `{ unitId, award, reason, decidedBy, date, cohort? }` — `award` an award id of the rule set, null
 * for no award, or a list of award ids when the council decided several (returned as `award`, the
 * first, and `alongside`, the rest; `alongside` is also read, as a record writes it) — with a
 * non-empty reason and decider, a real calendar date (`YYYY-MM-DD`, or `dd/mm/yyyy` as spreadsheets
 * write it: returned as ISO), no unknown field, no award twice, and at most one override per unit
 * (per cluster when `cohort` is given). Issue paths are `[index, field]`. Warnings
 * (`overrides.exclusive`): awards of one override that the rule set does not grant together in one
 * year — accepted, since the council decides, but said.
 */
export function validateCommitteeOverrides(rs: RuleSet, data: unknown): Result<CommitteeOverride[]> {
  if (!Array.isArray(data)) return fail([issue("overrides.schema", [], "expected a JSON array of overrides", { index: -1, field: "", problem: "notArray", found: show(data) })]);
  const awards = new Set(rs.awards.map((a) => a.id));
  const issues: Issue[] = [];
  const list: CommitteeOverride[] = [];
  data.forEach((o, i) => {
    const r = checkOne(rs, o, i, awards);
    if (Array.isArray(r)) issues.push(...r);
    else list.push(r);
  });
  if (issues.length) return fail(issues);
  const dup = duplicates(list);
  return dup.length ? fail(dup) : ok(list, exclusiveWarnings(rs, list));
}

/** Whether an award can be given to a unit of this group: one of the award's groups, and a person gets only individual awards. */
export const awardFits = (a: Pick<Award, "groups" | "recipient">, group: string): boolean =>
  a.groups.includes(group as Award["groups"][number]) && (a.recipient === "individual") === (group === "individual");

const asProposed = (a: Award): ProposedAward => ({ id: a.id, title: a.title, grantor: a.grantor, kind: a.kind, level: a.level, bonusCoefficient: a.bonusCoefficient ?? null });

/** Applies committee overrides to results as they come (cohort by cohort) and remembers what became of each. */
export interface OverrideApplier {
  /** The results with their final decision (the override naming the unit, and its cohort if it names one). */
  apply(results: readonly Recommendation[]): DecidedRecommendation[];
  /** `matched()[i]`: whether `overrides[i]` was applied to a unit so far. */
  matched(): boolean[];
  /** `misfits()[i]`: the group of a unit `overrides[i]` named but whose award does not fit it (not applied), or null. */
  misfits(): (string | null)[];
}

/**
 * See {@link OverrideApplier}. An override whose award does not fit the unit (another subject group,
 * or a collective award for a person) is not applied: `misfits` names the unit's group. With
 * `inPlace`, `final` is added to the given result objects instead of copies of them — for a caller
 * that owns the results, such as `recommendPartitioned`'s `onCohort`.
 */
export function createOverrideApplier(rs: RuleSet, overrides: readonly CommitteeOverride[], opts: { readonly inPlace?: boolean } = {}): OverrideApplier {
  const byUnit = new Map<string, number[]>();
  overrides.forEach((o, i) => byUnit.set(o.unitId, [...(byUnit.get(o.unitId) ?? []), i]));
  const awards = new Map(rs.awards.map((a) => [a.id, a]));
  const used = overrides.map(() => false);
  const misfit: (string | null)[] = overrides.map(() => null);
  const decide = (r: Recommendation): DecidedRecommendation["final"] => {
    const i = byUnit.size ? byUnit.get(r.unitId)?.find((j) => overrides[j]!.cohort === undefined || overrides[j]!.cohort === r.cohort) : undefined;
    if (i === undefined) return { award: r.award, overridden: false };
    const o = overrides[i]!;
    const chosen = [o.award, ...(o.alongside ?? [])].flatMap((id) => (id === null ? [] : [awards.get(id)]));
    if (chosen.some((a) => a === undefined || !awardFits(a, r.group))) {
      misfit[i] = r.group;
      return { award: r.award, overridden: false };
    }
    used[i] = true;
    const [first, ...more] = (chosen as Award[]).map(asProposed);
    return { award: first ?? null, ...(more.length > 0 && { alongside: more }), overridden: true, override: o };
  };
  return {
    apply: (results) =>
      results.map((r) => {
        const final = decide(r);
        return opts.inPlace ? Object.assign(r as Recommendation & { final?: DecidedRecommendation["final"] }, { final }) : { ...r, final };
      }),
    matched: () => [...used],
    misfits: () => [...misfit],
  };
}

/**
 * What became of each override after a run, as issues: one that fits no unit of its own subject
 * group (`overrides.award_mismatch`, naming the unit's group), one that matched no scored unit
 * (`overrides.unmatched`; `rejected` names the ids of rejected rows, so the message can say so).
 */
export function overrideOutcomeIssues(
  rs: RuleSet,
  overrides: readonly CommitteeOverride[],
  matched: readonly boolean[],
  misfits: readonly (string | null)[],
  rejected: ReadonlySet<string> = new Set(),
): Issue[] {
  const out: Issue[] = [];
  overrides.forEach((o, i) => {
    const where = o.cohort ? ` in ${o.cohort}` : "";
    if (misfits[i]) {
      // the award of the list that does not fit the unit's group (the first, when several)
      const named = [o.award, ...(o.alongside ?? [])].filter((id): id is string => id !== null);
      const id = named.find((x) => { const a = awardsById(rs).get(x); return !a || !awardFits(a, misfits[i]!); }) ?? o.award;
      const a = id === null ? undefined : awardsById(rs).get(id);
      const titles: Record<string, string> = a ? { awardVi: a.title.vi, awardEn: a.title.en } : {};
      out.push(issue("overrides.award_mismatch", [i, "award"], `override ${i + 1}: award ${id} cannot be given to unit ${o.unitId}${where} (group ${misfits[i]})`, { index: i, unitId: o.unitId, award: id ?? "", group: misfits[i]!, ...titles }));
    } else if (!matched[i]) {
      const wasRejected = rejected.has(o.unitId);
      out.push(issue("overrides.unmatched", [i, "unitId"], `override ${i + 1}: unit ${o.unitId}${where} is not among the scored units${wasRejected ? " (its row was rejected)" : ""}`, { index: i, unitId: o.unitId, cohort: o.cohort ?? "", rejected: wasRejected }));
    }
  });
  return out;
}
