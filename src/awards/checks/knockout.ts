import type { Truth } from "../../evaluation/index.js";
import type { AwardCheck, AwardCheckKind, UnitInput } from "./types.js";
import { NONE } from "./types.js";

/** The unit's knock-out check: false when knocked out (naming the criteria), unknown while a knock-out criterion's facts are missing. */
function knockout({ unit }: UnitInput): readonly AwardCheck[] {
  const r = unit.result;
  const result: Truth = r.knockedOut ? false : r.knockoutsUnknown.length ? "unknown" : true;
  return [{ kind: "knockout", result, criteria: r.knockedOut ? r.knockouts.map((k) => k.criterion) : r.knockoutsUnknown }];
}

/** `eligibility.noKnockout`: no knock-out event this year (a serious incident, discipline…); unknown while a knock-out criterion's facts are missing. */
export const knockoutCheck: AwardCheckKind = {
  kind: "knockout",
  checks: (award, { once }) => (award.eligibility.noKnockout ? once("knockout", knockout) : NONE),
  // compiled: the check of a unit with no knock-out, known, is one object shared by every such unit
  compile(award) {
    if (!award.eligibility.noKnockout) return undefined;
    const clear: readonly AwardCheck[] = Object.freeze([Object.freeze({ kind: "knockout", result: true, criteria: Object.freeze([]) })]);
    return (input) => (input.unit.result.knockedOut || input.unit.result.knockoutsUnknown.length ? input.once("knockout", knockout) : clear);
  },
  messageKeys: ["check.knockout", "check.knockoutUnknown"],
};
