/**
 * Client options, checked and normalised once at construction into the one shape the core reads.
 */
import type { Middleware } from "openapi-fetch";
import {
  type AccessToken,
  type ServerToServerCredentials,
  serverToServer,
  staticToken,
  type TokenSource,
  tokenFunction,
} from "./auth.js";
import type { Encoding } from "./encoding.js";
import { encodings } from "./encoding.js";
import { ConfigurationError } from "./errors.js";
import { operation } from "./generated/spec.js";

/** Receives one line per attempt and retry decision. Default: silent. */
export interface Logger {
  /** An attempt that succeeded, or a failure that is not retried. */
  debug(message: string): void;
  /** A failure that is retried, or a token that is renewed. */
  warn(message: string): void;
}

/** Paces every attempt (interim shape; the library engineer owns it). */
export interface Throttle {
  wait(signal: AbortSignal): Promise<void>;
  rateLimited?(error: import("./errors.js").RateLimitError): void;
}

/** The options of `createImGroupsClient`: give `accessToken` or `serverToServer`; everything else has a default. */
export interface ImGroupsClientOptions {
  /** A bearer token, or a function (sync or async) asked before every attempt. Exclusive with `serverToServer`. */
  accessToken?: AccessToken;
  /** Server-to-Server OAuth credentials: tokens are fetched, cached and renewed. Exclusive with `accessToken`. */
  serverToServer?: ServerToServerCredentials;
  /** Default `https://api.zoom.us/v2` (the spec's server). */
  baseUrl?: string;
  /** `multipart` (default; what the Postman item documents) or `json` (Zoom's current reference). */
  encoding?: Encoding;
  /** Default: `globalThis.fetch`, looked up at call time (so MSW or other patching started later applies). */
  fetch?: (request: Request) => Promise<Response>;
  /** Retries after 429, 5xx, timeouts and connection failures. Default 2. */
  maxRetries?: number;
  /** The longest wait before a retry; a longer `Retry-After` fails at once. Default 60 000. */
  maxRetryDelayMs?: number;
  /** Per attempt. Default 30 000. */
  timeoutMs?: number;
  /** openapi-fetch middleware, run on every attempt. */
  middleware?: readonly Middleware[];
  /** `{debug, warn}`; default silent. */
  logger?: Logger;
  /** Awaited before every attempt. */
  throttle?: Throttle;
}

export interface Settings {
  baseUrl: string;
  url: string;
  encoding: Encoding;
  fetch: (request: Request) => Promise<Response>;
  maxRetries: number;
  maxRetryDelayMs: number;
  timeoutMs: number;
  middleware: readonly Middleware[];
  /** Unset: no log line is even formatted. */
  logger: Logger | undefined;
  tokens: TokenSource;
  redact: (text: string) => string;
  random: () => number;
  throttle: Throttle | undefined;
}

export function normalizeOptions(options: ImGroupsClientOptions): Settings {
  if (!options || typeof options !== "object")
    throw new ConfigurationError("createImGroupsClient: options are required");
  const baseUrl = (options.baseUrl ?? operation.serverUrl).replace(/\/+$/, "");
  if (!URL.canParse(baseUrl))
    throw new ConfigurationError(`baseUrl must be an absolute URL (got ${JSON.stringify(options.baseUrl)})`);
  const encoding = options.encoding ?? "multipart";
  if (!encodings.includes(encoding)) {
    throw new ConfigurationError(
      `encoding must be one of ${encodings.join(", ")} (got ${JSON.stringify(options.encoding)})`,
    );
  }
  const timeoutMs = count("timeoutMs", options.timeoutMs, 30_000, 1);
  const fetch = options.fetch ?? ((request: Request) => globalThis.fetch(request));
  let tokens: TokenSource | undefined;
  // The redactor reads the token source lazily: secrets such as renewed tokens appear over time.
  const redact = (text: string) => redactSecrets(text, tokens?.secrets() ?? []);
  tokens = tokenSource(options, { fetch, timeoutMs, redact });
  return {
    baseUrl,
    url: baseUrl + operation.path,
    encoding,
    fetch,
    maxRetries: count("maxRetries", options.maxRetries, 2, 0),
    maxRetryDelayMs: count("maxRetryDelayMs", options.maxRetryDelayMs, 60_000, 0),
    timeoutMs,
    middleware: options.middleware ?? [],
    logger: options.logger,
    tokens,
    redact,
    random: Math.random,
    throttle: options.throttle,
  };
}

function tokenSource(
  options: ImGroupsClientOptions,
  settings: { fetch: Settings["fetch"]; timeoutMs: number; redact: Settings["redact"] },
): TokenSource {
  const { accessToken, serverToServer: credentials } = options;
  if (accessToken !== undefined && credentials !== undefined) {
    throw new ConfigurationError("give either accessToken or serverToServer, not both");
  }
  if (typeof accessToken === "string") {
    if (accessToken.trim() === "") throw new ConfigurationError("accessToken must not be empty");
    return staticToken(accessToken);
  }
  if (typeof accessToken === "function") return tokenFunction(accessToken);
  if (accessToken !== undefined)
    throw new ConfigurationError("accessToken must be a string or a function returning one");
  if (credentials !== undefined) {
    for (const key of ["accountId", "clientId", "clientSecret"] as const) {
      if (typeof credentials[key] !== "string" || credentials[key].trim() === "") {
        throw new ConfigurationError(`serverToServer.${key} must be a non-empty string`);
      }
    }
    if (credentials.tokenUrl !== undefined && !URL.canParse(credentials.tokenUrl)) {
      throw new ConfigurationError("serverToServer.tokenUrl must be an absolute URL");
    }
    return serverToServer(credentials, settings);
  }
  throw new ConfigurationError("give accessToken (a token or a function) or serverToServer credentials");
}

function count(name: string, value: number | undefined, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < min) {
    throw new ConfigurationError(`${name} must be a whole number of at least ${min} (got ${String(value)})`);
  }
  return value;
}

/**
 * Replaces every secret in text that may be shown (server messages, causes, CLI output) with `[redacted]`,
 * also where a server echoes it percent-encoded. Secrets shorter than 4 characters are left alone.
 */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) {
    if (secret.length < 4) continue;
    // A server may echo a secret as it was sent in a form or a URL: percent-encoded, or `+` for spaces.
    const encoded = encodeURIComponent(secret);
    for (const form of new Set([secret, encoded, encoded.replace(/%20/g, "+"), encoded.toLowerCase()])) {
      result = replaceAllIgnoringCase(result, form, form === encoded.toLowerCase());
    }
  }
  return result;
}

function replaceAllIgnoringCase(text: string, secret: string, ignoreCase: boolean): string {
  if (!ignoreCase) return text.split(secret).join("[redacted]");
  const escaped = secret.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return text.replace(new RegExp(escaped, "gi"), "[redacted]");
}
