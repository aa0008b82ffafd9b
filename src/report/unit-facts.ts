import type { CohortSummary } from "../awards/index.js";
import { explainAssessment, explainReasons, formatItem, type AssessedView } from "../explain/index.js";
import { formatPath } from "../errors/index.js";
import { cohortKey } from "../ranking/index.js";
import type { Lang, RuleSet } from "../rules/index.js";
import type { ReportHead } from "./layout.js";
import { classText, finalText, issueText, say } from "./words.js";
import { sayReport } from "./messages/index.js";
import type { DecidedRecommendation } from "./types.js";

/**
 * What every report format says about one unit, as data: the same facts in text, Markdown, CSV,
 * XLSX and HTML (a test extracts them from each format and compares them).
 */
export interface UnitFacts {
  readonly rank: number;
  readonly size: number;
  readonly unitId: string;
  readonly name: string;
  readonly score: number;
  readonly percent: number;
  readonly class: string;
  /** Every proposed award: the proposal, then what is proposed beside it (none: empty). */
  readonly awards: readonly string[];
  /** The main reasons (the knock-out, what the quota or a tie decided, points short for the next award). */
  readonly reasons: string;
  /** The evidence to supply, one document per entry. */
  readonly missing: readonly string[];
  /** The committee's decision: its award when it overrode the proposal, else the proposal. */
  readonly decision: string;
  readonly overridden: boolean;
  readonly overrideReason: string;
  /** For a unit with assessments: its self-assessed score beside the official one, and each change with its reason. */
  readonly assessment?: AssessedView;
}

/** The facts of one unit in `lang` (see {@link UnitFacts}). */
export function unitFacts(r: DecidedRecommendation, rs: RuleSet, lang: Lang): UnitFacts {
  return {
    rank: r.rank,
    size: r.cohortSize,
    unitId: r.unitId,
    name: r.name,
    score: Number(r.score),
    percent: Number(r.percent),
    class: classText(rs, r.classification, lang),
    awards: r.award ? [r.award, ...r.alongside].map((a) => a.title[lang]) : [],
    reasons: explainReasons(r, rs, lang).map((i) => formatItem(i, lang)).join("; "),
    missing: [...new Set(r.missingEvidence.map((m) => m.evidence[lang]))],
    decision: finalText(r, lang),
    overridden: r.final.overridden,
    overrideReason: r.final.overridden ? (r.final.override?.reason ?? "") : "",
    ...assessed(r, rs, lang),
  };
}

const assessed = (r: DecidedRecommendation, rs: RuleSet, lang: Lang): { assessment?: AssessedView } => {
  const assessment = r.scoreResult.assessment ? explainAssessment(r.scoreResult, rs, lang) : undefined;
  return assessment ? { assessment } : {};
};

/** Whether a unit of a cluster has assessments: its tables then show the self-assessed score beside the official one. */
export const anyAssessed = (results: readonly DecidedRecommendation[]): boolean => results.some((r) => r.scoreResult.assessment !== undefined);

/** The awards of a unit as one cell: the titles joined by "; ", or "no commendation". */
export const awardsText = (f: UnitFacts, lang: Lang): string => (f.awards.length ? f.awards.join("; ") : say(lang, "report.noAward", {}));

type RejectedRow = ReportHead["rejected"][number];

/** A rejected row's identity in words: its row, and its id and name when readable. */
export const rejectedWho = (rj: RejectedRow, lang: Lang): string =>
  sayReport(lang, "rejected.who", { row: rj.row ?? rj.index + 1, unitId: rj.unitId ?? "", name: rj.name ?? "" });

/**
 * Why a row was rejected: each of its issues in the catalog's words, after the label of the fact it
 * is about (the field's path for other fields; nothing when the issue names its column itself).
 */
export function rejectedWhy(rj: RejectedRow, rs: RuleSet, lang: Lang): string {
  return rj.issues
    .map((i) => {
      const text = issueText(i, lang);
      if (i.path[0] === "row" || i.path.length === 0) return text;
      const fact = i.path[0] === "facts" && typeof i.path[1] === "string" ? rs.facts.find((f) => f.id === i.path[1]) : undefined;
      return `${fact ? fact.label[lang] : formatPath(i.path)}: ${text}`;
    })
    .join("; ");
}

/** The cohort key of a rejected row whose group, cluster and year are readable, else null. */
export const rejectedKey = (rj: RejectedRow): string | null =>
  rj.group !== undefined && rj.year !== undefined && rj.cohort !== undefined ? cohortKey({ group: rj.group as CohortSummary["group"], cohort: rj.cohort, year: rj.year }) : null;

/**
 * The rejected rows by the scored cluster they belong to (in input order), and the rows that belong
 * to no scored cluster (unreadable cluster, or a cluster none of whose rows was scored).
 */
export function rejectedByCohort(run: Pick<ReportHead, "cohorts" | "rejected">): { byCohort: Map<string, RejectedRow[]>; unplaced: RejectedRow[] } {
  const byCohort = new Map<string, RejectedRow[]>(run.cohorts.map((c) => [cohortKey(c), []]));
  const unplaced: RejectedRow[] = [];
  for (const rj of run.rejected) {
    const list = byCohort.get(rejectedKey(rj) ?? "");
    if (list) list.push(rj);
    else unplaced.push(rj);
  }
  return { byCohort, unplaced };
}

/** The cluster section's heading and its counts line. */
export function cohortHeading(c: Pick<CohortSummary, "group" | "cohort" | "year" | "size">, rejected: number, lang: Lang): { title: string; counts: string } {
  return {
    title: sayReport(lang, "cohort.title", { cohort: c.cohort ?? "", group: c.group, year: c.year }),
    counts: sayReport(lang, "cohort.counts", { group: c.group, scored: c.size, rejected }),
  };
}

