/**
 * Generates `docs/api.md` from the TypeScript declarations and doc comments of the four public entry
 * points, `thidua` (src/index.ts), `thidua/node` (src/node/index.ts), `thidua/stream`
 * (src/stream/index.ts) and `thidua/conditions` (src/conditions/index.ts): for every exported symbol its
 * name, kind, signature or type text, and its JSDoc comment.
 *
 *   npm run docs:api          # rewrite docs/api.md
 *
 * `test/api-docs.test.ts` fails when docs/api.md is stale or an exported symbol has no doc comment.
 */
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
export const ENTRY_POINTS = [
  { module: "thidua", file: "src/index.ts" },
  { module: "thidua/node", file: "src/node/index.ts" },
  { module: "thidua/stream", file: "src/stream/index.ts" },
  { module: "thidua/conditions", file: "src/conditions/index.ts" },
] as const;

export type ApiKind = "function" | "class" | "constant" | "interface" | "type";
export interface ApiEntry {
  readonly module: string;
  readonly name: string;
  readonly kind: ApiKind;
  /** Signature (functions), declaration text (interfaces, types, classes) or `name: type` (constants). */
  readonly text: string;
  /** The JSDoc comment, with its tags; empty when the symbol has none. */
  readonly doc: string;
  /** Where it is declared, relative to the repository root. */
  readonly source: string;
}

const KIND_ORDER: readonly ApiKind[] = ["function", "class", "constant", "interface", "type"];
const HEADINGS: Record<ApiKind, string> = { function: "Functions", class: "Classes", constant: "Constants", interface: "Interfaces", type: "Types" };

function kindOf(decl: ts.Declaration): ApiKind {
  if (ts.isFunctionDeclaration(decl)) return "function";
  if (ts.isClassDeclaration(decl)) return "class";
  if (ts.isInterfaceDeclaration(decl)) return "interface";
  if (ts.isTypeAliasDeclaration(decl)) return "type";
  if (ts.isVariableDeclaration(decl)) {
    const init = decl.initializer;
    return init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) ? "function" : "constant";
  }
  return "constant";
}

/** Source text of a declaration without its leading JSDoc, with the `export` keyword dropped. */
function declarationText(decl: ts.Declaration, sf: ts.SourceFile): string {
  const text = decl.getText(sf);
  return text.replace(/^export\s+(declare\s+)?/, "").trimEnd();
}

function docOf(symbol: ts.Symbol, checker: ts.TypeChecker): string {
  const body = ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim();
  const tags = symbol
    .getJsDocTags(checker)
    .map((t) => `@${t.name}${t.text ? ` ${ts.displayPartsToString(t.text)}` : ""}`)
    .join("\n");
  return [body, tags].filter(Boolean).join("\n\n");
}

function textOf(symbol: ts.Symbol, decl: ts.Declaration, kind: ApiKind, checker: ts.TypeChecker): string {
  const sf = decl.getSourceFile();
  const flags = ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseSingleQuotesForStringLiteralType;
  if (kind === "function") {
    const type = checker.getTypeOfSymbolAtLocation(symbol, decl);
    return type
      .getCallSignatures()
      .map((s) => `${symbol.getName()}${checker.signatureToString(s, decl, flags)}`)
      .join("\n");
  }
  if (kind === "constant") {
    const type = checker.getTypeOfSymbolAtLocation(symbol, decl);
    return `const ${symbol.getName()}: ${checker.typeToString(type, decl, flags)}`;
  }
  if (kind === "class") {
    // the public surface: the class line and its non-private members' signatures
    const c = decl as ts.ClassDeclaration;
    const members = c.members
      .filter((m) => !(ts.getCombinedModifierFlags(m) & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)))
      .map((m) => `  ${m.getText(sf).replace(/\{[\s\S]*\}$/, "").replace(/\s+/g, " ").trim().replace(/;?$/, ";")}`);
    const head = c.getText(sf).slice(0, c.getText(sf).indexOf("{")).replace(/^export\s+/, "").trim();
    return `${head} {\n${members.join("\n")}\n}`;
  }
  return declarationText(decl, sf);
}

/** Collects every symbol exported by the public entry points. */
export function collectApi(root = ROOT): ApiEntry[] {
  const config = ts.getParsedCommandLineOfConfigFile(join(root, "tsconfig.json"), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
  const options: ts.CompilerOptions = { ...(config?.options ?? {}), noEmit: true };
  const files = ENTRY_POINTS.map((e) => join(root, e.file));
  const program = ts.createProgram(files, options);
  const checker = program.getTypeChecker();
  const out: ApiEntry[] = [];
  for (const entry of ENTRY_POINTS) {
    const sf = program.getSourceFile(join(root, entry.file));
    const moduleSymbol = sf && checker.getSymbolAtLocation(sf);
    if (!moduleSymbol) throw new Error(`cannot read the exports of ${entry.file}`);
    for (const exported of checker.getExportsOfModule(moduleSymbol)) {
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      const decl = symbol.declarations?.[0];
      if (!decl) continue;
      const kind = kindOf(decl);
      out.push({
        module: entry.module,
        name: exported.getName(),
        kind,
        text: textOf(symbol, decl, kind, checker),
        doc: docOf(symbol, checker),
        source: decl.getSourceFile().fileName.slice(root.length + 1),
      });
    }
  }
  return out;
}

const byKindThenName = (a: ApiEntry, b: ApiEntry) =>
  KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** Renders the API reference as Markdown. Pure: same declarations → same bytes. */
export function renderApiDocs(entries: readonly ApiEntry[]): string {
  const out = [
    "# API reference",
    "",
    "<!-- Generated by `npm run docs:api` (scripts/api-docs.ts) from the declarations and doc comments of",
    "     src/index.ts, src/node/index.ts, src/stream/index.ts and src/conditions/index.ts. Do not edit:",
    "     test/api-docs.test.ts fails when this file is stale. -->",
    "",
    "Four entry points:",
    "",
    "- `thidua`, the browser-safe core (no Node built-ins): what a program needs to load rule sets, score,",
    "  recommend, explain, render, record and replay, and the error types (25 values);",
    "- `thidua/node`, the file-system helpers (load a rule set from a folder, the bundled rule sets);",
    "- `thidua/stream`, inputs larger than memory, partition by partition, and reports written cohort by",
    "  cohort (`reportLayout`, `recordHead`): one use, one entry;",
    "- `thidua/conditions`, one condition in json-rules-engine's format evaluated on its own with Kleene logic,",
    "  without a rule set (`compileCondition`, `safeCompileCondition`, `traceCondition`).",
    "",
    "The root stays small so that a reader sees at once what a program does with the library. Two uses that",
    "most programs never need have their own subpaths (issue 17.6; see [CHANGELOG](../CHANGELOG.md)):",
    "`reportLayout` and `recordHead` exist only to write a report cohort by cohort as partitions are decided",
    "(with everything in memory, `renderCsv` and the other renderers do it in one call), so they live beside",
    "the partition protocol they serve; and a condition compiled or traced on its own, without a rule set, is a",
    "different use from scoring with one (the engine compiles the rule files' conditions itself). The types of",
    "traces (`TraceNode`, `LeafTrace`, `Truth`) stay on `thidua` too, since its results carry traces.",
    "",
    "Every entry is browser-safe except `thidua/node`, and all four share one",
    "engine: an engine, rule set or error made through one entry is accepted and recognised by the others",
    "(also under CommonJS). `test/api-surface.test.ts` holds each entry to its list of values",
    "(`test/support/api-surface.ts`), so an export cannot be added or lost by accident. Concepts are explained",
    "in the other pages of [docs/](./); this page lists every exported name.",
    "",
    "Two packages: `npm install thidua` gives a program the library (these four entry points, with zod,",
    "big.js and @noble/hashes); `npm install -g thidua-cli` (or `npx thidua-cli …`) gives a committee the",
    "command line `thidua` ([CLI](cli.md)), which carries its own copy of the library, the bundled rule sets",
    "and the demo's fixtures, and the spreadsheet, argument and progress libraries only it needs.",
    "",
  ];
  for (const { module } of ENTRY_POINTS) {
    const mine = entries.filter((e) => e.module === module).sort(byKindThenName);
    out.push(`## \`${module}\``, "");
    for (const kind of KIND_ORDER) {
      const list = mine.filter((e) => e.kind === kind);
      if (list.length) out.push(`- ${HEADINGS[kind]}: ${list.map((e) => `[\`${e.name}\`](#${anchor(module, e.name)})`).join(" · ")}`);
    }
    out.push("");
    for (const kind of KIND_ORDER) {
      const list = mine.filter((e) => e.kind === kind);
      if (!list.length) continue;
      out.push(`### ${HEADINGS[kind]}`, "");
      for (const e of list) {
        out.push(`<a id="${anchor(module, e.name)}"></a>`, "", `#### \`${e.name}\``, "");
        out.push("```ts no-check", e.text, "```", "");
        if (e.doc) out.push(e.doc, "");
        out.push(`<sub>${kind} · \`${e.source}\`</sub>`, "");
      }
    }
  }
  return `${out.join("\n").replace(/\n+$/, "")}\n`;
}

const anchor = (module: string, name: string) => `${module.replace(/[^a-z]/g, "-")}-${name}`.toLowerCase();

export function generateApiDocs(root = ROOT): string {
  return renderApiDocs(collectApi(root));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const target = join(ROOT, "docs", "api.md");
  writeFileSync(target, generateApiDocs());
  console.log(`wrote docs/api.md`);
}
