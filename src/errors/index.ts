/**
 * Errors are data (STYLE §2.5): every problem found in a rule file, a profile or an input file is an
 * {@link Issue} with a stable `code`, a `path` into the offending document and typed `params`.
 * Functions that take user data return a {@link Result}; only programmer mistakes throw, and then
 * with a {@link ThiduaError} that carries the issues.
 */
export { ISSUE_CODES, type IssueCode } from "./codes.js";
import type { IssueCode } from "./codes.js";

export type IssuePath = readonly (string | number)[];

/** One problem found in a rule file, a profile or an input file: a stable code, a path into the document, typed params, an English message and a severity. */
export interface Issue {
  /** Closed, namespaced code such as `rules.unknown_operator`. Renaming one is a breaking change. */
  readonly code: IssueCode;
  /** Path into the rule file (first element: the file name) or into the profile. */
  readonly path: IssuePath;
  /** Typed extras: what was expected, what was found, the id concerned… */
  readonly params?: Readonly<Record<string, string | number | boolean>>;
  /** English text for logs; people read the catalog text built from `code` + `params`. */
  readonly message: string;
  /** `error` blocks loading / scoring; `warning` is reported but does not block. */
  readonly severity: "error" | "warning";
}

/** The outcome of a function that takes user data: the value (with warnings, if any) or the issues. Never thrown. */
export type Result<T> =
  | { readonly ok: true; readonly value: T; readonly warnings?: readonly Issue[] }
  | { readonly ok: false; readonly issues: readonly Issue[] };

/**
 * Thrown only for programmer mistakes — an invalid profile passed to `engine.score`, a malformed
 * `asOf`, a malformed condition given to `compileCondition` — and carrying the issues. User data gets
 * `Result` values instead.
 */
export class ThiduaError extends Error {
  readonly issues: readonly Issue[];
  constructor(message: string, issues: readonly Issue[] = []) {
    super(issues.length ? `${message}\n${issues.map(formatIssue).join("\n")}` : message);
    this.name = "ThiduaError";
    this.issues = issues;
  }
}

export function issue(
  code: IssueCode,
  path: IssuePath,
  message: string,
  params?: Readonly<Record<string, string | number | boolean>>,
  severity: "error" | "warning" = "error",
): Issue {
  return params === undefined ? { code, path, message, severity } : { code, path, params, message, severity };
}

/** Renders a path as `facts["plan.issuedOnTime"]` / `criteria[3].conditions.all[0]`. */
export function formatPath(path: IssuePath): string {
  let out = "";
  for (const seg of path) {
    if (typeof seg === "number") out += `[${seg}]`;
    else if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(seg)) out += out === "" ? seg : `.${seg}`;
    else out += out === "" ? seg : `[${JSON.stringify(seg)}]`;
  }
  return out;
}

/** One issue as a log line: `error <code> <path>: <message>` (or `warning …`). */
export function formatIssue(i: Issue): string {
  const where = i.path.length ? `${formatPath(i.path)}: ` : "";
  return `${i.severity === "warning" ? "warning" : "error"} ${i.code} ${where}${i.message}`;
}

export function ok<T>(value: T, warnings?: readonly Issue[]): Result<T> {
  return warnings && warnings.length ? { ok: true, value, warnings } : { ok: true, value };
}

export function fail<T = never>(issues: readonly Issue[]): Result<T> {
  return { ok: false, issues };
}

/** What a value is, in a message about an argument: `null`, `array`, `string`, `number`… */
const kindOf = (v: unknown): string => (v === null ? "null" : Array.isArray(v) ? "array" : typeof v);

/**
 * The error of a public function called with an argument of the wrong kind — a programmer error,
 * such as `createEngine(null)` from plain JavaScript: a ThiduaError with one `api.invalid_argument` issue.
 */
export function invalidArgument(where: string, expected: string, found: unknown): ThiduaError {
  const message = `${where}: expected ${expected}, found ${kindOf(found)}`;
  return new ThiduaError(message, [issue("api.invalid_argument", [], message, { expected, found: kindOf(found) })]);
}

/** Throws {@link invalidArgument} unless `v` is iterable (an array, a generator…). */
export function requireIterable(v: unknown, where: string): void {
  if (v === null || v === undefined || typeof (v as { [Symbol.iterator]?: unknown })[Symbol.iterator] !== "function") throw invalidArgument(where, "an iterable (an array of profiles…)", v);
}

/** Throws {@link invalidArgument} unless `v` is a function. */
export function requireFunction(v: unknown, where: string): void {
  if (typeof v !== "function") throw invalidArgument(where, "a function", v);
}

/** Throws {@link invalidArgument} unless `v` is an object (not null, not an array). */
export function requireObject(v: unknown, where: string, expected = "an object"): void {
  if (v === null || typeof v !== "object" || Array.isArray(v)) throw invalidArgument(where, expected, v);
}
