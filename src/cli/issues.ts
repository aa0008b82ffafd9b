import { formatIssue, formatPath, issueText, type Issue, type Lang } from "../index.js";

/** Issues as lines in the catalog's words, each ending with its code (what `validate` prints too). */
export const issueLines = (issues: readonly Issue[], lang: Lang): string[] => issues.map((i) => `${issueText(i, lang)} [${i.code}]`);

/**
 * One issue as a log line: in the catalog's words when the catalog words its code (rule-file integrity,
 * overrides, records), with its severity, code and path; otherwise `formatIssue`'s English line, as before.
 */
export function issueLine(i: Issue, lang: Lang): string {
  const text = issueText(i, lang);
  if (text === `${i.message} (${i.code})`) return formatIssue(i);
  const severity = i.severity === "warning" ? (lang === "vi" ? "lưu ý" : "warning") : lang === "vi" ? "lỗi" : "error";
  return `${severity} ${i.code}${i.path.length ? ` ${formatPath(i.path)}` : ""}: ${text}`;
}

