import type ExcelJS from "exceljs";
import { excel } from "../excel.js";
import type { Group, RuleSet } from "../../rules/index.js";
import { GROUP_LABELS } from "./columns.js";
import { labelRow, templateColumns, TYPE_LABELS, type TemplateColumn } from "./template-columns.js";
import { LABEL_ROW_MARKER } from "./types.js";
import { assessmentTemplateRows, ROLE_WORDS } from "./assessments.js";

/** Rows of the data sheet that get drop-down lists and number checks. */
const DATA_ROWS = 1000;
const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF1F4E79" } };
const LABEL_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF2CC" } };

const WIDTHS: Readonly<Record<string, number>> = { id: 16, name: 30, group: 14, cohort: 18, year: 8, history: 34 };

interface DataValidations {
  add(address: string, validation: ExcelJS.DataValidation): void;
}

function colName(n: number): string {
  let s = "";
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function validation(c: TemplateColumn, listRef: string | undefined): ExcelJS.DataValidation | undefined {
  // Excel rejects (as a damaged file) validation messages longer than 225 characters.
  const error = `${c.label}: ${c.hint}`;
  const base = { allowBlank: true, showErrorMessage: true, errorTitle: "Giá trị không hợp lệ", error: error.length > 220 ? `${error.slice(0, 219)}…` : error };
  if (listRef) return { ...base, type: "list", formulae: [listRef] };
  switch (c.spec?.type) {
    case "integer":
      return { ...base, type: "whole", operator: "between", formulae: [c.spec.min ?? -1e9, c.spec.max ?? 1e9] };
    case "number":
      return { ...base, type: "decimal", operator: "between", formulae: [c.spec.min ?? -1e9, c.spec.max ?? 1e9] };
    case "ratio":
      return { ...base, type: "decimal", operator: "between", formulae: [0, 1] };
    default:
      return undefined;
  }
}

const LISTS = "Danh mục";

/** Drop-down lists, one column each on the hidden sheet: column key → range reference. */
function listRefs(cols: readonly TemplateColumn[]): Map<string, { ref: string; col: number; values: readonly string[] }> {
  const refs = new Map<string, { ref: string; col: number; values: readonly string[] }>();
  for (const c of cols) {
    if (!c.list) continue;
    const col = refs.size + 1;
    refs.set(c.key, { ref: `'${LISTS}'!$${colName(col)}$2:$${colName(col)}$${c.list.length + 1}`, col, values: c.list });
  }
  return refs;
}

function dataSheet(wb: ExcelJS.Workbook, cols: readonly TemplateColumn[], lists: ReturnType<typeof listRefs>): void {
  const ws = wb.addWorksheet("Dữ liệu", { views: [{ state: "frozen", xSplit: 2, ySplit: 2 }] });
  ws.addRow(cols.map((c) => c.key));
  ws.addRow(labelRow(cols));
  const [keys, labels] = [ws.getRow(1), ws.getRow(2)];
  keys.font = { bold: true, color: { argb: "FFFFFFFF" } };
  keys.fill = HEADER_FILL;
  labels.font = { italic: true };
  labels.fill = LABEL_FILL;
  labels.alignment = { wrapText: true, vertical: "top" };
  labels.height = 120;
  const dv = (ws as unknown as { dataValidations: DataValidations }).dataValidations;
  cols.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = WIDTHS[c.key] ?? 24;
    if (c.spec?.type === "ratio") col.numFmt = "0%";
    if (c.spec?.type === "date") col.numFmt = "dd/mm/yyyy";
    const v = validation(c, lists.get(c.key)?.ref);
    const letter = colName(i + 1);
    if (v) dv.add(`${letter}3:${letter}${DATA_ROWS + 2}`, v);
  });
}

const NOTES = [
  "Hướng dẫn điền bảng “Dữ liệu”",
  "• Dòng 1 là mã cột mà chương trình đọc: không sửa, không xóa. Có thể xóa các cột không dùng.",
  `• Dòng 2 là nhãn và giá trị hợp lệ của từng cột; ô đầu tiên bắt đầu bằng “${LABEL_ROW_MARKER}” nên chương trình bỏ qua dòng này.`,
  "• Mỗi đơn vị (hoặc cá nhân) một dòng, từ dòng 3.",
  "• Ô để trống nghĩa là chưa có số liệu (chưa xác định), KHÔNG có nghĩa là “Không” hay 0.",
  "• Có/Không: chọn trong danh sách (cũng nhận true/false, 1/0). Tỷ lệ: nhập 70% hoặc 0,7. Ngày: dd/mm/yyyy.",
  "• Số: không dùng dấu phân cách hàng nghìn (viết 12500, không viết 12.500).",
  "• Lịch sử khen thưởng: năm:mã danh hiệu|mã danh hiệu; năm:… (mã danh hiệu hoặc tên danh hiệu).",
  "Hướng dẫn điền bảng “Đánh giá” (chỉ điền khi có thẩm định; để trống nếu không)",
  "• Số liệu ở bảng “Dữ liệu” là số liệu đơn vị tự chấm. Mỗi đơn vị có thẩm định ghi một dòng “Tự đánh giá” (người và ngày đơn vị tự chấm; để trống Dữ kiện, Giá trị mới, Lý do).",
  "• Mỗi thay đổi của người thẩm định hoặc Hội đồng một dòng: mã đơn vị, vai trò (Thẩm định hoặc Hội đồng), người đánh giá, ngày (dd/mm/yyyy), dữ kiện, giá trị mới và lý do. Thay đổi không ghi lý do thì đơn vị bị loại, chương trình nêu rõ dòng.",
  "• Giá trị chính thức: theo lần chấm sau cùng (hoặc theo quy định của bộ tiêu chí); báo cáo ghi điểm tự chấm, điểm chính thức và từng thay đổi kèm lý do.",
];

function guideSheet(wb: ExcelJS.Workbook, rules: RuleSet, group: Group, cols: readonly TemplateColumn[]): void {
  const ws = wb.addWorksheet("Hướng dẫn");
  ws.addRow([`Bộ tiêu chí: ${rules.manifest.title.vi} (${rules.id} ${rules.version}) — nhóm: ${GROUP_LABELS[group]}`]).font = { bold: true, size: 13 };
  for (const n of NOTES) ws.addRow([n]);
  ws.getRow(2).font = { bold: true };
  ws.addRow([]);
  const head = ws.addRow(["Mã cột", "Dữ kiện", "Kiểu", "Đơn vị", "Giá trị hợp lệ", "Hồ sơ minh chứng", "Mô tả"]);
  head.font = { bold: true, color: { argb: "FFFFFFFF" } };
  head.fill = HEADER_FILL;
  for (const c of cols) {
    const t = c.target;
    const fact = t.kind === "meta" ? undefined : t.fact;
    const row = ws.addRow([
      c.key,
      c.label,
      c.spec ? (TYPE_LABELS[c.spec.type] ?? c.spec.type) : "",
      fact?.unit?.vi ?? "",
      c.hint,
      fact?.evidence.vi ?? "",
      fact?.description?.vi ?? "",
    ]);
    row.alignment = { wrapText: true, vertical: "top" };
  }
  [34, 60, 16, 12, 40, 50, 60].forEach((w, i) => (ws.getColumn(i + 1).width = w));
}

/** Sheet “Đánh giá”: one row per reviewer's or council's change (read by the input reader with the data sheet). */
function assessmentSheet(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet("Đánh giá", { views: [{ state: "frozen", ySplit: 2 }] });
  const [keys, hints] = assessmentTemplateRows();
  ws.addRow(keys).font = { bold: true, color: { argb: "FFFFFFFF" } };
  ws.getRow(1).fill = HEADER_FILL;
  const labels = ws.addRow(hints);
  labels.font = { italic: true };
  labels.fill = LABEL_FILL;
  labels.alignment = { wrapText: true, vertical: "top" };
  labels.height = 60;
  [16, 20, 28, 12, 34, 16, 40].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.getColumn(4).numFmt = "dd/mm/yyyy";
  const roles = Object.values(ROLE_WORDS).map((w) => w[0]).join(",");
  const dv = (ws as unknown as { dataValidations: DataValidations }).dataValidations;
  dv.add(`B3:B${DATA_ROWS + 2}`, { type: "list", allowBlank: true, formulae: [`"${roles}"`], showErrorMessage: true, errorTitle: "Giá trị không hợp lệ", error: `Vai trò: ${roles.replace(/,/g, ", ")}` });
}

/** The XLSX template: sheet “Dữ liệu” (first, what the reader reads), “Đánh giá” (assessments), “Hướng dẫn”, hidden “Danh mục” lists. */
export async function xlsxTemplate(rules: RuleSet, group: Group): Promise<Uint8Array> {
  const cols = templateColumns(rules, group);
  const wb = new (await excel()).Workbook();
  wb.creator = "thidua";
  const lists = listRefs(cols);
  dataSheet(wb, cols, lists); // first sheet: the one the reader reads
  assessmentSheet(wb);
  guideSheet(wb, rules, group, cols);
  const ws = wb.addWorksheet(LISTS, { state: "hidden" });
  for (const [key, { col, values }] of lists) {
    ws.getCell(1, col).value = key;
    values.forEach((v, j) => (ws.getCell(j + 2, col).value = v));
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
