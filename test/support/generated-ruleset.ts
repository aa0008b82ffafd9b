import fc from "fast-check";
import { loadRuleSetFromFiles, type ProfileInput, type RuleSet } from "thidua";
import { sha256Hex } from "../../src/rules/index.js";

/**
 * Generated standalone rule sets that use every scoring style, award check kind and construct of the
 * rule language — conditions, tiers, per-unit points, bonus and deductions (fixed and per unit),
 * floors, group caps, `appliesWhen`, knock-outs, dated criteria, classes with requirements, awards
 * with class, percentage, criteria, conditions, history and quotas (cohort and run-wide); derived
 * facts (every formula operation), fact-to-fact comparisons, wildcard and quoted-key paths, classes
 * by points and the unscored class, `unknownAs`, dated thresholds, points and classes, label
 * placeholders, a declared subject group, a ranking chain with Vietnamese names, fact keys and shared
 * ties, assessments with reviewers, `basis: "regulation"` — with generated thresholds and points. For
 * differential tests between the reference and compiled paths.
 */
const L = (vi: string) => ({ vi, en: vi });
const cite = { source: "quy-che" };
const G = "to-dan-pho";

const FACTS = [
  { id: "n", type: "integer", min: 0, max: 60, better: "higher" },
  { id: "m", type: "number", min: 0, max: 40, better: "higher" },
  { id: "r", type: "ratio", better: "higher" },
  { id: "b", type: "boolean", better: "higher" },
  { id: "k", type: "boolean", better: "lower" },
  { id: "e", type: "enum", values: ["a", "b", "c"], better: "none" },
  { id: "s", type: "set", values: ["x", "y", "z"], better: "higher" },
  { id: "o", type: "object", fields: { p: { type: "integer", min: 0, max: 20, label: L("p") }, q: { type: "ratio", label: L("q") } }, better: "higher" },
  { id: "w", type: "object", fields: { "a.b": { type: "integer", min: 0, max: 9, label: L("a.b") }, c: { type: "integer", min: 0, max: 9, label: L("c") } }, better: "higher" },
  { id: "v", type: "object", fields: { x: { type: "boolean", label: L("x") }, y: { type: "boolean", label: L("y") } }, better: "higher" },
  // derived facts: every operation of the formula language
  { id: "dn", type: "number", better: "higher", formula: { op: "+", args: [{ fact: "n" }, { op: "*", args: [{ fact: "m" }, 2] }] } },
  { id: "dr", type: "ratio", better: "higher", formula: { op: "clamp", args: [{ op: "/", args: [{ fact: "n" }, 60] }, 0, 1] } },
  { id: "dq", type: "number", better: "higher", formula: { op: "round", args: [{ op: "-", args: [{ op: "max", args: [{ fact: "m" }, { fact: "o", path: "$.p" }] }, { op: "min", args: [{ fact: "r" }, 0.5] }] }], places: 1, mode: "half-even" } },
  { id: "ds", type: "integer", better: "higher", formula: { op: "+", args: [{ op: "count", of: { fact: "s" } }, { op: "count", of: { fact: "v" } }, { op: "count", args: [{ fact: "b" }, { op: "not", args: [{ fact: "k" }] }] }] } },
  { id: "dw", type: "integer", better: "higher", formula: { op: "coalesce", args: [{ op: "sum", of: { fact: "w" } }, { fact: "w", path: "$['c']" }, 0] } },
  { id: "db", type: "boolean", better: "higher", formula: { op: "if", args: [{ op: "=", args: [{ fact: "e" }, "a"] }, { op: "and", args: [{ op: ">=", args: [{ fact: "n" }, 10] }, { fact: "b" }] }, { op: "or", args: [{ op: "<", args: [{ fact: "m" }, 5] }, { op: "!=", args: [{ fact: "k" }, true] }] }] } },
  { id: "dd", type: "number", better: "higher", formula: { op: "sum", args: [{ fact: "dn" }, { op: "-", args: [{ fact: "dw" }] }, { op: "if", args: [{ op: "<=", args: [{ fact: "dq" }, 3] }, 1, 2.5] }] } },
].map((f) => ({ ...f, label: L(f.id), evidence: L(`hồ sơ ${f.id}`), groups: [G] }));

const pts = fc.integer({ min: 0, max: 2000 }).map((n) => n / 100);
const leafArb = fc.oneof(
  fc.record({ fact: fc.constant("n"), operator: fc.constantFrom("greaterThanInclusive", "lessThan", "equal", "notEqual"), value: fc.integer({ min: 0, max: 60 }), basis: fc.constant("policy-default") }),
  fc.record({ fact: fc.constant("m"), operator: fc.constantFrom("greaterThan", "lessThanInclusive"), value: fc.integer({ min: 0, max: 4000 }).map((x) => x / 100), basis: fc.constant("policy-default") }),
  // (not "r lessThan 0": an award on it could never be reached, which the loader refuses)
  fc.record({ fact: fc.constant("r"), operator: fc.constantFrom("greaterThanInclusive", "lessThan"), value: fc.constantFrom(0.3, 0.5, 0.7, 0.9, 1), basis: fc.constant("law"), ref: fc.constant({ source: "quy-che", section: "Điều 1" }) }),
  fc.record({ fact: fc.constantFrom("b", "k"), operator: fc.constantFrom("equal", "notEqual"), value: fc.boolean() }),
  fc.record({ fact: fc.constant("e"), operator: fc.constantFrom("in", "notIn"), value: fc.subarray(["a", "b", "c"], { minLength: 1 }), basis: fc.constant("policy-default") }),
  fc.record({ fact: fc.constant("s"), operator: fc.constantFrom("contains", "doesNotContain"), value: fc.constantFrom("x", "y", "z"), basis: fc.constant("policy-default") }),
  fc.record({ fact: fc.constant("o"), path: fc.constant("$.p"), operator: fc.constantFrom("greaterThan", "lessThanInclusive"), value: fc.integer({ min: 0, max: 20 }), basis: fc.constant("policy-default") }),
  fc.record({ fact: fc.constant("o"), path: fc.constant("$.q"), operator: fc.constantFrom("greaterThanInclusive"), value: fc.constantFrom(0.2, 0.6), basis: fc.constant("policy-default") }),
  // derived facts, fact-to-fact comparisons, wildcards and quoted keys, a committee's regulation, dated thresholds
  fc.record({ fact: fc.constantFrom("dn", "dd", "dq"), operator: fc.constantFrom("greaterThanInclusive", "lessThan"), value: fc.integer({ min: 0, max: 120 }), basis: fc.constant("regulation"), ref: fc.constant({ source: "quy-che-to", section: "Điều 2" }) }),
  fc.record({ fact: fc.constant("dr"), operator: fc.constantFrom("greaterThanInclusive"), value: fc.constantFrom(0.25, 0.5), basis: fc.constant("policy-default"), dated: fc.constant([{ validFrom: "2025-07-01", value: 0.75 }]) }),
  fc.record({ fact: fc.constantFrom("db"), operator: fc.constant("equal"), value: fc.boolean() }),
  fc.record({ fact: fc.constantFrom("ds", "dw"), operator: fc.constantFrom("greaterThan", "lessThanInclusive"), value: fc.integer({ min: 0, max: 8 }), basis: fc.constant("policy-default") }),
  fc.record({ fact: fc.constantFrom("n", "dn"), operator: fc.constantFrom("greaterThanInclusive", "lessThan", "equal"), value: fc.constantFrom({ fact: "m" }, { fact: "o", path: "$.p" }, { fact: "dd" }, { fact: "w", path: "$['a.b']" }) }),
  fc.record({ fact: fc.constant("o"), path: fc.constant("$[*]"), operator: fc.constantFrom("contains", "doesNotContain"), value: fc.integer({ min: 0, max: 3 }), basis: fc.constant("policy-default") }),
  fc.record({ fact: fc.constant("v"), path: fc.constantFrom("$[*]", "$.*"), operator: fc.constantFrom("contains", "doesNotContain"), value: fc.boolean() }),
  fc.record({ fact: fc.constant("w"), path: fc.constant("$['a.b']"), operator: fc.constantFrom("greaterThan", "lessThanInclusive"), value: fc.integer({ min: 0, max: 9 }), basis: fc.constant("policy-default") }),
  fc.record({ fact: fc.constant("s"), path: fc.constant("$[*]"), operator: fc.constantFrom("contains", "doesNotContain"), value: fc.constantFrom("x", "y") }),
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
    c7: fc.record({ maxPoints: pts, rate: fc.integer({ min: 1, max: 300 }).map((n) => n / 100), blank: fc.constantFrom("cap", "zero", "unknown", undefined), conditions: condArb, tierBlank: fc.constantFrom("cap", "zero", undefined) }),
    cap: fc.option(pts, { nil: undefined }),
    blank: fc.record({ b1: fc.constantFrom("cap", "zero", "unknown", undefined), d1: fc.constantFrom("cap", "zero", "unknown", undefined), d2: fc.constantFrom("cap", "zero", undefined), c1: fc.constantFrom("cap", "zero", undefined), c5: fc.constantFrom("zero", undefined) }),
  })
  .map((g) => {
    // the top tier's label names its threshold (a placeholder), its points change in July
    const tiers = [g.c2.a, g.c2.b, 0].map((p, i) => ({ points: Math.min(p, g.c2.maxPoints), conditions: [g.c2.c1, g.c2.c2, g.c2.c3][i], ...(i === 0 && { label: L("mức {points} điểm"), dated: [{ validFrom: "2025-07-01", points: Math.min(g.c2.b, g.c2.maxPoints) }] }) }));
    const bonusCap = g.c4.bonus;
    const blank = (x: string | undefined) => (x === undefined ? {} : { unknownAs: x });
    return {
      group: G,
      title: L("tiêu chí"),
      criteria: [
        criterion("t.1", { maxPoints: g.c1.maxPoints, conditions: g.c1.conditions, ...blank(g.blank.c1) }),
        criterion("t.2", { maxPoints: g.c2.maxPoints, tiers }),
        criterion("t.3", { maxPoints: g.c3.maxPoints, perUnit: { fact: g.c3.onPath ? "o" : "n", ...(g.c3.onPath && { path: "$.p" }), pointsPerUnit: g.c3.rate, ...(g.c3.cap !== undefined && g.c3.cap <= g.c3.maxPoints && { cap: g.c3.cap }), basis: "policy-default" } }),
        criterion("t.4", {
          maxPoints: g.c4.maxPoints,
          conditions: g.c4.conditions,
          bonus: [
            { id: "b1", title: L("thưởng"), conditions: g.c4.bonusCond, points: bonusCap, cap: bonusCap, basis: "policy-default", ...blank(g.blank.b1) },
            { id: "b2", title: L("thưởng theo số"), perUnit: { fact: "m", pointsPerUnit: g.c4.bonusRate, basis: "policy-default" }, cap: bonusCap, basis: "policy-default" },
          ],
          deductions: [
            { id: "d1", title: L("trừ"), conditions: g.c4.dedCond, points: g.c4.ded, cap: g.c4.ded, basis: "policy-default", ...blank(g.blank.d1) },
            { id: "d2", title: L("trừ theo số"), perUnit: { fact: "o", path: "$.p", pointsPerUnit: g.c4.dedRate, basis: "policy-default", dated: [{ validTo: "2025-06-30", pointsPerUnit: 1 }] }, cap: g.c4.ded, basis: "policy-default", ...blank(g.blank.d2) },
          ],
          ...(g.c4.floor !== undefined && { floor: g.c4.floor }),
        }),
        criterion("t.5", { maxPoints: 0, conditions: g.c5.conditions, knockout: true, knockoutReason: L("vi phạm"), ...blank(g.blank.c5) }),
        criterion("t.6", { maxPoints: g.c6.maxPoints, appliesWhen: g.c6.appliesWhen, conditions: g.c6.conditions, effectiveFrom: g.c6.from, ...(g.c6.to !== undefined && g.c6.to >= g.c6.from && { effectiveTo: g.c6.to }) }),
        // per-unit points on a derived fact; a bonus that counts in full or not at all when blank; tiers on a derived ratio
        criterion("t.7", {
          maxPoints: g.c7.maxPoints,
          perUnit: { fact: "dd", pointsPerUnit: g.c7.rate, basis: "regulation", ref: { source: "quy-che-to", section: "Điều 3" } },
          ...blank(g.c7.blank),
          bonus: [{ id: "b3", title: L("thưởng khi đạt"), conditions: g.c7.conditions, points: 1, cap: 1, basis: "policy-default", ...blank(g.c7.blank) }],
        }),
        criterion("t.8", {
          maxPoints: 3,
          tiers: [
            { points: 3, conditions: { fact: "dr", operator: "greaterThanInclusive", value: 0.5, id: "dr.top", basis: "policy-default" }, label: L("từ {dr.top}") },
            { points: 1, conditions: { fact: "dw", operator: "greaterThan", value: { fact: "ds" } } },
          ],
          ...blank(g.c7.tierBlank),
        }),
      ],
      ...(g.cap !== undefined && { groupCaps: [{ id: "cap.1", title: L("trần"), criteria: ["t.1", "t.2"], maxPoints: g.cap, basis: "policy-default" }] }),
    };
  });

/** Classes by percent or by points (one of them dated), and now and then the unscored class. */
const classesArb = fc.record({ top: fc.integer({ min: 50, max: 100 }), mid: fc.integer({ min: 0, max: 50 }), req: pts, byPoints: fc.boolean(), midPoints: fc.integer({ min: 0, max: 4000 }).map((n) => n / 100), unscored: fc.boolean() }).map((k) => ({
  citation: cite,
  classes: [
    { id: "tot", title: L("Tốt"), rank: 3, minPercent: k.top, noKnockout: true, requires: [{ criterion: "t.1", minPoints: k.req }], basis: "policy-default", dated: [{ validTo: "2025-06-30", minPercent: Math.max(0, k.top - 20) }] },
    k.byPoints
      ? { id: "kha", title: L("Khá (từ {minPoints} điểm)"), rank: 2, minPoints: k.midPoints, noKnockout: true, basis: "regulation", ref: { source: "quy-che-to" }, dated: [{ validFrom: "2025-07-01", minPoints: k.midPoints + 1 }] }
      : { id: "kha", title: L("Khá"), rank: 2, minPercent: k.mid, noKnockout: true, basis: "policy-default" },
    { id: "dat", title: L("Đạt"), rank: 1, minPercent: 0, basis: "policy-default" },
    ...(k.unscored ? [{ id: "chua-cham", title: L("Chưa chấm"), rank: 0, unscored: true, basis: "policy-default" }] : []),
  ],
}));

/** Award conditions read thresholds as they are (a dated threshold belongs to a criterion or class): without `dated`. */
const undated = (c: unknown): unknown => JSON.parse(JSON.stringify(c, (k, v) => (k === "dated" ? undefined : v)));
const award = (id: string, precedence: number, extra: Record<string, unknown>) => ({ id, kind: "title", recipient: "collective", groups: [G], level: "grassroots", title: L(id), grantor: L("Giám đốc"), precedence, citation: cite, basis: "policy-default", ...extra });
const awardsArb = fc.record({ share: fc.constantFrom("0.2", "0.5", "1"), runShare: fc.constantFrom("0.1", "0.3"), cond: condArb, pct: fc.integer({ min: 0, max: 100 }), times: fc.integer({ min: 1, max: 3 }), reuse: fc.constantFrom("consumed", "allowed"), linked: fc.boolean(), quotaOn: fc.boolean(), defer: condArb }).map((a) => ({
  awards: [
    award("award.a", 10, { exclusiveGroup: "x", eligibility: { minClass: "kha", noKnockout: true }, codes: { "he-thong-khac": "A-01" } }),
    award("award.b", 20, { exclusiveGroup: "x", eligibility: { minClass: "tot", conditions: undated(a.cond), noKnockout: true }, quota: { share: a.share, of: "cohort", rounding: "floor", basis: "policy-default" } }),
    award("award.c", 30, { exclusiveGroup: "x", requiresThisYear: ["award.b"], eligibility: { minPercent: a.pct, criteria: ["t.1"], noKnockout: true }, history: [{ kind: "consecutive", awards: ["award.b", "award.c"], times: a.times, includeCurrentYear: true, reuse: a.reuse, ...(a.linked && { linkedBy: ["award.a"] }), basis: "policy-default" }] }),
    award("award.d", 40, { kind: "commendation", eligibility: { minPercent: a.pct, noKnockout: false }, history: [{ kind: "prior", awards: ["award.a"], withinYears: 3, basis: "policy-default" }, { kind: "never", awards: ["award.d"], basis: "policy-default" }], quota: { share: a.runShare, of: "cohort", rounding: "ceil", scope: "run", enabled: a.quotaOn, basis: "policy-default" } }),
  ],
  deferrals: [{ id: "deferral.t", title: L("đang xem xét"), groups: [G], when: undated(a.defer), basis: "policy-default" }],
}));

/** The group declared by the set, its ranking chain (fact keys, names in Vietnamese order, shared or ordered ties) and its official assessment. */
const schemeArb = fc
  .record({
    chain: fc.shuffledSubarray(
      [
        { key: "score" },
        { key: "selfScore" },
        { key: "fact", fact: "dd", better: "higher" },
        { key: "fact", fact: "o", path: "$.p", better: "lower" },
        { key: "potentialScore" },
        { key: "notKnockedOut" },
        { key: "name", collation: "vi" },
        { key: "fewerUnknown" },
      ],
      { minLength: 1 },
    ),
    ties: fc.constantFrom("shared", "ordered", undefined),
    official: fc.constantFrom("lastReviewer", "council", "self"),
  })
  .map((k) => ({
    groups: [{ id: G, title: L("Tổ dân phố") }],
    ranking: { tieBreaks: k.chain, ...(k.ties && { ties: k.ties }), basis: "regulation", ref: { source: "quy-che-to", section: "Điều 5" } },
    assessments: { official: k.official, basis: "policy-default" },
  }));

function files(parts: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, json] of Object.entries(parts)) out[path] = JSON.stringify(json);
  const kinds: Record<string, string> = { "facts.json": "facts", "criteria/enterprise.json": "criteria", "classes.json": "classes", "awards.json": "awards", "scheme.json": "scheme" };
  out["manifest.json"] = JSON.stringify({
    formatVersion: 1,
    id: "thu-nghiem",
    version: "1.0.0",
    title: L("Bộ thử nghiệm"),
    effectiveFrom: "2025-01-01",
    pointScale: 2,
    rounding: "half-up",
    sources: [
      { id: "quy-che", title: L("Quy chế thi đua"), issuer: L("Cơ quan"), kind: "decision", provisions: [{ section: "Điều 1", status: "confirmed", quotes: ["tỷ lệ"] }] },
      { id: "quy-che-to", title: L("Quy chế chấm điểm tổ dân phố"), issuer: L("Ban Công tác Mặt trận"), kind: "regulation" },
    ],
    files: Object.keys(parts).map((path) => ({ path, kind: kinds[path], sha256: sha256Hex(out[path]!) })),
  });
  return out;
}

/** A generated rule set (loaded, linted) using every scoring style and award check kind. */
export const generatedRuleSetArb: fc.Arbitrary<RuleSet> = fc.tuple(criteriaArb, classesArb, awardsArb, schemeArb).map(([criteria, classes, awards, scheme]) => {
  const r = loadRuleSetFromFiles(files({ "facts.json": { facts: FACTS }, "criteria/enterprise.json": criteria, "classes.json": classes, "awards.json": awards, "scheme.json": scheme }));
  if (!r.ok) throw new Error(JSON.stringify(r.issues.filter((i) => i.severity !== "warning").slice(0, 3)));
  return r.value;
});

const factsArb = fc.record(
  {
    n: fc.integer({ min: 0, max: 60 }),
    m: fc.integer({ min: 0, max: 4000 }).map((x) => x / 100),
    r: fc.constantFrom(0, 0.3, 0.5, 0.7, 0.9, 1),
    b: fc.boolean(),
    k: fc.boolean(),
    e: fc.constantFrom("a", "b", "c"),
    s: fc.subarray(["x", "y", "z"]),
    o: fc.record({ p: fc.integer({ min: 0, max: 20 }), q: fc.constantFrom(0.2, 0.6) }, { requiredKeys: [] }),
    w: fc.record({ "a.b": fc.integer({ min: 0, max: 9 }), c: fc.integer({ min: 0, max: 9 }) }, { requiredKeys: [] }),
    v: fc.record({ x: fc.boolean(), y: fc.boolean() }, { requiredKeys: [] }),
  },
  { requiredKeys: [] },
);
/** Reviewers' and the council's changes of a few facts, each with its reason. */
const changesArb = fc.array(
  fc.record({
    role: fc.constantFrom("reviewer", "council"),
    changes: fc.uniqueArray(fc.oneof(fc.record({ fact: fc.constant("n"), value: fc.integer({ min: 0, max: 60 }) }), fc.record({ fact: fc.constant("b"), value: fc.boolean() }), fc.record({ fact: fc.constant("m"), value: fc.constantFrom(null, 1.5, 30) })), { minLength: 1, maxLength: 2, selector: (c) => c.fact }),
  }),
  { minLength: 1, maxLength: 3 },
);
/** Names with Vietnamese letters (Đ after D in Vietnamese order, after Z in code points), some shared. */
const NAMES = ["Đồng Xoài", "Phước Bình", "Bình Long", "Dầu Tiếng", "An Lộc", "Ấp Bắc", "Đồng Xoài"];

/** Profiles of the generated rule sets' group, some facts missing (now and then none), some history, some with assessments. */
export const generatedCohortArb = fc.array(
  fc.record({
    // now and then an empty sheet (the unscored class)
    facts: fc.oneof({ arbitrary: factsArb, weight: 7 }, { arbitrary: fc.constant({}), weight: 1 }),
    history: fc.option(fc.array(fc.subarray(["award.a", "award.b", "award.c", "award.d"]), { maxLength: 4 }).map((ys) => ys.map((awards, i) => ({ year: 2024 - i, awards }))), { nil: undefined }),
    cohort: fc.constantFrom("cum-1", "cum-2"),
    name: fc.constantFrom(...NAMES),
    reviews: fc.option(changesArb, { nil: undefined }),
    twin: fc.boolean(),
  }),
  { minLength: 1, maxLength: 12 },
).map((list) =>
  // a twin repeats the unit before it under another id and name: ties that only the name or id can break
  list.map((x, i) => (x.twin && i > 0 ? { ...list[i - 1]!, name: x.name } : x)).map((u, i): ProfileInput<string> => {
    const base = { id: `u${i}`, name: u.name, group: G, cohort: u.cohort, year: 2025, ...(u.history && { history: u.history }) };
    if (!u.reviews) return { ...base, facts: u.facts };
    const reviews = u.reviews.map((r, j) => ({ role: r.role, by: `Người thẩm định ${j + 1}`, date: `2025-12-1${j}`, changes: r.changes.map((c) => ({ ...c, reason: "đối chiếu biên bản" })) }));
    return { ...base, assessments: [{ role: "self", by: u.name, date: "2025-12-01", facts: u.facts }, ...reviews] };
  }),
);
