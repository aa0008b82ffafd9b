import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { parse, type CsvError } from "csv-parse";
import { issue } from "../../errors/index.js";
import { buildColumnIndex, normKey } from "./columns.js";
import { TableReader } from "./table.js";
import type { InputRow, ReadOptions } from "./types.js";

/** Splits one line on `delimiter` outside double quotes (enough to sniff a header). */
export function splitLine(line: string, delimiter: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (ch === '"') {
      if (quoted && line[i + 1] === '"') [cur, i] = [cur + '"', i + 1];
      else quoted = !quoted;
    } else if (ch === delimiter && !quoted) {
      out.push(cur); // appended, not copied: a header of 30,000 cells took seconds when each cell copied the list
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** Picks `;` or `,`: the one whose header cells name more known columns, then the one giving more cells. */
export function sniffDelimiter(headerLine: string, known: ReadonlyMap<string, unknown>): ";" | "," {
  const score = (d: string) => {
    const cells = splitLine(headerLine, d);
    return [cells.filter((c) => known.has(normKey(c))).length, cells.length] as const;
  };
  const [s1, n1] = score(";");
  const [s2, n2] = score(",");
  return s1 > s2 || (s1 === s2 && n1 > n2) ? ";" : ",";
}

/** The header line, or "utf16" for a UTF-16 file (Excel's “Unicode text”). */
async function firstLine(path: string): Promise<string> {
  const fh = await open(path, "r");
  try {
    const buf = Buffer.alloc(64 * 1024);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    if (bytesRead >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff))) return "\0utf16";
    const text = buf.subarray(0, bytesRead).toString("utf8").replace(/^\uFEFF/, "");
    return text.split(/\r?\n/, 1)[0] ?? "";
  } finally {
    await fh.close();
  }
}

const CSV_REASONS: Readonly<Record<string, string>> = {
  CSV_QUOTE_NOT_CLOSED: "a quoted field is never closed (is the file truncated?)",
  CSV_INVALID_CLOSING_QUOTE: "a closing quote is followed by other characters",
  CSV_RECORD_INCONSISTENT_FIELDS_LENGTH: "the row does not have as many cells as the header",
};

/** Streams a CSV file (UTF-8 with or without BOM, `;` or `,`, CRLF or LF, quoted fields). */
export async function* readCsv(path: string, file: string, opts: ReadOptions): AsyncGenerator<InputRow> {
  const header = await firstLine(path);
  if (header === "\0utf16") {
    yield { row: 1, issues: [issue("input.parse", ["row", 1], `${file}: the file is UTF-16 text — save it as “CSV UTF-8 (comma delimited)”`, { file, row: 1, kind: "utf16" })] };
    return;
  }
  if (header.trim() === "") {
    yield { row: 1, issues: [issue("input.parse", ["row", 1], `${file}: the file is empty — expected a header row`, { file, row: 1, kind: "emptyFile" })] };
    return;
  }
  const delimiter = sniffDelimiter(header, buildColumnIndex(opts.rules));
  const decimal = opts.decimal ?? (delimiter === ";" ? "," : ".");
  const table = new TableReader({ ...opts, file, decimal, strictWidth: true });
  const parser = parse({ delimiter, bom: true, relax_column_count: true, relax_quotes: true, info: true });
  const source = createReadStream(path);
  source.on("error", (e) => parser.destroy(e));
  source.pipe(parser);
  let last = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { records: number } }>) {
      last = info.records;
      const r = last === 1 ? table.readHeader(record) : table.readRow(record, last);
      if (r) yield r;
      if (table.refused) return;
    }
  } catch (e) {
    const err = e as CsvError & { lines?: number };
    const reason = CSV_REASONS[err.code] ?? err.message;
    const row = last + 1;
    yield { row, issues: [issue("input.parse", ["row", row], `${file}, row ${row} (line ${err.lines ?? "?"}): cannot read the CSV — ${reason}; the rest of the file is not read`, { file, row, line: err.lines ?? 0, kind: "csvSyntax", reason, other: err.code ?? "" })] };
  } finally {
    source.destroy();
  }
}
