import { issue, type Issue } from "../../errors/index.js";
import type { Fact, Group, RuleSet } from "../../rules/index.js";

/** The spec of one field of an object fact. */
export type FieldSpec = NonNullable<Fact["fields"]>[string];
export type MetaKey = "id" | "name" | "group" | "cohort" | "year" | "history";
export type ColumnTarget =
  | { readonly kind: "meta"; readonly key: MetaKey }
  | { readonly kind: "fact"; readonly fact: Fact }
  | { readonly kind: "field"; readonly fact: Fact; readonly field: string; readonly spec: FieldSpec };

export const META_KEYS: readonly MetaKey[] = ["id", "name", "group", "cohort", "year", "history"];
/** Header aliases of the profile's own columns (matched after {@link normKey}). */
const META_ALIASES: Readonly<Record<MetaKey, readonly string[]>> = {
  id: ["id", "mã", "mã đơn vị", "mã cá nhân"],
  name: ["name", "tên", "tên đơn vị", "họ và tên", "họ tên"],
  group: ["group", "nhóm", "nhóm đối tượng"],
  cohort: ["cohort", "cụm", "khối", "cụm thi đua", "khối thi đua", "cụm/khối"],
  year: ["year", "năm"],
  history: ["history", "lịch sử", "lịch sử khen thưởng"],
};

/** Vietnamese names of the subject groups: the template's hints, and accepted in the group column. */
export const GROUP_LABELS: Readonly<Record<Group, string>> = {
  ministry: "Bộ, ban, ngành Trung ương",
  province: "Tỉnh, thành phố trực thuộc Trung ương",
  front: "Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội",
  enterprise: "Cơ quan, tổ chức, doanh nghiệp, cơ sở giáo dục",
  individual: "Cá nhân",
};

const PLAIN_KEY = /^[a-z0-9._\-|/:%+]*$/;

/** Matching key of a header or a label: NFC, trimmed, spaces collapsed, quotes and `›`/`>` unified, lower case. */
export function normKey(s: string): string {
  if (PLAIN_KEY.test(s)) return s; // already a key: lower-case ASCII without spaces or quotes (most cells)
  return s
    .normalize("NFC")
    .trim()
    .replace(/\s+/g, " ")
    .replace(/[“”„‟]/g, '"')
    .replace(/\s*[›>]\s*/g, " › ")
    .toLocaleLowerCase("vi");
}

/** Every header a rule set accepts: meta aliases, fact ids and labels, `<fact>.<field>` and `<label> › <field label>`. */
export function buildColumnIndex(rules: RuleSet): Map<string, ColumnTarget> {
  const index = new Map<string, ColumnTarget>();
  const add = (k: string, t: ColumnTarget) => {
    const key = normKey(k);
    if (!index.has(key)) index.set(key, t);
  };
  for (const key of META_KEYS) for (const a of META_ALIASES[key]) add(a, { kind: "meta", key });
  for (const fact of rules.facts) {
    if (fact.type !== "object") {
      for (const k of [fact.id, fact.label.vi, fact.label.en]) add(k, { kind: "fact", fact });
      continue;
    }
    for (const [field, spec] of Object.entries(fact.fields ?? {})) {
      const t: ColumnTarget = { kind: "field", fact, field, spec };
      for (const k of [`${fact.id}.${field}`, `${fact.label.vi} › ${spec.label.vi}`, `${fact.label.en} › ${spec.label.en}`]) add(k, t);
    }
  }
  return index;
}

/** The header key the template writes for a target (what {@link buildColumnIndex} matches first). */
export const targetKey = (t: ColumnTarget): string =>
  t.kind === "meta" ? t.key : t.kind === "fact" ? t.fact.id : `${t.fact.id}.${t.field}`;

export interface HeaderResult {
  /** One entry per column: where its cells go, or undefined (ignored column). */
  readonly targets: readonly (ColumnTarget | undefined)[];
  /** Header cells as written (NFC, trimmed), for messages. */
  readonly names: readonly string[];
  readonly issues: readonly Issue[];
}

/** Resolves a header row; unknown and duplicate columns are reported once, on row 1, and ignored. */
export function resolveHeader(
  cells: readonly string[],
  index: ReadonlyMap<string, ColumnTarget>,
  ctx: { readonly file: string; readonly rules: RuleSet; readonly defaultGroup?: Group | undefined; readonly defaultYear?: number | undefined },
): HeaderResult {
  const issues: Issue[] = [];
  const names = cells.map((c) => c.normalize("NFC").trim());
  const seen = new Map<string, string>();
  const where = (col: string) => `${ctx.file}, row 1 (header), column “${col}”`;
  const targets = names.map((name) => {
    if (name === "") return undefined;
    if (name.includes("\uFFFD")) {
      issues.push(issue("input.parse", ["row", 1, name], `${where(name)}: the file is not UTF-8 text — save it as “CSV UTF-8”`, { file: ctx.file, row: 1, column: name, kind: "notUtf8Header" }));
      return undefined;
    }
    const t = index.get(normKey(name));
    if (!t) {
      const near = suggest(normKey(name), index);
      const object = ctx.rules.facts.find((f) => f.type === "object" && normKey(f.id) === normKey(name));
      const hint = object
        ? `; fact ${object.id} has fields — use the columns ${Object.keys(object.fields ?? {}).map((k) => `${object.id}.${k}`).join(", ")}`
        : near ? `; did you mean “${near}”?` : "";
      issues.push(issue("input.parse", ["row", 1, name], `${where(name)}: unknown column — not a fact id or label of rule set ${ctx.rules.id}${hint}; the column is ignored`, { file: ctx.file, row: 1, column: name, kind: "unknownColumn", ...(near && !object && { suggestion: near }) }, "warning"));
      return undefined;
    }
    const key = targetKey(t);
    const prev = seen.get(key);
    if (prev !== undefined) {
      issues.push(issue("input.parse", ["row", 1, name], `${where(name)}: duplicate column — “${prev}” already holds ${key}; this column is ignored`, { file: ctx.file, row: 1, column: name, kind: "duplicateColumn", other: prev }));
      return undefined;
    }
    seen.set(key, name);
    return t;
  });
  const required: [MetaKey, boolean][] = [["id", true], ["name", true], ["group", ctx.defaultGroup === undefined], ["year", ctx.defaultYear === undefined]];
  for (const [key, needed] of required) {
    if (needed && !seen.has(key)) {
      const aliases = META_ALIASES[key].slice(0, 2).map((a) => `“${a}”`).join(" or ");
      issues.push(issue("input.parse", ["row", 1, key], `${ctx.file}, row 1 (header): missing column ${aliases}`, { file: ctx.file, row: 1, column: key, kind: "missingColumn", other: aliases }));
    }
  }
  return { targets, names, issues };
}

/** The closest known header within a small edit distance, for typos. */
function suggest(key: string, index: ReadonlyMap<string, ColumnTarget>): string | undefined {
  let best: string | undefined;
  let bestD = Math.max(2, Math.floor(key.length / 5)) + 1;
  for (const k of index.keys()) {
    if (Math.abs(k.length - key.length) >= bestD) continue;
    const d = distance(key, k, bestD);
    if (d < bestD) [best, bestD] = [k, d];
  }
  return best === undefined ? undefined : targetKey(index.get(best)!);
}

function distance(a: string, b: string, cap: number): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin >= cap) return cap;
    prev = cur;
  }
  return prev[b.length]!;
}
