/**
 * 04 — What would this person need? `engine.whatIf`.
 *
 * Re-runs the recommendation with some facts changed, beside the rest of the cohort (`peers`), and
 * reports how score, rank and award move. `null` removes a fact (it becomes unknown).
 */
import { readFileSync } from "node:fs";
import { createEngine, type ProfileInput, type WhatIfResult } from "thidua";
import { loadRuleSet } from "thidua/node";

const rules = loadRuleSet("vn-2447-2025");
if (!rules.ok) throw new Error(rules.issues.map((i) => i.message).join("\n"));
const engine = createEngine(rules.value);

const cohort: ProfileInput[] = JSON.parse(readFileSync(new URL("../fixtures/cohorts/individuals-2025.json", import.meta.url), "utf8"));
const peers = cohort.filter((p) => p.cohort === "cum-cong-an-xa-1");
const subject = peers.find((p) => p.id === "ca-05")!;

function show(label: string, w: WhatIfResult): void {
  console.log(`\n${label}`);
  for (const [fact, c] of Object.entries(w.changes)) console.log(`  ${fact}: ${String(c.from)} → ${String(c.to)}`);
  for (const [when, r] of [["before", w.before], ["after ", w.after]] as const) {
    console.log(`  ${when}: ${r.score} points, rank ${r.rank}/${r.cohortSize}, ${r.classification ?? "—"}, award ${r.award?.id ?? "—"}`);
  }
  console.log(`  delta: ${w.delta.score} points, ${w.delta.rank} places, award changed: ${w.delta.awardChanged}`);
}

// Two more relatives mobilised (5 points each) and three more mobilisation sessions (2 points each).
show("ca-05 mobilises more", engine.whatIf(subject, { "person.relativesMobilised": 3, "person.mobilisationSessions": 5 }, { peers, asOf: "2025-12-31" }));

// Without the record of the activities led the criterion it feeds becomes unknown: the score is what the evidence proves.
show("ca-05 without the activities led", engine.whatIf(subject, { "person.activitiesLed": null }, { peers, asOf: "2025-12-31" }));
