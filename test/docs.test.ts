/**
 * Code in the docs cannot drift (STYLE §2.9). Every ```ts block of README.md, docs/**.md and
 * rules/README.md is either
 *   - an excerpt of an example: its first line is `// from examples/NN-name.ts` and the rest must
 *     appear verbatim in that file (which test/examples.test.ts runs), or
 *   - type-checked here with the TypeScript compiler API, with the repository's compiler options and
 *     `thidua` / `thidua/node` resolved to src/, or
 *   - marked ```ts no-check (signatures, fragments), and skipped.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));
const tmp = join(root, ".tmp", "docs-check");

interface Block {
  readonly file: string;
  readonly line: number;
  readonly info: string;
  readonly code: string;
}

function markdownFiles(): string[] {
  const out = ["README.md", "rules/README.md"];
  const walk = (dir: string) => {
    for (const e of readdirSync(join(root, dir), { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(dir, e.name));
      else if (e.name.endsWith(".md")) out.push(join(dir, e.name));
    }
  };
  walk("docs");
  return out.sort();
}

function blocks(file: string): Block[] {
  const lines = readFileSync(join(root, file), "utf8").split("\n");
  const out: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)```(\S*)(.*)$/.exec(lines[i]!);
    if (!open) continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !/^\s*```\s*$/.test(lines[i]!); i++) body.push(lines[i]!.slice(open[1]!.length));
    const lang = open[2]!;
    if (lang === "ts" || lang === "typescript") out.push({ file, line: start + 1, info: open[3]!.trim(), code: body.join("\n") });
  }
  return out;
}

const all = markdownFiles().flatMap(blocks);
const FROM = /^\/\/ from (examples\/\d\d-[a-z0-9-]+\.ts)\s*$/;
const excerpts = all.filter((b) => !b.info.includes("no-check") && FROM.test(b.code.split("\n")[0]!));
const checked = all.filter((b) => !b.info.includes("no-check") && !excerpts.includes(b));

describe("code in the docs", () => {
  it("has TypeScript blocks to check (README included: its quick start is an excerpt of an example, run by test/examples.test.ts)", () => {
    expect([...checked, ...excerpts].some((b) => b.file === "README.md")).toBe(true);
  });

  it("excerpts of examples match the example verbatim", () => {
    for (const b of excerpts) {
      const [first, ...rest] = b.code.split("\n");
      const example = readFileSync(join(root, FROM.exec(first!)![1]!), "utf8");
      expect(example, `${b.file}:${b.line} is no longer in ${FROM.exec(first!)![1]}`).toContain(rest.join("\n").trimEnd());
    }
  });

  it("every other ```ts block type-checks", () => {
    rmSync(tmp, { recursive: true, force: true });
    mkdirSync(tmp, { recursive: true });
    const where = new Map<string, Block>();
    checked.forEach((b, i) => {
      const name = join(tmp, `${String(i).padStart(3, "0")}-${b.file.replace(/[^A-Za-z0-9]+/g, "-")}-L${b.line}.ts`);
      const isModule = /^\s*(import|export)\s/m.test(b.code);
      writeFileSync(name, `${b.code}\n${isModule ? "" : "export {};\n"}`);
      where.set(name, b);
    });
    const config = ts.getParsedCommandLineOfConfigFile(join(root, "tsconfig.json"), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
    const options: ts.CompilerOptions = {
      ...config!.options,
      noEmit: true,
      baseUrl: root,
      paths: { thidua: ["./src/index.ts"], "thidua/node": ["./src/node/index.ts"], "thidua/stream": ["./src/stream/index.ts"], "thidua/conditions": ["./src/conditions/index.ts"] },
    };
    const program = ts.createProgram([...where.keys()], options);
    const errors: string[] = [];
    for (const [name, b] of where) {
      const sf = program.getSourceFile(name)!;
      for (const d of ts.getPreEmitDiagnostics(program, sf)) {
        const pos = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : undefined;
        const at = pos ? `${b.file}:${b.line + 1 + pos.line}` : `${b.file}:${b.line}`;
        errors.push(`${at}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`);
      }
    }
    rmSync(tmp, { recursive: true, force: true });
    expect(errors, `type errors in the docs (${relative(root, tmp)})`).toEqual([]);
  });
});
