import type { Truth } from "../../evaluation/index.js";
import { sharedBy2 } from "./shared.js";
import type { AwardCheck, AwardCheckKind } from "./types.js";

const check = (award: string, result: Truth): AwardCheck => ({ kind: "requiresThisYear", award, result });

/** `requiresThisYear`: titles the candidate must also be granted this year (decided before, being lower). */
export const requiresThisYearCheck: AwardCheckKind = {
  kind: "requiresThisYear",
  checks: (award, { thisYear }) => (award.requiresThisYear ?? []).map((id) => check(id, thisYear(id))),
  // compiled: one shared check per title and verdict
  compile(award) {
    const titles = award.requiresThisYear ?? [];
    if (!titles.length) return undefined;
    const shared = sharedBy2<string, Truth, AwardCheck>();
    return ({ thisYear }) => titles.map((id) => {
      const result = thisYear(id);
      return shared(id, result, () => check(id, result));
    });
  },
  messageKeys: ["check.requiresThisYear"],
};
