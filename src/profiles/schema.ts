import { z } from "zod";
import type { Group, RuleSet } from "../rules/index.js";
import { assessmentsSchema } from "./assess.js";
import { factSchema } from "./fact-schema.js";
import { PROFILE_LIMITS as L } from "./types.js";

export { MAX_MAGNITUDE, factSchema } from "./fact-schema.js";

/**
 * The zod schema of a profile of one group, built from the rule set's fact catalog: with `facts`, or
 * (`assessed`) with `assessments` instead.
 */
export function buildProfileSchema(rs: RuleSet, group: Group, assessed = false): z.ZodType {
  const shape: Record<string, z.ZodType> = {};
  // a derived fact is computed, never given
  for (const f of rs.facts) if (f.groups.includes(group) && f.formula === undefined) shape[f.id] = factSchema(f).nullable().optional();
  return z
    .object({
      id: z.string().min(1).max(L.idLength),
      name: z.string().min(1).max(L.nameLength),
      group: z.enum(rs.groups.map((g) => g.id) as [string, ...string[]]),
      cohort: z.string().min(1).max(L.cohortLength).optional(),
      year: z.number().int().min(L.minYear).max(L.maxYear),
      ...(assessed ? { assessments: assessmentsSchema(z.object(shape).strict()) } : { facts: z.object(shape).strict() }),
      history: z
        .array(
          z
            .object({
              year: z.number().int().min(L.minYear).max(L.maxYear),
              awards: z.array(z.string().max(L.idLength)).max(L.awardsPerYear),
              initiatives: z.array(z.string().min(1).max(L.idLength)).max(L.initiatives).optional(),
            })
            .strict(),
        )
        .max(L.historyEntries)
        .optional(),
      initiatives: z.array(z.string().min(1).max(L.idLength)).max(L.initiatives).optional(),
    })
    .strict();
}
