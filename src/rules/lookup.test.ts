import { describe, expect, it } from "vitest";
import type { RuleSet } from "thidua";
import { awardConditionFacts, awardsById, classesById, groupsWithAwards } from "./lookup.js";
import { loadNational } from "../../test/support/rules.js";

describe("lookups by id", () => {
  const rs: RuleSet = loadNational();

  it("find every award and class as a search of the rule set's lists finds it", () => {
    for (const a of rs.awards) expect(awardsById(rs).get(a.id)).toBe(rs.awards.find((x) => x.id === a.id));
    for (const k of rs.classes) expect(classesById(rs).get(k.id)).toBe(rs.classes.find((x) => x.id === k.id));
    expect(awardsById(rs).size).toBe(rs.awards.length);
    expect(awardsById(rs).get("award.none")).toBeUndefined();
  });

  it("keep the first of a repeated id, as the search did (a set loaded without its lints may repeat one)", () => {
    const [first, second] = rs.awards;
    const repeated = { ...rs, awards: [first!, { ...second!, id: first!.id }] } as RuleSet;
    expect(awardsById(repeated).get(first!.id)).toBe(first);
  });

  it("name the groups some award is for, and only those", () => {
    const groups = groupsWithAwards(rs);
    for (const g of rs.groups) expect(groups.has(g.id)).toBe(rs.awards.some((a) => a.groups.includes(g.id)));
    const none = { ...rs, awards: rs.awards.filter((a) => !a.groups.includes("province")) } as RuleSet;
    expect(groupsWithAwards(none).has("province")).toBe(false);
  });

  it("list the facts each award's own conditions read, once each, in catalog order", () => {
    const order = new Map(rs.facts.map((f, i) => [f.id, i]));
    const read = (c: unknown): string[] => (c && typeof c === "object" ? ("fact" in c ? [(c as { fact: string }).fact] : Object.values(c).flatMap(read)) : []);
    for (const a of rs.awards) {
      const facts = awardConditionFacts(rs).get(a)!;
      expect(facts).toEqual([...new Set(read(a.eligibility.conditions))].sort((x, y) => order.get(x)! - order.get(y)!));
    }
    expect(rs.awards.some((a) => awardConditionFacts(rs).get(a)!.length > 1)).toBe(true);
    expect(awardConditionFacts(rs).get(rs.awards.find((a) => !a.eligibility.conditions)!)).toEqual([]);
  });
});
