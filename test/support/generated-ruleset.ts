import fc from "fast-check";
import { loadRuleSetFromFiles, type ProfileInput, type RuleSet } from "thidua";
import { sha256Hex } from "../../src/rules/index.js";

/**
 * Generated standalone rule sets that use every scoring style and award check kind — conditions,
 * tiers, per-unit points, bonus and deductions (fixed and per unit), floors, group caps,
 * `appliesWhen`, knock-outs, dated criteria, classes with requirements, awards with class,
 * percentage, criteria, conditions, history and quotas (cohort and run-wide) — with generated
 * thresholds and points. For differential tests between the reference and compiled paths.
 */
const L = (vi: string) => ({ vi, en: vi });
const cite = { source: "quy-che" };
const G = "enterprise";

const FACTS = [
  { id: "n", type: "integer", min: 0, max: 60, better: "higher" },
  { id: "m", type: "number", min: 0, max: 40, better: "higher" },
  { id: "r", type: "ratio", better: "higher" },
  { id: "b", type: "boolean", better: "higher" },
  { id: "k", type: "boolean", better: "lower" },
  { id: "e", type: "enum", values: ["a", "b", "c"], better: "none" },
  { id: "s", type: "set", values: ["x", "y", "z"], better: "higher" },
  { id: "o", type: "object", fields: { p: { type: "integer", min: 0, max: 20, label: L("p") }, q: { type: "ratio", label: L("q") } }, better: "higher" },
].map((f) => ({ ...f, label: L(f.id), evidence: L(`hồ sơ ${f.id}`), groups: [G] }));

const pts = fc.integer({ min: 0, max: 2000 }).map((n) => n / 100);
const leafArb = fc.oneof(
  fc.record({ fact: fc.constant("n"), operator: fc.constantFrom("greaterThanInclusive", "lessThan", "equal", "notEqual"), value: fc.integer({ min: 0, max: 60 }), basis: fc.constant("policy-default") }),
  fc.record({ fact: fc.constant("m"), operator: fc.constantFrom("greaterThan", "lessThanInclusive"), value: fc.integer({ min: 0, max: 4000 }).map((x) => x / 100), basis: fc.constant("policy-default") }),
  fc.record({ fact: fc.constant("r"), operator: fc.constantFrom("greaterThanInclusive", "lessThan"), value: fc.constantFrom(0, 0.3, 0.5, 0.7, 0.9, 1), basis: fc.constant("law"), ref: fc.constant({ source: "quy-che", section: "Điều 1" }) }),
  fc.record({ fact: fc.constantFrom("b", "k"), operator: fc.constantFrom("equal", "notEqual"), value: fc.boolean() }),
  fc.record({ fact: fc.constant("e"), operator: fc.constantFrom("in", "notIn"), value: fc.subarray(["a", "b", "c"], { minLength: 1 }), basis: fc.constant("policy-default") }),
  fc.record({ fact: fc.constant("s"), operator: fc.constantFrom("contains", "doesNotContain"), value: fc.constantFrom("x", "y", "z"), basis: fc.constant("policy-default") }),
  fc.record({ fact: fc.constant("o"), path: fc.constant("$.p"), operator: fc.constantFrom("greaterThan", "lessThanInclusive"), value: fc.integer({ min: 0, max: 20 }), basis: fc.constant("policy-default") }),
  fc.record({ fact: fc.constant("o"), path: fc.constant("$.q"), operator: fc.constantFrom("greaterThanInclusive"), value: fc.constantFrom(0.2, 0.6), basis: fc.constant("policy-default") }),
);
const { cond: condArb } = fc.letrec<{ cond: unknown }>((tie) => ({
  cond: fc.oneof({ depthSize: "small", withCrossShrink: true }, leafArb, fc.record({ all: fc.array(tie("cond"), { minLength: 1, maxLength: 3 }) }), fc.record({ any: fc.array(tie("cond"), { minLength: 1, maxLength: 3 }) }), fc.record({ not: tie("cond") })),
}));

const criterion = (id: string, extra: Record<string, unknown>) => ({ id, group: G, contents: [1 + (Number(id.slice(-1)) % 6)], title: L(id), citation: cite, basis: "policy-default", evidence: [L("biên bản")], ...extra });

const criteriaArb = fc
  .record({
    c1: fc.record({ maxPoints: pts, conditions: condArb }),
    c2: fc.record({ maxPoints: pts, a: pts, b: pts, c1: condArb, c2: condArb, c3: condArb }),
    c3: fc.record({ maxPoints: pts, rate: fc.integer({ min: 1, max: 500 }).map((n) => n / 100), cap: fc.option(pts, { nil: undefined }), onPath: fc.boolean() }),
    c4: fc.record({ maxPoints: pts, conditions: condArb, bonus: pts, bonusCond: condArb, bonusRate: fc.integer({ min: 1, max: 300 }).map((n) => n / 100), ded: pts, dedCond: condArb, dedRate: fc.integer({ min: 1, max: 300 }).map((n) => n / 100), floor: fc.option(pts, { nil: undefined }) }),
    c5: fc.record({ conditions: condArb }),
    c6: fc.record({ maxPoints: pts, appliesWhen: condArb, conditions: condArb, from: fc.constantFrom("2025-01-01", "2025-07-01", "2026-01-01"), to: fc.option(fc.constantFrom("2025-06-30", "2025-12-31"), { nil: undefined }) }),
    cap: fc.option(pts, { nil: undefined }),
  })
  .map((g) => {
    const tiers = [g.c2.a, g.c2.b, 0].map((p, i) => ({ points: Math.min(p, g.c2.maxPoints), conditions: [g.c2.c1, g.c2.c2, g.c2.c3][i] }));
    const bonusCap = g.c4.bonus;
    return {
      group: G,
      title: L("tiêu chí"),
      criteria: [
        criterion("t.1", { maxPoints: g.c1.maxPoints, conditions: g.c1.conditions }),
        criterion("t.2", { maxPoints: g.c2.maxPoints, tiers }),
        criterion("t.3", { maxPoints: g.c3.maxPoints, perUnit: { fact: g.c3.onPath ? "o" : "n", ...(g.c3.onPath && { path: "$.p" }), pointsPerUnit: g.c3.rate, ...(g.c3.cap !== undefined && g.c3.cap <= g.c3.maxPoints && { cap: g.c3.cap }), basis: "policy-default" } }),
        criterion("t.4", {
          maxPoints: g.c4.maxPoints,
          conditions: g.c4.conditions,
          bonus: [
            { id: "b1", title: L("thưởng"), conditions: g.c4.bonusCond, points: bonusCap, cap: bonusCap, basis: "policy-default" },
            { id: "b2", title: L("thưởng theo số"), perUnit: { fact: "m", pointsPerUnit: g.c4.bonusRate, basis: "policy-default" }, cap: bonusCap, basis: "policy-default" },
          ],
          deductions: [
            { id: "d1", title: L("trừ"), conditions: g.c4.dedCond, points: g.c4.ded, cap: g.c4.ded, basis: "policy-default" },
            { id: "d2", title: L("trừ theo số"), perUnit: { fact: "o", path: "$.p", pointsPerUnit: g.c4.dedRate, basis: "policy-default" }, cap: g.c4.ded, basis: "policy-default" },
          ],
          ...(g.c4.floor !== undefined && { floor: g.c4.floor }),
        }),
        criterion("t.5", { maxPoints: 0, conditions: g.c5.conditions, knockout: true, knockoutReason: L("vi phạm") }),
        criterion("t.6", { maxPoints: g.c6.maxPoints, appliesWhen: g.c6.appliesWhen, conditions: g.c6.conditions, effectiveFrom: g.c6.from, ...(g.c6.to !== undefined && g.c6.to >= g.c6.from && { effectiveTo: g.c6.to }) }),
      ],
      ...(g.cap !== undefined && { groupCaps: [{ id: "cap.1", title: L("trần"), criteria: ["t.1", "t.2"], maxPoints: g.cap, basis: "policy-default" }] }),
    };
  });

const classesArb = fc.record({ top: fc.integer({ min: 50, max: 100 }), mid: fc.integer({ min: 0, max: 50 }), req: pts }).map((k) => ({
  citation: cite,
  classes: [
    { id: "tot", title: L("Tốt"), rank: 3, minPercent: k.top, noKnockout: true, requires: [{ criterion: "t.1", minPoints: k.req }], basis: "policy-default" },
    { id: "kha", title: L("Khá"), rank: 2, minPercent: k.mid, noKnockout: true, basis: "policy-default" },
    { id: "dat", title: L("Đạt"), rank: 1, minPercent: 0, basis: "policy-default" },
  ],
}));

const award = (id: string, precedence: number, extra: Record<string, unknown>) => ({ id, kind: "title", recipient: "collective", groups: [G], level: "grassroots", title: L(id), grantor: L("Giám đốc"), precedence, citation: cite, basis: "policy-default", ...extra });
const awardsArb = fc.record({ share: fc.constantFrom("0.2", "0.5", "1"), runShare: fc.constantFrom("0.1", "0.3"), cond: condArb, pct: fc.integer({ min: 0, max: 100 }), times: fc.integer({ min: 1, max: 3 }), reuse: fc.constantFrom("consumed", "allowed"), linked: fc.boolean(), quotaOn: fc.boolean(), defer: condArb }).map((a) => ({
  awards: [
    award("award.a", 10, { exclusiveGroup: "x", eligibility: { minClass: "kha", noKnockout: true } }),
    award("award.b", 20, { exclusiveGroup: "x", eligibility: { minClass: "tot", conditions: a.cond, noKnockout: true }, quota: { share: a.share, of: "cohort", rounding: "floor", basis: "policy-default" } }),
    award("award.c", 30, { exclusiveGroup: "x", requiresThisYear: ["award.b"], eligibility: { minPercent: a.pct, criteria: ["t.1"], noKnockout: true }, history: [{ kind: "consecutive", awards: ["award.b", "award.c"], times: a.times, includeCurrentYear: true, reuse: a.reuse, ...(a.linked && { linkedBy: ["award.a"] }), basis: "policy-default" }] }),
    award("award.d", 40, { kind: "commendation", eligibility: { minPercent: a.pct, noKnockout: false }, history: [{ kind: "prior", awards: ["award.a"], withinYears: 3, basis: "policy-default" }, { kind: "never", awards: ["award.d"], basis: "policy-default" }], quota: { share: a.runShare, of: "cohort", rounding: "ceil", scope: "run", enabled: a.quotaOn, basis: "policy-default" } }),
  ],
  deferrals: [{ id: "deferral.t", title: L("đang xem xét"), groups: [G], when: a.defer, basis: "policy-default" }],
}));

function files(parts: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, json] of Object.entries(parts)) out[path] = JSON.stringify(json);
  const kinds: Record<string, string> = { "facts.json": "facts", "criteria/enterprise.json": "criteria", "classes.json": "classes", "awards.json": "awards" };
  out["manifest.json"] = JSON.stringify({
    formatVersion: 1,
    id: "thu-nghiem",
    version: "1.0.0",
    title: L("Bộ thử nghiệm"),
    effectiveFrom: "2025-01-01",
    pointScale: 2,
    rounding: "half-up",
    sources: [{ id: "quy-che", title: L("Quy chế thi đua"), issuer: L("Cơ quan"), kind: "decision", provisions: [{ section: "Điều 1", status: "confirmed", quotes: ["tỷ lệ"] }] }],
    files: Object.keys(parts).map((path) => ({ path, kind: kinds[path], sha256: sha256Hex(out[path]!) })),
  });
  return out;
}

/** A generated rule set (loaded, linted) using every scoring style and award check kind. */
export const generatedRuleSetArb: fc.Arbitrary<RuleSet> = fc.tuple(criteriaArb, classesArb, awardsArb).map(([criteria, classes, awards]) => {
  const r = loadRuleSetFromFiles(files({ "facts.json": { facts: FACTS }, "criteria/enterprise.json": criteria, "classes.json": classes, "awards.json": awards }));
  if (!r.ok) throw new Error(JSON.stringify(r.issues.filter((i) => i.severity !== "warning").slice(0, 3)));
  return r.value;
});

/** Profiles of the generated rule sets' group, some facts missing, some history. */
export const generatedCohortArb = fc.array(
  fc.record({
    facts: fc.record(
      {
        n: fc.integer({ min: 0, max: 60 }),
        m: fc.integer({ min: 0, max: 4000 }).map((x) => x / 100),
        r: fc.constantFrom(0, 0.3, 0.5, 0.7, 0.9, 1),
        b: fc.boolean(),
        k: fc.boolean(),
        e: fc.constantFrom("a", "b", "c"),
        s: fc.subarray(["x", "y", "z"]),
        o: fc.record({ p: fc.integer({ min: 0, max: 20 }), q: fc.constantFrom(0.2, 0.6) }, { requiredKeys: [] }),
      },
      { requiredKeys: [] },
    ),
    history: fc.option(fc.array(fc.subarray(["award.a", "award.b", "award.c", "award.d"]), { maxLength: 4 }).map((ys) => ys.map((awards, i) => ({ year: 2024 - i, awards }))), { nil: undefined }),
    cohort: fc.constantFrom("cum-1", "cum-2"),
  }),
  { minLength: 1, maxLength: 12 },
).map((units) => units.map((u, i): ProfileInput => ({ id: `u${i}`, name: `Đơn vị ${i}`, group: G, cohort: u.cohort, year: 2025, facts: u.facts, ...(u.history && { history: u.history }) })));
