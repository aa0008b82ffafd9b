import { vi } from "../../explain/index.js";
import type { ReportCatalog } from "./types.js";
import { zipChoices } from "./choices.js";

/** The names of the five subject groups (the library catalog's). */
const group = vi.group;
/** An own property of a table, or undefined (a key from user data never reaches the prototype). */
const own = (table: Readonly<Record<string, string>>, key: string): string | undefined => (Object.hasOwn(table, key) ? table[key] : undefined);
/** Fields of a committee override, as a committee names them. */
/** Labels joined by “ | ” (an issue's `choices`) as «a», «b». */
const quoted = (choices: string): string => `«${String(choices).split(" | ").join("», «")}»`;
const overrideField: Readonly<Record<string, string>> = {
  unitId: "mã đơn vị (cá nhân)",
  award: "danh hiệu, hình thức khen thưởng",
  alongside: "các hình thức khen thưởng khác",
  reason: "lý do",
  decidedBy: "người (cơ quan) quyết định",
  date: "ngày quyết định",
  cohort: "cụm, khối thi đua",
};
/** What a rule-set limit counts. */
const limitWhat: Readonly<Record<string, string>> = {
  files: "tệp",
  facts: "dữ kiện",
  criteria: "tiêu chí",
  criteriaPerGroup: "tiêu chí của một nhóm đối tượng",
  conditions: "điều kiện",
  tiersAndAdjustments: "mức điểm, điểm thưởng và điểm trừ của một tiêu chí",
  awards: "danh hiệu, hình thức khen thưởng",
  classes: "mức xếp loại",
  sources: "văn bản căn cứ",
  extends: "bộ tiêu chí trong chuỗi kế thừa",
};
const rounding = { floor: "làm tròn xuống", ceil: "làm tròn lên", "half-up": "làm tròn" } as const;
const ofQuota = (of: string) => (of ? `đơn vị đạt “${of}”` : "đơn vị trong cụm, khối");
/** What a value must be, in words (the validator's type names). */
const kindWords: Readonly<Record<string, string>> = { string: "văn bản", number: "một số", integer: "số nguyên", boolean: "có/không" };
/** The name of a subject group: the name the rule set gives it, else the catalog's name of one of the five of Decision 2447. */
const groupOf = (p: { group: string; groupName?: string | undefined }): string => p.groupName ?? (group as Readonly<Record<string, string>>)[p.group] ?? p.group;

/** "đơn vị" for collectives, "cá nhân" for persons. */
const who = (g: string) => (g === "individual" ? "cá nhân" : "đơn vị");
const field = {
  ruleset: "Bộ tiêu chí (mã, phiên bản)",
  rulesetSha256: "Mã băm SHA-256 của bộ tiêu chí",
  verified: "Bộ tiêu chí khớp với bản kê các tệp",
  asOf: "Ngày áp dụng bộ tiêu chí",
  inputSha256: "Mã băm SHA-256 của dữ liệu đầu vào",
  inputCount: "Số dòng dữ liệu đầu vào",
  engine: "Phần mềm tính toán, phiên bản",
  outcomeSha256: "Mã băm SHA-256 của kết quả",
  options: "Tùy chọn khi chạy",
} as const;

/** The reports' wording in Vietnamese: the reference. */

/** A row of the assessments sheet that cannot be read (`what`: see src/cli/input/assessments.ts). */
function assessmentVi(what: string, found: string, expected: string): string {
  const type = ({ boolean: "có/không", integer: "một số nguyên", number: "một số", ratio: "một tỷ lệ, ví dụ 70% hoặc 0,7", date: "một ngày dạng dd/mm/yyyy", enum: "một giá trị trong danh sách của dữ kiện", set: "các giá trị cách nhau bởi dấu |" } as Record<string, string>)[expected] ?? expected;
  return (
    ({
      unit: "chưa ghi mã đơn vị (hoặc mã cá nhân) được đánh giá",
      role: `vai trò «${found}» không đọc được — ghi một trong: ${expected}`,
      by: "chưa ghi người (hoặc đơn vị) đánh giá",
      date: `ngày «${found}» không đọc được — ghi ngày dạng dd/mm/yyyy`,
      selfChange: `dòng tự đánh giá chỉ ghi người và ngày đơn vị tự chấm (ô này phải để trống, đang ghi «${found}»); số liệu tự chấm ghi ở bảng dữ liệu`,
      factMissing: "chưa ghi dữ kiện được sửa",
      fact: `«${found}» không phải dữ kiện nào của bộ tiêu chí — ghi mã hoặc tên dữ kiện`,
      objectFact: `dữ kiện «${found}» gồm nhiều trường nên không sửa được trên bảng tính — hãy sửa trong hồ sơ JSON`,
      derivedFact: `dữ kiện «${found}» được tính theo công thức — sửa các dữ kiện dùng để tính`,
      valueMissing: "chưa ghi giá trị mới",
      value: `giá trị «${found}» không đọc được — cần ${type}`,
      reason: `thay đổi «${found}» chưa ghi lý do — ghi rõ lý do sửa số liệu`,
      noSelf: `đơn vị «${found}» có thẩm định nhưng chưa có dòng «Tự đánh giá» ghi người và ngày đơn vị tự chấm`,
      twoSelf: `đơn vị «${found}» có hai dòng «Tự đánh giá» — chỉ giữ một dòng`,
      notInGroup: `dữ kiện «${found}» không thuộc nhóm đối tượng của đơn vị`,
      beforeSelf: `ngày ${String(found).split("-").reverse().join("/")} sớm hơn ngày đơn vị tự chấm`,
      twice: `dữ kiện «${found}» bị sửa hai lần trong cùng một lần thẩm định (cùng người, cùng ngày)`,
      unknownUnit: `mã «${found}» không có trong bảng dữ liệu chấm điểm — ghi đúng mã như ở bảng dữ liệu`,
      unknownColumn: `cột «${found}» không phải cột của bảng đánh giá (các cột: ${expected}, có thể thêm cột «Ghi chú»)`,
    } as Record<string, string>)[what] ?? what
  );
}

export const viReport = {
  "report.title": () => "Kết quả chấm điểm, xếp hạng và đề nghị khen thưởng",
  "report.ruleset": (p) => `Bộ tiêu chí: ${p.title} — mã ${p.id}, phiên bản ${p.version}`,
  "report.rulesetHash": (p) => `Mã băm SHA-256 của bộ tiêu chí: ${p.sha256} — ${p.verified ? "khớp với bản kê các tệp" : "KHÔNG khớp với bản kê các tệp (tệp quy tắc đã bị sửa đổi)"}`,
  "report.lineage": (p) => `Kế thừa: ${p.list}`,
  "report.asOf": (p, f) => `Ngày áp dụng bộ tiêu chí: ${p.date ? f.date(p.date) : "ngày 31/12 của năm xét (mặc định)"}`,
  "report.input": (p, f) => `Dữ liệu đầu vào: ${f.num(p.count)} dòng; mã băm SHA-256: ${p.sha256}`,
  "report.engine": (p) => `Phần mềm tính toán: ${p.name} phiên bản ${p.version}`,
  "report.ignoredColumns": (p) => `Cột không dùng để chấm điểm, bỏ qua theo yêu cầu: ${p.list}`,
  "report.options": (p) =>
    `Tùy chọn khi chạy: ${[p.year && `năm xét ${p.year} cho các dòng không ghi năm`, p.decimal && `dấu thập phân «${p.decimal}»`, p.modified && "cho phép dùng bộ tiêu chí đã bị sửa", p.other].filter(Boolean).join("; ") || "mặc định"}`,
  "report.outcome": (p) => `Mã băm SHA-256 của kết quả: ${p.sha256}`,
  "report.quota": (p, f) =>
    `Chỉ tiêu ${p.award}: tối đa ${f.num(p.allowed)} (${p.share === 0 ? "dành cho đơn vị dẫn đầu cụm, khối" : `${f.num(p.share)}% của ${f.num(p.base)} ${ofQuota(p.of)} là ${f.num(p.exact)}, ${rounding[p.rounding]}`}); ${f.num(p.candidates)} đơn vị đủ điều kiện, đề nghị ${f.num(p.granted)}${p.binding ? " — chỉ tiêu đã giới hạn số được đề nghị" : ""}`,
  "report.overrides": () => "Quyết định điều chỉnh của Hội đồng",
  "report.runQuotas": () => "Chỉ tiêu dùng chung cho các cụm, khối trong đợt xét",
  "report.overrideLine": (p, f) => `${p.unitId}: ${p.award} — lý do: ${p.reason} (${p.decidedBy}, ${f.date(p.date)})${p.matched ? "" : " — không tìm thấy đơn vị tương ứng"}`,
  "report.units": () => "Giải trình chi tiết từng đơn vị",
  "report.unclassified": () => "Chưa xếp loại",
  "col.rank": () => "Hạng",
  "col.selfScore": () => "Điểm tự đánh giá",
  "col.changes": () => "Thay đổi khi thẩm định",
  "sheet.assessments": () => "Thẩm định",
  "col.role": () => "Vai trò",
  "col.assessor": () => "Người đánh giá",
  "col.date": () => "Ngày",
  "col.fact": () => "Dữ kiện",
  "col.oldValue": () => "Giá trị trước",
  "col.newValue": () => "Giá trị mới",
  "col.changeReason": () => "Lý do",
  "col.official": () => "Giá trị chính thức",
  "assessment.role": (p) => (p.role === "council" ? "Hội đồng" : "Thẩm định"),
  "col.unit": (p) => (p.group === "individual" ? "Cá nhân" : "Đơn vị"),
  "col.score": () => "Điểm",
  "col.percent": () => "Tỷ lệ",
  "col.class": () => "Xếp loại",
  "col.award": () => "Đề nghị khen thưởng",
  "col.final": () => "Quyết định cuối cùng",
  "col.cohort": () => "Cụm, khối thi đua",
  "col.unitId": () => "Mã",
  "col.name": () => "Tên",
  "col.overrideReason": () => "Lý do điều chỉnh",
  "col.reasons": () => "Lý do chính",
  "col.row": () => "Dòng",
  "col.issue": () => "Nội dung lỗi",
  "class.rejected": () => "bị loại",
  "issue.profiles": (p) =>
    ({
      schema: `${p.field ? `Cột «${p.field}»: ` : ""}${p.found === "undefined" || !p.found ? "chưa ghi" : `giá trị ${p.found} không đúng`}${p.expected ? ` — cần ghi ${own(kindWords, p.expected) ?? p.expected}` : ""}`,
      unknown_fact: `Dữ kiện ${p.fact} không có trong danh mục dữ kiện của bộ tiêu chí`,
      fact_type: `Cột «${p.field}»: giá trị ${p.found} không đúng kiểu — cần ghi ${own(kindWords, p.expected) ?? p.expected}`,
      fact_range: `Cột «${p.field}»: giá trị ${p.found} ngoài phạm vi — cần ${String(p.expected).replace(/^>= ?(.*)$/, "từ $1 trở lên").replace(/^<= ?(.*)$/, "không quá $1")}`,
      fact_enum: `Cột «${p.field}»: giá trị ${p.found} không hợp lệ — cần ghi ${p.choices ? "mã của một trong các mức " : "một trong: "}${
        p.choices ? zipChoices(p.expected ?? "", p.choices).map(([id, label]) => (label === id ? id : `«${label}» (mã ${id})`)).join(", ") : p.expected
      }`,
      fact_date: `Cột «${p.field}»: ngày ${p.found} không hợp lệ — cần ghi dạng dd/mm/yyyy`,
      fact_not_in_group: `Dữ kiện ${p.fact} không áp dụng cho nhóm ${p.group}`,
      unknown_group: `Nhóm đối tượng không hợp lệ: nhận được ${p.found}`,
      duplicate_id: `Mã ${p.id} xuất hiện nhiều lần trong cùng cụm, khối và năm; tất cả các bản đều bị loại`,
      forbidden_key: `Khóa không được phép: ${p.found}`,
      unknown_award: `Danh hiệu, hình thức khen thưởng không có trong bộ tiêu chí: ${p.found}`,
      derived: p.found
        ? `Dữ kiện ${p.fact} (tính theo công thức) không tính được hoặc ngoài phạm vi (${p.found}): kiểm tra các dữ kiện dùng để tính`
        : `Dữ kiện ${p.fact} được tính theo công thức từ các dữ kiện khác: không nhập giá trị này`,
      assessment:
        ({
          noReason: `Thay đổi «${p.fact}» chưa ghi lý do: ghi rõ lý do sửa điểm`,
          firstSelf: "Lần chấm đầu tiên phải là điểm tự chấm của đơn vị, kèm các dữ kiện",
          oneSelf: "Chỉ lần chấm đầu tiên là điểm tự chấm; các lần sau là của người thẩm định hoặc Hội đồng",
          selfFacts: "Điểm tự chấm ghi các dữ kiện, không ghi thay đổi",
          reviewChanges: "Lần thẩm định ghi các thay đổi (dữ kiện, giá trị mới, lý do), không ghi lại toàn bộ dữ kiện",
          order: `Các lần chấm phải ghi theo thứ tự thời gian: ngày ${p.found} sớm hơn lần chấm trước`,
          unknownFact: `Dữ kiện ${p.fact} không có trong danh mục dữ kiện của nhóm đối tượng`,
          derivedFact: `Dữ kiện ${p.fact} được tính theo công thức: sửa các dữ kiện dùng để tính`,
          twice: `Dữ kiện ${p.fact} bị sửa hai lần trong cùng một lần thẩm định`,
        } as Record<string, string>)[p.kind ?? ""] ?? "Hồ sơ chấm điểm, thẩm định không hợp lệ",
    })[p.code],
  "issue.other": (p) => `${p.message} (${p.code})`,
  "issue.unknownColumn": (p) => `Cột «${p.column}» không phải dữ kiện nào của bộ tiêu chí nên bị bỏ qua${p.suggestion ? ` (có phải «${p.suggestion}»?)` : ""}`,
  "issue.lawUnconfirmed": (p) =>
    `${p.path}: giá trị ghi căn cứ “do văn bản pháp luật quy định” nhưng ${p.source ? `điều khoản viện dẫn (${[p.source, p.section].filter(Boolean).join(", ")}) ${
      ({ unconfirmed: "chưa đối chiếu được với văn bản gốc", unlisted: "chưa có trong danh sách điều khoản đã đối chiếu của bộ tiêu chí", noSection: "không nêu điều, khoản", repealed: "thuộc văn bản đã hết hiệu lực", sourceUnconfirmed: "thuộc văn bản chưa đối chiếu với bản gốc" } as Record<string, string>)[p.standing] ?? "chưa được xác nhận"
    }` : "không viện dẫn văn bản nào"}; hãy dẫn một điều khoản đã đối chiếu, hoặc ghi căn cứ “mặc định chính sách” kèm lý do`,
  "issue.unmatchedOverride": (p) => `Quyết định điều chỉnh cho đơn vị ${p.unitId} không khớp với đơn vị nào được chấm điểm nên không được áp dụng`,
  "issue.cell": (p) =>
    p.other === "unknownAward"
      ? `Cột «${p.column}»: bộ tiêu chí không có danh hiệu «${p.award}» — ghi đúng tên hoặc mã danh hiệu`
      : p.other === "ambiguousAward"
        ? `Cột «${p.column}»: nhiều danh hiệu cùng tên «${p.award}» — ghi mã danh hiệu`
        : `Cột «${p.column}»: giá trị «${p.found}» không đọc được — cần ${
            ({
              boolean: "có/không",
              integer: "một số nguyên (không dùng dấu phân cách hàng nghìn)",
              number: "một số",
              ratio: "một tỷ lệ, ví dụ 70% hoặc 0,7",
              date: "một ngày dạng dd/mm/yyyy",
              enum: p.choices ? `ghi một trong: ${quoted(p.choices)}` : `một trong: ${String(p.expected).replace(/^one of /, "")}`,
              set: `các giá trị cách nhau bởi dấu |${p.choices ? `, mỗi giá trị là một trong: ${quoted(p.choices)}` : ""}`,
              year: "một năm",
              group: p.choices ? `ghi một trong: ${quoted(p.choices)}` : "tên nhóm đối tượng",
              history: "dạng «2024: tên danh hiệu | tên danh hiệu; 2023: …», thêm “(chuyên đề)” hoặc “(đột xuất)” sau tên nếu có",
            } as Record<string, string>)[p.kind] ?? p.expected
          }`,
  "issue.input": (p) =>
    ({
      emptyFile: `${p.file}: tệp trống — cần có dòng tiêu đề`,
      utf16: `${p.file}: tệp được lưu dạng UTF-16 — hãy lưu lại dạng “CSV UTF-8 (comma delimited)”`,
      notUtf8Header: `${p.file}, cột «${p.column}»: tệp không phải văn bản UTF-8 — hãy lưu lại dạng “CSV UTF-8”`,
      duplicateColumn: `${p.file}, cột «${p.column}»: cột bị trùng (cột «${p.other}» đã chứa dữ kiện này); cột này bị bỏ qua`,
      missingColumn: `${p.file}: dòng tiêu đề thiếu cột ${p.other}`,
      csvSyntax: `${p.file}, dòng ${p.row} (dòng văn bản ${p.line}): không đọc được CSV — ${
        ({
          CSV_QUOTE_NOT_CLOSED: "một ô mở ngoặc kép nhưng không đóng (tệp bị cắt cụt?)",
          CSV_INVALID_CLOSING_QUOTE: "sau dấu ngoặc kép đóng còn ký tự khác",
          CSV_RECORD_INCONSISTENT_FIELDS_LENGTH: "số ô của dòng khác số cột của dòng tiêu đề",
        } as Record<string, string>)[p.other] ?? p.reason
      }; phần còn lại của tệp không được đọc`,
      invalidJson: `${p.file}, dòng ${p.line}, cột ${p.column}: JSON không hợp lệ (${p.reason})`,
      rowWidth: `${p.file}, dòng ${p.row}: dòng có ${p.found} ô nhưng dòng tiêu đề có ${p.expected} cột (${p.other === "short" ? "dòng bị cắt cụt?" : "có dấu phân cách nằm ngoài ngoặc kép, hoặc dấu phân cách hàng nghìn?"})`,
      badWorkbook: `${p.file}: không đọc được bảng tính — ${p.reason}`,
      damagedWorkbook: `${p.file}: bảng tính bị hỏng sau dòng ${p.other} (${p.reason}); phần còn lại không được đọc`,
      tooManyColumns: `${p.file}: dòng tiêu đề có ${p.found} cột, vượt quá giới hạn ${p.expected} cột; tệp không được đọc`,
      moreHeaderProblems: `${p.file}: dòng tiêu đề còn ${p.other} cột khác gặp lỗi tương tự (không liệt kê)`,
      jsonTooLarge: `${p.file}: tệp JSON lớn ${p.found} MiB, vượt quá giới hạn ${p.expected} MiB nên không được đọc — hãy lưu dữ liệu dạng NDJSON (mỗi dòng một hồ sơ, đuôi .ndjson), dạng này được đọc dần theo từng dòng`,
      assessment: `${p.file}, dòng ${p.row}, cột «${p.column}»: ${assessmentVi(p.other, p.found, p.expected)}`,
    })[p.problem],
  "issue.overrides": (p) => {
    const n = `Quyết định điều chỉnh thứ ${p.index + 1}`;
    const field = own(overrideField, p.field) ?? `«${p.field}»`;
    return ({
      schema:
        p.problem === "notArray"
          ? "Tệp quyết định điều chỉnh phải là một danh sách (mảng JSON) các quyết định"
          : p.problem === "notObject"
            ? `${n}: không đúng mẫu (cần một đối tượng gồm mã đơn vị, danh hiệu, lý do, người quyết định, ngày quyết định)`
            : p.problem === "unknown"
              ? `${n}: trường ${field} không thuộc mẫu quyết định điều chỉnh`
              : p.problem === "invalid"
                ? `${n}: ${field} phải là một danh sách, ghi cùng với danh hiệu, hình thức khen thưởng chính`
                : `${n}: thiếu ${field}`,
      date: `${n}: ngày quyết định ${p.found} không phải ngày có thật trên lịch — ghi dạng dd/mm/yyyy hoặc yyyy-mm-dd`,
      unknown_award: `${n}: ${p.found} không phải danh hiệu, hình thức khen thưởng của bộ tiêu chí (ghi tên hoặc mã của danh hiệu; ghi null nếu không khen thưởng)`,
      duplicate: `Quyết định điều chỉnh thứ ${p.other + 1} và thứ ${p.index + 1} cùng quyết định cho ${p.unitId}${p.cohort ? ` (cụm, khối ${p.cohort})` : ""}; mỗi đơn vị chỉ có một quyết định`,
      unmatched: `${n}: ${p.unitId}${p.cohort ? ` (cụm, khối ${p.cohort})` : ""} không có trong các đơn vị được chấm điểm${p.rejected ? " (dòng của đơn vị này bị loại do dữ liệu không hợp lệ)" : ""}`,
      award_mismatch: `${n}: không thể tặng ${p.award} cho ${p.unitId} — hình thức này không áp dụng cho đối tượng «${own(group, p.group) ?? p.group}»`,
      repeated_award: `${n}: «${p.award}» được ghi hai lần; mỗi danh hiệu, hình thức khen thưởng chỉ ghi một lần`,
      exclusive: `${n}: ${p.unitId} được quyết định cả «${p.otherAward ?? ""}» và «${p.award}», là hai hình thức mà bộ tiêu chí không xét cùng nhau trong một năm; quyết định vẫn được ghi nhận đúng như Hội đồng đã quyết định`,
    })[p.code];
  },
  "issue.record": (p) =>
    ({
      invalid_json: p.problem === "too_large" ? "Tệp bản ghi quyết định quá lớn để đọc toàn bộ (tối đa 500 MiB)" : p.problem === "utf8" ? "Tệp bản ghi quyết định không phải văn bản UTF-8" : `Tệp bản ghi quyết định không phải JSON hợp lệ: dòng ${p.line}, cột ${p.column}${p.problem === "truncated" ? " (tệp bị cắt cụt?)" : p.problem === "depth" ? " (lồng nhau quá sâu)" : p.problem === "duplicate" ? " (một khóa xuất hiện hai lần trong cùng một đối tượng)" : ""}`,
      schema:
        p.problem === "format"
          ? "Tệp này không phải bản ghi quyết định của thidua"
          : p.problem === "missing"
            ? `Bản ghi quyết định thiếu trường «${p.field}»`
            : p.problem === "unknown"
              ? `Bản ghi quyết định có trường lạ «${p.field}»`
              : `Bản ghi quyết định: trường «${p.field}» sai kiểu hoặc sai giá trị`,
      unsupported_version: `Bản ghi quyết định theo định dạng phiên bản ${p.found}; phần mềm này đọc được phiên bản 1 và 2`,
    })[p.code],
  "issue.rules": (p, f) =>
    ({
      invalid_utf8: `Tệp ${p.file} không phải văn bản UTF-8 hợp lệ (từ byte thứ ${f.num(p.offset)}); tệp bị từ chối`,
      duplicate_key: `Tệp ${p.file}, dòng ${f.num(p.line)}: khóa «${p.key}» xuất hiện hai lần trong cùng một đối tượng; tệp bị từ chối`,
      not_regular_file: `${p.file} không phải tệp thông thường nằm trong thư mục bộ tiêu chí (liên kết tượng trưng, thư mục hoặc tệp thiết bị); tệp bị từ chối`,
      limit: `Bộ tiêu chí vượt giới hạn: ${f.num(p.count)} ${own(limitWhat, p.what) ?? p.what}, tối đa ${f.num(p.limit)}`,
      depth_limit: `${p.file ? `Tệp ${p.file}: ` : ""}cấu trúc lồng nhau sâu quá ${f.num(p.limit)} mức tại ${p.path}`,
      extends_cycle: `Vòng lặp kế thừa giữa các bộ tiêu chí: ${p.found}`,
      parent_mismatch: `Bộ tiêu chí cha không đúng như khai báo kế thừa: khai báo ${p.expected}, tìm thấy ${p.found}`,
      invalid_json: `Tệp ${p.file} không phải JSON hợp lệ: dòng ${f.num(p.line)}, cột ${f.num(p.column)}`,
      too_large: `Tệp ${p.file} lớn hơn ${f.num(p.limit)} byte; tệp bị từ chối`,
    })[p.code],
  "cohort.title": (p) => `${p.cohort || "Chưa xác định cụm, khối thi đua"} — ${groupOf(p)} — năm ${p.year}`,
  "cohort.counts": (p, f) => `${f.num(p.scored)} ${who(p.group)} được chấm, ${f.num(p.rejected)} ${who(p.group)} bị loại`,
  "cohort.quotaBase": (p, f) => `Chỉ tiêu được tính trên số ${who(p.group)} được chấm, không tính ${f.num(p.rejected)} ${who(p.group)} bị loại`,
  "cohort.rejectedTitle": () => "Bị loại, không chấm điểm (dữ liệu không hợp lệ)",
  "rejected.unplaced": () => "Dòng bị loại không xác định được cụm, khối thi đua",
  "rejected.who": (p) => `Dòng ${String(p.row)}${p.unitId ? ` — ${p.unitId}` : ""}${p.name ? ` — ${p.name}` : ""}`,
  "col.missingEvidence": () => "Hồ sơ, minh chứng cần bổ sung",
  "col.group": () => "Đối tượng",
  "col.year": () => "Năm",
  "col.scored": () => "Số được chấm",
  "col.rejected": () => "Số bị loại",
  "col.proposed": () => "Số được đề nghị khen thưởng",
  "col.document": () => "Hồ sơ, minh chứng cần bổ sung",
  "col.received": () => "Đã nhận",
  "col.cohortName": () => "Tên đầy đủ của cụm, khối thi đua",
  "sheet.summary": () => "Tổng hợp",
  "sheet.evidence": () => "Hồ sơ cần bổ sung",
  "sheet.proposals": () => "Danh sách đề nghị",
  "sheet.rejected": () => "Dòng bị loại",
  "sheet.record": () => "Thông tin kết quả",
  "record.item": () => "Nội dung",
  "record.value": () => "Giá trị",
  "record.field": (p) => field[p.field],
  "record.yes": () => "Có",
  "record.no": () => "Không",
  "html.chart": (p) => `Biểu đồ điểm — ${p.cohort}`,
  "html.threshold": (p, f) => `${p.cls}: từ ${f.num(p.percent)}%`,
  "html.explanation": () => "Giải trình",
  "html.contents": () => "Các cụm, khối thi đua",
  "docx.motto": () => "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
  "docx.motto2": () => "Độc lập - Tự do - Hạnh phúc",
  "docx.body": () => "TÊN CƠ QUAN, TỔ CHỨC CHỦ QUẢN",
  "docx.council": () => "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG",
  "docx.number": () => "Số: …/DS-HĐTĐKT",
  "docx.placeDate": () => "…, ngày … tháng … năm …",
  "docx.title": () => "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG",
  "docx.subtitle": (p) => `Hình thức: ${p.award} — năm ${p.year}`,
  "docx.stt": () => "STT",
  "docx.unit": () => "Tên đơn vị, cá nhân",
  "docx.summary": () => "Thành tích tóm tắt",
  "docx.score": () => "Điểm",
  "docx.award": () => "Hình thức đề nghị",
  "docx.basis": () => "Căn cứ",
  "docx.achievement": (p, f) => `Xếp thứ ${f.num(p.rank)}/${f.num(p.size)} ${p.cohort}; đạt ${f.num(p.score)} điểm, xếp loại ${p.cls}${p.self === undefined ? "" : ` (điểm tự đánh giá: ${f.num(p.self)} điểm)`}`,
  "docx.total": (p, f) => `(Danh sách có ${f.num(p.count)} đơn vị, cá nhân)`,
  "docx.signer": () => "TM. HỘI ĐỒNG",
  "docx.signerTitle": () => "CHỦ TỊCH",
  "docx.signerName": () => "(Ký, ghi rõ họ tên, đóng dấu)",
  "docx.recipients": () => "Nơi nhận:",
  "docx.recipientsList": () => "- Như trên;\n- Lưu: VT.",
  "report.assessments": (p) => `Tệp đánh giá, thẩm định: mã băm SHA-256 ${p.sha256}`,
} satisfies ReportCatalog;
