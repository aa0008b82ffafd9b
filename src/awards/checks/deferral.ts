import type { Truth } from "../../evaluation/index.js";
import type { Deferral } from "../../rules/index.js";
import { sharedBy2 } from "./shared.js";
import { NONE, type AwardCheck, type AwardCheckKind, type UnitInput } from "./types.js";

/** The check of one deferral for a unit: it holds when the deferral does not. */
const check = (d: Deferral, under: Truth): AwardCheck => ({ kind: "deferral", deferral: d.id, result: under === "unknown" ? under : !under });

/** The deferrals of the unit's group, each with whether it holds for the unit. */
const deferralsOf = ({ rs, unit, conditions }: UnitInput) => rs.deferrals.filter((d) => d.groups.includes(unit.profile.group)).map((d) => ({ d, under: conditions.deferral(d, unit) }));

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
  checks: (_award, { rs, once }) => (rs.deferrals.length ? once("deferral", (input) => deferralsOf(input).map(({ d, under }) => check(d, under))) : NONE),
  // compiled: the units of a group whose deferrals come out the same share one list of checks
  compile(_award, rs) {
    if (!rs.deferrals.length) return undefined;
    const byGroup = new Map(rs.groups.map(({ id }) => [id, rs.deferrals.filter((d) => d.groups.includes(id))]));
    const shared = sharedBy2<string, number, readonly AwardCheck[]>();
    const code = (t: Truth) => (t === true ? 1 : t === false ? 2 : 3);
    const make = ({ unit, conditions }: UnitInput) => {
      const ds = byGroup.get(unit.profile.group) ?? [];
      let key = 0; // the deferrals' verdicts, one base-4 digit each
      for (const d of ds) key = key * 4 + code(conditions.deferral(d, unit));
      return shared(unit.profile.group, key, () => ds.map((d) => check(d, conditions.deferral(d, unit))));
    };
    return ({ once }) => once("deferral", make);
  },
  messageKeys: ["check.deferral", "check.deferralUnknown", "summary.deferred"],
};
