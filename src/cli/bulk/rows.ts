/**
 * Bulk input: CSV (a header row of the spec's field names), a JSON array of objects, or JSON Lines.
 * Each row keeps the line it starts on so a bad row can be pointed at. A byte-order mark is dropped in
 * every format. Problems with the whole input (unreadable JSON, a repeated or unknown CSV column, no rows)
 * are `InputError`s; problems with one row (an extra CSV cell) stay with the row, so `--skip-invalid`
 * can skip it.
 */
import { createImGroupRequestSchema, fromFormFields, validateCreateImGroupBody } from "../../index.js";
import { booleanFields } from "../fields.js";

export interface InputRow {
  /** 1-based position among the data rows. */
  row: number;
  /** The line it starts on. */
  line: number;
  body: Record<string, unknown>;
  /** What is wrong with the row itself, before validation (an extra cell). */
  problems?: string[];
}

export type InputFormat = "csv" | "json" | "jsonl";
export const inputFormats: readonly InputFormat[] = ["csv", "json", "jsonl"];

export class InputError extends Error {
  override name = "InputError";
}

const fieldNames = Object.keys(createImGroupRequestSchema.properties);

/**
 * One rule, in this order: `--format` when given; else the file's extension; else the first character
 * (`[` a JSON array, `{` JSON Lines, anything else CSV).
 */
export function chooseFormat(explicit: string | undefined, path: string, text: string): InputFormat {
  if (explicit !== undefined) {
    if (!inputFormats.includes(explicit as InputFormat))
      throw new InputError(`--format must be one of ${inputFormats.join(", ")} (got ${explicit})`);
    return explicit as InputFormat;
  }
  if (/\.csv$/i.test(path)) return "csv";
  if (/\.(jsonl|ndjson)$/i.test(path)) return "jsonl";
  if (/\.json$/i.test(path)) return "json";
  const first = withoutBom(text).trimStart()[0];
  return first === "[" ? "json" : first === "{" ? "jsonl" : "csv";
}

const withoutBom = (text: string) => text.replace(/^\uFEFF/, "");

export function parseRows(input: string, format: InputFormat): InputRow[] {
  const text = withoutBom(input);
  if (text.trim() === "") throw new InputError("the input has no rows");
  const rows = format === "csv" ? parseCsvRows(text) : format === "jsonl" ? parseJsonLines(text) : parseJsonArray(text);
  if (rows.length === 0) throw new InputError("the input has no rows");
  return rows;
}

function parseJsonLines(text: string): InputRow[] {
  const rows: InputRow[] = [];
  for (const [index, content] of text.split(/\r?\n/).entries()) {
    if (!content.trim()) continue;
    rows.push({ row: rows.length + 1, line: index + 1, body: jsonObject(content, `line ${index + 1}`) });
  }
  return rows;
}

function parseJsonArray(text: string): InputRow[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    if (text.trim() === "") return [];
    throw new InputError(`the input is not valid JSON (${(error as Error).message})`);
  }
  if (!Array.isArray(value)) throw new InputError("a JSON file must hold an array of groups");
  const lines = elementLines(text);
  return value.map((item, index) => ({
    row: index + 1,
    line: lines[index] ?? 1,
    body: asObject(item, `row ${index + 1}`),
  }));
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

function jsonObject(text: string, where: string): Record<string, unknown> {
  try {
    return asObject(JSON.parse(text), where);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`${where}: not valid JSON (${(error as Error).message})`);
  }
}

function asObject(value: unknown, where: string): Record<string, unknown> {
  if (!value || typeof value !== "object" || Array.isArray(value)) throw new InputError(`${where}: expected an object`);
  return value as Record<string, unknown>;
}

/** RFC 4180: quoted fields may hold commas, doubled quotes and line breaks. Empty cells are left out. */
function parseCsvRows(text: string): InputRow[] {
  const first = text.trimStart()[0];
  if (first === "[" || first === "{")
    throw new InputError("the input looks like JSON, not CSV (give --format json or jsonl, or a .json/.jsonl file)");
  const records = parseCsv(text);
  const header = records.shift();
  if (!header) return [];
  const keys = header.cells.map((cell) => cell.trim());
  const seen = new Set<string>();
  for (const key of keys) {
    if (seen.has(key)) throw new InputError(`line ${header.line}: the column "${key}" is named twice`);
    seen.add(key);
  }
  const unknown = keys.filter((key) => !fieldNames.includes(key));
  if (unknown.length > 0) {
    throw new InputError(
      `line ${header.line}: unknown column${unknown.length > 1 ? "s" : ""} ${unknown.map((k) => JSON.stringify(k)).join(", ")} (the fields are ${fieldNames.join(", ")})`,
    );
  }
  const rows: InputRow[] = [];
  for (const record of records) {
    if (record.cells.length === 1 && record.cells[0] === "") continue; // blank line
    const entries: [string, string][] = [];
    record.cells.slice(0, keys.length).forEach((cell, index) => {
      const key = keys[index] as string;
      if (cell !== "")
        entries.push([key, booleanFields.has(key) && /^(true|false)$/i.test(cell) ? cell.toLowerCase() : cell]);
    });
    const extra = record.cells.length - keys.length;
    rows.push({
      row: rows.length + 1,
      line: record.line,
      body: fromFormFields(entries),
      ...(extra > 0 ? { problems: [`${record.cells.length} cells but the header names ${keys.length} columns`] } : {}),
    });
  }
  return rows;
}

function parseCsv(text: string): { line: number; cells: string[] }[] {
  const records: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else {
        if (char === "\n") line++;
        cell += char;
      }
    } else if (char === '"' && cell === "") quoted = true;
    else if (char === ",") {
      cells.push(cell);
      cell = "";
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && text[i + 1] === "\n") i++;
      cells.push(cell);
      records.push({ line: recordLine, cells });
      cells = [];
      cell = "";
      line++;
      recordLine = line;
    } else cell += char;
  }
  if (quoted) throw new InputError(`line ${recordLine}: a quoted cell is never closed`);
  if (cell !== "" || cells.length > 0) {
    cells.push(cell);
    records.push({ line: recordLine, cells });
  }
  return records;
}

export interface InvalidRow {
  row: InputRow;
  problems: string[];
}

/** Rows that break the spec's schema, carry a structural problem, or repeat an earlier row's name. */
export function findInvalidRows(rows: readonly InputRow[]): InvalidRow[] {
  const firstByName = new Map<string, InputRow>();
  const invalid: InvalidRow[] = [];
  for (const row of rows) {
    const problems = [...(row.problems ?? []), ...validateCreateImGroupBody(row.body).map((issue) => issue.message)];
    const name = row.body.name;
    if (typeof name === "string") {
      const first = firstByName.get(name);
      if (first)
        problems.push(
          `the name ${JSON.stringify(name)} is also on row ${first.row} (line ${first.line}); names are unique per account`,
        );
      else firstByName.set(name, row);
    }
    if (problems.length > 0) invalid.push({ row, problems });
  }
  return invalid;
}
