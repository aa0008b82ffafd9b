import type { Fact, RuleSet } from "../../rules/index.js";

/** How many fact ids an unknown column's message proposes at most. */
export const MAX_NEAREST = 3;

/** Words of a header or label: lower case, NFC, split on anything that is not a letter or a digit. */
const words = (s: string): string[] =>
  s
    .normalize("NFC")
    .toLocaleLowerCase("vi")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== "");

/** The texts a column may name a fact by: its id, its labels, and for an object fact each `<fact>.<field>` with the field's labels. */
function namesOf(f: Fact): string[][] {
  const own = [f.id, f.label.vi, f.label.en];
  const fields = Object.entries(f.fields ?? {}).map(([k, spec]) => [`${f.id}.${k}`, `${f.label.vi} ${spec.label.vi}`, `${f.label.en} ${spec.label.en}`]);
  return [own, ...fields];
}

/**
 * How close a header is to a fact, higher is closer: a typo of one of its names (small edit
 * distance) comes first; otherwise the share of the header's words found among the words of one
 * of its names (at least half of them).
 */
function closeness(header: string, headerWords: readonly string[], f: Fact): number {
  let best = 0;
  for (const names of namesOf(f)) {
    for (const n of names) {
      const key = n.normalize("NFC").toLocaleLowerCase("vi");
      const cap = Math.max(2, Math.floor(header.length / 5)) + 1;
      if (Math.abs(key.length - header.length) < cap && distance(header, key, cap) < cap) return 2;
      if (!headerWords.length) continue;
      const have = new Set(words(n));
      const share = headerWords.filter((w) => have.has(w)).length / headerWords.length;
      if (share >= 0.5) best = Math.max(best, share);
    }
  }
  return best;
}

/**
 * The fact ids closest to an unknown column header (at most {@link MAX_NEAREST}), closest first,
 * ties in id order: what the message proposes instead of a column the rule set does not read. A
 * typo of a fact's name is the only proposal when there is one.
 */
export function nearestFacts(header: string, rules: RuleSet): Fact[] {
  const h = header.normalize("NFC").trim().toLocaleLowerCase("vi");
  const hw = words(h);
  const scored = rules.facts.map((f) => ({ f, c: closeness(h, hw, f) }));
  const typo = scored.some((x) => x.c === 2);
  return scored
    .filter((x) => (typo ? x.c === 2 : x.c > 0))
    .sort((a, b) => b.c - a.c || (a.f.id < b.f.id ? -1 : a.f.id > b.f.id ? 1 : 0))
    .slice(0, MAX_NEAREST)
    .map((x) => x.f);
}

/** Levenshtein distance of `a` and `b`, or `cap` once it cannot be less. */
function distance(a: string, b: string, cap: number): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin >= cap) return cap;
    prev = cur;
  }
  return prev[b.length]!;
}
