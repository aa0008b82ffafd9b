import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createEngine, ThiduaError } from "thidua";
import { loadNational } from "../support/rules.js";

const profiles = JSON.parse(readFileSync(new URL("../../fixtures/cohorts/individuals-2025.json", import.meta.url), "utf8"));
const engine = createEngine(loadNational());
const ca05 = profiles.find((p: { id: string }) => p.id === "ca-05");

describe("engine.whatIf", () => {
  it("shows how score, rank and award move when facts change, beside the cohort", () => {
    // ca-05: 30 + 20 + 5 (1 relative) + 4 (2 sessions) + 0 = 59 → with 3 relatives and 5 sessions: 30+20+15+10 = 75
    const w = engine.whatIf(ca05, { "person.relativesMobilised": 3, "person.mobilisationSessions": 5 }, { asOf: "2025-12-31", peers: profiles });
    expect(w.before.score).toBe("59");
    expect(w.after.score).toBe("75");
    expect(w.delta.score).toBe("16");
    expect(w.before.rank).toBe(9);
    expect(w.after.rank).toBe(6); // ties the 75s (ca-06, ca-09, ca-10) and wins the unit-id tie-break
    expect(w.delta.rank).toBe(3);
    expect(w.before.award).toBeNull();
    expect(w.after.award?.id).toBe("award.bang-khen-tinh"); // no 15% quota in the national set: its grassroots title this year and in 2024 make two in a row
    expect(w.delta.awardChanged).toBe(true);
    expect(w.changes).toEqual({ "person.relativesMobilised": { from: 1, to: 3 }, "person.mobilisationSessions": { from: 2, to: 5 } });
  });

  it("removing a fact (null) makes its criterion unknown, and a bad change is refused with the issues", () => {
    const w = engine.whatIf(ca05, { "person.movementActivities": null }, { asOf: "2025-12-31" });
    expect(w.after.scoreResult.criteria.find((c) => c.id === "individual.1")!.status).toBe("unknown");
    expect(() => engine.whatIf(ca05, { "person.relativesMobilised": -2 })).toThrow(ThiduaError);
  });
});

describe("engine.whatIf beside its peers", () => {
  const numeric = ["person.relativesMobilised", "person.mobilisationSessions", "person.movementActivities", "person.activitiesLed"];
  /** The subject's recommendation in a plain `recommend` of it and the peers (what a what-if must equal). */
  const alone = (subject: unknown, peers: readonly unknown[], asOf = "2025-12-31") => {
    const id = (subject as { id: string }).id;
    return engine.recommend([subject, ...peers.filter((p) => (p as { id?: unknown })?.id !== id)], { asOf }).results.find((r) => r.unitId === id);
  };
  it("gives, before and after, the subject's recommendation in a recommend of the cohort with and without the change", () => {
    // peers: the cohort, now and then an invalid row, a unit of another cluster, a duplicate id
    const extraArb = fc.constantFrom<unknown>({ id: "bad", group: "individual" }, { ...profiles[0], id: "ca-xa-2", cohort: "cum-2" }, profiles[1], null);
    fc.assert(
      fc.property(fc.nat(profiles.length - 1), fc.constantFrom(...numeric), fc.nat(8), fc.subarray(profiles), fc.array(extraArb, { maxLength: 3 }), (i, fact, value, cohort, extra) => {
        const subject = profiles[i];
        const peers = [...cohort, ...extra];
        const w = engine.whatIf(subject, { [fact]: value }, { asOf: "2025-12-31", peers });
        expect(w.before).toEqual(alone(subject, peers));
        expect(w.after).toEqual(alone({ ...subject, facts: { ...subject.facts, [fact]: value } }, peers));
      }),
      { numRuns: 60, seed: 5 },
    );
  });

  it("remembers nothing between calls: a peer changed in place, or another date, is read afresh", () => {
    const peers: { id: string; facts: Record<string, unknown> }[] = structuredClone(profiles);
    const change = { "person.relativesMobilised": 3 };
    const changed = { ...ca05, facts: { ...ca05.facts, ...change } };
    const first = engine.whatIf(ca05, change, { asOf: "2025-12-31", peers });
    // a what-if screen's cohort, edited in place between two calls: every peer loses its activities
    for (const p of peers) if (p.id !== ca05.id) p.facts["person.movementActivities"] = 0;
    const second = engine.whatIf(ca05, change, { asOf: "2025-12-31", peers });
    expect(second.before.rank).toBeLessThan(first.before.rank);
    expect([second.before, second.after]).toEqual([alone(ca05, peers), alone(changed, peers)]);
    const third = engine.whatIf(ca05, change, { asOf: "2026-01-15", peers });
    expect([third.before, third.after]).toEqual([alone(ca05, peers, "2026-01-15"), alone(changed, peers, "2026-01-15")]);
  });
});
