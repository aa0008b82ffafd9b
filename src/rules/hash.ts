import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex } from "@noble/hashes/utils.js";

const encoder = new TextEncoder();

/** SHA-256 (hex) of bytes, or of a string's UTF-8 encoding. Pure JS: identical in every runtime. */
export function sha256Hex(data: string | Uint8Array): string {
  return bytesToHex(sha256(typeof data === "string" ? encoder.encode(data) : data));
}

/**
 * The digest of a rule set: SHA-256 over the `sha256sum`-style listing of its files
 * (`<hash>  <path>\n`, sorted by path, manifest.json included), followed for an extending set by a
 * line `<parent digest>  extends:<parent id>`. An auditor can recompute it with coreutils:
 * `(sha256sum manifest.json $(jq -r '.files[].path' manifest.json) | LC_ALL=C sort -k2) | sha256sum`
 * (`LC_ALL=C`: paths sort in code-point order, as here, whatever the locale).
 */
export function ruleSetDigest(listing: readonly { path: string; sha256: string }[], parent?: { id: string; digest: string }): string {
  const lines = [...listing]
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((f) => `${f.sha256}  ${f.path}\n`);
  if (parent) lines.push(`${parent.digest}  extends:${parent.id}\n`);
  return sha256Hex(lines.join(""));
}

/** Canonical JSON: sorted keys, NFC strings, no whitespace. Used to hash inputs and records. */
export function canonicalJson(value: unknown): string {
  const out: string[] = [];
  write(value, out);
  return out.join("");
}

const ASCII = /^[\x20-\x7e]*$/;
/** Printable ASCII without `"` and `\\`: written as is, and NFC leaves it alone. */
const PLAIN = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;
/** A string as canonical JSON writes it: NFC, JSON-escaped. */
export const canonicalString = (s: string): string => (PLAIN.test(s) ? `"${s}"` : JSON.stringify(ASCII.test(s) ? s : s.normalize("NFC")));

function write(value: unknown, out: string[]): void {
  if (value === null || typeof value !== "object") {
    if (typeof value === "string") out.push(canonicalString(value));
    else if (typeof value === "number") out.push(Number.isFinite(value) ? JSON.stringify(value) : "null");
    else out.push(JSON.stringify(value) ?? "null");
    return;
  }
  if (Array.isArray(value)) {
    out.push("[");
    for (let i = 0; i < value.length; i++) {
      if (i) out.push(",");
      write(value[i] === undefined ? null : value[i], out);
    }
    out.push("]");
    return;
  }
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort();
  out.push("{");
  keys.forEach((k, i) => {
    if (i) out.push(",");
    out.push(canonicalString(k), ":");
    write(obj[k], out);
  });
  out.push("}");
}
