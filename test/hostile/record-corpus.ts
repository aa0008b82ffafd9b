/**
 * The hostile corpus of decision records: a real record (from `thidua score --format json` on the
 * individuals fixture plus one invalid row, with the committee's overrides) edited in each of its
 * parts, as a secretary with a text editor or an attacker would. Each case names the part the seal
 * must find edited and, where replay can re-derive it, the unit and field it must name.
 */
export interface RecordEdit {
  readonly name: string;
  /** Edits the parsed record in place. */
  readonly edit: (r: any) => void;
  /** The parts of the seal that no longer match. */
  readonly parts: readonly string[];
  /** A line replay must print (English), naming the unit and field, or the part. */
  readonly names?: RegExp;
}

export const RECORD_EDITS: readonly RecordEdit[] = [
  { name: "a unit's score", edit: (r) => (r.results[0].score = "99"), parts: ["results"], names: /ca-01 \(cum-cong-an-xa-1\), score: recorded "99", re-derived "93"/ },
  { name: "a unit's proposed award", edit: (r) => (r.results[1].award = null), parts: ["results"], names: /ca-02 \(cum-cong-an-xa-1\), award: recorded null, re-derived "award\./ },
  {
    name: "a final decision",
    edit: (r) => {
      const u = r.results.find((x: any) => x.unitId === "cb-02");
      u.final = { award: u.award, overridden: false };
    },
    parts: ["results"],
    names: /cb-02 \(cum-khu-dan-cu-2\), final\.overridden: recorded false, re-derived true/,
  },
  { name: "a criterion's points", edit: (r) => (r.results[2].scoreResult.criteria[0].points = "0"), parts: ["results"], names: /, scoreResult\.criteria\[0\]\.points: recorded "0", re-derived / },
  { name: "the reason of an override", edit: (r) => (r.overrides[0].reason = "Theo chỉ đạo"), parts: ["overrides"], names: /final\.override\.reason: recorded "Hội đồng xét thêm/ },
  { name: "the as-of date", edit: (r) => (r.asOf = "2025-06-30"), parts: ["asOf"] },
  { name: "an option", edit: (r) => (r.options.year = 2024), parts: ["options"] },
  { name: "a rejected row removed", edit: (r) => r.rejected.pop(), parts: ["rejected"], names: /rejected, \[0\]: recorded —, re-derived \{/ },
  { name: "a cohort's quota", edit: (r) => (r.cohorts[0].quotas[0].allowed += 1), parts: ["cohorts"], names: /cohorts, \[0\]\.quotas\[0\]\.allowed: recorded / },
  { name: "a run quota added", edit: (r) => r.runQuotas.push({ award: "award.co-thi-dua-chinh-phu", base: 1, allowed: 1, candidates: 1, granted: 1, binding: false }), parts: ["runQuotas"], names: /runQuotas, \[0\]: recorded \{/ },
  { name: "the input hash", edit: (r) => (r.input.sha256 = "0".repeat(64)), parts: ["input"] },
  { name: "the rule set's verified flag", edit: (r) => (r.ruleset.verified = false), parts: ["ruleset"] },
  { name: "the engine version", edit: (r) => (r.engine.version = "9.9.9"), parts: ["engine"] },
  { name: "the outcome hash", edit: (r) => (r.outcomeSha256 = "f".repeat(64)), parts: ["outcomeSha256"] },
  { name: "a title added", edit: (r) => (r.title = { vi: "Bản ghi", en: "Record" }), parts: ["title"] },
  { name: "two results swapped", edit: (r) => ([r.results[0], r.results[1]] = [r.results[1], r.results[0]]), parts: ["results"], names: /the results are not in the order/ },
  { name: "a result duplicated", edit: (r) => r.results.push(structuredClone(r.results[0])), parts: ["results"], names: /the results are not in the order/ },
  { name: "a result removed", edit: (r) => r.results.splice(3, 1), parts: ["results"], names: /: re-derived, not in the record/ },
  { name: "the seal's digest", edit: (r) => (r.seal.sha256 = "a".repeat(64)), parts: [] },
  { name: "a digest in the seal", edit: (r) => (r.seal.parts.asOf = "b".repeat(64)), parts: ["asOf"] },
];
