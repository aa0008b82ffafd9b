import { z } from "zod";
import { isIsoDate, type Fact } from "../rules/index.js";

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

/** The zod schema of one fact's value. */
export function factSchema(f: Fact): z.ZodType {
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

