import { describe, expect, it } from "vitest";
import { loadRuleSet } from "../node/index.js";
import { createProfileValidator, type ValidProfile } from "../profiles/index.js";
import { compileVerdicts } from "./compiled.js";

describe("compiled verdicts", () => {
  const rs = loadRuleSet("vn-2447-2025");
  if (!rs.ok) throw new Error("rule set");
  const validator = createProfileValidator(rs.value);
  const unit = (id: string, facts: Record<string, unknown> = {}): ValidProfile => {
    const r = validator.validate({ id, name: id, group: "ministry", cohort: "c", year: 2025, facts });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    return r.value;
  };

  it("share one frozen verdict between units whose criterion comes out the same, whatever its scoring style and adjustments", () => {
    const verdictsOf = compileVerdicts(rs.value);
    const [a, b] = [verdictsOf(unit("a"), "2025-12-31"), verdictsOf(unit("b"), "2025-12-31")];
    const kinds = new Set<string>();
    a.rules.criteria.forEach((c, i) => {
      if (c.appliesWhen) return; // unknown whether it applies: combined afresh
      const [x, y] = [a.verdicts[i]!, b.verdicts[i]!];
      expect(y).toEqual(x);
      kinds.add(c.bonus || c.deductions ? "adjusted" : c.perUnit ? "perUnit" : c.conditions ? "conditions" : "tiers");
      expect([y === x, Object.isFrozen(x)], c.id).toEqual([true, true]);
    });
    expect([...kinds].sort()).toEqual(["adjusted", "conditions", "perUnit", "tiers"]);
  });

  it("a per-unit criterion shares a verdict between counts worth the same points, and only those", () => {
    // ministry.5: 2 points a model, at most 10
    const verdictsOf = compileVerdicts(rs.value);
    const i = verdictsOf(unit("a"), "2025-12-31").rules.criteria.findIndex((c) => c.id === "ministry.5");
    const of = (n: number) => verdictsOf(unit(`u${n}`, { "models.effectiveCount": n }), "2025-12-31").verdicts[i]!;
    expect([of(6) === of(5), of(9) === of(7), of(4) === of(3), of(3) === of(2)]).toEqual([true, true, false, false]);
    expect([of(5).points, of(6).points, of(3).points, of(2).points]).toEqual([1000, 1000, 600, 400]);
  });

  it("an adjusted criterion shares a verdict between units with the same base verdict and adjustments' values, and only those", () => {
    // ministry.1: tiers on the plan and the annual review, 0.5 points off a day late, at most 3
    const verdictsOf = compileVerdicts(rs.value);
    const i = verdictsOf(unit("a"), "2025-12-31").rules.criteria.findIndex((c) => c.id === "ministry.1");
    const of = (late: number) => verdictsOf(unit(`late${late}`, { "plan.issuedOnTime": true, "review.annualConducted": true, "report.lateDays": late }), "2025-12-31").verdicts[i]!;
    expect([of(2) === of(2), of(7) === of(6), of(2) === of(3)]).toEqual([true, true, false]);
    expect([of(2).deduction, of(3).deduction, of(6).deduction]).toEqual([100, 150, 300]);
  });
});
