/** Usage errors (exit 2, nothing sent) and flag parsing shared by the subcommands. */
import { parseArgs } from "node:util";

export class UsageError extends Error {
  override name = "UsageError";
  /** False when the input, not the command line, is what is wrong: pointing to --help would not help. */
  constructor(
    message: string,
    readonly helps = true,
  ) {
    super(message);
  }
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

/**
 * Parses `args` strictly: an unknown flag names the nearest known one, a flag given twice is refused (none
 * is repeatable), and every message points at the command's own help.
 */
export function parseFlags(args: string[], defs: FlagDefs, command: string): Flags {
  const all = { ...defs, ...commonFlags };
  const options = Object.fromEntries(
    Object.entries(all).map(([name, def]) => [name, { type: def.type, ...(def.short ? { short: def.short } : {}) }]),
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
    const unknown = /^Unknown option '--?([^']+)'/.exec(message)?.[1];
    const hint = unknown ? nearest(unknown, Object.keys(all)) : undefined;
    throw new UsageError(`${command}: ${message}${hint ? ` (did you mean --${hint}?)` : ""}`);
  }
  const seen = new Set<string>();
  for (const token of parsed.tokens) {
    if (token.kind !== "option") continue;
    if (seen.has(token.name)) throw new UsageError(`${command}: --${token.name} is given more than once`);
    seen.add(token.name);
  }
  return parsed.values as Flags;
}

const parse = (args: string[], options: Record<string, { type: "string" | "boolean"; short?: string }>) =>
  parseArgs({ args, options, strict: true, allowPositionals: false, tokens: true });

export const text = (flags: Flags, name: string): string | undefined => {
  const value = flags[name];
  return typeof value === "string" ? value : undefined;
};

/** A whole number from `min` to `max`, or the fallback when the flag is not given. */
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

/**
 * An absolute http(s) URL with nothing but scheme, host, port and path, or a usage error naming where it
 * came from (a flag or a variable). Credentials in a URL are never echoed back.
 */
export function absoluteUrl(value: string, from: string, example: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    // Shown without what may be a secret: anything before an `@`, and any query or fragment.
    const shown = value.replace(/^([^/]*\/\/)?[^/?#]*@/, "$1…@").replace(/[?#].*$/s, "…");
    throw new UsageError(`${from} must be an absolute URL such as ${example} (got ${JSON.stringify(shown)})`);
  }
  if (url.username || url.password)
    throw new UsageError(`${from} must not carry credentials (user:password@); set them in the environment instead`);
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new UsageError(`${from} must be an http or https URL such as ${example}`);
  // As the library checks it: a bare `?` or `#` leaves url.search and url.hash empty, but is there all the same.
  if (/[?#]/.test(value)) throw new UsageError(`${from} must not have a query string or a fragment`);
  return value;
}

/** The candidate closest to `word` by edit distance, if it is close enough to be what was meant. */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    previous = current;
  }
  return previous[b.length] as number;
}

/** `1 row`, `2 rows`, `1,000 rows`. */
export function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${n.toLocaleString("en-US")} ${n === 1 ? noun : plural}`;
}

/** The first few items, then "and N more": a list a person can read whatever its length. */
export function someOf(items: readonly string[], shown = 5): string {
  if (items.length <= shown) return items.join(", ");
  return `${items.slice(0, shown).join(", ")} and ${(items.length - shown).toLocaleString("en-US")} more`;
}
