/** Usage errors (exit 2, nothing sent) and flag parsing shared by the subcommands. */
import { parseArgs } from "node:util";

export class UsageError extends Error {
  override name = "UsageError";
}

/** A flag, with what its help says. `value` names the argument of a string flag. */
export interface FlagDef {
  type: "string" | "boolean";
  short?: string;
  value?: string;
  help: string;
}
export type FlagDefs = Record<string, FlagDef>;
export type Flags = Record<string, string | boolean | undefined>;

export const commonFlags: FlagDefs = {
  help: { type: "boolean", short: "h", help: "this help" },
  version: { type: "boolean", help: "the version" },
  verbose: { type: "boolean", help: "stack traces on errors" },
};

export function parseFlags(args: string[], defs: FlagDefs, command: string): Flags {
  const options = Object.fromEntries(
    Object.entries({ ...defs, ...commonFlags }).map(([name, def]) => [
      name,
      { type: def.type, ...(def.short ? { short: def.short } : {}) },
    ]),
  );
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values as Flags;
  } catch (error) {
    throw new UsageError(`${command}: ${(error as Error).message.replace(/\. To specify.*$/s, "")}`);
  }
}

export const text = (flags: Flags, name: string): string | undefined => {
  const value = flags[name];
  return typeof value === "string" ? value : undefined;
};

export function positiveInteger(name: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1)
    throw new UsageError(`--${name} must be a whole number of at least 1 (got ${String(value)})`);
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

/** An absolute http(s) URL, or a usage error naming where it came from (a flag or a variable). */
export function absoluteUrl(value: string, from: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(
      `${from} must be an absolute URL such as https://api.zoom.us/v2 (got ${JSON.stringify(value)})`,
    );
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new UsageError(`${from} must be an http or https URL (got ${JSON.stringify(value)})`);
  return value;
}
