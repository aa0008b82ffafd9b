import type { Truth } from "../../evaluation/index.js";
import type { AwardCheck, AwardCheckKind } from "./types.js";

const check = (award: string, result: Truth): AwardCheck => ({ kind: "requiresThisYear", award, result });

/** `requiresThisYear`: titles the candidate must also be granted this year (decided before, being lower). */
export const requiresThisYearCheck: AwardCheckKind = {
  kind: "requiresThisYear",
  checks: (award, { thisYear }) => (award.requiresThisYear ?? []).map((id) => check(id, thisYear(id))),
  // compiled: one frozen check per title and verdict, made when the award is compiled
  compile(award) {
    const titles = award.requiresThisYear ?? [];
    if (!titles.length) return undefined;
    const byVerdict = titles.map((id) => {
      const made = (result: Truth) => Object.freeze(check(id, result));
      return { id, yes: made(true), no: made(false), unknown: made("unknown") };
    });
    return ({ thisYear }) =>
      byVerdict.map(({ id, yes, no, unknown }) => {
        const result = thisYear(id);
        return result === true ? yes : result === false ? no : unknown;
      });
  },
  messageKeys: ["check.requiresThisYear"],
};
