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
  /** The header has more than {@link MAX_COLUMNS} columns: the file is not read. */
  readonly refused?: true;
}

/** Most columns a sheet may have (Excel's own limit, column XFD); a wider header refuses the file with one issue. */
export const MAX_COLUMNS = 16_384;
/** Header problems of one kind listed one by one; beyond this, one issue sums up the rest. */
export const MAX_HEADER_NOTES = 10;

/** A header cell in messages: at most 40 characters (a header cell can be as long as the file). */
const shown = (name: string) => (name.length > 40 ? `${name.slice(0, 40)}…` : name);

interface HeaderContext {
  readonly file: string;
  readonly rules: RuleSet;
  readonly defaultGroup?: Group | undefined;
  readonly defaultYear?: number | undefined;
}

/**
 * Resolves a header row; unknown and duplicate columns are reported on the header's row and
 * ignored — one by one up to {@link MAX_HEADER_NOTES} of a kind, then summed up in one issue. A
 * header wider than {@link MAX_COLUMNS} gives one issue and nothing else.
 */
export function resolveHeader(cells: readonly string[], index: ReadonlyMap<string, ColumnTarget>, ctx: HeaderContext, row = 1): HeaderResult {
  if (cells.length > MAX_COLUMNS) {
    const message = `${ctx.file}, row ${row} (header): ${cells.length} columns, more than the limit of ${MAX_COLUMNS}; the file is not read`;
    return { targets: [], names: [], issues: [issue("input.parse", ["row", row], message, { file: ctx.file, row, kind: "tooManyColumns", found: cells.length, expected: MAX_COLUMNS })], refused: true };
  }
  const names = cells.map((c) => c.normalize("NFC").trim());
  const seen = new Map<string, string>();
  const unknown: string[] = [];
  const notes: Issue[] = [];
  const where = (col: string) => `${ctx.file}, row ${row} (header), column “${shown(col)}”`;
  const targets = names.map((name) => {
    if (name === "") return undefined;
    if (name.includes("\uFFFD")) {
      notes.push(issue("input.parse", ["row", row, shown(name)], `${where(name)}: the file is not UTF-8 text — save it as “CSV UTF-8”`, { file: ctx.file, row, column: shown(name), kind: "notUtf8Header" }));
      return undefined;
    }
    const t = index.get(normKey(name));
    if (!t) return void unknown.push(name);
    const key = targetKey(t);
    const prev = seen.get(key);
    if (prev !== undefined) {
      notes.push(issue("input.parse", ["row", row, shown(name)], `${where(name)}: duplicate column — “${shown(prev)}” already holds ${key}; this column is ignored`, { file: ctx.file, row, column: shown(name), kind: "duplicateColumn", other: shown(prev) }));
      return undefined;
    }
    seen.set(key, name);
    return t;
  });
  const issues = [...summed(notes, ctx.file, row), ...unknownColumns(unknown, index, ctx, row), ...missingColumns(seen, ctx, row)];
  return { targets, names, issues };
}

/** Header errors one by one up to {@link MAX_HEADER_NOTES}, then one issue counting the others. */
function summed(notes: readonly Issue[], file: string, row: number): Issue[] {
  if (notes.length <= MAX_HEADER_NOTES) return [...notes];
  const more = notes.length - MAX_HEADER_NOTES;
  const message = `${file}, row ${row} (header): ${more} more columns with such problems (not listed)`;
  return [...notes.slice(0, MAX_HEADER_NOTES), issue("input.parse", ["row", row], message, { file, row, kind: "moreHeaderProblems", other: more })];
}

/** Columns the rule set does not know (ignored): a warning each with a "did you mean", or one warning for them all when there are many. */
function unknownColumns(unknown: readonly string[], index: ReadonlyMap<string, ColumnTarget>, ctx: HeaderContext, row: number): Issue[] {
  if (unknown.length > MAX_HEADER_NOTES) {
    const list = unknown.slice(0, 5).map((n) => `“${shown(n)}”`).join(", ");
    const message = `${ctx.file}, row ${row} (header): ${unknown.length} unknown columns — not fact ids or labels of rule set ${ctx.rules.id} (${list}, …); they are ignored`;
    return [issue("input.parse", ["row", row], message, { file: ctx.file, row, column: list, kind: "unknownColumns", other: unknown.length }, "warning")];
  }
  return unknown.map((name) => {
    const near = suggest(normKey(name), index);
    const object = ctx.rules.facts.find((f) => f.type === "object" && normKey(f.id) === normKey(name));
    const hint = object
      ? `; fact ${object.id} has fields — use the columns ${Object.keys(object.fields ?? {}).map((k) => `${object.id}.${k}`).join(", ")}`
      : near ? `; did you mean “${near}”?` : "";
    const message = `${ctx.file}, row ${row} (header), column “${shown(name)}”: unknown column — not a fact id or label of rule set ${ctx.rules.id}${hint}; the column is ignored`;
    return issue("input.parse", ["row", row, shown(name)], message, { file: ctx.file, row, column: shown(name), kind: "unknownColumn", ...(near && !object && { suggestion: near }) }, "warning");
  });
}

/** The profile columns a header must have: `id` and `name`, and `group`/`year` unless the options give them. */
function missingColumns(seen: ReadonlyMap<string, string>, ctx: HeaderContext, row: number): Issue[] {
  const required: [MetaKey, boolean][] = [["id", true], ["name", true], ["group", ctx.defaultGroup === undefined], ["year", ctx.defaultYear === undefined]];
  return required.flatMap(([key, needed]) => {
    if (!needed || seen.has(key)) return [];
    const names = META_ALIASES[key].slice(0, 2).map((a) => `“${a}”`);
    // the catalogs read `other` in either language: the names only, no English word between them
    return [issue("input.parse", ["row", row, key], `${ctx.file}, row ${row} (header): missing column ${names.join(" or ")}`, { file: ctx.file, row, column: key, kind: "missingColumn", other: names.join(" / ") })];
  });
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
