import { isIsoDate, type Fact, type Group, type RuleSet } from "../rules/index.js";
import { MAX_MAGNITUDE } from "./schema.js";
import { FactEntries } from "./snapshot.js";
import { PROFILE_LIMITS as L } from "./types.js";

/**
 * The fast path of profile validation (zod's compiled fast path, STYLE §1): a hand-compiled check
 * built from the fact catalog that answers only "valid or not". A profile it accepts is exactly one
 * the zod schema accepts (a property test asserts both agree); when it says no, the zod schema runs
 * to produce the detailed issues.
 */
type Check = (v: unknown) => boolean;
const has = Object.prototype.hasOwnProperty;
/** Like Array#every, but a hole in a sparse array fails (zod rejects it; `every` would skip it). */
function everyIndex(a: readonly unknown[], ok: (x: unknown) => boolean): boolean {
  for (let i = 0; i < a.length; i++) if (!(i in a) || !ok(a[i])) return false;
  return true;
}
const isPlain = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

function scalarCheck(spec: { type: string; values?: readonly string[] | undefined; min?: number | undefined; max?: number | undefined }): Check {
  switch (spec.type) {
    case "boolean":
      return (v) => typeof v === "boolean";
    case "integer":
    case "number":
    case "ratio": {
      const int = spec.type === "integer";
      const min = spec.type === "ratio" ? Math.max(spec.min ?? 0, 0) : (spec.min ?? -Infinity);
      const max = spec.type === "ratio" ? Math.min(spec.max ?? 1, 1) : (spec.max ?? MAX_MAGNITUDE);
      return (v) => typeof v === "number" && Number.isFinite(v) && (!int || Number.isSafeInteger(v)) && v >= min && v <= max;
    }
    case "date":
      return (v) => typeof v === "string" && isIsoDate(v);
    case "enum": {
      const values = new Set(spec.values ?? []);
      return (v) => typeof v === "string" && values.has(v);
    }
    default:
      return () => false;
  }
}

function factCheck(f: Fact): Check {
  if (f.type === "set") {
    const values = new Set(f.values ?? []);
    return (v) => Array.isArray(v) && v.length <= values.size && everyIndex(v, (x) => typeof x === "string" && values.has(x)) && new Set(v).size === v.length;
  }
  if (f.type === "object") {
    const fields = new Map(Object.entries(f.fields ?? {}).map(([k, spec]) => [k, scalarCheck(spec)]));
    return (v) => {
      if (!isPlain(v)) return false;
      for (const k in v) {
        if (!has.call(v, k)) continue;
        const c = fields.get(k);
        const x = v[k];
        if (!c || (x !== null && x !== undefined && !c(x))) return false;
      }
      return true;
    };
  }
  return scalarCheck(f);
}

const TOP = new Set(["id", "name", "group", "cohort", "year", "facts", "history", "initiatives"]);
const ENTRY = new Set(["year", "awards", "thematic", "sudden", "initiatives"]);
const awardList = (v: unknown) => Array.isArray(v) && v.length <= L.awardsPerYear && everyIndex(v, (a) => typeof a === "string" && a.length <= L.idLength);
const ids = (v: unknown) => Array.isArray(v) && v.length <= L.initiatives && everyIndex(v, (x) => str(x, L.idLength));
const str = (v: unknown, max: number) => typeof v === "string" && v.length >= 1 && v.length <= max;
const year = (v: unknown) => typeof v === "number" && Number.isInteger(v) && v >= L.minYear && v <= L.maxYear;

/** Builds the fast check for every group of a rule set: it reads a profile as snapshotted (its facts as entries, see `snapshotProfile`). */
export function buildFastCheck(rs: RuleSet): (v: unknown) => boolean {
  const byGroup = new Map<Group, Map<string, Check>>();
  for (const { id: g } of rs.groups) byGroup.set(g, new Map(rs.facts.filter((f) => f.groups.includes(g) && f.formula === undefined).map((f) => [f.id, factCheck(f)])));
  return (v) => {
    if (!isPlain(v)) return false;
    for (const k in v) if (has.call(v, k) && !TOP.has(k)) return false;
    if (!str(v["id"], L.idLength) || !str(v["name"], L.nameLength) || !year(v["year"])) return false;
    if (v["cohort"] !== undefined && !str(v["cohort"], L.cohortLength)) return false;
    const checks = byGroup.get(v["group"] as Group);
    const facts = v["facts"];
    if (!checks || !(facts instanceof FactEntries)) return false;
    for (let i = 0; i < facts.keys.length; i++) {
      const c = checks.get(facts.keys[i]!);
      const x = facts.values[i];
      if (!c || (x !== null && x !== undefined && !c(x))) return false;
    }
    if (v["initiatives"] !== undefined && !ids(v["initiatives"])) return false;
    const h = v["history"];
    if (h === undefined) return true;
    if (!Array.isArray(h) || h.length > L.historyEntries) return false;
    for (const e of h) {
      if (!isPlain(e) || !year(e["year"]) || !awardList(e["awards"])) return false;
      for (const k in e) if (has.call(e, k) && !ENTRY.has(k)) return false;
      if (e["initiatives"] !== undefined && !ids(e["initiatives"])) return false;
      if ((e["thematic"] !== undefined && !awardList(e["thematic"])) || (e["sudden"] !== undefined && !awardList(e["sudden"]))) return false;
    }
    return true;
  };
}
