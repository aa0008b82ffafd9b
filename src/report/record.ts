import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex } from "@noble/hashes/utils.js";
import type { ProposedAward, Recommendation } from "../awards/index.js";
import type { PartitionedReport, RecommendationReport } from "../engine/index.js";
import { canonicalJson, canonicalString, type RuleSet } from "../rules/index.js";
import { renderWithLayout, type ReportChunk, type ReportLayout, type ReportHead } from "./layout.js";
import type { CommitteeOverride, DecidedRecommendation, DecisionRecord } from "./types.js";

/** The engine's own version, written into every record. */
export const ENGINE_VERSION = "0.1.0";

const asProposed = (rs: RuleSet, id: string | null): ProposedAward | null => {
  if (id === null) return null;
  const a = rs.awards.find((x) => x.id === id);
  if (!a) return null;
  return { id: a.id, title: a.title, grantor: a.grantor, kind: a.kind, level: a.level, bonusCoefficient: a.bonusCoefficient ?? null };
};

/** Applies committee overrides to results as they come (cohort by cohort) and remembers which matched. */
export interface OverrideApplier {
  /** The results with their final decision (the first override naming the unit, and its cohort if it names one). */
  apply(results: readonly Recommendation[]): DecidedRecommendation[];
  /** `matched()[i]`: whether `overrides[i]` has matched a unit so far. */
  matched(): boolean[];
}

/**
 * See {@link OverrideApplier}. With `inPlace`, `final` is added to the given result objects instead of
 * copies of them — for a caller that owns the results, such as `recommendPartitioned`'s `onCohort`.
 */
export function createOverrideApplier(rs: RuleSet, overrides: readonly CommitteeOverride[], opts: { readonly inPlace?: boolean } = {}): OverrideApplier {
  const byUnit = new Map<string, number[]>();
  overrides.forEach((o, i) => byUnit.set(o.unitId, [...(byUnit.get(o.unitId) ?? []), i]));
  const used = overrides.map(() => false);
  return {
    apply(results) {
      return results.map((r) => {
        const i = byUnit.size ? byUnit.get(r.unitId)?.find((j) => overrides[j]!.cohort === undefined || overrides[j]!.cohort === r.cohort) : undefined;
        let final: DecidedRecommendation["final"];
        if (i === undefined) final = { award: r.award, overridden: false };
        else {
          used[i] = true;
          final = { award: asProposed(rs, overrides[i]!.award), overridden: true, override: overrides[i]! };
        }
        return opts.inPlace ? Object.assign(r as Recommendation & { final?: DecidedRecommendation["final"] }, { final }) : { ...r, final };
      });
    },
    matched: () => [...used],
  };
}

/**
 * Applies committee overrides after the computation: each result keeps its computed award and
 * gains a `final` decision; an override for a unit that is not in the results is reported back.
 */
export function applyCommitteeOverrides(rs: RuleSet, report: Pick<RecommendationReport, "results">, overrides: readonly CommitteeOverride[]): { results: DecidedRecommendation[]; unmatched: CommitteeOverride[] } {
  const applier = createOverrideApplier(rs, overrides);
  const results = applier.apply(report.results);
  const matched = applier.matched();
  return { results, unmatched: overrides.filter((_, i) => !matched[i]) };
}

/** What `buildDecisionRecord` needs besides the report: the raw input (hashed), the row count, the run options and the overrides. */
export interface RecordOptions {
  /** SHA-256 (hex) of the raw input; or give the raw input (file bytes or text) and it is hashed here. */
  readonly input: string | Uint8Array | { readonly sha256: string };
  readonly inputCount: number;
  readonly options?: Readonly<Record<string, string | number | boolean | null>>;
  readonly overrides?: readonly CommitteeOverride[];
}

const hex = (data: string | Uint8Array) => bytesToHex(sha256(typeof data === "string" ? new TextEncoder().encode(data) : data));

/** One unit's entry in the outcome projection (see {@link outcomeProjection}). */
const resultProjection = (r: Recommendation) => [
  r.cohort, r.group, r.year, r.unitId, r.rank, r.decidedBy, r.score, r.percent, r.classification, r.knockedOut,
  r.award?.id ?? null, r.alongside.map((a) => a.id), r.alternatives.map((a) => a.id),
  r.scoreResult.criteria.map((c) => [c.id, c.status, c.points, c.bonus, c.deduction]),
  r.eligibility.map((e) => [e.award, e.status]),
  r.scoreResult.missingFacts,
];

/** A string or null as canonical JSON writes it. */
const q = (s: string | null): string => (s === null ? "null" : canonicalString(s));
const quoted = new Map<string, string>();
/** `q` for the ids and statuses of the rule set, which repeat on every unit (cached, bounded). */
const qid = (s: string | null): string => {
  if (s === null) return "null";
  let out = quoted.get(s);
  if (out === undefined) {
    out = q(s);
    if (quoted.size < 4096) quoted.set(s, out);
  }
  return out;
};
const ids = (xs: readonly { id: string }[]) => (xs.length ? `[${xs.map((x) => qid(x.id)).join(",")}]` : "[]");

/**
 * Canonical JSON of one unit's entry in the outcome projection (a streamed run hashes these one by
 * one): written directly, with the same bytes as `canonicalJson` of the entry (a test holds them equal).
 */
export function resultProjectionJson(r: Recommendation): string {
  return projection(r);
}

/** The projection entries of several units joined by commas, as one string (one join for a cohort). */
export function resultsProjectionJson(results: readonly Recommendation[]): string {
  let out = "";
  for (let i = 0; i < results.length; i++) out += (i ? "," : "") + projection(results[i]!);
  return out;
}

/**
 * The tuple of one criterion result. Scoring shares one frozen result object among the units with
 * the same verdict on a criterion, so the tuple is cached by that object.
 */
const criterionTuples = new WeakMap<object, string>();
function criterionTuple(c: Recommendation["scoreResult"]["criteria"][number]): string {
  let t = criterionTuples.get(c);
  if (t === undefined) {
    t = `[${qid(c.id)},${qid(c.status)},${qid(c.points)},${qid(c.bonus)},${qid(c.deduction)}]`;
    if (Object.isFrozen(c)) criterionTuples.set(c, t);
  }
  return t;
}

// string concatenation, not an array joined: V8 appends to a rope and flattens it once
function projection(r: Recommendation): string {
  let out = `[${q(r.cohort)},${qid(r.group)},${r.year},${q(r.unitId)},${r.rank},${qid(r.decidedBy)},${q(r.score)},${q(r.percent)},${qid(r.classification)},${r.knockedOut ? "true" : "false"},${qid(r.award?.id ?? null)},${ids(r.alongside)},${ids(r.alternatives)},[`;
  const criteria = r.scoreResult.criteria;
  for (let i = 0; i < criteria.length; i++) out += (i ? "," : "") + criterionTuple(criteria[i]!);
  out += "],[";
  const eligibility = r.eligibility;
  for (let i = 0; i < eligibility.length; i++) out += `${i ? ",[" : "["}${qid(eligibility[i]!.award)},${qid(eligibility[i]!.status)}]`;
  out += "],[";
  const missing = r.scoreResult.missingFacts;
  for (let i = 0; i < missing.length; i++) out += (i ? "," : "") + qid(missing[i]!);
  return `${out}]]`;
}

/** The reference for {@link resultProjectionJson}: `canonicalJson` of the projection entry. */
export const resultProjectionCanonical = (r: Recommendation): string => canonicalJson(resultProjection(r));

/**
 * The outcome replay compares, as a compact projection: per cohort its size and quotas; per unit its
 * rank, score, class, knock-outs, every criterion's status and points, and every award's status;
 * the rejected rows with their issue codes and paths. Details (traces, check parameters) follow
 * from these and the recorded inputs, so they are not hashed.
 */
export function outcomeProjection(report: Pick<RecommendationReport, "cohorts" | "runQuotas" | "results" | "rejected">): unknown {
  return {
    cohorts: report.cohorts,
    runQuotas: report.runQuotas,
    results: report.results.map(resultProjection),
    rejected: report.rejected.map((r) => [r.index, r.row ?? null, r.unitId ?? null, r.issues.map((i) => [i.code, i.path])]),
  };
}

/**
 * The canonical JSON of {@link outcomeProjection} in pieces, given each unit's entry already as
 * canonical JSON (in result order): the concatenation equals `canonicalJson(outcomeProjection(…))`.
 */
export function* outcomeJsonPieces(head: Pick<RecommendationReport, "cohorts" | "runQuotas" | "rejected">, results: Iterable<ReportChunk>): Generator<ReportChunk> {
  const rejected = (outcomeProjection({ ...head, results: [] }) as { rejected: unknown }).rejected;
  yield `{"cohorts":${canonicalJson(head.cohorts)},"rejected":${canonicalJson(rejected)},"results":[`;
  let first = true;
  for (const r of results) {
    if (!r.length) continue;
    if (!first) yield ",";
    yield r;
    first = false;
  }
  yield `],"runQuotas":${canonicalJson(head.runQuotas)}}`;
}

/** SHA-256 of the canonical JSON of {@link outcomeProjection}: what replay compares. */
export function outcomeDigest(report: Pick<RecommendationReport, "cohorts" | "runQuotas" | "results" | "rejected">): string {
  const h = sha256.create();
  const enc = new TextEncoder();
  for (const piece of outcomeJsonPieces(report, report.results.map(resultProjectionCanonical))) h.update(typeof piece === "string" ? enc.encode(piece) : piece);
  return bytesToHex(h.digest());
}

/**
 * The decision record without its results (see {@link ReportHead}): rule set, input hash, engine,
 * as-of date, options, overrides, cohorts, run quotas, rejected rows and the outcome hash.
 */
export function recordHead(
  rs: RuleSet,
  report: Pick<PartitionedReport, "asOf" | "cohorts" | "runQuotas" | "rejected">,
  opts: RecordOptions,
  outcomeSha256: string,
): Omit<DecisionRecord, "results"> {
  return {
    format: "thidua.decision-record",
    formatVersion: 1,
    ruleset: { id: rs.id, version: rs.version, sha256: rs.sha256, verified: rs.verified, lineage: rs.lineage },
    input: { sha256: typeof opts.input === "object" && "sha256" in opts.input ? opts.input.sha256 : hex(opts.input as string | Uint8Array), count: opts.inputCount },
    engine: { name: "thidua", version: ENGINE_VERSION },
    asOf: report.asOf,
    options: opts.options ?? {},
    overrides: opts.overrides ?? [],
    cohorts: report.cohorts,
    runQuotas: report.runQuotas,
    rejected: report.rejected,
    outcomeSha256,
  };
}

/** Builds the decision record of a run: rule set, input hash, engine, as-of date, options, outcome. */
export function buildDecisionRecord(rs: RuleSet, report: RecommendationReport, opts: RecordOptions): DecisionRecord {
  const { results } = applyCommitteeOverrides(rs, report, opts.overrides ?? []);
  const h = recordHead(rs, report, opts, outcomeDigest(report));
  return { format: h.format, formatVersion: h.formatVersion, ruleset: h.ruleset, input: h.input, engine: h.engine, asOf: h.asOf, options: h.options, overrides: h.overrides, cohorts: h.cohorts, runQuotas: h.runQuotas, results, rejected: h.rejected, outcomeSha256: h.outcomeSha256 };
}

/** Pretty canonical JSON (sorted keys, two-space indent) of a value, each line after the first indented by `indent`. */
const pretty = (v: unknown, indent = "") => {
  const s = JSON.stringify(JSON.parse(canonicalJson(v)), null, 2);
  return indent ? s.replace(/\n/g, `\n${indent}`) : s;
};

/**
 * The decision record as JSON (`thidua score --format json`) as a layout: canonical key order and
 * two-space indentation, the results written cohort by cohort. Same record → same bytes.
 */
export function recordJsonLayout(): ReportLayout {
  return {
    parts: 1,
    cohort: (_c, results) => [results.map((r) => `    ${pretty(r, "    ")}`).join(",\n")],
    write(run: ReportHead, chunks, out) {
      const { resultCount: _n, matchedOverrides: _m, ...head } = run;
      // the top-level key line: a JSON string cannot hold a raw line break, so nothing else matches it
      const text = pretty({ ...head, results: [] });
      const at = text.indexOf('\n  "results": []');
      const before = text.slice(0, at + '\n  "results": '.length);
      const after = text.slice(at + '\n  "results": []'.length);
      let first = true;
      out(`${before}[`);
      for (const chunk of chunks(0)) {
        if (!chunk.length) continue;
        out(first ? "\n" : ",\n");
        out(chunk);
        first = false;
      }
      out(`${first ? "" : "\n  "}]${after}\n`);
    },
  };
}

/** The decision record as pretty canonical JSON (what `thidua score --format json` writes). */
export const renderRecordJson = (record: DecisionRecord): string => renderWithLayout(recordJsonLayout(), record);
