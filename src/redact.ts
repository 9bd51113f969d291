/** Secrets out of everything the package shows: in any form a server may echo them, in errors all the way down. */
import { ZoomImGroupsError } from "./errors.js";

type Redact = (text: string) => string;

/**
 * Replaces every secret in `text` with `[redacted]`, in any form a server may echo it: each character as written,
 * percent-encoded once or twice, or JSON-escaped (`\/`, `\uXXXX`), in any mix (a space also as `+`, a run of
 * whitespace as any run of it); or the whole secret in base64 or base64url. Secrets under 8 characters are no real
 * token or secret, and replacing a word like `test` would corrupt names and ids.
 */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  return secrets.reduce(
    (result, secret) => (secret.length < 8 ? result : result.replace(secretPattern(secret), "[redacted]")),
    text,
  );
}

const patterns = new Map<string, RegExp>();
const escaped = (literal: string) => literal.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
const hex = (value: number, width: number) => value.toString(16).padStart(width, "0");

/** The pattern of a secret's every form. */
function secretPattern(secret: string): RegExp {
  // A global pattern's `replace` starts at 0 whatever its lastIndex: a cached one is reused as it is.
  const cached = patterns.get(secret);
  if (cached) return cached;
  // Each character's forms; a run of whitespace as any run of its forms (a message made one line collapses it).
  const parts: { forms: Set<string>; space: boolean }[] = [];
  for (const char of secret) {
    const bytes = [...new TextEncoder().encode(char)];
    const units = Array.from({ length: char.length }, (_, i) => char.charCodeAt(i));
    const forms = [
      char,
      bytes.map((byte) => `%${hex(byte, 2)}`).join(""),
      bytes.map((byte) => `%25${hex(byte, 2)}`).join(""),
      units.map((unit) => `\\u${hex(unit, 4)}`).join(""),
      ...(`/"\\`.includes(char) ? [`\\${char}`] : []),
      ...(char === " " ? ["+"] : []),
    ].map(escaped);
    const space = /\s/u.test(char);
    const last = parts.at(-1);
    if (space && last?.space) for (const form of forms) last.forms.add(form);
    else parts.push({ forms: new Set(space ? [...forms, "\\s"] : forms), space });
  }
  const characters = parts.map(({ forms, space }) => `(?:${[...forms].join("|")})${space ? "+" : ""}`);
  // Case-insensitive: %2f as %2F, and a server that changed a secret's case still does not show it.
  const pattern = new RegExp([characters.join(""), ...base64Forms(secret).map(escaped)].join("|"), "giu");
  if (patterns.size >= 64) patterns.clear();
  patterns.set(secret, pattern);
  return pattern;
}

/**
 * The secret's base64 and base64url (padded or not), and, for an echo inside a longer encoded string, the
 * characters that encode only the secret's bytes at each of the three alignments. Longest first.
 */
function base64Forms(secret: string): string[] {
  const bytes = new TextEncoder().encode(secret);
  const encode = (from: Uint8Array) => btoa(String.fromCharCode(...from));
  const aligned = [0, 1, 2].map((offset) => {
    const shifted = new Uint8Array(offset + bytes.length);
    shifted.set(bytes, offset);
    return encode(shifted).slice(Math.ceil((8 * offset) / 6), Math.floor((8 * shifted.length) / 6));
  });
  const standard = [encode(bytes), encode(bytes).replace(/=+$/, ""), ...aligned];
  return [...standard, ...standard.map((form) => form.replaceAll("+", "-").replaceAll("/", "_"))];
}

/**
 * `error` with every secret redacted all the way down: its message and stack, its own properties (headers
 * included), its cause chain and an `AggregateError`'s `errors`. The package's own errors are cleaned in
 * place; another error (a fetch's, a middleware's) that holds a secret is replaced by a clean copy of the same
 * class, and one that holds none is kept as it is.
 */
export function redactError<T>(error: T, redact: Redact): T {
  return clean(error, redact, new Map(), 0) as T;
}

function clean(value: unknown, redact: Redact, seen: Map<object, unknown>, depth: number): unknown {
  if (typeof value === "string") return redact(value);
  if (typeof value !== "object" || value === null || depth > 16) return value;
  if (seen.has(value)) return seen.get(value);
  seen.set(value, value);
  const inner = (item: unknown) => clean(item, redact, seen, depth + 1);
  if (value instanceof Headers) {
    const headers = new Headers();
    let changed = false;
    value.forEach((text, name) => {
      headers.append(name, redact(text));
      changed ||= redact(text) !== text;
    });
    return changed ? headers : value;
  }
  if (Array.isArray(value)) {
    const items = value.map(inner);
    return items.some((item, i) => item !== value[i]) ? items : value;
  }
  const isError = value instanceof Error;
  if (!isError && Object.getPrototypeOf(value) !== Object.prototype) return value;
  // Own string-keyed properties, accessors read once (V8's `stack` may be one), and an inherited cause.
  const changes = new Map<string, unknown>();
  const keys = Object.keys(Object.getOwnPropertyDescriptors(value));
  if (isError && !keys.includes("cause") && (value as Error).cause !== undefined) keys.push("cause");
  for (const key of keys) {
    const current = (value as Record<string, unknown>)[key];
    const next = inner(current);
    if (next !== current) changes.set(key, next);
  }
  if (!changes.size) return value;
  if (!isError) return { ...value, ...Object.fromEntries(changes) };
  // A copy keeps the class (instanceof, name) and the native error brand that util.inspect reads.
  const target = value instanceof ZoomImGroupsError ? value : new Error();
  if (target !== value) {
    Object.setPrototypeOf(target, Object.getPrototypeOf(value));
    Object.defineProperties(target, Object.getOwnPropertyDescriptors(value));
  }
  seen.set(value, target);
  for (const [key, next] of changes) {
    const enumerable = Object.getOwnPropertyDescriptor(value, key)?.enumerable ?? false;
    Object.defineProperty(target, key, { value: next, enumerable, writable: true, configurable: true });
  }
  return target;
}
