import { formatIssue, formatPath, issueText, type Issue, type Lang } from "../index.js";
import { say } from "./messages/index.js";

/**
 * An issue in the catalog's words: the command line's own (a header column naming no fact) or the
 * library's (every other input, override, record and rule-set issue).
 */
export function cliIssueText(i: Issue, lang: Lang): string {
  const p = i.params ?? {};
  const s = (k: string) => (p[k] === undefined ? "" : String(p[k]));
  if (i.code === "input.parse" && p["kind"] === "unknownColumn") {
    return say(lang, "cli.unknownColumn", { file: s("file"), column: s("column"), near: s(lang === "vi" ? "nearVi" : "nearEn"), ignored: p["ignored"] === 1 });
  }
  if (i.code === "input.parse" && p["kind"] === "unknownColumns") {
    return say(lang, "cli.unknownColumns", { file: s("file"), count: Number(p["other"] ?? 0), list: s("column"), ignored: p["ignored"] === 1 });
  }
  return issueText(i, lang);
}

/** Issues as lines in the catalog's words, each ending with its code (what `validate` prints too). */
export const issueLines = (issues: readonly Issue[], lang: Lang): string[] => issues.map((i) => `${cliIssueText(i, lang)} [${i.code}]`);

/**
 * One issue as a log line: in the catalog's words when the catalog words its code (rule-file integrity,
 * overrides, records), with its severity, code and path; otherwise `formatIssue`'s English line, as before.
 */
export function issueLine(i: Issue, lang: Lang): string {
  const text = cliIssueText(i, lang);
  if (text === `${i.message} (${i.code})`) return formatIssue(i);
  const severity = i.severity === "warning" ? (lang === "vi" ? "lưu ý" : "warning") : lang === "vi" ? "lỗi" : "error";
  return `${severity} ${i.code}${i.path.length ? ` ${formatPath(i.path)}` : ""}: ${text}`;
}
