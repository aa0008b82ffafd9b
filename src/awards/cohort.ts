import type { Award } from "../rules/index.js";
import type { AwardStatus, ProposedAward } from "./types.js";

/** An award as a unit is proposed it. */
const proposed = (a: Award): ProposedAward => ({ id: a.id, title: a.title, grantor: a.grantor, kind: a.kind, level: a.level, bonusCoefficient: a.bonusCoefficient ?? null, ...(a.codes && { codes: a.codes }) });

/** The exclusive group of an award: awards sharing `exclusiveGroup` exclude each other in one year; an award without one is a group of its own. */
const exclusiveKey = (a: Award) => a.exclusiveGroup ?? `#${a.id}`;

/**
 * A cohort's awards in deciding order, and their ladders: by recipient kind, the awards of each
 * exclusive group. A unit's statuses are in the same order as `awards`: `statusOf` finds an award's.
 */
export interface CohortAwards {
  readonly awards: readonly Award[];
  readonly ladders: ReadonlyMap<string, readonly (readonly Award[])[]>;
  readonly statusOf: (statuses: readonly AwardStatus[], award: string) => AwardStatus | undefined;
  /** Each award as a unit is proposed it, made once for the cohort (frozen: units share it). */
  readonly proposed: (award: Award) => ProposedAward;
  /** Each award's exclusive group ({@link exclusiveKey}), made once for the cohort. */
  readonly exclusive: (award: Award) => string;
}

export function cohortAwards(awards: readonly Award[]): CohortAwards {
  const byRecipient = new Map<string, Map<string, Award[]>>();
  for (const a of awards) {
    const ladders = byRecipient.get(a.recipient) ?? new Map<string, Award[]>();
    ladders.set(exclusiveKey(a), [...(ladders.get(exclusiveKey(a)) ?? []), a]);
    byRecipient.set(a.recipient, ladders);
  }
  const position = new Map(awards.map((a, i) => [a.id, i]));
  const asProposed = awards.map((a) => Object.freeze(proposed(a)));
  const exclusive = awards.map(exclusiveKey);
  return {
    awards,
    ladders: new Map([...byRecipient].map(([r, l]) => [r, [...l.values()]])),
    statusOf: (statuses, id) => {
      const i = position.get(id);
      return i === undefined ? undefined : statuses[i];
    },
    proposed: (a) => asProposed[position.get(a.id)!]!,
    exclusive: (a) => exclusive[position.get(a.id)!]!,
  };
}
