import * as z from "zod/mini";
import type { Group, RuleSet } from "../rules/index.js";
import { assessmentsSchema } from "./assess.js";
import { factSchema } from "./fact-schema.js";
import { PROFILE_LIMITS as L } from "./types.js";

export { MAX_MAGNITUDE, factSchema } from "./fact-schema.js";

const int = () => z.number().check(z.int());
const year = () => int().check(z.minimum(L.minYear), z.maximum(L.maxYear));
const text = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));
const ids = () => z.array(text(L.idLength)).check(z.maxLength(L.initiatives));

/**
 * The zod schema of a profile of one group, built from the rule set's fact catalog: with `facts`, or
 * (`assessed`) with `assessments` instead.
 */
export function buildProfileSchema(rs: RuleSet, group: Group, assessed = false): z.ZodMiniType {
  const shape: Record<string, z.ZodMiniType> = {};
  // a derived fact is computed, never given
  for (const f of rs.facts) if (f.groups.includes(group) && f.formula === undefined) shape[f.id] = z.optional(z.nullable(factSchema(f)));
  const history = z.strictObject({
    year: year(),
    awards: z.array(z.string().check(z.maxLength(L.idLength))).check(z.maxLength(L.awardsPerYear)),
    thematic: z.optional(z.array(z.string().check(z.maxLength(L.idLength))).check(z.maxLength(L.awardsPerYear))),
    sudden: z.optional(z.array(z.string().check(z.maxLength(L.idLength))).check(z.maxLength(L.awardsPerYear))),
    initiatives: z.optional(ids()),
  });
  return z.strictObject({
    id: text(L.idLength),
    name: text(L.nameLength),
    group: z.enum(rs.groups.map((g) => g.id) as [string, ...string[]]),
    cohort: z.optional(text(L.cohortLength)),
    year: year(),
    ...(assessed ? { assessments: assessmentsSchema(z.strictObject(shape)) } : { facts: z.strictObject(shape) }),
    history: z.optional(z.array(history).check(z.maxLength(L.historyEntries))),
    initiatives: z.optional(ids()),
  });
}
