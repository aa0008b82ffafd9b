import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createEngine, explain, renderExplanation, type ProfileInput, type QuotaUse, type RecommendationReport, type RuleSet } from "thidua";
import { loadRuleSet } from "thidua/node";
import { citationStanding } from "../../src/rules/index.js";
import { formatItem } from "../../src/explain/index.js";

/**
 * Legal cases as data: every test/cases/*.json is one case — profiles, the provisions it rests on
 * (with the checking status the digest of the law gives them) and the outcome the law, or the rule
 * set's stated reading of it, requires. This runner checks that each cited provision is recorded in
 * the rule set's manifest with that same status, then runs the profiles and compares the outcome.
 */
interface Cite {
  readonly source: string;
  readonly section: string;
  /** `confirmed`, `secondary` (only a public web copy), `unconfirmed`, or `repealed` (a source no longer in force, cited for what it said), as the checked digest says. */
  readonly status: "confirmed" | "secondary" | "unconfirmed" | "repealed";
}
interface Case {
  readonly title: string;
  readonly cites: readonly Cite[];
  /** The provision's words or the reading the case tests, and why. */
  readonly legal: string;
  readonly ruleset: string;
  readonly asOf: string;
  readonly profiles: readonly ProfileInput[];
  readonly expect: {
    readonly awards?: readonly { readonly unit: string; readonly award: string; readonly status: string }[];
    readonly proposed?: readonly { readonly unit: string; readonly award: string | null }[];
    readonly granted?: readonly { readonly unit: string; readonly award: string; readonly level: string }[];
    readonly criteria?: readonly { readonly unit: string; readonly criterion: string; readonly status: string; readonly points: string }[];
    /** Every quota applied, cohort by cohort and run-wide (`cohort: "*"`): its share, base, share × base before rounding and what it allowed. */
    readonly quotas?: readonly QuotaCase[];
    /** Lines a unit's explanation (or its main reasons) must contain, in the language given. */
    readonly explanation?: readonly { readonly unit: string; readonly lang: "vi" | "en"; readonly lines: readonly string[] }[];
  };
}

interface QuotaCase {
  readonly cohort: string;
  readonly award: string;
  readonly share: string;
  readonly base: number;
  readonly exact: string;
  readonly allowed: number;
  readonly granted: number;
}

const quotaCase = (cohort: string | null, q: QuotaUse): QuotaCase => ({ cohort: cohort ?? "", award: q.award, share: q.share, base: q.base, exact: q.exact, allowed: q.allowed, granted: q.granted });

const dir = new URL("./", import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith(".json")).sort();

/** The outcome of a run in the shape of a case's `expect`, for the units and awards the case names. */
function outcome(c: Case, report: RecommendationReport, rs: RuleSet): Case["expect"] {
  const unit = (id: string) => report.results.find((r) => r.unitId === id);
  const e = c.expect;
  return {
    ...(e.awards && { awards: e.awards.map((x) => ({ unit: x.unit, award: x.award, status: unit(x.unit)?.eligibility.find((s) => s.award === x.award)?.status ?? "absent" })) }),
    ...(e.proposed && { proposed: e.proposed.map((x) => ({ unit: x.unit, award: unit(x.unit)?.award?.id ?? null })) }),
    ...(e.granted && {
      granted: e.granted.map((x) => {
        const r = unit(x.unit);
        const a = [r?.award, ...(r?.alongside ?? [])].find((p) => p?.id === x.award);
        return { unit: x.unit, award: x.award, level: a?.level ?? "not granted" };
      }),
    }),
    ...(e.criteria && {
      criteria: e.criteria.map((x) => {
        const cr = unit(x.unit)?.scoreResult.criteria.find((k) => k.id === x.criterion);
        return { unit: x.unit, criterion: x.criterion, status: cr?.status ?? "absent", points: cr?.points ?? "absent" };
      }),
    }),
    ...(e.explanation && {
      explanation: e.explanation.map((x) => {
        const r = unit(x.unit);
        const e = r ? explain(r, rs, x.lang) : undefined;
        // the explanation's lines and its main reasons (what the reports' reasons column says)
        const lines = e ? [...renderExplanation(e).split("\n").map((l) => l.replace(/^\s*- /, "")), ...e.reasons.map((i) => formatItem(i, x.lang))] : [];
        return { unit: x.unit, lang: x.lang, lines: x.lines.filter((l) => lines.includes(l)) };
      }),
    }),
    ...(e.quotas && { quotas: [...report.cohorts.flatMap((c) => c.quotas.map((q) => quotaCase(c.cohort, q))), ...report.runQuotas.map((q) => quotaCase("*", q))] }),
  };
}

describe("legal cases (test/cases/*.json)", () => {
  it("there are cases", () => expect(files.length).toBeGreaterThan(0));

  describe.each(files.map((f) => [f]))("%s", (file) => {
    const c = JSON.parse(readFileSync(new URL(file, dir), "utf8")) as Case;
    const loaded = loadRuleSet(c.ruleset);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
    const rs = loaded.value;

    it("cites provisions the manifest records with the same status", () => {
      expect(c.cites.length).toBeGreaterThan(0);
      for (const cite of c.cites) {
        const s = citationStanding(rs.sources, cite).kind;
        const status = s === "confirmed" || s === "secondary" || s === "repealed" ? s : "unconfirmed";
        expect(status, `${cite.source}, ${cite.section}`).toBe(cite.status);
      }
    });

    it(c.title, () => {
      const report = createEngine(rs).recommend(c.profiles, { asOf: c.asOf });
      expect(report.rejected.map((r) => ({ unit: r.unitId, issues: r.issues.map((i) => i.message) }))).toEqual([]);
      expect(outcome(c, report, rs)).toEqual(c.expect);
    });
  });
});
