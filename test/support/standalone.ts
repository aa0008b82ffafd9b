import { loadRuleSetFromFiles, type Issue, type RuleSet } from "thidua";
import { sha256Hex } from "../../src/rules/index.js";

/** Text in both languages (tests need only the Vietnamese reference wording). */
export const L = (vi: string, en = vi) => ({ vi, en });

const KINDS: Record<string, string> = { "facts.json": "facts", "classes.json": "classes", "awards.json": "awards", "scheme.json": "scheme", "overrides.json": "overrides" };

/**
 * The files of a standalone rule set built in memory (a maintainer's JSON, hashed into the
 * manifest): `parts` maps a path (`facts.json`, `criteria/<group>.json`, …) to its JSON.
 */
export function standaloneFiles(parts: Record<string, unknown>, manifest: Record<string, unknown> = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, json] of Object.entries(parts)) out[path] = JSON.stringify(json);
  out["manifest.json"] = JSON.stringify({
    formatVersion: 1,
    id: "thu-nghiem",
    version: "1.0.0",
    title: L("Bộ tiêu chí thử nghiệm", "Test rule set"),
    effectiveFrom: "2025-01-01",
    pointScale: 2,
    rounding: "half-up",
    sources: [{ id: "quy-che", title: L("Quy chế thi đua dùng cho kiểm thử", "Emulation regulation used for testing"), issuer: L("Cơ quan thử nghiệm", "Test body"), kind: "regulation" }],
    files: Object.keys(parts).map((path) => ({ path, kind: KINDS[path] ?? "criteria", sha256: sha256Hex(out[path]!) })),
    ...manifest,
  });
  return out;
}

/** Loads a standalone rule set built in memory; throws with the issues if it does not load. */
export function standalone(parts: Record<string, unknown>, manifest?: Record<string, unknown>): RuleSet {
  const r = loadRuleSetFromFiles(standaloneFiles(parts, manifest));
  if (!r.ok) throw new Error(JSON.stringify(r.issues, null, 1));
  return r.value;
}

/** The issues (errors first) loading a standalone rule set gives, as `code path` strings. */
export function loadIssues(parts: Record<string, unknown>, manifest?: Record<string, unknown>): string[] {
  const r = loadRuleSetFromFiles(standaloneFiles(parts, manifest));
  const issues: readonly Issue[] = r.ok ? (r.warnings ?? []) : r.issues;
  return issues.map((i) => `${i.code} ${i.path.join("/")}`);
}

/** A fact of the test group `ward` (a group the test sets declare). */
export const fact = (id: string, type: string, extra: Record<string, unknown> = {}) => ({ id, type, label: L(extra["vi"] as string ?? id), better: "higher", evidence: L(`Biên bản ${id}`), groups: ["ward"], ...Object.fromEntries(Object.entries(extra).filter(([k]) => k !== "vi")) });
export const WARD = { groups: [{ id: "ward", title: L("Phường, xã", "Ward or commune") }] };
export const criterion = (id: string, extra: Record<string, unknown>) => ({ id, group: "ward", title: L(`Tiêu chí ${id}`), citation: { source: "quy-che" }, basis: "regulation", evidence: [L("Biên bản")], ...extra });
export const criteriaFile = (criteria: unknown[]) => ({ group: "ward", title: L("Tiêu chí phường, xã"), criteria });
