import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex } from "@noble/hashes/utils.js";
import type { Recommendation } from "../awards/index.js";
import type { PartitionedReport, RecommendationReport } from "../engine/index.js";
import { ThiduaError } from "../errors/index.js";
import { canonicalJson, canonicalString, type RuleSet } from "../rules/index.js";
import { recordOrder, renderWithLayout, type ReportChunk, type ReportLayout, type ReportHead } from "./layout.js";
import { createOverrideApplier, overrideOutcomeIssues } from "./overrides.js";
import { compactJson, digestOf, portableSha256, sealRecord, type Sha256Factory } from "./seal.js";
import type { CommitteeOverride, DecidedRecommendation, DecisionRecord } from "./types.js";

/** The engine's own version, written into every record. */
export const ENGINE_VERSION = "0.1.0";

/** What `buildDecisionRecord` needs besides the report: the raw input (hashed), the row count, the run options and the overrides. */
export interface RecordOptions {
  /** SHA-256 (hex) of the raw input; or give the raw input (file bytes or text) and it is hashed here. */
  readonly input: string | Uint8Array | { readonly sha256: string };
  readonly inputCount: number;
  readonly options?: Readonly<Record<string, string | number | boolean | null>>;
  readonly overrides?: readonly CommitteeOverride[];
  /** Input columns that named no fact and were ignored at the user's request (recorded, sealed and listed in every report when any). */
  readonly ignoredColumns?: readonly string[];
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

/** The most entries each of a projector's memos keeps (a run repeats a few hundred ids, statuses and criterion results). */
const MEMO_SIZE = 4096;

/** Writes projection entries; one per run or record builder, with its own memo of the ids and statuses that repeat on every unit. */
function projector(): (r: Recommendation) => string {
  const quoted = new Map<string, string>();
  const qid = (s: string | null): string => {
    if (s === null) return "null";
    let out = quoted.get(s);
    if (out === undefined) {
      out = q(s);
      if (quoted.size < MEMO_SIZE) quoted.set(s, out);
    }
    return out;
  };
  const ids = (xs: readonly { id: string }[]) => (xs.length ? `[${xs.map((x) => qid(x.id)).join(",")}]` : "[]");
  // a criterion result is often one object shared by many units (the compiled scorer shares them): its entry is written once
  const tuples = new Map<object, string>();
  const tuple = (c: Recommendation["scoreResult"]["criteria"][number]) => {
    let out = tuples.get(c);
    if (out === undefined) {
      out = `[${qid(c.id)},${qid(c.status)},${qid(c.points)},${qid(c.bonus)},${qid(c.deduction)}]`;
      if (tuples.size < MEMO_SIZE && Object.isFrozen(c)) tuples.set(c, out);
    }
    return out;
  };
  // an award and its status: few pairs, written once each (at most MEMO_SIZE, as the memos above)
  const pairs = new Map<string, Map<string, string>>();
  let paired = 0;
  const pair = ({ award, status }: Recommendation["eligibility"][number]) => {
    let out = pairs.get(award)?.get(status);
    if (out === undefined) {
      out = `[${qid(award)},${qid(status)}]`;
      if (paired++ < MEMO_SIZE) pairs.set(award, (pairs.get(award) ?? new Map()).set(status, out));
    }
    return out;
  };
  // appended piece by piece, not joined: V8 keeps appended strings as a rope and copies the whole
  // once, when it is hashed (`Array.join` would copy every entry again; about 15 % of this function)
  return (r) => {
    let out = `[${q(r.cohort)},${qid(r.group)},${r.year},${q(r.unitId)},${r.rank},${qid(r.decidedBy)},${q(r.score)},${q(r.percent)},${qid(r.classification)},${r.knockedOut ? "true" : "false"},${qid(r.award?.id ?? null)},${ids(r.alongside)},${ids(r.alternatives)},[`;
    const { criteria, missingFacts } = r.scoreResult;
    for (let i = 0; i < criteria.length; i++) out += (i ? "," : "") + tuple(criteria[i]!);
    out += "],[";
    for (let i = 0; i < r.eligibility.length; i++) out += (i ? "," : "") + pair(r.eligibility[i]!);
    out += "],[";
    for (let i = 0; i < missingFacts.length; i++) out += (i ? "," : "") + qid(missingFacts[i]!);
    return `${out}]]`;
  };
}

/**
 * Canonical JSON of one unit's entry in the outcome projection (a streamed run hashes these one by
 * one): written directly, with the same bytes as `canonicalJson` of the entry (a test holds them equal).
 */
export function resultProjectionJson(r: Recommendation): string {
  return projector()(r);
}

/** The projection entries of several units joined by commas, as one string (one join for a cohort). */
export function resultsProjectionJson(results: readonly Recommendation[], project: (r: Recommendation) => string = projector()): string {
  let out = "";
  for (let i = 0; i < results.length; i++) out += (i ? "," : "") + project(results[i]!);
  return out;
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
  return outcomeDigestOf(report, report.results.map(resultProjectionCanonical));
}

/**
 * The outcome digest of a run given each unit's projection entry already as canonical JSON (pieces
 * of one or more entries joined by commas, in record order), as a cohort-by-cohort run keeps them.
 */
export function outcomeDigestOf(head: Pick<RecommendationReport, "cohorts" | "runQuotas" | "rejected">, projections: Iterable<ReportChunk>, hash: Sha256Factory = portableSha256): string {
  return digestOf(outcomeJsonPieces(head, projections), hash);
}

/** The version of the decision-record format this engine writes (see docs/decision-records-and-replay.md). */
export const RECORD_FORMAT_VERSION = 2;

/**
 * The decision record without its results and its seal (see {@link ReportHead}): rule set, input
 * hash, engine, as-of date, options, overrides, cohorts, run quotas, rejected rows and the outcome hash.
 */
export function recordHead(
  rs: RuleSet,
  report: Pick<PartitionedReport, "asOf" | "cohorts" | "runQuotas" | "rejected">,
  opts: RecordOptions,
  outcomeSha256: string,
): Omit<DecisionRecord, "results" | "seal"> {
  return {
    format: "thidua.decision-record",
    formatVersion: RECORD_FORMAT_VERSION,
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
    ...(opts.ignoredColumns?.length && { ignoredColumns: opts.ignoredColumns }),
  };
}

/**
 * Decides the record's side of each cohort as it comes (in this thread, or in each worker thread of a
 * streamed run): the committee's final decisions added to the results, and the cohort's outcome
 * projection (what the outcome hash is made of). Every decision record is built through this, then
 * {@link recordHead} and {@link sealRecord}.
 */
export interface RecordBuilder {
  cohort(results: readonly Recommendation[]): { decided: DecidedRecommendation[]; projection: string };
  /** See {@link OverrideApplier}. */
  matched(): boolean[];
  misfits(): (string | null)[];
}

/** See {@link RecordBuilder}; `inPlace` as for {@link createOverrideApplier}. */
export function createRecordBuilder(rs: RuleSet, overrides: readonly CommitteeOverride[], opts: { readonly inPlace?: boolean } = {}): RecordBuilder {
  const applier = createOverrideApplier(rs, overrides, opts);
  const project = projector();
  return {
    cohort(results) {
      const decided = applier.apply(results);
      return { decided, projection: resultsProjectionJson(decided, project) };
    },
    matched: () => applier.matched(),
    misfits: () => applier.misfits(),
  };
}

/**
 * Builds the sealed decision record of a run: rule set, input hash, engine, as-of date, options,
 * the committee's overrides, the results in record order (cohort by cohort, each in rank order) with
 * their final decisions, the outcome hash, and the seal over every part. Throws a `ThiduaError` when
 * an override names no scored unit or gives a unit an award that does not fit it (check the
 * overrides first with `validateCommitteeOverrides` / `applyCommitteeOverrides`).
 */
export function buildDecisionRecord(rs: RuleSet, report: RecommendationReport, opts: RecordOptions): DecisionRecord {
  const overrides = opts.overrides ?? [];
  const builder = createRecordBuilder(rs, overrides);
  const { decided, projection } = builder.cohort(recordOrder(report.cohorts, report.results));
  const problems = overrideOutcomeIssues(rs, overrides, builder.matched(), builder.misfits(), rejectedIds(report.rejected));
  if (problems.length) throw new ThiduaError("committee overrides that cannot be applied", problems);
  const head = recordHead(rs, report, opts, outcomeDigestOf(report, [projection]));
  return { ...head, results: decided, seal: sealRecord(head, decided.map((r) => canonicalJson(r))) };
}

/** The unit ids of rejected rows (an override naming one says so). */
export const rejectedIds = (rejected: readonly object[]): Set<string> =>
  new Set(rejected.flatMap((r) => {
    const id = (r as { unitId?: unknown }).unitId;
    return typeof id === "string" ? [id] : [];
  }));

/**
 * Applies committee overrides after the computation: each result keeps its computed award and gains
 * a `final` decision. `unmatched`: overrides that named no unit of the results; `misfits`: overrides
 * not applied because their award does not fit the unit (with the unit's group).
 */
export function applyCommitteeOverrides(
  rs: RuleSet,
  report: Pick<RecommendationReport, "results">,
  overrides: readonly CommitteeOverride[],
): { results: DecidedRecommendation[]; unmatched: CommitteeOverride[]; misfits: { override: CommitteeOverride; group: string }[] } {
  const applier = createOverrideApplier(rs, overrides);
  const results = applier.apply(report.results);
  const matched = applier.matched();
  const misfit = applier.misfits();
  return {
    results,
    unmatched: overrides.filter((_, i) => !matched[i] && !misfit[i]),
    misfits: overrides.flatMap((override, i) => (misfit[i] ? [{ override, group: misfit[i]! }] : [])),
  };
}

/** Pretty canonical JSON (sorted keys, two-space indent) of a value, each line after the first indented by `indent`. */
const pretty = (v: unknown, indent = "") => {
  const s = JSON.stringify(JSON.parse(canonicalJson(v)), null, 2);
  return indent ? s.replace(/\n/g, `\n${indent}`) : s;
};

/** The top-level lines of the record around its results: a JSON string cannot hold a raw line break, so nothing else matches them. */
const RESULTS_LINE = '\n  "results": []';
const SEAL_LINE = '\n  "seal": null';

/**
 * The decision record as JSON (`thidua score --format json`) as a layout: canonical key order and
 * two-space indentation, the results written cohort by cohort, and the seal computed over what is
 * written (the results are hashed as they go out). Same record → same bytes. `hash`: the SHA-256 to
 * seal with (the CLI passes `node:crypto`'s; same digests).
 */
export function recordJsonLayout(opts: { readonly hash?: Sha256Factory } = {}): ReportLayout {
  return {
    parts: 1,
    cohort: (_c, results) => [results.map((r) => `    ${pretty(r, "    ")}`).join(",\n")],
    write(run: ReportHead, chunks, out) {
      const { resultCount: _n, matchedOverrides: _m, seal: _s, ...head } = run as ReportHead & { seal?: unknown };
      const text = pretty({ ...head, results: [], seal: null });
      const at = text.indexOf(RESULTS_LINE);
      const before = text.slice(0, at + RESULTS_LINE.length - 2);
      const after = text.slice(at + RESULTS_LINE.length);
      let first = true;
      out(`${before}[`);
      const written = function* () {
        for (const chunk of chunks(0)) {
          if (!chunk.length) continue;
          out(first ? "\n" : ",\n");
          out(chunk);
          first = false;
          yield compactJson(chunk);
        }
      };
      const seal = sealRecord(head, written(), opts.hash);
      out(`${first ? "" : "\n  "}]${after.replace(SEAL_LINE, `\n  "seal": ${pretty(seal, "  ")}`)}\n`);
    },
  };
}

/** The decision record as pretty canonical JSON (what `thidua score --format json` writes). */
export const renderRecordJson = (record: DecisionRecord): string => renderWithLayout(recordJsonLayout(), record);
