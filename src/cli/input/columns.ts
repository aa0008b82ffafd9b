import { issue, type Issue } from "../../errors/index.js";
import type { Fact, Group, RuleSet } from "../../rules/index.js";
import { nearestFacts } from "./nearest.js";

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

/**
 * A notes column a secretary keeps beside the data (“Ghi chú”): known, never read, never scored —
 * not an unknown column, since nothing in it was meant for the rule set.
 */
export const NOTE_COLUMNS: ReadonlySet<string> = new Set(["ghi chú", "note", "notes"]);

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
  /** Header cells that name no fact nor profile column (as written), in column order. */
  readonly unknown: readonly string[];
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
  /** Unknown columns are warnings (the run lists them as ignored), not errors. */
  readonly ignoreUnknownColumns?: boolean | undefined;
}

/**
 * Resolves a header row; unknown and duplicate columns are reported on the header's row and
 * ignored — one by one up to {@link MAX_HEADER_NOTES} of a kind, then summed up in one issue. A
 * header wider than {@link MAX_COLUMNS} gives one issue and nothing else.
 */
export function resolveHeader(cells: readonly string[], index: ReadonlyMap<string, ColumnTarget>, ctx: HeaderContext, row = 1): HeaderResult {
  if (cells.length > MAX_COLUMNS) {
    const message = `${ctx.file}, row ${row} (header): ${cells.length} columns, more than the limit of ${MAX_COLUMNS}; the file is not read`;
    return { targets: [], names: [], issues: [issue("input.parse", ["row", row], message, { file: ctx.file, row, kind: "tooManyColumns", found: cells.length, expected: MAX_COLUMNS })], unknown: [], refused: true };
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
    if (!t) return void (NOTE_COLUMNS.has(normKey(name)) || unknown.push(name));
    const key = targetKey(t);
    const prev = seen.get(key);
    if (prev !== undefined) {
      notes.push(issue("input.parse", ["row", row, shown(name)], `${where(name)}: duplicate column — “${shown(prev)}” already holds ${key}; this column is ignored`, { file: ctx.file, row, column: shown(name), kind: "duplicateColumn", other: shown(prev) }));
      return undefined;
    }
    seen.set(key, name);
    return t;
  });
  const issues = [...summed(notes, ctx.file, row), ...unknownColumns(unknown, ctx, row), ...missingColumns(seen, ctx, row)];
  return { targets, names, issues, unknown };
}

/** Header errors one by one up to {@link MAX_HEADER_NOTES}, then one issue counting the others. */
function summed(notes: readonly Issue[], file: string, row: number): Issue[] {
  if (notes.length <= MAX_HEADER_NOTES) return [...notes];
  const more = notes.length - MAX_HEADER_NOTES;
  const message = `${file}, row ${row} (header): ${more} more columns with such problems (not listed)`;
  return [...notes.slice(0, MAX_HEADER_NOTES), issue("input.parse", ["row", row], message, { file, row, kind: "moreHeaderProblems", other: more })];
}

/** A fact as a column to write: its key and Vietnamese/English label (an object fact: its field columns). */
function factColumns(f: Fact, lang: "vi" | "en"): string {
  const label = (s: string) => (s.length > 60 ? `${s.slice(0, 60)}…` : s);
  const q = (s: string) => (lang === "vi" ? `«${s}»` : `“${s}”`);
  if (f.type !== "object") return `${f.id} (${q(label(f.label[lang]))})`;
  return Object.entries(f.fields ?? {}).map(([k, spec]) => `${f.id}.${k} (${q(label(`${f.label[lang]} › ${spec.label[lang]}`))})`).join(", ");
}

/**
 * Columns the rule set does not know: an error each (no report is made from a file whose columns
 * would be dropped), naming the closest facts — or, when the user asked to ignore them, a warning
 * (the report then lists them). More than {@link MAX_HEADER_NOTES}: one issue for them all.
 */
function unknownColumns(unknown: readonly string[], ctx: HeaderContext, row: number): Issue[] {
  const severity = ctx.ignoreUnknownColumns ? "warning" : "error";
  const ignored = ctx.ignoreUnknownColumns ? 1 : 0;
  if (unknown.length > MAX_HEADER_NOTES) {
    const list = unknown.slice(0, 5).map((n) => `“${shown(n)}”`).join(", ");
    const message = `${ctx.file}, row ${row} (header): ${unknown.length} unknown columns — not fact ids or labels of rule set ${ctx.rules.id} (${list}, …)`;
    return [issue("input.parse", ["row", row], message, { file: ctx.file, row, column: list, kind: "unknownColumns", other: unknown.length, ignored }, severity)];
  }
  return unknown.map((name) => {
    const near = nearestFacts(name, ctx.rules);
    const ids = near.map((f) => (f.type === "object" ? Object.keys(f.fields ?? {}).map((k) => `${f.id}.${k}`).join(", ") : f.id)).join(", ");
    const message = `${ctx.file}, row ${row} (header), column “${shown(name)}”: unknown column — not a fact id or label of rule set ${ctx.rules.id}${ids ? `; closest facts: ${ids}` : ""}`;
    const params = { file: ctx.file, row, column: shown(name), kind: "unknownColumn", ignored, ...(near.length && { near: ids, nearVi: near.map((f) => factColumns(f, "vi")).join("; "), nearEn: near.map((f) => factColumns(f, "en")).join("; ") }) };
    return issue("input.parse", ["row", row, shown(name)], message, params, severity);
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

