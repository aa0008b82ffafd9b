import { readFileSync } from "node:fs";
import { extname } from "node:path";
import {
  applyCommitteeOverrides,
  buildDecisionRecord,
  createEngine,
  type CommitteeOverride,
  type DecisionRecord,
  type Issue,
  type Rejected,
  type RuleSet,
} from "../index.js";
import { loadRuleset } from "../node/index.js";
import { readProfiles } from "./input/index.js";
import { readOverrides } from "./overrides.js";
import { progressFor } from "./progress.js";

/** Rough size of a row in the input, to advance the progress bar (only computed for what is read anyway). */
const approxBytes = (p: unknown): number => {
  const facts = (p as { facts?: object }).facts;
  return 120 + (facts ? Object.keys(facts).length * 28 : 0);
};

export class UsageError extends Error {
  constructor(message: string, readonly issues: readonly Issue[] = []) {
    super(message);
    this.name = "UsageError";
  }
}

export interface ScoreOptions {
  readonly rules: string;
  readonly asOf?: string;
  readonly year?: number;
  readonly overrides?: string;
  readonly allowModifiedRules?: boolean;
  readonly decimal?: "," | ".";
  /** Keep the interpreter's trace in the results (default true). */
  readonly trace?: boolean;
}

export interface Scored {
  readonly rs: RuleSet;
  readonly record: DecisionRecord;
  /** Header-level notes (unknown columns…): reported, not rejected rows. */
  readonly warnings: readonly Issue[];
}

export function loadRulesOrThrow(rules: string, allowModified = false): RuleSet {
  const r = loadRuleset(rules, { allowModified });
  if (!r.ok) throw new UsageError(`cannot load rule set ${rules}`, r.issues);
  return r.value;
}

/**
 * The pipeline behind `score`, `validate`, `explain` and `replay`: read the input (every row ends up
 * once in the results or the rejected list, numbered as the user sees it), recommend, apply the
 * committee's overrides, build the decision record.
 */
export async function scoreFile(input: string, opts: ScoreOptions, preloaded?: RuleSet): Promise<Scored> {
  const rs = preloaded ?? loadRulesOrThrow(opts.rules, opts.allowModifiedRules);
  const engine = createEngine(rs);
  const profiles: unknown[] = [];
  const rowOf: number[] = [];
  /** Input position of each parsed profile, so rejected rows keep their place in the input. */
  const ordinals: number[] = [];
  const parseRejected: Rejected[] = [];
  const warnings: Issue[] = [];
  const tabular = [".csv", ".xlsx"].includes(extname(input).toLowerCase());
  let ordinal = 0;
  const progress = progressFor(input);
  for await (const r of readProfiles(input, { rules: rs, ...(opts.year !== undefined && { defaultYear: opts.year }), ...(opts.decimal && { decimal: opts.decimal }) })) {
    const fileLevel = tabular && r.row === 1 && r.profile === undefined;
    if (fileLevel && !(r.issues ?? []).some((i) => i.severity === "error")) {
      warnings.push(...(r.issues ?? [])); // header notes such as an unknown column: reported, not a row
      continue;
    }
    if (r.profile !== undefined && !(r.issues ?? []).some((i) => i.severity === "error")) {
      profiles.push(r.profile);
      rowOf.push(r.row);
      ordinals.push(ordinal);
    } else {
      const id = r.profile && typeof r.profile === "object" ? (r.profile as { id?: unknown }).id : undefined;
      parseRejected.push({ index: ordinal, row: r.row, ...(typeof id === "string" && { unitId: id }), issues: r.issues ?? [] });
    }
    ordinal++;
    progress.tick(r.profile ? approxBytes(r.profile) : 64);
  }
  progress.stop();
  // traces let explanations name the facts that decided each criterion; they are not part of the outcome hash
  const report = engine.recommend(profiles, { ...(opts.asOf && { asOf: opts.asOf }), trace: opts.trace ?? true });
  const rejected = [
    ...parseRejected,
    ...report.rejected.map((r) => ({ ...r, index: ordinals[r.index]!, row: rowOf[r.index]! })),
  ].sort((a, b) => a.index - b.index);
  const overrides: CommitteeOverride[] = opts.overrides ? readOverrides(opts.overrides, rs) : [];
  const { unmatched } = applyCommitteeOverrides(rs, { ...report, rejected }, overrides);
  for (const o of unmatched) {
    const message = `override for unit ${o.unitId}${o.cohort ? ` in ${o.cohort}` : ""} matches no scored unit; it was not applied`;
    warnings.push({ code: "input.parse", path: ["overrides", o.unitId], params: { unitId: o.unitId, kind: "unmatchedOverride" }, message, severity: "warning" });
  }
  const record = buildDecisionRecord(
    rs,
    { ...report, rejected },
    {
      input: readFileSync(input),
      inputCount: ordinal,
      options: {
        rules: rs.id,
        asOf: opts.asOf ?? null,
        year: opts.year ?? null,
        decimal: opts.decimal ?? null,
        allowModifiedRules: opts.allowModifiedRules ?? false,
      },
      overrides,
    },
  );
  return { rs, record, warnings };
}
