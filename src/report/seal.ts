import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex } from "@noble/hashes/utils.js";
import { canonicalJson } from "../rules/index.js";
import type { ReportChunk } from "./layout.js";
import type { DecisionRecord, RecordSeal } from "./types.js";

/** An incremental SHA-256: the portable pure-JS one by default; the CLI passes `node:crypto`'s (same digests, faster). */
export interface Sha256Stream {
  update(data: Uint8Array): void;
  /** The digest as 64 lower-case hex digits (once, at the end). */
  hex(): string;
}
/** Makes a fresh {@link Sha256Stream}. */
export type Sha256Factory = () => Sha256Stream;

/** The portable {@link Sha256Factory} (`@noble/hashes`). */
export const portableSha256: Sha256Factory = () => {
  const h = sha256.create();
  return { update: (d) => void h.update(d), hex: () => bytesToHex(h.digest()) };
};

const encoder = new TextEncoder();
const bytesOf = (c: ReportChunk): Uint8Array => (typeof c === "string" ? encoder.encode(c) : c);

/** SHA-256 (hex) of the concatenation of some pieces of text or UTF-8 bytes. */
export function digestOf(pieces: Iterable<ReportChunk>, hash: Sha256Factory = portableSha256): string {
  const h = hash();
  for (const p of pieces) if (p.length) h.update(bytesOf(p));
  return h.hex();
}

/** The parts of a record, in the order the seal lists them (sorted, as canonical JSON writes them): every top-level key but `seal`. */
const partNames = (head: object): string[] => [...Object.keys(head).filter((k) => k !== "seal" && k !== "results" && (head as Record<string, unknown>)[k] !== undefined), "results"].sort();

/**
 * The seal of a decision record: per part (every top-level field but `seal` itself) the SHA-256 of
 * its canonical JSON, and the SHA-256 of the canonical JSON of that list of digests. `results` is
 * given as the canonical JSON of the results, in record order, in pieces of one or more results
 * joined by commas (no brackets): a streamed run seals a record it never holds whole.
 */
export function sealRecord(head: Omit<DecisionRecord, "results" | "seal">, results: Iterable<ReportChunk>, hash: Sha256Factory = portableSha256): RecordSeal {
  const parts: Record<string, string> = {};
  for (const name of partNames(head)) {
    parts[name] = name === "results" ? digestOf(resultsArray(results), hash) : digestOf([canonicalJson((head as unknown as Record<string, unknown>)[name])], hash);
  }
  return { algorithm: "sha256", parts, sha256: digestOf([canonicalJson(parts)], hash) };
}

/** `[`, the pieces separated by commas, `]`: the canonical JSON of the results array. */
function* resultsArray(pieces: Iterable<ReportChunk>): Generator<ReportChunk> {
  yield "[";
  let first = true;
  for (const p of pieces) {
    if (!p.length) continue;
    if (!first) yield ",";
    yield p;
    first = false;
  }
  yield "]";
}

/** A part of a record whose content does not match the digest its seal gives for it. */
export interface EditedPart {
  readonly part: string;
  /** The digest the seal gives (null: the seal lists no such part — the part was added). */
  readonly sealed: string | null;
  /** The digest of the part as the record now holds it (null: the part is gone). */
  readonly actual: string | null;
}

/** What checking a record's seal found: the parts edited since it was sealed, and whether the seal's own digest still holds. */
export interface SealCheck {
  readonly intact: boolean;
  readonly edited: readonly EditedPart[];
  /** The seal's `sha256` does not match its own list of part digests (the seal itself was edited). */
  readonly sealEdited: boolean;
  /** The digest of the record re-derived from its body (what an intact record's `seal.sha256` is). */
  readonly sha256: string;
}

/**
 * Recomputes a record's seal from its own body and compares it with the recorded one: the parts
 * whose content changed (or that were added or removed), and whether the list of digests itself
 * was edited. Reads the record once; the results are hashed one by one.
 */
export function checkRecordSeal(record: DecisionRecord, hash: Sha256Factory = portableSha256): SealCheck {
  const { results, seal, ...head } = record;
  const derived = sealRecord(head, (function* () {
    for (const r of results) yield canonicalJson(r);
  })(), hash);
  const sealed = seal.parts;
  const names = [...new Set([...Object.keys(derived.parts), ...Object.keys(sealed)])].sort();
  const edited: EditedPart[] = [];
  for (const part of names) {
    const s = Object.hasOwn(sealed, part) ? sealed[part]! : null;
    const a = Object.hasOwn(derived.parts, part) ? derived.parts[part]! : null;
    if (s !== a) edited.push({ part, sealed: s, actual: a });
  }
  const sealEdited = digestOf([canonicalJson(sealed)], hash) !== seal.sha256 || seal.algorithm !== "sha256";
  return { intact: !edited.length && !sealEdited, edited, sealEdited, sha256: derived.sha256 };
}

/**
 * Pretty canonical JSON (two-space indentation) back to canonical JSON: the whitespace outside
 * strings dropped. What the JSON layout hashes while it writes the results it kept as pretty text.
 */
export function compactJson(chunk: ReportChunk): ReportChunk {
  return typeof chunk === "string" ? compactString(chunk) : compactBytes(chunk);
}

function compactString(s: string): string {
  let out = "";
  let from = 0;
  let inString = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) {
      if (i > from) out += s.slice(from, i);
      from = i + 1;
    }
  }
  return from === 0 ? s : out + s.slice(from);
}

function compactBytes(b: Uint8Array): Uint8Array {
  const out = new Uint8Array(b.length);
  let n = 0;
  let inString = false;
  for (let i = 0; i < b.length; i++) {
    const c = b[i]!;
    if (inString) {
      if (c === 0x5c) {
        out[n++] = c;
        out[n++] = b[++i]!;
        continue;
      }
      if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) continue;
    out[n++] = c;
  }
  return out.subarray(0, n);
}
