/**
 * A strict JSON scanner (RFC 8259), run before `JSON.parse` on text that must mean one thing only:
 * rule files and decision records. It refuses what `JSON.parse` would accept but read differently
 * from other readers — an object with the same key twice (`JSON.parse` keeps the last; a reviewer's
 * tool may show the first) — and nesting deeper than a limit (later stages recurse), and it places a
 * syntax error by line and column without quoting the text. Iterative: no input can exhaust the stack.
 */

/** Why a text was refused, where (offset, line, column: 1-based) and at which path. */
export interface JsonScanError {
  readonly kind: "syntax" | "depth" | "duplicate_key";
  readonly offset: number;
  readonly line: number;
  readonly column: number;
  /** Keys and indices from the root to the place of the problem. */
  readonly path: readonly (string | number)[];
  /** The repeated key (`duplicate_key`). */
  readonly key?: string;
  /** What was expected at `offset` (`syntax`), in English for logs. */
  readonly expected?: string;
}

interface Frame {
  readonly array: boolean;
  readonly keys: Set<string> | null;
  at: string | number;
}

const LITERALS = ["true", "false", "null"] as const;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const STRING_BODY = /(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;

function position(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  for (let i = text.indexOf("\n"); i >= 0 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    last = i;
  }
  return { line, column: offset - last };
}

class Scanner {
  i = 0;
  readonly stack: Frame[] = [];
  constructor(readonly text: string, readonly maxDepth: number) {}

  fail(kind: JsonScanError["kind"], extra: { expected?: string; key?: string } = {}): JsonScanError {
    return { kind, offset: this.i, ...position(this.text, this.i), path: this.stack.map((f) => f.at), ...extra };
  }
  ws(): void {
    for (let c = this.text.charCodeAt(this.i); c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09; c = this.text.charCodeAt(++this.i));
  }
  /** A string at `i` (its opening quote); returns its raw body, or undefined when it is not a valid JSON string. */
  string(): string | undefined {
    if (this.text.charCodeAt(this.i) !== 0x22) return undefined;
    STRING_BODY.lastIndex = this.i + 1;
    if (!STRING_BODY.test(this.text)) return undefined;
    const raw = this.text.slice(this.i + 1, STRING_BODY.lastIndex - 1);
    this.i = STRING_BODY.lastIndex;
    return raw;
  }
  /** A key, its colon, and the duplicate check against the object's keys so far. */
  key(frame: Frame): JsonScanError | undefined {
    this.ws();
    const start = this.i;
    const raw = this.string();
    if (raw === undefined) return this.fail("syntax", { expected: "a key in double quotes" });
    const key = raw.includes("\\") ? (JSON.parse(`"${raw}"`) as string) : raw;
    frame.at = key;
    if (frame.keys!.has(key)) {
      this.i = start;
      return this.fail("duplicate_key", { key });
    }
    frame.keys!.add(key);
    this.ws();
    if (this.text.charCodeAt(this.i) !== 0x3a) return this.fail("syntax", { expected: "':' after the key" });
    this.i++;
    return undefined;
  }
  /** A scalar at `i`; false when there is none. */
  scalar(): boolean {
    const c = this.text.charCodeAt(this.i);
    if (c === 0x22) return this.string() !== undefined;
    for (const lit of LITERALS) {
      if (this.text.startsWith(lit, this.i)) {
        this.i += lit.length;
        return true;
      }
    }
    NUMBER.lastIndex = this.i;
    if (!NUMBER.test(this.text)) return false;
    this.i = NUMBER.lastIndex;
    return true;
  }
  /** Opens an object or array at `i`; returns an error, true when it was closed at once, false when a value follows. */
  open(): JsonScanError | boolean {
    const array = this.text.charCodeAt(this.i) === 0x5b;
    if (this.stack.length >= this.maxDepth) return this.fail("depth");
    this.i++;
    const frame: Frame = { array, keys: array ? null : new Set(), at: 0 };
    this.stack.push(frame);
    this.ws();
    if (this.text.charCodeAt(this.i) === (array ? 0x5d : 0x7d)) {
      this.i++;
      this.stack.pop();
      return true;
    }
    return array ? false : (this.key(frame) ?? false);
  }
  /** After a value: a comma and the next key or element, or the closing brackets; true when the text is done. */
  next(): JsonScanError | boolean {
    for (;;) {
      this.ws();
      const frame = this.stack[this.stack.length - 1];
      if (!frame) return this.i === this.text.length ? true : this.fail("syntax", { expected: "the end of the text" });
      const c = this.text.charCodeAt(this.i);
      if (c === 0x2c) {
        this.i++;
        if (frame.array) frame.at = (frame.at as number) + 1;
        else {
          const e = this.key(frame);
          if (e) return e;
        }
        return false;
      }
      if (c !== (frame.array ? 0x5d : 0x7d)) return this.fail("syntax", { expected: frame.array ? "',' or ']'" : "',' or '}'" });
      this.i++;
      this.stack.pop();
    }
  }
}

/**
 * Scans a JSON text: undefined when it is well-formed, has no object with a repeated key and nests
 * at most `maxDepth` objects and arrays; otherwise the first problem, placed.
 */
export function scanJson(text: string, maxDepth: number): JsonScanError | undefined {
  const s = new Scanner(text, maxDepth);
  for (;;) {
    s.ws();
    const c = text.charCodeAt(s.i);
    let closed: JsonScanError | boolean;
    if (c === 0x7b || c === 0x5b) {
      closed = s.open();
      if (closed === false) continue;
    } else closed = s.scalar() ? true : s.fail("syntax", { expected: "a value" });
    if (typeof closed === "object") return closed;
    const done = s.next();
    if (done === true) return undefined;
    if (done !== false) return done;
  }
}
