/** The columns of an input template, shared by the CSV and the XLSX template (template.ts, template-xlsx.ts). */
import { walkCondition, type Condition, type Fact, type Group, type RuleSet } from "../../rules/index.js";
import { factsRead } from "../../scoring/index.js";
import type { CellSpec } from "./cells.js";
import { GROUP_LABELS, type ColumnTarget, type MetaKey } from "./columns.js";
import { LABEL_ROW_MARKER } from "./types.js";

/** One column of an input template. */
export interface TemplateColumn {
  /** Row 1: what the reader matches (fact id, `<fact>.<field>`, or id/name/group/cohort/year/history). */
  readonly key: string;
  /** Vietnamese label with unit. */
  readonly label: string;
  /** What may be written: “Có/Không”, enum labels, “0–100%”… */
  readonly hint: string;
  readonly target: ColumnTarget;
  /** Allowed cell values for a drop-down list (booleans, enums, the group). */
  readonly list?: readonly string[];
  readonly spec?: CellSpec & { readonly min?: number | undefined; readonly max?: number | undefined };
}

const META: Readonly<Record<MetaKey, [label: string, hint: (g: Group) => string]>> = {
  id: ["Mã đơn vị/cá nhân", () => "bắt buộc, không trùng nhau"],
  name: ["Tên đơn vị/cá nhân", () => "bắt buộc"],
  group: ["Nhóm đối tượng", (g) => `${g} (${GROUP_LABELS[g]})`],
  cohort: ["Cụm, khối thi đua", () => "không bắt buộc"],
  year: ["Năm đánh giá", () => "vd: 2025"],
  history: ["Lịch sử khen thưởng", () => "vd: 2024:award.lao-dong-tien-tien|award.giay-khen; 2023:award.lao-dong-tien-tien"],
};

/** Vietnamese name of a fact type (the guide sheet). */
export const TYPE_LABELS: Readonly<Record<string, string>> = {
  boolean: "Có/Không",
  integer: "Số nguyên",
  number: "Số",
  ratio: "Tỷ lệ (%)",
  date: "Ngày",
  enum: "Chọn một giá trị",
  set: "Chọn nhiều giá trị",
};

const range = (min?: number, max?: number) =>
  min !== undefined && max !== undefined ? ` ${min}–${max}` : min !== undefined ? ` ≥ ${min}` : max !== undefined ? ` ≤ ${max}` : "";

/** Allowed values of a cell, as the template shows them. */
export function hintFor(spec: CellSpec & { min?: number | undefined; max?: number | undefined }): string {
  const labels = (spec.values ?? []).map((v) => spec.valueLabels?.[v]?.vi ?? v);
  switch (spec.type) {
    case "boolean":
      return "Có/Không";
    case "integer":
      return `số nguyên${range(spec.min, spec.max)}`;
    case "number":
      return `số${range(spec.min, spec.max)}, dấu phẩy thập phân`;
    case "ratio":
      return "0–100% (vd: 70%)";
    case "date":
      return "ngày dd/mm/yyyy";
    case "enum":
      return labels.join(" / ");
    case "set":
      return `nhiều giá trị, cách nhau bởi |: ${labels.join(" / ")}`;
    default:
      return spec.type;
  }
}

const listFor = (spec: CellSpec): string[] | undefined =>
  spec.type === "boolean" ? ["Có", "Không"] : spec.type === "enum" ? (spec.values ?? []).map((v) => spec.valueLabels?.[v]?.vi ?? v) : undefined;

/**
 * The facts that count for a group: read by one of its criteria (conditions, tiers, bonuses,
 * deductions, per-unit counts), by the eligibility conditions of an award open to the group, or by
 * a deferral of the group's awards. A fact of the catalog nothing of the group reads is not asked for.
 */
export function factsCounted(rules: RuleSet, group: Group): Set<string> {
  const order = new Map(rules.facts.map((f, i) => [f.id, i]));
  const out = new Set<string>();
  for (const c of rules.criteria) if (c.group === group) for (const r of factsRead(c, order)) out.add(r.fact);
  const walk = (cond: Condition | undefined) => cond && walkCondition(cond, (leaf) => void out.add(leaf.fact));
  for (const a of rules.awards) if (a.groups.includes(group)) walk(a.eligibility.conditions);
  for (const d of rules.deferrals) if (d.groups.includes(group)) walk(d.when);
  return out;
}

/** The columns of a group's template: profile columns, then one per fact that counts for the group (object facts: one per field). */
export function templateColumns(rules: RuleSet, group: Group): TemplateColumn[] {
  const cols: TemplateColumn[] = (Object.keys(META) as MetaKey[]).map((key) => ({
    key,
    label: META[key][0],
    hint: META[key][1](group),
    target: { kind: "meta", key },
    ...(key === "group" && { list: [group] }),
  }));
  const unit = (f: Fact) => (f.unit ? ` (${f.unit.vi})` : "");
  const counted = factsCounted(rules, group);
  for (const fact of rules.facts.filter((f) => f.groups.includes(group) && counted.has(f.id))) {
    if (fact.type !== "object") {
      const list = listFor(fact);
      cols.push({ key: fact.id, label: `${fact.label.vi}${unit(fact)}`, hint: hintFor(fact), target: { kind: "fact", fact }, spec: fact, ...(list && { list }) });
      continue;
    }
    for (const [field, spec] of Object.entries(fact.fields ?? {})) {
      const list = listFor(spec);
      cols.push({ key: `${fact.id}.${field}`, label: `${fact.label.vi} › ${spec.label.vi}`, hint: hintFor(spec), target: { kind: "field", fact, field, spec }, spec, ...(list && { list }) });
    }
  }
  return cols;
}

/** Row 2 of a template: labels and hints; its first cell starts with {@link LABEL_ROW_MARKER}. */
export function labelRow(cols: readonly TemplateColumn[]): string[] {
  return cols.map((c, i) => `${i === 0 ? `${LABEL_ROW_MARKER} ` : ""}${c.label} — ${c.hint}`);
}
