import type { AwardCheckKind } from "./types.js";

/** `requiresThisYear`: titles the candidate must also be granted this year (decided before, being lower). */
export const requiresThisYearCheck: AwardCheckKind = {
  kind: "requiresThisYear",
  checks: (award, { thisYear }) => (award.requiresThisYear ?? []).map((id) => ({ kind: "requiresThisYear", award: id, result: thisYear(id) })),
  messageKeys: ["check.requiresThisYear"],
};
