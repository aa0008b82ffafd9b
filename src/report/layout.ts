import type { CohortSummary } from "../awards/index.js";
import { cohortKey } from "../ranking/index.js";
import type { Lang, RuleSet } from "../rules/index.js";
import type { CommitteeOverride, DecidedRecommendation, DecisionRecord } from "./types.js";

/**
 * Everything a report needs besides the per-unit results: the decision record without `results`,
 * the number of results, and which committee overrides matched a scored unit. A streamed run knows
 * all of it once every cohort is decided, without holding the results.
 */
export interface ReportHead extends Omit<DecisionRecord, "results" | "seal"> {
  /** Sorted by input position (layouts write them in this order). */
  readonly rejected: DecisionRecord["rejected"];
  readonly resultCount: number;
  /** `matchedOverrides[i]`: whether `overrides[i]` matched a scored unit. */
  readonly matchedOverrides: readonly boolean[];
}

/**
 * A piece of a report: text, or the UTF-8 bytes of text (a streamed run copies the chunks it kept
 * on disk into the report without decoding them).
 */
export type ReportChunk = string | Uint8Array;

/**
 * A report format split so that it can be written cohort by cohort: each cohort renders `parts`
 * strings from its own results alone (the Markdown report has two: the ranked table and the unit
 * explanations); `write` then emits the head, each part's chunks in cohort order, and the tail.
 * The in-memory renderers (`renderCsv`, `renderText`, `renderMarkdown`, `renderRecordJson`) are this
 * same code with every chunk in memory, so a streamed report is byte-identical to them.
 */
export interface ReportLayout {
  readonly parts: number;
  /** The parts of one cohort; `results` in rank order. */
  cohort(c: CohortSummary, results: readonly DecidedRecommendation[]): string[];
  /** Writes the whole report: `chunks(part)` yields that part of every cohort, in `run.cohorts` order. */
  write(run: ReportHead, chunks: (part: number) => Iterable<ReportChunk>, out: (s: ReportChunk) => void): void;
}

/** Options a layout is built with: the rule set, the language, and whether the run has committee overrides. */
export interface LayoutOptions {
  readonly rs: RuleSet;
  readonly lang: Lang;
  /** The run has committee overrides: the text report then shows the final-decision column. */
  readonly overrides: boolean;
}

/** The report head of an in-memory record (see {@link ReportHead}). */
export function reportHeadOf(record: DecisionRecord): ReportHead {
  const { results, seal: _seal, ...rest } = record;
  const matchedOverrides = record.overrides.map((o: CommitteeOverride) =>
    results.some((r) => r.final.overridden && r.final.override?.unitId === o.unitId && (o.cohort === undefined || r.cohort === o.cohort)),
  );
  return { ...rest, rejected: [...rest.rejected].sort((a, b) => a.index - b.index), resultCount: results.length, matchedOverrides };
}

/** Results grouped by cohort key, each group in rank order, then unit id (never by input order). */
function groupByCohort<R extends Pick<DecidedRecommendation, "group" | "cohort" | "year" | "rank" | "unitId">>(results: readonly R[]): Map<string, R[]> {
  const index = new Map<string, R[]>();
  for (const r of results) {
    const k = cohortKey(r);
    const list = index.get(k);
    if (list) list.push(r);
    else index.set(k, [r]);
  }
  for (const list of index.values()) list.sort((a, b) => a.rank - b.rank || (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0));
  return index;
}

/** A record's results grouped by cohort key (`cohortKey`), each cohort in rank order, then unit id (never by input order). */
export const resultsByCohort = (record: DecisionRecord): Map<string, DecidedRecommendation[]> => groupByCohort(record.results);

/**
 * Results in record order: cohort by cohort in the order of `cohorts`, each in rank order, then
 * unit id — the order in which every report and the JSON record write them (results of a cohort
 * not listed, if any, last).
 */
export function recordOrder<R extends Pick<DecidedRecommendation, "group" | "cohort" | "year" | "rank" | "unitId">>(cohorts: readonly { group: string; cohort: string | null; year: number }[], results: readonly R[]): R[] {
  const index = groupByCohort(results);
  const out: R[] = [];
  for (const c of cohorts) {
    const k = cohortKey(c);
    out.push(...(index.get(k) ?? []));
    index.delete(k);
  }
  for (const rest of index.values()) out.push(...rest);
  return out;
}

/** Renders a whole in-memory record with a layout (what `renderCsv` and the others do). */
export function renderWithLayout(layout: ReportLayout, record: DecisionRecord): string {
  const byCohort = resultsByCohort(record);
  const chunks = record.cohorts.map((c) => layout.cohort(c, byCohort.get(cohortKey(c)) ?? []));
  const out: string[] = [];
  const text = new TextDecoder();
  layout.write(reportHeadOf(record), (part) => chunks.map((c) => c[part]!), (s) => out.push(typeof s === "string" ? s : text.decode(s)));
  return out.join("");
}

/** Lines, each ending with a line break, in NFC ("" for none): the text and Markdown reports' blocks. */
export const block = (lines: readonly string[]): string => (lines.length ? `${lines.join("\n")}\n`.normalize("NFC") : "");

/**
 * Wraps an output so that the whole report ends with exactly one line break however many blank
 * lines its last section leaves (what `text.replace(/\n+$/, "") + "\n"` does on a whole string).
 */
export function endWithOneNewline(out: (s: ReportChunk) => void): { write: (s: ReportChunk) => void; end: () => void } {
  let pending = 0;
  return {
    write(s) {
      let n = s.length;
      if (typeof s === "string") while (n > 0 && s.charCodeAt(n - 1) === 10) n--;
      else while (n > 0 && s[n - 1] === 10) n--;
      if (n === 0) {
        pending += s.length;
        return;
      }
      if (typeof s === "string") out("\n".repeat(pending) + s.slice(0, n));
      else {
        if (pending) out("\n".repeat(pending));
        out(s.subarray(0, n));
      }
      pending = s.length - n;
    },
    end() {
      out("\n");
    },
  };
}
