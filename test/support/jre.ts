import { Engine } from "json-rules-engine";

type Cond = Record<string, unknown>;
const rootable = (c: Cond) => ("all" in c || "any" in c || "not" in c ? c : { all: [c] });

/** Reference: json-rules-engine, one engine reused for many condition trees, each run awaited. */
export function referenceEngine(trees: readonly { id: string; cond: unknown }[]) {
  const engine = new Engine([], { allowUndefinedFacts: true });
  for (const t of trees) engine.addRule({ name: t.id, conditions: rootable(t.cond as Cond) as never, event: { type: t.id } });
  return async (facts: Record<string, unknown>): Promise<Map<string, boolean>> => {
    const r = await engine.run(facts);
    const out = new Map<string, boolean>();
    for (const x of r.results) out.set(String(x.name), true);
    for (const x of r.failureResults) out.set(String(x.name), false);
    return out;
  };
}
