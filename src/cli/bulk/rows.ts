/**
 * Bulk input as admins have it: CSV from a spreadsheet, a JSON array, or JSON Lines; UTF-8 or UTF-16 with a
 * byte-order mark. Problems with the whole input are `InputError`s; a problem with one row (an extra CSV cell)
 * stays with the row, so `--skip-invalid` can skip it.
 */
import type { CreateImGroupBody } from "../../index.js";
import { validateCreateImGroupBody } from "../../spec.js";
import { UsageError } from "../errors.js";
import { fieldNames, fieldOfHeader, readValue } from "../fields.js";
import { count, nearest, someOf } from "../text.js";

export interface InputRow {
  row: number;
  /** The line it starts on, so a bad row can be pointed at. */
  line: number;
  body: Record<string, unknown>;
  problems?: string[];
}

export interface ValidRow extends InputRow {
  body: CreateImGroupBody;
}

export type InputFormat = "csv" | "json" | "jsonl";
const inputFormats: readonly InputFormat[] = ["csv", "json", "jsonl"];

export class InputError extends Error {
  override name = "InputError";
}

/** A value as messages show it: quoted, cut short (a cell can be a megabyte). */
const quoted = (text: string) =>
  JSON.stringify(text.length > 40 ? `${text.slice(0, 40).replace(/[\uD800-\uDBFF]$/, "")}…` : text);

/** Bytes that are not text are refused, never turned into replacement characters that would become other names. */
export function decodeInput(bytes: Uint8Array): string {
  const [first, second] = bytes;
  const encoding =
    first === 0xff && second === 0xfe ? "utf-16le" : first === 0xfe && second === 0xff ? "utf-16be" : "utf-8";
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    const what =
      encoding === "utf-8"
        ? `line ${firstLineNotUtf8(bytes)} is not UTF-8 text (a Latin-1 or Windows-1252 export?)`
        : "it starts with a UTF-16 byte-order mark but is not UTF-16 text";
    throw new InputError(`${what}: save the file as UTF-8 ("CSV UTF-8" in Excel) and try again`);
  }
}

/** A line feed is never part of a multi-byte UTF-8 sequence, so lines can be checked one by one. */
function firstLineNotUtf8(bytes: Uint8Array): number {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  for (let line = 1, start = 0; start <= bytes.length; line++) {
    const end = bytes.indexOf(0x0a, start);
    try {
      decoder.decode(bytes.subarray(start, end === -1 ? bytes.length : end));
    } catch {
      return line;
    }
    if (end === -1) break;
    start = end + 1;
  }
  return 1;
}

/** `--format`, else the file's extension, else the first character (`[` JSON, `{` JSON Lines, else CSV). */
export function chooseFormat(explicit: string | undefined, path: string, text: string): InputFormat {
  if (explicit !== undefined) {
    if (!inputFormats.includes(explicit as InputFormat))
      throw new InputError(`--format must be one of ${inputFormats.join(", ")} (got ${quoted(explicit)})`);
    return explicit as InputFormat;
  }
  if (/\.csv$/i.test(path)) return "csv";
  if (/\.(jsonl|ndjson)$/i.test(path)) return "jsonl";
  if (/\.json$/i.test(path)) return "json";
  const first = text.trimStart()[0];
  return first === "[" ? "json" : first === "{" ? "jsonl" : "csv";
}

const delimiterNames: Record<string, string> = { ",": "comma", ";": "semicolon", "\t": "tab" };

export function delimiterFlag(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const delimiter = value === "tab" || value === "\\t" ? "\t" : value;
  if (!Object.hasOwn(delimiterNames, delimiter))
    throw new UsageError(`--delimiter must be , ; or tab (got ${quoted(value)})`);
  return delimiter;
}

/** Notes say how the input was read when that was a guess. */
/** `columns`: names a command reads besides the spec's fields (apply's `members`), matched as fields are. */
export function parseRows(
  text: string,
  format: InputFormat,
  delimiter?: string,
  columns: readonly string[] = [],
): { rows: InputRow[]; notes: string[] } {
  if (delimiter !== undefined && format !== "csv")
    throw new InputError(`--delimiter goes with CSV input; this input is read as ${format}`);
  if (text.trim() === "") throw new InputError("the input has no rows");
  const notes: string[] = [];
  let rows: InputRow[];
  if (format === "csv") {
    const chosen = delimiter ?? guessDelimiter(text);
    if (delimiter === undefined && chosen !== ",")
      notes.push(`read as ${delimiterNames[chosen]}-separated, as the header line is (--delimiter overrides)`);
    rows = parseCsvRows(text, chosen, columns);
  } else rows = format === "jsonl" ? parseJsonLines(text) : parseJsonArray(text);
  if (rows.length === 0) throw new InputError("the input has no rows");
  return { rows, notes };
}

/** A JSON row's strings are read as a flag's or a cell's are (trimmed, enums in any case); its types stay. */
function jsonRow(row: number, line: number, value: unknown, where: string): InputRow {
  if (!value || typeof value !== "object" || Array.isArray(value)) throw new InputError(`${where}: expected an object`);
  const body = value as Record<string, unknown>;
  for (const name of fieldNames) if (Object.hasOwn(body, name)) body[name] = readValue(name, body[name], true);
  return { row, line, body };
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputError(`${what} not valid JSON (${(error as Error).message})`);
  }
}

function parseJsonLines(text: string): InputRow[] {
  const rows: InputRow[] = [];
  for (const [index, content] of text.split(/\r?\n|\r/).entries())
    if (content.trim())
      rows.push(jsonRow(rows.length + 1, index + 1, parseJson(content, `line ${index + 1}:`), `line ${index + 1}`));
  return rows;
}

function parseJsonArray(text: string): InputRow[] {
  const value = parseJson(text, "the input is");
  if (!Array.isArray(value)) throw new InputError("a JSON file must hold an array of groups");
  const lines = elementLines(text);
  return value.map((item, index) => jsonRow(index + 1, lines[index] ?? 1, item, `row ${index + 1}`));
}

/** The line each top-level element of a (valid) JSON array starts on. */
function elementLines(text: string): number[] {
  const lines: number[] = [];
  let depth = 0;
  let line = 1;
  let inString = false;
  let expectElement = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    if (char === "\n") line++;
    if (inString) {
      if (char === "\\") i++;
      else if (char === '"') inString = false;
      continue;
    }
    if (/\s/.test(char)) continue;
    if (depth === 1 && expectElement) {
      lines.push(line);
      expectElement = false;
    }
    if (char === '"') inString = true;
    else if (char === "[" || char === "{") {
      depth++;
      if (depth === 1) expectElement = true;
    } else if (char === "]" || char === "}") depth--;
    else if (char === "," && depth === 1) expectElement = true;
  }
  return lines;
}

/** The delimiter the header line uses most (outside quotes): a comma on a tie or when it has none. */
function guessDelimiter(text: string): string {
  const seen: Record<string, number> = { ",": 0, ";": 0, "\t": 0 };
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (char === "\n" || char === "\r") break;
    else if (Object.hasOwn(seen, char)) seen[char] = (seen[char] as number) + 1;
  }
  return Object.keys(seen).reduce((best, char) => ((seen[char] as number) > (seen[best] as number) ? char : best));
}

const isBlank = (cells: readonly string[]) => cells.every((cell) => cell.trim() === "");

/** A trailing delimiter and empty cells past the header's columns are ignored; an empty cell sets nothing. */
function parseCsvRows(text: string, delimiter: string, columns: readonly string[]): InputRow[] {
  const first = text.trimStart()[0];
  if (first === "[" || first === "{")
    throw new InputError("the input looks like JSON, not CSV (give --format json or jsonl, or a .json/.jsonl file)");
  const records = parseCsv(text, delimiter);
  let start = 0;
  while (start < records.length && isBlank((records[start] as CsvRecord).cells)) start++;
  const header = records[start];
  if (!header) return [];
  const names = header.cells.map((cell) => cell.trim());
  while (names.at(-1) === "") names.pop();
  const keys = headerKeys(names, header.line, columns);
  const rows: InputRow[] = [];
  for (let index = start + 1; index < records.length; index++) {
    const { line, cells } = records[index] as CsvRecord;
    if (isBlank(cells)) continue;
    let used = cells.length;
    while (used > keys.length && (cells[used - 1] as string).trim() === "") used--;
    const body: Record<string, unknown> = {};
    for (let column = 0; column < Math.min(used, keys.length); column++) {
      const cell = cells[column] as string;
      const key = keys[column] as string;
      if (cell.trim() !== "") body[key] = columns.includes(key) ? cell : readValue(key, cell, false);
    }
    const extra =
      used > keys.length ? [`${count(used, "cell")} but the header names ${count(keys.length, "column")}`] : [];
    rows.push({ row: rows.length + 1, line, body, ...(extra.length ? { problems: extra } : {}) });
  }
  return rows;
}

function headerKeys(names: readonly string[], line: number, columns: readonly string[]): string[] {
  const known = [...fieldNames, ...columns];
  const unnamed = names.indexOf("");
  if (unnamed !== -1) throw new InputError(`line ${line}: column ${unnamed + 1} of the header has no name`);
  const keys: string[] = [];
  const columnOf = new Map<string, number>();
  const unknown: string[] = [];
  for (const [column, name] of names.entries()) {
    const key = fieldOfHeader(name) ?? columns.find((column) => column === name.trim().toLowerCase());
    if (key === undefined) {
      const near = nearest(name, known);
      unknown.push(`${quoted(name)}${near ? ` (did you mean ${near}?)` : ""}`);
    } else if (columnOf.has(key)) {
      throw new InputError(
        `line ${line}: the column ${quoted(key)} is named twice (columns ${columnOf.get(key)} and ${column + 1})`,
      );
    } else columnOf.set(key, column + 1);
    keys.push(key ?? "");
  }
  if (unknown.length > 0)
    throw new InputError(
      `line ${line}: unknown column${unknown.length > 1 ? "s" : ""} ${someOf(unknown)} (the fields are ${known.join(", ")})`,
    );
  return keys;
}

interface CsvRecord {
  line: number;
  cells: string[];
}

/** RFC 4180 (a quote after spaces still opens a cell); cells are sliced, so the work is linear in the text. */
function parseCsv(text: string, delimiter: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  const end = text.length;
  const split = delimiter.charCodeAt(0);
  let cells: string[] = [];
  let line = 1;
  let recordLine = 1;
  for (let i = 0; ; ) {
    let cell = "";
    let opening = i;
    while (text[opening] === " ") opening++;
    if (text[opening] === '"') {
      for (let from = opening + 1; ; ) {
        const close = text.indexOf('"', from);
        if (close === -1) throw new InputError(`line ${recordLine}: a quoted cell is never closed`);
        cell += text.slice(from, close);
        if (text[close + 1] !== '"') {
          i = close + 1;
          break;
        }
        cell += '"';
        from = close + 2;
      }
      for (let at = cell.indexOf("\n"); at !== -1; at = cell.indexOf("\n", at + 1)) line++;
    }
    let stop = i;
    for (let code = text.charCodeAt(stop); stop < end && code !== split && code !== 10 && code !== 13; )
      code = text.charCodeAt(++stop);
    cells.push(cell + text.slice(i, stop));
    if (stop < end && text[stop] === delimiter) {
      i = stop + 1;
      continue;
    }
    records.push({ line: recordLine, cells });
    if (stop >= end) return records;
    i = stop + (text[stop] === "\r" && text[stop + 1] === "\n" ? 2 : 1);
    cells = [];
    recordLine = ++line;
  }
}

export interface InvalidRow {
  row: InputRow;
  problems: string[];
}

/** A row whose name differs from an earlier row's only in case or Unicode form (`differs` says which). */
export interface NearDuplicate {
  row: InputRow;
  earlier: InputRow;
  differs: string;
}

const nfc = (name: string) => name.normalize("NFC");
/** Full case folding, near enough: `ß` and `SS` fold alike. */
const lower = (name: string) => name.toUpperCase().toLowerCase();
/** ASCII the fast way. */
const folded = (name: string) => (/^[\x20-\x7e]*$/.test(name) ? name.toLowerCase() : nfc(lower(name)));

/** Cut short: an object of 10,000 unknown keys, or a long one. */
const someProblems = (problems: string[]) => [
  ...problems.slice(0, 5).map((problem) => (problem.length > 200 ? `${problem.slice(0, 199)}…` : problem)),
  ...(problems.length > 5 ? [`and ${count(problems.length - 5, "more problem")}`] : []),
];

export function checkRows(
  rows: readonly InputRow[],
  strict: boolean,
): { valid: ValidRow[]; invalid: InvalidRow[]; nearDuplicates: NearDuplicate[] } {
  // The first row of each name up to case and form; then the first row of each other spelling.
  const firsts = new Map<string, InputRow>();
  const variants = new Map<string, InputRow>();
  const valid: ValidRow[] = [];
  const invalid: InvalidRow[] = [];
  const nearDuplicates: NearDuplicate[] = [];
  // Valid: the schema found nothing wrong with the body, so it is a CreateImGroupBody.
  const accepted = (row: InputRow, problems: string[]): row is ValidRow => problems.length === 0;
  for (const row of rows) {
    const problems = [...(row.problems ?? []), ...validateCreateImGroupBody(row.body).map((issue) => issue.message)];
    const name = row.body.name;
    if (typeof name === "string") {
      const key = folded(name);
      const earlier = firsts.get(key);
      const same = earlier?.body.name === name ? earlier : earlier && variants.get(name);
      if (!earlier) firsts.set(key, row);
      else if (same)
        problems.push(
          `the name ${quoted(name)} is also on row ${same.row} (line ${same.line}); names are unique per account`,
        );
      else {
        variants.set(name, row);
        const other = earlier.body.name as string;
        const differs =
          nfc(name) === nfc(other) ? "Unicode form" : lower(name) === lower(other) ? "case" : "case and Unicode form";
        nearDuplicates.push({ row, earlier, differs });
        if (strict) problems.push(`${nearDuplicateText({ row, earlier, differs })} (--strict)`);
      }
    }
    if (accepted(row, problems)) valid.push(row);
    else invalid.push({ row, problems: someProblems(problems) });
  }
  return { valid, invalid, nearDuplicates };
}

/** The rows to report, at most this many of each kind on stderr. */
const SHOWN = 10;

/**
 * A file's near-duplicate names (unless `strict`, which made them invalid) and invalid rows on stderr, the first
 * few of each; `fate` says what happens to near duplicates ("sent", "applied"), `more` ends the invalid rows' tail.
 */
export function reportRows(
  terminal: { err(text: string): unknown },
  { invalid, nearDuplicates }: { invalid: readonly InvalidRow[]; nearDuplicates: readonly NearDuplicate[] },
  { strict, fate, more = "" }: { strict: boolean; fate: string; more?: string },
): void {
  if (!strict) {
    for (const near of nearDuplicates.slice(0, SHOWN))
      terminal.err(
        `warning: row ${near.row.row} (line ${near.row.line}): ${nearDuplicateText(near)}; both are ${fate} as written (--strict makes such rows invalid).`,
      );
    if (nearDuplicates.length > SHOWN)
      terminal.err(`… and ${count(nearDuplicates.length - SHOWN, "more name")} like these.`);
  }
  for (const { row, problems } of invalid.slice(0, SHOWN))
    terminal.err(`row ${row.row} (line ${row.line}): ${problems.join("; ")}`);
  if (invalid.length > SHOWN) terminal.err(`… and ${count(invalid.length - SHOWN, "more invalid row")}${more}.`);
}

export function nearDuplicateText({ row, earlier, differs }: NearDuplicate): string {
  const looks = differs === "Unicode form" ? ": it looks the same, written with other code points" : "";
  return `the name ${quoted(row.body.name as string)} differs from row ${earlier.row}'s ${quoted(earlier.body.name as string)} (line ${earlier.line}) only in ${differs}${looks}`;
}
