import * as z from "zod/mini";
import { isIsoDate, type Fact } from "../rules/index.js";

/** Default upper bound of integer and number facts without a declared max (keeps points exact). */
export const MAX_MAGNITUDE = 1_000_000_000;

const int = () => z.number().check(z.int());

function scalar(spec: { type: string; values?: readonly string[] | undefined; min?: number | undefined; max?: number | undefined }): z.ZodMiniType {
  switch (spec.type) {
    case "boolean":
      return z.boolean();
    case "integer":
    case "number":
    case "ratio": {
      const min = spec.type === "ratio" ? Math.max(spec.min ?? 0, 0) : spec.min;
      const max = spec.type === "ratio" ? Math.min(spec.max ?? 1, 1) : (spec.max ?? MAX_MAGNITUDE);
      const n = spec.type === "integer" ? int() : z.number();
      return min === undefined ? n.check(z.maximum(max)) : n.check(z.minimum(min), z.maximum(max));
    }
    case "date":
      return z.string().check(z.maxLength(10), z.refine(isIsoDate, { message: "expected an ISO date YYYY-MM-DD that exists" }));
    case "enum":
      return z.enum(spec.values as [string, ...string[]]);
    default:
      return z.never();
  }
}

/** The zod schema of one fact's value. */
export function factSchema(f: Fact): z.ZodMiniType {
  if (f.type === "set") {
    const item = z.enum(f.values as [string, ...string[]]);
    return z.array(item).check(z.maxLength(f.values!.length), z.refine((a: readonly string[]) => new Set(a).size === a.length, { message: "set has duplicate members" }));
  }
  if (f.type === "object") {
    const shape: Record<string, z.ZodMiniType> = {};
    for (const [k, spec] of Object.entries(f.fields ?? {})) shape[k] = z.optional(z.nullable(scalar(spec)));
    return z.strictObject(shape);
  }
  return scalar(f);
}
