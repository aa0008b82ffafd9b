/**
 * The message catalog: every sentence the library prints, per language. `vi.ts` is the reference,
 * `en.ts` the translation; each ends in `satisfies Catalog`, so a missing key or a wrong parameter
 * fails to compile. Criterion, fact and award titles come from the rule files, not from here.
 * Precedence: rule-file text, then a committee catalog passed in, then the built-in one.
 */
export interface Catalog {
  readonly locale: string;
  readonly op: Readonly<Record<
    "equal" | "notEqual" | "lessThan" | "lessThanInclusive" | "greaterThan" | "greaterThanInclusive" | "in" | "notIn" | "contains" | "doesNotContain",
    (fact: string, value: string) => string
  >>;
  readonly isTrue: (fact: string) => string;
  readonly isFalse: (fact: string) => string;
  readonly yes: string;
  readonly no: string;
  readonly allOf: string;
  readonly anyOf: string;
  readonly notThat: string;
  readonly or: string;
  readonly points: (p: string) => string;
  readonly perUnit: (pts: string, fact: string, cap: string) => string;
  readonly tier: (pts: string) => string;
  readonly bonus: string;
  readonly deduction: string;
  readonly floor: (p: string) => string;
  readonly appliesWhen: string;
  readonly knockout: string;
  readonly basis: Readonly<Record<"law" | "policy-default", string>>;
  readonly status: Readonly<Record<"met" | "partial" | "not_met" | "unknown" | "not_applicable", string>>;
  readonly rulebook: {
    readonly title: (name: string) => string;
    readonly version: (v: string, digest: string) => string;
    readonly effective: (from: string, to?: string) => string;
    readonly extends: (id: string, version: string) => string;
    readonly sources: string;
    readonly facts: string;
    readonly criteria: string;
    readonly group: Readonly<Record<"ministry" | "province" | "front" | "enterprise" | "individual", string>>;
    readonly contents: (list: string) => string;
    readonly citation: string;
    readonly evidence: string;
    readonly maxPoints: (p: string) => string;
    readonly groupCap: (ids: string, p: string) => string;
    readonly classes: string;
    readonly classLine: (title: string, min: string) => string;
    readonly requires: (criterion: string, p: string) => string;
    readonly awards: string;
    readonly grantor: string;
    readonly eligibility: string;
    readonly minClass: (t: string) => string;
    readonly minPercent: (p: string) => string;
    readonly noKnockout: string;
    readonly history: string;
    readonly consecutive: (times: number, awards: string, includeCurrent: boolean) => string;
    readonly prior: (awards: string, within?: number) => string;
    readonly never: (awards: string) => string;
    readonly quota: (share: string, of: string, rounding: string) => string;
    readonly cohort: string;
    readonly bonusCoefficient: (c: string) => string;
    readonly requiresThisYear: (awards: string) => string;
    readonly overrides: string;
    readonly overrideLine: (target: string, from: string, to: string) => string;
    readonly origin: (id: string) => string;
    readonly unit: string;
    readonly type: string;
  };
}
