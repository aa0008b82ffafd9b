import type { Catalog, Operator } from "./types.js";

/** Lower-cases the first letter for use mid-sentence, unless the word is an acronym ("ANTT"). */
const lc = (s: string) => (s.length > 1 && s[1] !== s[1]!.toUpperCase() ? s[0]!.toLowerCase() + s.slice(1) : s);
const req: Readonly<Record<Operator, (v: string) => string>> = {
  equal: (v) => v,
  notEqual: (v) => `khác ${v}`,
  lessThan: (v) => `dưới ${v}`,
  lessThanInclusive: (v) => `không quá ${v}`,
  greaterThan: (v) => `trên ${v}`,
  greaterThanInclusive: (v) => `từ ${v} trở lên`,
  in: (v) => `là một trong: ${v}`,
  notIn: (v) => `không thuộc: ${v}`,
  contains: (v) => `có ${v}`,
  doesNotContain: (v) => `không có ${v}`,
};
const status = { met: "Đạt", partial: "Đạt một phần", not_met: "Chưa đạt", unknown: "Chưa đủ căn cứ", not_applicable: "Không áp dụng" } as const;
const group = {
  ministry: "Bộ, ban, ngành Trung ương",
  province: "Tỉnh, thành phố trực thuộc Trung ương",
  front: "Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội",
  enterprise: "Cơ quan, tổ chức, doanh nghiệp, cơ sở giáo dục",
  individual: "Cá nhân",
} as const;
const tie = {
  score: "điểm cao hơn xếp trước",
  notKnockedOut: "đơn vị không vi phạm tiêu chí loại trừ xếp trước",
  fewerUnknown: "đơn vị có ít tiêu chí chưa đủ căn cứ hơn xếp trước",
  moreMet: "đơn vị đạt trọn vẹn nhiều tiêu chí hơn xếp trước",
  unitId: "xếp theo thứ tự mã đơn vị (thành tích ngang nhau)",
} as const;
const rounding = { floor: "làm tròn xuống", ceil: "làm tròn lên", "half-up": "làm tròn" } as const;
/** "xét tặng danh hiệu “…”" for a title, "đề nghị tặng …" for a commendation or medal. */
const named = (award: string, kind: string) => (kind === "title" ? `xét tặng danh hiệu “${award}”` : `đề nghị tặng ${award}`);
const ofQuota = (of: string) => (of ? `đơn vị đạt “${of}”` : "đơn vị trong cụm, khối");
/** A cluster named as written when its name already says “Cụm …” or “Khối …”, else after “cụm, khối thi đua”. */
const cohortName = (c: string) => (/^(cụm|khối)\s/iu.test(c) ? c : `cụm, khối thi đua ${c}`);

/** What a value must be, in words (the validator's type names). */
const kindWords: Readonly<Record<string, string>> = { string: "văn bản", number: "một số", integer: "số nguyên", boolean: "có/không" };
/** An own property of a table, or undefined (a key from user data never reaches the prototype). */
const own = (table: Readonly<Record<string, string>>, key: string): string | undefined => (Object.hasOwn(table, key) ? table[key] : undefined);
/** Fields of a committee override, as a committee names them. */
const overrideField: Readonly<Record<string, string>> = {
  unitId: "mã đơn vị (cá nhân)",
  award: "danh hiệu, hình thức khen thưởng",
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

/** Vietnamese: the reference wording. */
export const vi = {
  locale: "vi-VN",
  op: {
    equal: (f, v) => `${f} là ${v}`,
    notEqual: (f, v) => `${f} khác ${v}`,
    lessThan: (f, v) => `${f} nhỏ hơn ${v}`,
    lessThanInclusive: (f, v) => `${f} không quá ${v}`,
    greaterThan: (f, v) => `${f} lớn hơn ${v}`,
    greaterThanInclusive: (f, v) => `${f} từ ${v} trở lên`,
    in: (f, v) => `${f} thuộc một trong: ${v}`,
    notIn: (f, v) => `${f} không thuộc: ${v}`,
    contains: (f, v) => `${f} có ${v}`,
    doesNotContain: (f, v) => `${f} không có ${v}`,
  },
  isTrue: (f) => `${f}: có`,
  isFalse: (f) => `${f}: không`,
  yes: "có",
  no: "không",
  allOf: "Đạt tất cả các điều kiện sau",
  anyOf: "Đạt ít nhất một trong các điều kiện sau",
  notThat: "Không xảy ra trường hợp sau",
  or: "hoặc",
  points: (p) => `${p} điểm`,
  perUnit: (pts, f, cap) => `${pts} điểm cho mỗi đơn vị của «${f}», tối đa ${cap} điểm`,
  tier: (pts) => `Mức ${pts} điểm`,
  bonus: "Điểm thưởng",
  deduction: "Điểm trừ",
  floor: (p) => `điểm trừ không làm tiêu chí xuống dưới ${p} điểm`,
  appliesWhen: "Chỉ áp dụng khi",
  knockout: "Tiêu chí loại trừ: nếu xảy ra thì không xét danh hiệu nào trong năm",
  basis: { law: "do văn bản pháp luật quy định", "policy-default": "mặc định chính sách (hội đồng có thể điều chỉnh)" },
  status,
  req,
  msg: {
    "section.standing": () => "Kết quả chấm điểm, xếp hạng",
    "section.criteria": () => "Kết quả theo từng tiêu chí",
    "section.award": () => "Đề nghị khen thưởng",
    "section.nearMisses": () => "Điều kiện còn thiếu để đạt mức khen thưởng cao hơn",
    "section.todo": () => "Hồ sơ, minh chứng cần bổ sung",
    "unit.name": (p) => `${p.unitId} — ${p.name}`,
    citation: (p) => `Căn cứ: ${[p.source, p.section].filter(Boolean).join(", ")}${p.note ? ` (ghi chú: ${lc(p.note)})` : ""}`,
    "headline.award": (p) => (p.kind === "title" ? `Đề nghị xét tặng danh hiệu “${p.award}”` : `Đề nghị tặng ${p.award}`),
    "headline.none": (p) => `Chưa đủ điều kiện đề nghị khen thưởng năm ${p.year}`,
    "headline.knockout": (p) => `Không xét danh hiệu thi đua, hình thức khen thưởng do vi phạm tiêu chí loại trừ: ${p.reasons}`,
    "headline.pending": (p, f) => `Chưa đủ căn cứ để đề nghị khen thưởng: cần bổ sung ${f.num(p.count)} loại hồ sơ, minh chứng`,
    "headline.overridden": (p) => `Hội đồng quyết định: ${p.award} (đề xuất theo bộ tiêu chí: ${lc(p.computed)})`,
    "headline.scored": (p, f) => `Kết quả chấm điểm thi đua năm ${p.year}: ${f.num(p.score)}/${f.num(p.max)} điểm; xếp loại: ${p.cls || "chưa xếp loại"}`,
    "standing.score": (p, f) => `Tổng điểm: ${f.num(p.score)}/${f.num(p.max)} điểm (${f.num(p.percent)}%); xếp loại: ${p.cls || "chưa xếp loại"}`,
    "standing.rank": (p, f) => `Xếp thứ ${f.num(p.rank)}/${f.num(p.size)} ${p.cohort ? `trong ${cohortName(p.cohort)}` : `trong nhóm ${lc(group[p.group])}`}`,
    "standing.tie": (p) => `Bằng điểm với đơn vị xếp liền trên; thứ tự xác định theo quy tắc phụ: ${tie[p.rule]}`,
    "standing.cap": (p, f) => `Áp dụng mức trần «${p.title}»: ${f.num(p.points)} điểm, chỉ tính ${f.num(p.cap)} điểm`,
    "criterion.result": (p, f) =>
      p.status === "unknown"
        ? `Tiêu chí ${p.id} — ${p.title}: chưa đủ căn cứ để chấm, tạm tính ${f.num(p.points)}/${f.num(p.max)} điểm`
        : `Tiêu chí ${p.id} — ${p.title}: ${lc(status[p.status])}, ${f.num(p.points)}/${f.num(p.max)} điểm${p.bonus ? ` (kể cả ${f.num(p.bonus)} điểm thưởng)` : ""}${p.deduction ? `, đã trừ ${f.num(p.deduction)} điểm` : ""}`,
    "criterion.knockout": (p) =>
      `Tiêu chí ${p.id} (${p.title}) — ${p.status === "met" ? "có vi phạm" : p.status === "unknown" ? "chưa có xác nhận" : "không vi phạm"}`,
    "criterion.tier": (p, f) => `Đạt mức «${p.label}»: ${f.num(p.points)} điểm`,
    "criterion.tierMissed": (p, f) => `Chưa đạt mức «${p.label}» (${f.num(p.points)} điểm):`,
    "criterion.perUnit": (p, f) => `${p.fact}: ${p.actual} — tính ${f.num(p.perUnit)} điểm cho mỗi ${p.per || "trường hợp"}, tối đa ${f.num(p.cap)} điểm`,
    "criterion.bonus": (p, f) => `Điểm thưởng +${f.num(p.points)}: ${p.title}`,
    "criterion.deduction": (p, f) => `Điểm trừ −${f.num(p.points)}: ${p.title}`,
    "criterion.unmetBecause": (p) =>
      p.operator === "equal" && p.required === "có"
        ? `Chưa đạt tiêu chí ${p.id} vì chưa đáp ứng: ${lc(p.fact)}`
        : p.operator === "equal" && p.required === "không"
          ? `Chưa đạt tiêu chí ${p.id} vì ${lc(p.fact)}`
          : `Chưa đạt tiêu chí ${p.id} vì ${lc(p.fact)} là ${p.actual}, yêu cầu ${req[p.operator](p.required)}`,
    "fact.met": (p) => `${p.fact}: ${p.actual} (yêu cầu ${req[p.operator](p.required)})`,
    "fact.unmet": (p) => `${p.fact}: ${p.actual} — yêu cầu ${req[p.operator](p.required)}`,
    "fact.missing": (p) => `Chưa có dữ liệu: ${lc(p.fact)}`,
    "fact.value": (p) => `${p.fact}: ${p.actual}`,
    "reason.tie": (p) => `Bằng điểm với đơn vị xếp trên, xếp sau theo quy tắc phụ: ${tie[p.rule]}`,
    "reason.quota": (p, f) =>
      `Ngoài chỉ tiêu ${named(p.award, p.kind)}: chỉ tiêu ${f.num(p.allowed)}, xếp thứ ${f.num(p.position)} trong số đơn vị đủ điều kiện${p.allowed === 0 && p.exact > 0 ? ` (${f.num(p.share)}% của ${f.num(p.base)} là ${f.num(p.exact)}, ${rounding[p.rounding]} thành 0)` : ""}`,
    "reason.deferred": (p) => `Tạm chưa xét ${named(p.award, p.kind)}: ${p.why}`,
    "reason.pointsShort": (p, f) => `Còn thiếu ${f.num(p.points)} điểm để được ${named(p.award, p.kind)}`,
    "award.proposed": (p) => `${p.kind === "title" ? `Danh hiệu “${p.award}”` : p.award} — thẩm quyền quyết định: ${p.grantor}`,
    "award.alongside": (p) => `Đồng thời ${p.kind === "title" ? `đề nghị xét tặng danh hiệu “${p.award}”` : `đề nghị tặng ${p.award}`} — thẩm quyền quyết định: ${p.grantor}`,
    "award.bonus": (p, f) => `Tiền thưởng: hệ số ${f.num(p.coefficient)} × mức lương cơ sở`,
    "award.quotaWithin": (p, f) =>
      `Trong chỉ tiêu khen thưởng: xếp thứ ${f.num(p.position)}, chỉ tiêu ${f.num(p.allowed)} (${p.share === 0 ? "dành cho đơn vị dẫn đầu cụm, khối" : `${f.num(p.share)}% của ${f.num(p.base)} ${ofQuota(p.of)} là ${f.num(p.exact)}, ${rounding[p.rounding]}`})`,
    "award.alternatives": (p) => `Cũng đủ điều kiện (không đề nghị trùng vì đã đề nghị mức cao hơn cùng loại): ${p.list}`,
    "award.computed": (p) => `Đề xuất theo bộ tiêu chí: ${p.award}`,
    "award.override": (p, f) => `Hội đồng quyết định: ${p.award} — lý do: ${p.reason} (${p.decidedBy}, ${f.date(p.date)})`,
    "near.header": (p, f) =>
      p.status === "deferred"
        ? `Tạm chưa xét ${named(p.award, p.kind)}:`
        : p.status === "quota"
        ? `Đủ điều kiện ${named(p.award, p.kind)} nhưng ngoài chỉ tiêu khen thưởng:`
        : p.status === "unknown"
          ? `Chưa đủ căn cứ để ${named(p.award, p.kind)}${p.points ? ` (theo số điểm đã có căn cứ, còn thiếu ${f.num(p.points)} điểm)` : ""}:`
          : p.points
            ? `Còn thiếu ${f.num(p.points)} điểm để được ${named(p.award, p.kind)}:`
            : `Chưa đủ điều kiện ${named(p.award, p.kind)}:`,
    "check.knockout": (p) => `Vi phạm tiêu chí loại trừ: ${p.reasons}`,
    "check.knockoutUnknown": (p) => `Chưa có căn cứ xác định không vi phạm tiêu chí loại trừ: ${p.criteria}`,
    "check.minClass": (p) => `Yêu cầu xếp loại từ ${p.required} trở lên; hiện ${p.actual ? `xếp loại ${p.actual}` : "chưa được xếp loại"}`,
    "check.minPercent": (p, f) => `Yêu cầu đạt từ ${f.num(p.required)}% tổng điểm chuẩn; hiện đạt ${f.num(p.actual)}%`,
    "check.criterion": (p) => `Tiêu chí ${p.id} — ${p.title} phải đạt; hiện: ${lc(status[p.status])}`,
    "check.consecutive": (p, f) => `Yêu cầu ${f.num(p.times)} lần liên tục đạt ${p.awards}${p.current ? " (tính cả năm xét)" : ""}; hiện có ${f.num(p.found)} lần`,
    "check.prior": (p, f) => `Yêu cầu đã được tặng ${p.awards}${p.within ? ` trong ${f.num(p.within)} năm gần nhất` : ""}; hồ sơ chưa thể hiện`,
    "check.never": (p) => `Đã được tặng ${p.awards} (chỉ tặng một lần)`,
    "check.freshInitiatives": (p, f) => `Yêu cầu ${f.num(p.min)} sáng kiến chưa được dùng để đề nghị khen thưởng trước đây; hiện có ${f.num(p.found)}`,
    "check.missingYears": (p) => `Chưa có hồ sơ thành tích năm ${p.years}`,
    "check.requiresThisYear": (p) => `Trong năm phải đạt ${p.award}`,
    "check.quota": (p, f) =>
      `Xếp thứ ${f.num(p.position)} trong số đơn vị đủ điều kiện, chỉ tiêu ${f.num(p.allowed)} (${p.share === 0 ? "dành cho đơn vị dẫn đầu cụm, khối" : `${f.num(p.share)}% của ${f.num(p.base)} ${ofQuota(p.of)} là ${f.num(p.exact)}, ${rounding[p.rounding]}`})`,
    "check.deferral": (p) => `Tạm chưa xét khen thưởng trong thời gian ${p.why}`,
    "check.deferralUnknown": (p) => `Chưa có xác nhận về việc ${p.why}`,
    "todo.evidence": (p) => `Thiếu hồ sơ, minh chứng: ${p.evidence} — để xác định ${lc(p.label)}${p.criteria ? ` (tiêu chí ${p.criteria})` : ""}${p.awards ? ` (điều kiện xét ${p.awards})` : ""}`,
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
    "report.cohort": (p, f) => {
      const c = p.cohort ? cohortName(p.cohort) : "cụm, khối thi đua (chưa xác định)";
      return `${c[0]!.toUpperCase()}${c.slice(1)} — ${group[p.group]} — năm ${p.year} (${f.num(p.size)} ${p.group === "individual" ? "cá nhân" : "đơn vị"})`;
    },
    "report.quota": (p, f) =>
      `Chỉ tiêu ${p.award}: tối đa ${f.num(p.allowed)} (${p.share === 0 ? "dành cho đơn vị dẫn đầu cụm, khối" : `${f.num(p.share)}% của ${f.num(p.base)} ${ofQuota(p.of)} là ${f.num(p.exact)}, ${rounding[p.rounding]}`}); ${f.num(p.candidates)} đơn vị đủ điều kiện, đề nghị ${f.num(p.granted)}${p.binding ? " — chỉ tiêu đã giới hạn số được đề nghị" : ""}`,
    "report.overrides": () => "Quyết định điều chỉnh của Hội đồng",
    "report.runQuotas": () => "Chỉ tiêu dùng chung cho các cụm, khối trong đợt xét",
    "report.overrideLine": (p, f) => `${p.unitId}: ${p.award} — lý do: ${p.reason} (${p.decidedBy}, ${f.date(p.date)})${p.matched ? "" : " — không tìm thấy đơn vị tương ứng"}`,
    "report.rowAt": (p) => `Dòng ${String(p.row)} trong dữ liệu đầu vào`,
    "report.units": () => "Giải trình chi tiết từng đơn vị",
    "report.rejected": () => "Dòng bị loại (không chấm điểm)",
    "report.rejectedCount": (p, f) => `${f.num(p.count)} dòng bị loại do dữ liệu không hợp lệ`,
    "report.asProposed": () => "Như đề nghị",
    "report.noAward": () => "Không đề nghị khen thưởng",
    "report.unclassified": () => "Chưa xếp loại",
    "report.missingEvidence": (p, f) => `còn thiếu ${f.num(p.count)} loại hồ sơ, minh chứng`,
    "col.rank": () => "Hạng",
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
    "col.missing": () => "Số loại hồ sơ, minh chứng còn thiếu",
    "col.row": () => "Dòng",
    "col.path": () => "Cột",
    "col.issue": () => "Nội dung lỗi",
    "class.rejected": () => "bị loại",
    "issue.profiles": (p) =>
      ({
        schema: `${p.field ? `Cột «${p.field}»: ` : ""}${p.found === "undefined" || !p.found ? "chưa ghi" : `giá trị ${p.found} không đúng`}${p.expected ? ` — cần ghi ${own(kindWords, p.expected) ?? p.expected}` : ""}`,
        unknown_fact: `Dữ kiện ${p.fact} không có trong danh mục dữ kiện của bộ tiêu chí`,
        fact_type: `Cột «${p.field}»: giá trị ${p.found} không đúng kiểu — cần ghi ${own(kindWords, p.expected) ?? p.expected}`,
        fact_range: `Cột «${p.field}»: giá trị ${p.found} ngoài phạm vi — cần ${String(p.expected).replace(/^>= ?(.*)$/, "từ $1 trở lên").replace(/^<= ?(.*)$/, "không quá $1")}`,
        fact_enum: `Cột «${p.field}»: giá trị ${p.found} không hợp lệ — cần ghi một trong: ${p.expected}`,
        fact_date: `Cột «${p.field}»: ngày ${p.found} không hợp lệ — cần ghi dạng dd/mm/yyyy`,
        fact_not_in_group: `Dữ kiện ${p.fact} không áp dụng cho nhóm ${p.group}`,
        unknown_group: `Nhóm đối tượng không hợp lệ: nhận được ${p.found}`,
        duplicate_id: `Mã ${p.id} xuất hiện nhiều lần trong cùng cụm, khối và năm; tất cả các bản đều bị loại`,
        forbidden_key: `Khóa không được phép: ${p.found}`,
        unknown_award: `Danh hiệu, hình thức khen thưởng không có trong bộ tiêu chí: ${p.found}`,
      })[p.code],
    "issue.other": (p) => `${p.message} (${p.code})`,
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
                enum: `một trong: ${String(p.expected).replace(/^one of /, "")}`,
                set: "các giá trị cách nhau bởi dấu |",
                year: "một năm",
                group: "tên nhóm đối tượng",
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
                : `${n}: thiếu ${field}`,
        date: `${n}: ngày quyết định ${p.found} không phải ngày có thật trên lịch — ghi dạng dd/mm/yyyy hoặc yyyy-mm-dd`,
        unknown_award: `${n}: ${p.found} không phải danh hiệu, hình thức khen thưởng của bộ tiêu chí (ghi tên hoặc mã của danh hiệu; ghi null nếu không khen thưởng)`,
        duplicate: `Quyết định điều chỉnh thứ ${p.other + 1} và thứ ${p.index + 1} cùng quyết định cho ${p.unitId}${p.cohort ? ` (cụm, khối ${p.cohort})` : ""}; mỗi đơn vị chỉ có một quyết định`,
        unmatched: `${n}: ${p.unitId}${p.cohort ? ` (cụm, khối ${p.cohort})` : ""} không có trong các đơn vị được chấm điểm${p.rejected ? " (dòng của đơn vị này bị loại do dữ liệu không hợp lệ)" : ""}`,
        award_mismatch: `${n}: không thể tặng ${p.award} cho ${p.unitId} — hình thức này không áp dụng cho đối tượng «${own(group, p.group) ?? p.group}»`,
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
  },
  rulebook: {
    title: (n) => `Bộ tiêu chí: ${n}`,
    version: (v, d) => `Phiên bản ${v} — mã băm SHA-256 của bộ tiêu chí: \`${d}\``,
    effective: (from, to) => (to ? `Hiệu lực từ ${from} đến ${to}` : `Hiệu lực từ ${from}`),
    extends: (id, v) => `Kế thừa bộ tiêu chí ${id} (phiên bản ${v})`,
    sources: "Căn cứ pháp lý",
    facts: "Danh mục dữ kiện",
    criteria: "Tiêu chí thi đua",
    group,
    contents: (l) => `Nội dung thi đua: ${l}`,
    citation: "Căn cứ",
    evidence: "Hồ sơ minh chứng",
    maxPoints: (p) => `Điểm tối đa: ${p}`,
    groupCap: (ids, p) => `Tổng điểm của ${ids} không vượt quá ${p} điểm`,
    classes: "Xếp loại",
    classLine: (t, m) => `${t}: từ ${m}% tổng điểm chuẩn`,
    requires: (c, p) => `tiêu chí ${c} đạt ít nhất ${p} điểm`,
    awards: "Danh hiệu và hình thức khen thưởng",
    grantor: "Thẩm quyền",
    eligibility: "Điều kiện",
    minClass: (t) => `Xếp loại từ ${t} trở lên`,
    minPercent: (p) => `Đạt từ ${p}% tổng điểm chuẩn`,
    noKnockout: "Không vi phạm tiêu chí loại trừ",
    history: "Điều kiện về thành tích các năm trước",
    consecutive: (n, a, cur) => `${n} lần liên tục đạt ${a}${cur ? " (tính cả năm xét)" : ""}`,
    prior: (a, w) => (w ? `Đã được tặng ${a} trong ${w} năm gần nhất` : `Đã được tặng ${a}`),
    never: (a) => `Chưa được tặng ${a} (chỉ tặng một lần)`,
    freshInitiatives: (n) => `Có ít nhất ${n} sáng kiến chưa được dùng làm căn cứ khen thưởng trước đây (mỗi sáng kiến chỉ tính một lần)`,
    quota: (s, of, r) => `Tỷ lệ tối đa: ${s} của ${of} (làm tròn: ${r})`,
    quotaOff: "không áp dụng trong bộ quy tắc này vì văn bản pháp luật đang có hiệu lực không quy định tỷ lệ; bộ quy tắc địa phương có thể áp dụng kèm lý do",
    deferrals: "Tạm chưa xét khen thưởng",
    deferral: (why) => `Mọi hình thức khen thưởng tạm chưa xét trong thời gian ${why}`,
    cohort: "số đơn vị trong cụm, khối",
    bonusCoefficient: (c) => `Hệ số tiền thưởng: ${c} lần mức lương cơ sở`,
    requiresThisYear: (a) => `Trong năm phải đạt: ${a}`,
    overrides: "Điều chỉnh so với bộ tiêu chí gốc",
    overrideLine: (t, f, to) => `${t}: ${f} → ${to}`,
    origin: (id) => `Nguồn: bộ tiêu chí ${id}`,
    unit: "Đơn vị tính",
    type: "Kiểu",
    code: "Mã",
    fact: "Dữ kiện",
    factType: { boolean: "có/không", integer: "số nguyên", number: "số", ratio: "tỷ lệ", date: "ngày", enum: "một trong", set: "một hoặc nhiều trong", object: "bản ghi" },
    rounding: { floor: "xuống", ceil: "lên", "half-up": "đến số nguyên gần nhất" },
    sourceStatus: { "in-force": "đang có hiệu lực", amended: "đã được sửa đổi", repealed: "đã hết hiệu lực", unconfirmed: "văn bản chưa đối chiếu với bản gốc" },
    provisionStatus: {
      confirmed: "đã đối chiếu với văn bản lưu trữ",
      secondary: "chỉ đối chiếu qua nguồn thứ cấp (bản đăng trên mạng)",
      unconfirmed: "chưa đối chiếu được với văn bản gốc",
    },
    provisions: "Điều khoản được sử dụng",
    via: (w) => `nguồn đối chiếu: ${w}`,
    standing: {
      secondary: "đối chiếu qua nguồn thứ cấp",
      unconfirmed: "số điều, câu chữ chưa đối chiếu với văn bản gốc",
      unlisted: "chưa đối chiếu với văn bản gốc",
      noSection: "chưa xác định điều khoản",
      repealed: "văn bản đã hết hiệu lực",
      sourceUnconfirmed: "nội dung văn bản chưa đối chiếu với bản gốc",
    },
    note: (t) => `Ghi chú: ${t}`,
    overrideTarget: {
      threshold: (c, cond) => `Tiêu chí \`${c}\`, điều kiện «${cond}»`,
      class: (t) => `Xếp loại «${t}», tỷ lệ điểm tối thiểu`,
      quota: (a) => `${a}, tỷ lệ tối đa`,
      quotaEnabled: (a) => `${a}, áp dụng tỷ lệ tối đa`,
      perUnit: (c, f) => `Tiêu chí \`${c}\`, ${f === "cap" ? "mức điểm tối đa" : "số điểm cho mỗi đơn vị"}`,
    },
  },
} satisfies Catalog;
