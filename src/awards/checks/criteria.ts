import type { CriterionStatus } from "../../scoring/index.js";
import { sharedBy2 } from "./shared.js";
import type { AwardCheck, AwardCheckKind, UnitInput } from "./types.js";

/** A criterion's status for a unit (a criterion the unit's group does not have: not applicable). */
const statusOf = (criterion: string, { unit }: UnitInput): CriterionStatus => unit.result.criteria.find((c) => c.id === criterion)?.status ?? "not_applicable";

const check = (criterion: string, status: CriterionStatus): AwardCheck => ({ kind: "criterion", criterion, status, result: status === "met" ? true : status === "unknown" ? "unknown" : false });

/** `eligibility.criteria`: each named criterion fully met (a criterion the unit's group does not have is not met). */
export const criteriaCheck: AwardCheckKind = {
  kind: "criterion",
  checks: (award, input) => (award.eligibility.criteria ?? []).flatMap((criterion) => input.once(`criterion ${criterion}`, (i) => [check(criterion, statusOf(criterion, i))])),
  // compiled: one shared check per criterion and status
  compile(award) {
    const criteria = award.eligibility.criteria ?? [];
    if (!criteria.length) return undefined;
    const shared = sharedBy2<string, CriterionStatus, AwardCheck>();
    return (input) => criteria.map((criterion) => {
      const status = statusOf(criterion, input);
      return shared(criterion, status, () => check(criterion, status));
    });
  },
  messageKeys: ["check.criterion"],
};
