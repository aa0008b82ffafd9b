/**
 * Compiled evaluation vs json-rules-engine, measured side by side in one process on the same
 * generated profiles, with an agreement check. Prints profiles/second and the ratio.
 */
import { Engine as JreEngine } from "json-rules-engine";
import { createEngine, GROUPS, type Condition, type Group, type RuleSet } from "../src/index.js";
import { compileCondition } from "../src/conditions/index.js";
import { createProfileValidator } from "../src/profiles/index.js";
import { compileVerdicts } from "../src/scoring/index.js";
import { generateProfiles } from "./generate.js";

const now = () => performance.now();

function trees(rs: RuleSet, group: Group) {
  const out: { id: string; cond: Condition }[] = [];
  for (const c of rs.criteria.filter((x) => x.group === group)) {
    if (c.appliesWhen) out.push({ id: `${c.id}/a`, cond: c.appliesWhen });
    if (c.conditions) out.push({ id: `${c.id}/c`, cond: c.conditions });
    c.tiers?.forEach((t, i) => out.push({ id: `${c.id}/t${i}`, cond: t.conditions }));
    for (const a of [...(c.bonus ?? []), ...(c.deductions ?? [])]) if (a.conditions) out.push({ id: `${c.id}/${a.id}`, cond: a.conditions });
  }
  return out;
}

const count = (c: Condition): number => ("all" in c ? c.all.reduce((s, x) => s + count(x), 0) : "any" in c ? c.any.reduce((s, x) => s + count(x), 0) : "not" in c ? count(c.not) : 1);

export async function benchEvaluation(rs: RuleSet, groups: readonly Group[] = GROUPS, nThidua = 200_000, nJre = 4_000) {
  const rows: string[] = [];
  const verdictsOf = compileVerdicts(rs);
  const validator = createProfileValidator(rs);
  const engine = createEngine(rs);
  for (const group of groups) {
    const t = trees(rs, group);
    const leaves = t.reduce((s, x) => s + count(x.cond), 0);
    const profiles = generateProfiles(rs, group, nThidua);
    // json-rules-engine, as its users run it: one engine reused, each run awaited.
    const jre = new JreEngine([], { allowUndefinedFacts: true });
    for (const x of t) jre.addRule({ name: x.id, conditions: ("fact" in x.cond ? { all: [x.cond] } : x.cond) as never, event: { type: x.id } });
    const sample = profiles.slice(0, nJre);
    let t0 = now();
    const jreOut: Map<string, boolean>[] = [];
    for (const p of sample) {
      const r = await jre.run(p.facts);
      const m = new Map<string, boolean>();
      for (const x of r.results) m.set(String(x.name), true);
      for (const x of r.failureResults) m.set(String(x.name), false);
      jreOut.push(m);
    }
    const jreRate = sample.length / ((now() - t0) / 1000);
    // agreement on the sample, where every fact of a tree is present
    const fns = t.map((x) => compileCondition(x.cond));
    let checked = 0;
    let disagree = 0;
    sample.forEach((p, i) => t.forEach((x, j) => {
      const v = fns[j]!(p.facts);
      if (v === "unknown") return;
      checked++;
      if (v !== jreOut[i]!.get(x.id)) disagree++;
    }));
    // thidua fast path: validated dense rows → every criterion's verdict (integers, no strings)
    const valid = profiles.map((p) => validator.validate(p)).flatMap((r) => (r.ok ? [r.value] : []));
    for (let w = 0; w < 2; w++) for (const p of valid.slice(0, 20_000)) verdictsOf(p, "2025-12-31");
    t0 = now();
    let sink = 0;
    for (const p of valid) for (const v of verdictsOf(p, "2025-12-31").verdicts) sink += v.points;
    const fastRate = valid.length / ((now() - t0) / 1000);
    t0 = now();
    const evalN = Math.min(valid.length, 50_000);
    for (let i = 0; i < evalN; i++) sink += engine.score(profiles[i], { trace: false, asOf: "2025-12-31" }).criteria.length;
    const fullRate = evalN / ((now() - t0) / 1000);
    rows.push(
      `| ${group} | ${t.length} trees / ${leaves} leaves | ${fmt(jreRate)} | ${fmt(fastRate)} | ${fmt(fullRate)} | ${Math.round(fastRate / jreRate)}× | ${Math.round(fullRate / jreRate)}× | ${checked.toLocaleString("en")} / ${disagree} |${sink < 0 ? "" : ""}`,
    );
  }
  return [
    "| group | rule set | json-rules-engine (profiles/s) | thidua compiled verdicts (profiles/s) | thidua evaluate() incl. validation (profiles/s) | ratio compiled | ratio evaluate | conditions checked / disagreements |",
    "|---|---|---:|---:|---:|---:|---:|---:|",
    ...rows,
  ].join("\n");
}

const fmt = (n: number) => Math.round(n).toLocaleString("en");
