import type { Catalog, Operator, TieParams } from "./types.js";

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
/** The doubt printed after a citation (nothing for a confirmed provision): in the rule book and in explanations. */
const doubtWords = {
  secondary: "đối chiếu qua nguồn thứ cấp",
  unconfirmed: "số điều, câu chữ chưa đối chiếu với văn bản gốc",
  unlisted: "chưa đối chiếu với văn bản gốc",
  noSection: "chưa xác định điều khoản",
  repealed: "văn bản đã hết hiệu lực",
  sourceUnconfirmed: "nội dung văn bản chưa đối chiếu với bản gốc",
} as const;
const status = { met: "Đạt", partial: "Đạt một phần", not_met: "Chưa đạt", unknown: "Chưa đủ căn cứ", not_applicable: "Không áp dụng" } as const;
const group = {
  ministry: "Bộ, ban, ngành Trung ương",
  province: "Tỉnh, thành phố trực thuộc Trung ương",
  front: "Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội",
  enterprise: "Cơ quan, tổ chức, doanh nghiệp, cơ sở giáo dục",
  individual: "Cá nhân",
} as const;
/** The name of a subject group: the name the rule set gives it, else the catalog's name of one of the five of Decision 2447. */
const groupOf = (p: { group: string; groupName?: string | undefined }): string => p.groupName ?? (group as Readonly<Record<string, string>>)[p.group] ?? p.group;
const tie = {
  score: "điểm cao hơn xếp trước",
  notKnockedOut: "hồ sơ không vi phạm tiêu chí loại trừ xếp trước",
  fewerUnknown: "hồ sơ có ít tiêu chí chưa đủ căn cứ hơn xếp trước",
  moreMet: "hồ sơ đạt trọn vẹn nhiều tiêu chí hơn xếp trước",
  unitId: "xếp theo thứ tự mã hồ sơ (thành tích ngang nhau)",
  scored: "hồ sơ đã có căn cứ chấm điểm xếp trước hồ sơ chưa chấm",
  potentialScore: "hồ sơ có tổng điểm có thể đạt cao hơn xếp trước",
  selfScore: "hồ sơ có tổng điểm tự chấm cao hơn xếp trước",
  name: "xếp theo thứ tự tên (thành tích ngang nhau)",
  fact: "",
} as const;
/** A step of the ranking chain in words; a fact names itself and the direction that ranks first. */
const tieText = (p: TieParams) => (p.rule === "fact" ? `hồ sơ có «${p.fact ?? ""}» ${p.better === "lower" ? "thấp" : "cao"} hơn xếp trước` : tie[p.rule]);
const modes = { "half-up": "từ nửa đơn vị trở lên làm tròn lên", "half-even": "đúng nửa đơn vị làm tròn về số chẵn", floor: "làm tròn xuống", ceil: "làm tròn lên" } as const;
const roles = { reviewer: "thẩm định", council: "Hội đồng quyết định" } as const;
const rounding = { floor: "làm tròn xuống", ceil: "làm tròn lên", "half-up": "làm tròn" } as const;
/** "xét tặng danh hiệu “…”" for a title, "đề nghị tặng …" for a commendation or medal. */
const named = (award: string, kind: string) => (kind === "title" ? `xét tặng danh hiệu “${award}”` : `đề nghị tặng ${award}`);
const ofQuota = (of: string) => (of ? `đơn vị đạt “${of}”` : "đơn vị trong cụm, khối");
/** A cluster named as written when its name already says “Cụm …” or “Khối …”, else after “cụm, khối thi đua”. */
const cohortName = (c: string) => (/^(cụm|khối)\s/iu.test(c) ? c : `cụm, khối thi đua ${c}`);


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
  pointsAsGiven: (f, cap) => `Điểm bằng «${f}», tối đa ${cap} điểm`,
  tier: (pts) => `Mức ${pts} điểm`,
  bonus: "Điểm thưởng",
  deduction: "Điểm trừ",
  floor: (p) => `điểm trừ không làm tiêu chí xuống dưới ${p} điểm`,
  appliesWhen: "Chỉ áp dụng khi",
  knockout: "Tiêu chí loại trừ: nếu xảy ra thì không xét danh hiệu nào trong năm",
  formula: {
    fn: { min: "nhỏ nhất", max: "lớn nhất", sum: "tổng", count: "số điều kiện đúng" },
    sep: "; ",
    and: "và",
    or: "hoặc",
    not: (x) => `không phải (${x})`,
    if: (c, a, b) => `(nếu ${c} thì ${a}, nếu không thì ${b})`,
    coalesce: (xs) => `(${xs.join(", nếu chưa có thì ")})`,
    clamp: (x, lo, hi) => `giới hạn(${x}; từ ${lo} đến ${hi})`,
    round: (x, places, mode) => `làm tròn(${x}; ${places ? `${places} chữ số thập phân` : "đến hàng đơn vị"}; ${modes[mode]})`,
    over: (op, f, set) => (op === "sum" ? `tổng các mục của ${f}` : set ? `số mục của ${f}` : `số mục đạt của ${f}`),
    unknown: "?",
  },
  basis: {
    law: "do văn bản pháp luật quy định",
    regulation: "theo quy chế, quy định của cơ quan, tổ chức ban hành bộ tiêu chí",
    "policy-default": "mặc định chính sách (hội đồng có thể điều chỉnh)",
  },
  status,
  req,
  msg: {
    "section.standing": () => "Kết quả chấm điểm, xếp hạng",
    "section.criteria": () => "Kết quả theo từng tiêu chí",
    "section.award": () => "Đề nghị khen thưởng",
    "section.nearMisses": () => "Điều kiện còn thiếu để đạt mức khen thưởng cao hơn",
    "section.todo": () => "Hồ sơ, minh chứng cần bổ sung",
    "unit.name": (p) => `${p.unitId} — ${p.name}`,
    citation: (p) =>
      `Căn cứ: ${[p.source, p.section].filter(Boolean).join(", ")}${p.doubt ? ` (${doubtWords[p.doubt]})` : ""}${p.note ? ` (ghi chú: ${lc(p.note)})` : ""}`,
    "headline.award": (p) => (p.kind === "title" ? `Đề nghị xét tặng danh hiệu “${p.award}”` : `Đề nghị tặng ${p.award}`),
    "headline.none": (p) => `Chưa đủ điều kiện đề nghị khen thưởng năm ${p.year}`,
    "headline.scoringOnly": () => "Chỉ chấm điểm, xếp loại và xếp hạng: bộ tiêu chí không có danh hiệu, hình thức khen thưởng để đề nghị",
    "headline.knockout": (p) => `Không xét danh hiệu thi đua, hình thức khen thưởng do vi phạm tiêu chí loại trừ: ${p.reasons}`,
    "headline.pending": (p, f) => `Chưa đủ căn cứ để đề nghị khen thưởng: cần bổ sung ${f.num(p.count)} loại hồ sơ, minh chứng`,
    "headline.overridden": (p) => `Hội đồng quyết định: ${p.award} (đề xuất theo bộ tiêu chí: ${lc(p.computed)})`,
    "headline.scored": (p, f) => `Kết quả chấm điểm thi đua năm ${p.year}: ${f.num(p.score)}/${f.num(p.max)} điểm; xếp loại: ${p.cls || "chưa xếp loại"}`,
    "standing.score": (p, f) => `Tổng điểm: ${f.num(p.score)}/${f.num(p.max)} điểm (${f.num(p.percent)}%); xếp loại: ${p.cls || "chưa xếp loại"}`,
    "standing.rank": (p, f) => `Xếp thứ ${f.num(p.rank)}/${f.num(p.size)} ${p.cohort ? `trong cụm, khối thi đua ${p.cohort}` : `trong nhóm ${lc(groupOf(p))}`}`,
    "standing.tie": (p) => `Bằng điểm với hồ sơ xếp liền trên; thứ tự xác định theo quy tắc phụ: ${tieText(p)}`,
    "standing.sharedRank": () => "Đồng hạng với hồ sơ xếp liền trên (ngang nhau ở mọi tiêu chí xếp hạng)",
    "standing.assessed": (p, f) =>
      `Điểm tự chấm: ${f.num(p.self)} điểm (${p.selfClass || "chưa xếp loại"}); điểm chính thức: ${f.num(p.official)} điểm (${p.officialClass || "chưa xếp loại"}) — ${
        ({ lastReviewer: "theo lần chấm sau cùng đối với từng nội dung", council: "theo kết quả chấm của Hội đồng", self: "theo điểm tự chấm" } as Record<string, string>)[p.policy] ?? ""
      }`,
    "assessment.change": (p, f) =>
      `${p.by} (${roles[p.role]}, ${f.date(p.date)}) sửa «${p.fact}» từ ${p.from} thành ${p.to} — lý do: ${p.reason}${p.official ? "" : " (không phải giá trị chính thức)"}`,
    "fact.derived": (p) => (p.result ? `${p.fact} = ${p.formula} = ${p.values} = ${p.result}` : `${p.fact} = ${p.formula}: chưa tính được (${p.values})`),
    "criterion.blankAs": (p) => `${p.title}: chưa có dữ liệu, ${p.how === "zero" ? "tính là không có" : "tính ở mức tối đa"} theo quy định của bộ tiêu chí`,
    "standing.cap": (p, f) => `Áp dụng mức trần «${p.title}»: ${f.num(p.points)} điểm, chỉ tính ${f.num(p.cap)} điểm`,
    "criterion.result": (p, f) =>
      p.status === "unknown"
        ? `Tiêu chí ${p.id} — ${p.title}: chưa đủ căn cứ để chấm, tạm tính ${f.num(p.points)}/${f.num(p.max)} điểm`
        : `Tiêu chí ${p.id} — ${p.title}: ${lc(status[p.status])}, ${f.num(p.points)}/${f.num(p.max)} điểm${p.bonus ? ` (kể cả ${f.num(p.bonus)} điểm thưởng)` : ""}${p.deduction ? `, đã trừ ${f.num(p.deduction)} điểm` : ""}`,
    "criterion.knockout": (p) =>
      `Tiêu chí ${p.id} (${p.title}) — ${p.status === "met" ? "có vi phạm" : p.status === "unknown" ? "chưa có xác nhận" : "không vi phạm"}`,
    "criterion.tier": (p, f) => `Đạt mức «${p.label}»: ${f.num(p.points)} điểm`,
    "criterion.tierMissed": (p, f) => `Chưa đạt mức «${p.label}» (${f.num(p.points)} điểm):`,
    "criterion.perUnit": (p, f) =>
      p.per === "điểm" && p.perUnit === 1
        ? `${p.fact}: ${p.actual} — tính theo số điểm này, tối đa ${f.num(p.cap)} điểm`
        : `${p.fact}: ${p.actual} — tính ${f.num(p.perUnit)} điểm cho mỗi ${p.per || "trường hợp"}, tối đa ${f.num(p.cap)} điểm`,
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
    "reason.tie": (p) => `Bằng điểm với hồ sơ xếp trên, xếp sau theo quy tắc phụ: ${tieText(p)}`,
    "reason.quota": (p, f) =>
      `Ngoài chỉ tiêu ${named(p.award, p.kind)}: chỉ tiêu ${f.num(p.allowed)}, xếp thứ ${f.num(p.position)}/${f.num(p.candidates)} đơn vị đủ điều kiện${p.allowed === 0 && p.exact > 0 ? ` (${f.num(p.share)}% của ${f.num(p.base)} là ${f.num(p.exact)}, ${rounding[p.rounding]} thành 0)` : ""}`,
    "reason.deferred": (p) => `Tạm chưa xét ${named(p.award, p.kind)}: ${p.why}`,
    "reason.pointsShort": (p, f) => `Còn thiếu ${f.num(p.points)} điểm để được ${named(p.award, p.kind)}`,
    "award.proposed": (p) => `${p.kind === "title" ? `Danh hiệu “${p.award}”` : p.award} — thẩm quyền quyết định: ${p.grantor}`,
    "award.alongside": (p) => `Đồng thời ${p.kind === "title" ? `đề nghị xét tặng danh hiệu “${p.award}”` : `đề nghị tặng ${p.award}`} — thẩm quyền quyết định: ${p.grantor}`,
    "award.bonus": (p, f) =>
      `Tiền thưởng: hệ số ${f.num(p.coefficient)} × mức lương cơ sở${p.superseded ? " — không nhận thêm, vì trong cùng thời gian chỉ nhận tiền thưởng của danh hiệu cao nhất (Điều 49 Nghị định 152/2025/NĐ-CP)" : ""}`,
    "award.quotaWithin": (p, f) =>
      `Trong chỉ tiêu khen thưởng: xếp thứ ${f.num(p.position)}/${f.num(p.candidates)} đơn vị đủ điều kiện, chỉ tiêu ${f.num(p.allowed)} (${p.share === 0 ? "dành cho đơn vị dẫn đầu cụm, khối" : `${f.num(p.share)}% của ${f.num(p.base)} ${ofQuota(p.of)} là ${f.num(p.exact)}, ${rounding[p.rounding]}`})`,
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
      `Xếp thứ ${f.num(p.position)}/${f.num(p.candidates)} đơn vị đủ điều kiện, chỉ tiêu ${f.num(p.allowed)} (${p.share === 0 ? "dành cho đơn vị dẫn đầu cụm, khối" : `${f.num(p.share)}% của ${f.num(p.base)} ${ofQuota(p.of)} là ${f.num(p.exact)}, ${rounding[p.rounding]}`})`,
    "check.deferral": (p) => `Tạm chưa xét khen thưởng trong thời gian ${p.why}`,
    "check.deferralUnknown": (p) => `Chưa có xác nhận về việc ${p.why}`,
    "check.neverUnknown": (p) => `Chưa có lịch sử khen thưởng để xác định đã được tặng ${p.awards} hay chưa (chỉ tặng một lần)`,
    "todo.evidence": (p) => `Thiếu hồ sơ: ${p.evidence} — để xác định ${lc(p.label)}${p.criteria ? ` (tiêu chí ${p.criteria})` : ""}${p.awards ? ` (điều kiện xét ${p.awards})` : ""}`,
    "report.noAward": () => "Không đề nghị khen thưởng",
  },
  group,
  doubt: doubtWords,
  tieBreak: tieText,
} satisfies Catalog;
