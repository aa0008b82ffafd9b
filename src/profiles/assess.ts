import * as z from "zod/mini";
import { issue, type Issue } from "../errors/index.js";
import { isIsoDate, zodContext, type Fact, type Group, type RuleSet } from "../rules/index.js";
import { factSchema } from "./fact-schema.js";
import { PROFILE_LIMITS as L, type Assessment, type AssessmentChange, type Profile } from "./types.js";

/**
 * Assessments: a profile may carry, instead of `facts`, the assessments of its facts — the unit's
 * own (`self`, every fact it gives), then each reviewer's and the council's (`changes`, each with a
 * mandatory reason), in the order they were made. The rule set says which is official
 * (`scheme.json` → `assessments.official`, `lastReviewer` by default): the official facts are the
 * profile's facts; the self-assessment is scored beside them.
 */
export type OfficialPolicy = "lastReviewer" | "council" | "self";

/** The zod schema of a profile's `assessments` (a group's facts as `facts` of the self-assessment). */
export function assessmentsSchema(facts: z.ZodMiniType): z.ZodMiniType {
  const change = z.strictObject({
    fact: z.string().check(z.minLength(1), z.maxLength(L.idLength)),
    value: z.unknown(),
    reason: z.optional(z.string().check(z.maxLength(L.reasonLength))),
  });
  const one = z.strictObject({
    role: z.enum(["self", "reviewer", "council"]),
    by: z.string().check(z.minLength(1), z.maxLength(L.nameLength)),
    date: z.string().check(z.maxLength(10), z.refine(isIsoDate, { message: "expected an ISO date YYYY-MM-DD that exists" })),
    facts: z.optional(facts),
    changes: z.optional(z.array(change).check(z.minLength(1), z.maxLength(200))),
  });
  return z.array(one).check(z.minLength(1), z.maxLength(L.assessments));
}

const show = (v: unknown) => (typeof v === "string" ? JSON.stringify(v) : v === undefined ? "nothing" : JSON.stringify(v) ?? String(v));

/** What the schema cannot say of one assessment: its shape by role, and each change (a known fact of the group, a value of its type, a reason). */
function oneAssessment(a: Assessment, i: number, prev: Assessment | undefined, catalog: ReadonlyMap<string, Fact>, group: Group): Issue[] {
  const at = ["assessments", i];
  const out: Issue[] = [];
  const say = (path: (string | number)[], kind: string, message: string, params: Record<string, string> = {}) => out.push(issue("profiles.assessment", [...at, ...path], message, { kind, ...params }));
  if (i === 0 && a.role !== "self") say(["role"], "firstSelf", "the first assessment is the unit's own (role self), with its facts");
  if (i > 0 && a.role === "self") say(["role"], "oneSelf", "only the first assessment is the unit's own (self); the later ones are a reviewer's or the council's");
  if (a.role === "self" && (a.facts === undefined || a.changes !== undefined)) say([], "selfFacts", "the self-assessment gives facts, not changes");
  if (a.role !== "self" && (a.changes === undefined || a.facts !== undefined)) say([], "reviewChanges", "a reviewer's or the council's assessment gives changes (fact, value, reason), not facts");
  if (prev && a.date < prev.date) say(["date"], "order", `assessments are listed in the order they were made: ${a.date} is before ${prev.date}`, { found: a.date });
  const seen = new Set<string>();
  a.changes?.forEach((c, j) => {
    const where = ["changes", j];
    const f = catalog.get(c.fact);
    if (!f || !f.groups.includes(group)) return say([...where, "fact"], "unknownFact", `unknown fact ${c.fact} for group ${group}`, { fact: c.fact });
    if (f.formula !== undefined) return say([...where, "fact"], "derivedFact", `fact ${c.fact} is derived (computed by its formula): change the facts it is computed from`, { fact: c.fact });
    if (seen.has(c.fact)) say([...where, "fact"], "twice", `fact ${c.fact} is changed twice in one assessment`, { fact: c.fact });
    seen.add(c.fact);
    if (c.reason === undefined || c.reason.trim() === "") say([...where, "reason"], "noReason", `the change of ${c.fact} gives no reason: write why the value was changed`, { fact: c.fact });
    const ok = z.nullable(factSchema(f)).safeParse(c.value, zodContext());
    if (!ok.success) out.push(issue("profiles.fact_type", [...at, ...where, "value"], `value ${show(c.value)} does not fit fact ${c.fact} (${f.type})`, { fact: c.fact, expected: f.type, found: show(c.value) }));
  });
  return out;
}

/** Every issue of a profile's assessments beyond the schema (none for a profile with `facts`). */
export function assessmentIssues(p: Profile, catalog: ReadonlyMap<string, Fact>): Issue[] {
  const list = p.assessments ?? [];
  return list.flatMap((a, i) => oneAssessment(a, i, list[i - 1], catalog, p.group));
}

/** Whether a change counts for the official facts under the policy. */
const applies = (policy: OfficialPolicy, role: Assessment["role"]) => policy === "lastReviewer" || (policy === "council" && role === "council");

/**
 * The official facts of assessments under a policy, the self-assessed facts, and every change with
 * its value before (as the assessments stood when it was made) and whether it gives the official value.
 */
export function resolveAssessments(list: readonly Assessment[], policy: OfficialPolicy): { official: Record<string, unknown>; self: Record<string, unknown>; changes: AssessmentChange[] } {
  const self = { ...(list[0]?.facts ?? {}) };
  const running: Record<string, unknown> = { ...self };
  const official: Record<string, unknown> = { ...self };
  const changes: (AssessmentChange & { index: number })[] = [];
  for (const a of list.slice(1)) {
    for (const c of a.changes ?? []) {
      const applied = applies(policy, a.role);
      changes.push({ fact: c.fact, from: running[c.fact] ?? null, to: c.value ?? null, role: a.role as "reviewer" | "council", by: a.by, date: a.date, reason: c.reason ?? "", official: applied, index: changes.length });
      running[c.fact] = c.value;
      if (applied) official[c.fact] = c.value;
    }
  }
  // a change gives the official value only if no later applied change of the same fact replaces it
  const last = new Map<string, number>();
  for (const c of changes) if (c.official) last.set(c.fact, c.index);
  return { official, self, changes: changes.map(({ index, ...c }) => ({ ...c, official: c.official && last.get(c.fact) === index })) };
}

/** The policy of a rule set (`lastReviewer` when it says none). */
export const officialPolicy = (rs: RuleSet): OfficialPolicy => rs.assessments?.official ?? "lastReviewer";
