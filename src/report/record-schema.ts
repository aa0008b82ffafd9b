import { z } from "zod";
import { fail, issue, ok, type Issue, type Result } from "../errors/index.js";
import { GROUPS, scanJson } from "../rules/index.js";
import type { DecisionRecord } from "./types.js";

/**
 * The decision-record format as a schema (versions 1 and 2), to read a record from a file: every
 * field a reader, a report or `replay` uses is checked, so a malformed or truncated record is
 * refused with the field it lacks, never read into a `TypeError`. The engine's own objects inside a
 * result (traces, checks, near misses) are checked only for what replay reads; the seal covers the rest.
 */

/** Deepest nesting a decision record may have (a record is about 12 deep; later stages recurse). */
export const MAX_RECORD_DEPTH = 64;

/**
 * Largest record read whole (500 MiB): a JavaScript string holds at most 2^29 − 24 characters. A record of
 * about 30,000 units per 500 MiB (with traces fewer); larger runs are checked per unit by `replay` only up
 * to this size.
 */
export const MAX_RECORD_BYTES = 500 * 1024 * 1024;

const Hex = z.string().regex(/^[0-9a-f]{64}$/);
const Localized = z.object({ vi: z.string(), en: z.string() });
const Proposed = z.looseObject({ id: z.string(), title: Localized });
const Override = z.strictObject({ unitId: z.string(), award: z.string().nullable(), alongside: z.array(z.string()).optional(), reason: z.string(), decidedBy: z.string(), date: z.string(), cohort: z.string().optional() });
const Quota = z.looseObject({ award: z.string(), base: z.number(), allowed: z.number(), candidates: z.number(), granted: z.number(), binding: z.boolean() });
const Cohort = z.looseObject({ key: z.string(), group: z.enum(GROUPS), cohort: z.string().nullable(), year: z.number().int(), size: z.number().int(), quotas: z.array(Quota) });
const IssueJson = z.looseObject({ code: z.string(), path: z.array(z.union([z.string(), z.number()])), message: z.string(), severity: z.enum(["error", "warning"]) });
const Rejected = z.looseObject({ index: z.number().int(), row: z.number().int().optional(), unitId: z.string().optional(), issues: z.array(IssueJson) });
const Criterion = z.looseObject({ id: z.string(), status: z.string(), points: z.string(), bonus: z.string(), deduction: z.string() });
const Result_ = z.looseObject({
  unitId: z.string(),
  name: z.string(),
  group: z.enum(GROUPS),
  cohort: z.string().nullable(),
  year: z.number().int(),
  rank: z.number().int(),
  score: z.string(),
  percent: z.string(),
  classification: z.string().nullable(),
  knockedOut: z.boolean(),
  award: Proposed.nullable(),
  alongside: z.array(Proposed),
  alternatives: z.array(Proposed),
  eligibility: z.array(z.looseObject({ award: z.string(), status: z.string() })),
  scoreResult: z.looseObject({ criteria: z.array(Criterion), missingFacts: z.array(z.string()) }),
  final: z.strictObject({ award: Proposed.nullable(), alongside: z.array(Proposed).optional(), overridden: z.boolean(), override: Override.optional() }),
});
const Lineage = z.array(z.strictObject({ id: z.string(), version: z.string(), sha256: Hex }));
const fields = {
  format: z.literal("thidua.decision-record"),
  ruleset: z.strictObject({ id: z.string(), version: z.string(), sha256: Hex, verified: z.boolean(), lineage: Lineage }),
  input: z.strictObject({ sha256: Hex, count: z.number().int().nonnegative() }),
  engine: z.strictObject({ name: z.literal("thidua"), version: z.string() }),
  asOf: z.string().nullable(),
  options: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  overrides: z.array(Override),
  cohorts: z.array(Cohort),
  runQuotas: z.array(Quota),
  results: z.array(Result_),
  rejected: z.array(Rejected),
  outcomeSha256: Hex,
  title: Localized.optional(),
  ignoredColumns: z.array(z.string()).optional(),
};
const Seal = z.strictObject({ algorithm: z.literal("sha256"), parts: z.record(z.string(), Hex), sha256: Hex });
const V1 = z.strictObject({ ...fields, formatVersion: z.literal(1) });
const V2 = z.strictObject({ ...fields, formatVersion: z.literal(2), seal: Seal });

/** A record read from a file: a sealed format-2 record, or a format-1 record (no seal: replayed with a caveat). */
export type ReadRecord = { readonly version: 2; readonly record: DecisionRecord } | { readonly version: 1; readonly record: Omit<DecisionRecord, "formatVersion" | "seal"> & { readonly formatVersion: 1 } };

const pathText = (path: readonly PropertyKey[]): string =>
  path.reduce<string>((s, k) => (typeof k === "number" ? `${s}[${k}]` : `${s}${s ? "." : ""}${String(k)}`), "");

function schemaIssues(err: z.ZodError): Issue[] {
  return err.issues.slice(0, 20).map((zi) => {
    const missing = zi.code === "invalid_type" && (zi as { input?: unknown }).input === undefined;
    const unknown = zi.code === "unrecognized_keys";
    const path = [...zi.path, ...(unknown ? [(zi as { keys: string[] }).keys[0]!] : [])].map((k) => (typeof k === "symbol" ? String(k) : k));
    const field = pathText(path);
    const problem = missing ? "missing" : unknown ? "unknown" : "invalid";
    return issue("record.schema", path, `${problem === "missing" ? "missing field" : problem === "unknown" ? "unknown field" : "invalid field"} ${field}: ${zi.message}`, { field, problem });
  });
}

/**
 * Reads a decision record from its JSON text (a file's bytes, or text): strict JSON (no key twice
 * in an object, at most `MAX_RECORD_DEPTH` deep, syntax errors placed by line and column), then the
 * schema of its format version. Issues: `record.invalid_json`, `record.unsupported_version`,
 * `record.schema` (with `params.field`, e.g. `results[3].unitId`, and `params.problem`: `missing`,
 * `unknown`, `invalid` or `format` for a file that is not a decision record). Never throws.
 */
export function parseDecisionRecord(data: string | Uint8Array): Result<ReadRecord> {
  if (data.length > MAX_RECORD_BYTES) {
    return fail([issue("record.invalid_json", [], `the decision record is larger than ${MAX_RECORD_BYTES} bytes and cannot be read whole`, { problem: "too_large", line: 0, column: 0 })]);
  }
  let text: string;
  try {
    text = typeof data === "string" ? data : new TextDecoder("utf-8", { fatal: true }).decode(data);
  } catch {
    return fail([issue("record.invalid_json", [], "the decision record is not UTF-8 text", { problem: "utf8", line: 0, column: 0 })]);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const bad = scanJson(text, MAX_RECORD_DEPTH);
  if (bad) {
    // a syntax error on the last line: most likely a file cut short
    const lastLine = text.trimEnd().split("\n").length;
    const problem = bad.kind === "depth" ? "depth" : bad.kind === "duplicate_key" ? "duplicate" : bad.line >= lastLine ? "truncated" : "syntax";
    return fail([issue("record.invalid_json", [...bad.path], `not valid JSON at line ${bad.line}, column ${bad.column} (${problem})`, { problem, line: bad.line, column: bad.column })]);
  }
  const json: unknown = JSON.parse(text);
  const head = json !== null && typeof json === "object" && !Array.isArray(json) ? (json as Record<string, unknown>) : {};
  if (head["format"] !== "thidua.decision-record") return fail([issue("record.schema", ["format"], "not a thidua decision record", { field: "format", problem: "format" })]);
  const version = head["formatVersion"];
  if (version !== 1 && version !== 2) {
    return fail([issue("record.unsupported_version", ["formatVersion"], `format version ${JSON.stringify(version)} is not supported (1 and 2 are)`, { found: JSON.stringify(version) ?? "undefined" })]);
  }
  const r = (version === 2 ? V2 : V1).safeParse(json, { jitless: true });
  if (!r.success) return fail(schemaIssues(r.error));
  return ok(version === 2 ? { version: 2, record: r.data as unknown as DecisionRecord } : { version: 1, record: r.data as unknown as Extract<ReadRecord, { version: 1 }>["record"] });
}
