import { describe, expect, it } from "vitest";
import { loadRuleSet } from "../node/index.js";
import { createProfileValidator, type ValidProfile } from "../profiles/index.js";
import { compileVerdicts } from "./compiled.js";

describe("compiled verdicts", () => {
  const rs = loadRuleSet("vn-2447-2025");
  if (!rs.ok) throw new Error("rule set");
  const validator = createProfileValidator(rs.value);
  const unit = (id: string): ValidProfile => {
    const r = validator.validate({ id, name: id, group: "ministry", cohort: "c", year: 2025, facts: {} });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    return r.value;
  };

  it("share one frozen verdict between units whose criterion comes out the same; a per-unit criterion's verdict is made for each unit", () => {
    const verdictsOf = compileVerdicts(rs.value);
    const [a, b] = [verdictsOf(unit("a"), "2025-12-31"), verdictsOf(unit("b"), "2025-12-31")];
    const kinds = new Set<string>();
    a.rules.criteria.forEach((c, i) => {
      if (c.bonus || c.deductions || c.appliesWhen) return;
      const [x, y] = [a.verdicts[i]!, b.verdicts[i]!];
      expect(y).toEqual(x);
      if (c.perUnit) {
        kinds.add("perUnit");
        expect([y === x, Object.isFrozen(x)], c.id).toEqual([false, false]);
      } else {
        kinds.add(c.conditions ? "conditions" : "tiers");
        expect([y === x, Object.isFrozen(x)], c.id).toEqual([true, true]);
      }
    });
    expect([...kinds].sort()).toEqual(["conditions", "perUnit", "tiers"]);
  });
});
