/**
 * Bulk input: CSV (a header row of the spec's field names), a JSON array of objects, or JSON Lines.
 * Each row keeps its line number so a bad row can be pointed at.
 */
import { fromFormFields } from "../index.js";

export interface InputRow {
  /** 1-based position among the data rows. */
  row: number;
  /** The line it starts on (for JSON arrays, the row number). */
  line: number;
  body: Record<string, unknown>;
}

export type InputFormat = "csv" | "json" | "jsonl";

export class InputError extends Error {
  override name = "InputError";
}

export function detectFormat(path: string, text: string): InputFormat {
  if (/\.csv$/i.test(path)) return "csv";
  if (/\.jsonl$|\.ndjson$/i.test(path)) return "jsonl";
  if (/\.json$/i.test(path)) return "json";
  const first = text.trimStart()[0];
  return first === "[" ? "json" : first === "{" ? "jsonl" : "csv";
}

export function parseRows(text: string, format: InputFormat): InputRow[] {
  switch (format) {
    case "csv":
      return parseCsvRows(text);
    case "jsonl":
      return text
        .split(/\r?\n/)
        .flatMap((content, index) => {
          if (!content.trim()) return [];
          return [{ row: 0, line: index + 1, body: jsonObject(content, `line ${index + 1}`) }];
        })
        .map((row, index) => ({ ...row, row: index + 1 }));
    case "json": {
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (error) {
        throw new InputError(`the file is not valid JSON (${(error as Error).message})`);
      }
      if (!Array.isArray(value)) throw new InputError("a JSON file must hold an array of groups");
      return value.map((item, index) => ({
        row: index + 1,
        line: index + 1,
        body: asObject(item, `row ${index + 1}`),
      }));
    }
  }
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
  const records = parseCsv(text.replace(/^\uFEFF/, ""));
  const header = records.shift();
  if (!header) return [];
  const keys = header.cells.map((cell) => cell.trim());
  const rows: InputRow[] = [];
  for (const record of records) {
    if (record.cells.length === 1 && record.cells[0] === "") continue; // blank line
    if (record.cells.length > keys.length) {
      throw new InputError(
        `line ${record.line}: ${record.cells.length} cells but the header names ${keys.length} columns`,
      );
    }
    const entries: [string, string][] = [];
    record.cells.forEach((cell, index) => {
      if (cell !== "") entries.push([keys[index] as string, cell]);
    });
    rows.push({ row: rows.length + 1, line: record.line, body: fromFormFields(entries) });
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
