/** Flag parsing shared by the subcommands: strict, with the nearest flag suggested and bounds on numbers. */
import { parseArgs } from "node:util";
import { UsageError } from "./errors.js";
import { nearest } from "./text.js";

export interface FlagDef {
  type: "string" | "boolean";
  short?: string;
  value?: string;
  help: string;
  /** May be given more than once (`--rate Light=30 --rate Medium=20`): its value is then a list. */
  multiple?: true;
}
export type FlagDefs = Record<string, FlagDef>;
export type Flags = Record<string, string | boolean | string[] | undefined>;

export const commonFlags: FlagDefs = {
  help: { type: "boolean", short: "h", help: "this help" },
  version: { type: "boolean", help: "the version" },
  verbose: { type: "boolean", help: "stack traces on errors" },
};

/** Strict: an unknown flag names the nearest known one, and none is repeatable. */
export function parseFlags(args: string[], defs: FlagDefs, command: string): Flags {
  const all = { ...defs, ...commonFlags };
  const options = Object.fromEntries(
    Object.entries(all).map(([name, def]) => [
      name,
      { type: def.type, ...(def.short ? { short: def.short } : {}), ...(def.multiple ? { multiple: true } : {}) },
    ]),
  );
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args, options);
  } catch (error) {
    // Node's own words, but for its advice on positionals and dashes (`--rate -5`: a value, not a flag).
    const message = (error as Error).message
      .replace(/\. To specify.*$/s, "")
      .replace(
        /^Option '(--[\w-]+)' argument is ambiguous\..*$/s,
        "$1 needs a value (for one that starts with a dash: $1=VALUE)",
      );
    const unknownFlag = (error as { code?: string }).code === "ERR_PARSE_ARGS_UNKNOWN_OPTION";
    const unknown = unknownFlag ? /'--?([^']+)'/.exec(message)?.[1] : undefined;
    const hint = unknown ? nearest(unknown, Object.keys(all)) : undefined;
    throw new UsageError(`${command}: ${message}${hint ? ` (did you mean --${hint}?)` : ""}`);
  }
  const seen = new Set<string>();
  for (const token of parsed.tokens) {
    if (token.kind !== "option" || all[token.name]?.multiple) continue;
    if (seen.has(token.name)) throw new UsageError(`${command}: --${token.name} is given more than once`);
    seen.add(token.name);
  }
  return parsed.values as Flags;
}

const parse = (
  args: string[],
  options: Record<string, { type: "string" | "boolean"; short?: string; multiple?: boolean }>,
) => parseArgs({ args, options, strict: true, allowPositionals: false, tokens: true });

export const text = (flags: Flags, name: string): string | undefined => {
  const value = flags[name];
  return typeof value === "string" ? value : undefined;
};

/** A flag that may be repeated: every value given, in order. */
export const texts = (flags: Flags, name: string): string[] => {
  const value = flags[name];
  return Array.isArray(value) ? value : typeof value === "string" ? [value] : [];
};

export function integer(name: string, value: unknown, range: { min: number; max: number; fallback: number }): number {
  if (value === undefined) return range.fallback;
  const number = typeof value === "string" && /^\s*\d+\s*$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(number) || number < range.min || number > range.max)
    throw new UsageError(`--${name} must be a whole number from ${range.min} to ${range.max} (got ${String(value)})`);
  return number;
}

/** A probability from 0 to 1 (`0.1`, or `10%`). */
export function probability(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const number = value.endsWith("%") ? Number(value.slice(0, -1)) / 100 : Number(value);
  if (!Number.isFinite(number) || number < 0 || number > 1 || value.trim() === "")
    throw new UsageError(`--${name} must be a probability from 0 to 1, or a percentage (got ${value})`);
  return number;
}
