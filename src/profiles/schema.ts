import { z } from "zod";
import { isIsoDate, type Fact, type Group, type RuleSet } from "../rules/index.js";
import { PROFILE_LIMITS as L } from "./types.js";

/** Default upper bound of integer and number facts without a declared max (keeps points exact). */
export const MAX_MAGNITUDE = 1_000_000_000;

function scalar(spec: { type: string; values?: readonly string[] | undefined; min?: number | undefined; max?: number | undefined }): z.ZodType {
  switch (spec.type) {
    case "boolean":
      return z.boolean();
    case "integer":
    case "number":
    case "ratio": {
      let n = spec.type === "integer" ? z.number().int() : z.number();
      const min = spec.type === "ratio" ? Math.max(spec.min ?? 0, 0) : spec.min;
      const max = spec.type === "ratio" ? Math.min(spec.max ?? 1, 1) : (spec.max ?? MAX_MAGNITUDE);
      if (min !== undefined) n = n.min(min);
      if (max !== undefined) n = n.max(max);
      return n;
    }
    case "date":
      return z.string().max(10).refine(isIsoDate, { message: "expected an ISO date YYYY-MM-DD that exists" });
    case "enum":
      return z.enum(spec.values as [string, ...string[]]);
    default:
      return z.never();
  }
}

function factSchema(f: Fact): z.ZodType {
  if (f.type === "set") {
    const item = z.enum(f.values as [string, ...string[]]);
    return z.array(item).max(f.values!.length).refine((a) => new Set(a).size === a.length, { message: "set has duplicate members" });
  }
  if (f.type === "object") {
    const shape: Record<string, z.ZodType> = {};
    for (const [k, spec] of Object.entries(f.fields ?? {})) shape[k] = scalar(spec).nullable().optional();
    return z.object(shape).strict();
  }
  return scalar(f);
}

/** The zod schema of a profile of one group, built from the rule set's fact catalog. */
export function buildProfileSchema(rs: RuleSet, group: Group): z.ZodType {
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
      facts: z.object(shape).strict(),
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
