import { NONE, type AwardCheckKind } from "./types.js";

/**
 * Deferrals (`deferrals` of the award catalog): while one holds for a unit — discipline being
 * considered, an investigation, inspection or complaint under way — its awards are not decided
 * (Decree 152/2025/NĐ-CP Art. 4(4): «Chưa khen thưởng hoặc đề nghị cấp trên khen thưởng cho cá
 * nhân, tập thể trong thời gian cơ quan có thẩm quyền đang xem xét thi hành kỷ luật hoặc điều tra,
 * thanh tra, kiểm tra…»). The check holds when the deferral does not; an award it fails is
 * `deferred` ("tạm chưa xét"), not ineligible. Unknown while the facts are not given: the committee
 * confirms there is nothing under way before proposing.
 */
export const deferralCheck: AwardCheckKind = {
  kind: "deferral",
  checks(_award, { rs, unit, once, conditions }) {
    if (!rs.deferrals.length) return NONE;
    return once("deferral", () =>
      rs.deferrals.filter((d) => d.groups.includes(unit.profile.group)).map((d) => {
        const under = conditions.deferral(d, unit);
        return { kind: "deferral", deferral: d.id, result: under === "unknown" ? under : !under };
      }),
    );
  },
  messageKeys: ["check.deferral", "check.deferralUnknown", "summary.deferred"],
};
