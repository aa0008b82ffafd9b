import * as z from "zod/mini";
import {
  AwardsFileSchema,
  ClassesFileSchema,
  CriteriaFileSchema,
  FactsFileSchema,
  ManifestSchema,
  OverridesFileSchema,
  SchemeFileSchema,
} from "./schema.js";

/** The published JSON Schemas, generated from the zod schemas (the single source of truth). */
export function ruleFileJsonSchemas(): Record<string, unknown> {
  const gen = (s: z.ZodMiniType) => z.toJSONSchema(s, { target: "draft-2020-12", unrepresentable: "any", io: "input" });
  return {
    "manifest.schema.json": gen(ManifestSchema),
    "facts.schema.json": gen(FactsFileSchema),
    "criteria.schema.json": gen(CriteriaFileSchema),
    "awards.schema.json": gen(AwardsFileSchema),
    "classes.schema.json": gen(ClassesFileSchema),
    "overrides.schema.json": gen(OverridesFileSchema),
    "scheme.schema.json": gen(SchemeFileSchema),
  };
}
