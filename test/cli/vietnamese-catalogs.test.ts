import { readFileSync } from "node:fs";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * Issue 20, point 8: the Vietnamese catalogs (the library's and the command line's) hold no English
 * words, internal ids (`province.1`, `award.x`, `allowModifiedRules`) or option names beyond the few
 * a user must type. The text a user reads is every string and template literal of the catalog
 * (the parts outside `${…}`, read with the TypeScript parser), but not object keys and not values compared in code.
 */
const root = new URL("../../", import.meta.url).pathname;
const CATALOGS = ["src/explain/messages/vi.ts", "src/cli/messages/vi.ts", "src/cli/messages/help-vi.ts"];
/** Values a catalog may name because the user types them: the help names the report formats of --format. */
const TYPED_IN: Readonly<Record<string, readonly string[]>> = { "src/cli/messages/help-vi.ts": ["text"] };

/** Words that are English and never Vietnamese. */
const ENGLISH = new Set(
  "the and of must expected found row rows column columns file files error warning unknown rule rules none true false null undefined string number boolean yes is are with without for from not or ignored missing invalid option options report record input output see use cannot directory should please text"
    .split(" "),
);
/** Option names and terms a Vietnamese message may name (the user types them or reads them on screen). */
const ALLOWED = new Set(["--ignore-unknown-columns", "--assessments", "--allow-modified-rules", "--rules", "--out", "--help", "thidua", "YYYY-MM-DD", "dd/mm/yyyy", "SHA-256", "UTF-8", "UTF-16", "CSV", "JSON", "NDJSON", "FIFO", "MiB", "TMPDIR", ".ndjson", "null"]);

/** Whether a literal is code rather than text: an object key, a value compared, an import, an index. */
function isCode(n: ts.Node): boolean {
  const p = n.parent;
  if (ts.isPropertyAssignment(p) && p.name === n) return true;
  if (ts.isBinaryExpression(p) && [ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken].includes(p.operatorToken.kind)) return true;
  if (ts.isImportDeclaration(p) || ts.isElementAccessExpression(p) || ts.isLiteralTypeNode(p)) return true;
  // the first argument of a call (`.replace(/…/, "x")` keeps its second), `.join("; ")`, `.split(…)`: code
  if (ts.isCallExpression(p) && ts.isPropertyAccessExpression(p.expression) && ["join", "split", "filter", "includes"].includes(p.expression.name.text)) return true;
  return false;
}

/** Every user-visible text of a catalog source: string literals and the text parts of templates, minus code (see {@link isCode}). */
function literals(src: string): string[] {
  const out: string[] = [];
  const visit = (n: ts.Node): void => {
    if ((ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) && !isCode(n)) out.push(n.text);
    else if (ts.isTemplateExpression(n)) out.push([n.head.text, ...n.templateSpans.map((t) => t.literal.text)].join(" "));
    else if (ts.isRegularExpressionLiteral(n)) return;
    ts.forEachChild(n, visit);
  };
  visit(ts.createSourceFile("catalog.ts", src, ts.ScriptTarget.Latest, true));
  return out;
}

/** What a literal holds that a Vietnamese reader should not see. */
function offences(text: string): string[] {
  const found: string[] = [];
  for (const w of text.match(/[\p{L}\p{N}_./|-]+/gu) ?? []) {
    const word = w.replace(/^[./|-]+|[./|-]+$/g, "");
    if (ALLOWED.has(w) || ALLOWED.has(word) || word === "") continue;
    if (w.startsWith("--")) found.push(`option ${w}`);
    else if (ENGLISH.has(word.toLowerCase())) found.push(`English “${word}”`);
    else if (/^[a-z]+[A-Z]\w*$/.test(word)) found.push(`identifier ${word}`);
    else if (/^[a-z]+\.[a-z0-9]/.test(word)) found.push(`id ${word}`);
  }
  return found;
}

describe("Vietnamese catalogs", () => {
  for (const file of CATALOGS) {
    it(`${file}: no English words, internal ids or option names beyond the allowed few`, () => {
      const typed = new Set((TYPED_IN[file] ?? []).map((w) => `English “${w}”`));
      const bad = literals(readFileSync(`${root}${file}`, "utf8")).flatMap((t) => offences(t).filter((o) => !typed.has(o)).map((o) => `${o} in “${t.trim().slice(0, 80)}”`));
      expect(bad, bad.join("\n")).toEqual([]);
    });
  }

  it("the scan finds what it looks for (it cannot pass on everything)", () => {
    expect(offences("Tùy chọn khi chạy: allowModifiedRules=false")).toContain("identifier allowModifiedRules");
    expect(offences("Xếp thứ 1 trong province.1")).toContain("id province.1");
    expect(offences("cần một trong: UTF-8 text")).toEqual(["English “text”"]);
    expect(offences("Sai cấu trúc: nhận được undefined, yêu cầu string")).toEqual(["English “undefined”", "English “string”"]);
    expect(offences("hãy dùng --partition-bytes")).toEqual(["option --partition-bytes"]);
    expect(literals('const x = { "a.b": (p) => `Cột ${p.x === "y" ? `«${p.c}» found` : ""} đó` };')).toEqual(["Cột   đó", "« » found", ""]);
  });
});
