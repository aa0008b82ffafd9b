import type { AwardCheckKind } from "./types.js";

/** `eligibility.criteria`: each named criterion fully met (a criterion the unit's group does not have is not met). */
export const criteriaCheck: AwardCheckKind = {
  kind: "criterion",
  checks: (award, { unit, once }) =>
    (award.eligibility.criteria ?? []).flatMap((criterion) =>
      once(`criterion ${criterion}`, () => {
        const status = unit.result.criteria.find((c) => c.id === criterion)?.status ?? "not_applicable";
        return [{ kind: "criterion", criterion, status, result: status === "met" ? true : status === "unknown" ? "unknown" : false }];
      }),
    ),
  messageKeys: ["check.criterion"],
};
