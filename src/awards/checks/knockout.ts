import type { Truth } from "../../evaluation/index.js";
import type { AwardCheckKind } from "./types.js";
import { NONE } from "./types.js";

/** `eligibility.noKnockout`: no knock-out event this year (a serious incident, discipline…); unknown while a knock-out criterion's facts are missing. */
export const knockoutCheck: AwardCheckKind = {
  kind: "knockout",
  checks(award, { unit, once }) {
    if (!award.eligibility.noKnockout) return NONE;
    const r = unit.result;
    const result: Truth = r.knockedOut ? false : r.knockoutsUnknown.length ? "unknown" : true;
    return once("knockout", () => [{ kind: "knockout", result, criteria: r.knockedOut ? r.knockouts.map((k) => k.criterion) : r.knockoutsUnknown }]);
  },
  messageKeys: ["check.knockout", "check.knockoutUnknown"],
};
