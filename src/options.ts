/** Client options, checked and normalised once at construction into the one shape the core reads. */
import type { Middleware } from "openapi-fetch";
import type { AccessToken, ServerToServerCredentials, TokenSource } from "./auth.js";
import { givenToken, serverToServer } from "./auth.js";
import { type Encoding, encodings } from "./encoding.js";
import { ConfigurationError } from "./errors.js";
import { serverUrl } from "./generated/operations.js";
import { redactSecrets } from "./redact.js";

/** Receives one line per attempt and retry decision. Default: silent. */
export interface Logger {
  /** An attempt that succeeded, or a failure that is not retried. */
  debug(message: string): void;
  /** A failure that is retried, or a token that is renewed. */
  warn(message: string): void;
}

/**
 * Paces attempts, e.g. to keep many calls under one account's rate limit (`createPacer`, the CLI's bulk runs).
 * `wait` is awaited before every attempt, retries included, outside its timeout. @group Client
 */
export interface Throttle {
  /**
   * Resolves when the next attempt may start; `signal` aborts when the call's `signal` or `stopRetrying` does.
   * `label` is the operation's rate-limit label (`Light`, `Medium`): Zoom counts each label's limit apart.
   */
  wait(signal: AbortSignal, label: string): Promise<void>;
  /**
   * Hears how every request that was made ended, so all callers can slow down or speed up: `undefined` when it
   * succeeded, else its failure. An attempt that stops before its request, or that `signal` aborts, is not reported.
   */
  settled?(failure: unknown, label: string): void;
  /**
   * The wait before a retry, given the failure and the client's own choice (its backoff, or `Retry-After`; one
   * longer than `maxRetryDelayMs` fails the call before this is asked): for a throttle whose pace keeps the rate.
   */
  retryDelayMs?(failure: unknown, proposedMs: number): number;
}

/** The options besides credentials; every one has a default. @group Client */
export interface CommonOptions {
  /** Default `https://api.zoom.us/v2` (the spec's server); http(s), with no credentials, query or fragment. */
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
  /** Paces every attempt; default none. */
  throttle?: Throttle;
}

/** Options with a bearer token. @group Client */
export interface AccessTokenOptions extends CommonOptions {
  /** A bearer token, or a function (sync or async) asked before every attempt. */
  accessToken: AccessToken;
  /** Give either `accessToken` or `serverToServer`, not both. */
  serverToServer?: undefined;
}

/** Options with Server-to-Server OAuth credentials. @group Client */
export interface ServerToServerOptions extends CommonOptions {
  /** Server-to-Server OAuth credentials: tokens are fetched, cached and renewed. */
  serverToServer: ServerToServerCredentials;
  /** Give either `accessToken` or `serverToServer`, not both. */
  accessToken?: undefined;
}

/** Exactly one of `accessToken` and `serverToServer`, and any {@link CommonOptions}. @group Client */
export type ImGroupsClientOptions = AccessTokenOptions | ServerToServerOptions;

export function normalizeOptions(options: ImGroupsClientOptions) {
  if (!options || typeof options !== "object")
    throw new ConfigurationError("createImGroupsClient: options are required");
  const baseUrl = checkedUrl("baseUrl", options.baseUrl ?? serverUrl).replace(/\/+$/, "");
  const encoding = options.encoding ?? "multipart";
  if (!encodings.includes(encoding))
    throw new ConfigurationError(`encoding must be one of ${encodings.join(", ")} (got ${JSON.stringify(encoding)})`);
  const timeoutMs = wholeNumber("timeoutMs", options.timeoutMs, 30_000, 1, MAX_TIMER_MS);
  checkCallbacks(options);
  const fetch = options.fetch ?? ((request: Request) => globalThis.fetch(request));
  let tokens: TokenSource | undefined;
  // The redactor reads the token source lazily: secrets such as renewed tokens appear over time.
  const redact = (text: string) => redactSecrets(text, tokens?.secrets() ?? []);
  const maxRetries = wholeNumber("maxRetries", options.maxRetries, 2, 0, MAX_RETRIES);
  const maxRetryDelayMs = wholeNumber("maxRetryDelayMs", options.maxRetryDelayMs, 60_000, 0, MAX_TIMER_MS);
  const settings = { baseUrl, encoding, fetch, maxRetries, maxRetryDelayMs, timeoutMs, redact };
  tokens = tokenSource(options, settings);
  const { middleware = [], logger, throttle, accessToken } = options;
  return { ...settings, middleware, logger, throttle, tokens, tokenFunction: typeof accessToken === "function" };
}

function tokenSource(options: ImGroupsClientOptions, settings: Parameters<typeof serverToServer>[1]): TokenSource {
  const { accessToken, serverToServer: credentials } = options;
  if (accessToken !== undefined && credentials !== undefined)
    throw new ConfigurationError("give either accessToken or serverToServer, not both");
  if (typeof accessToken === "string" && accessToken.trim() === "")
    throw new ConfigurationError("accessToken must not be empty");
  if (typeof accessToken === "string" || typeof accessToken === "function") return givenToken(accessToken);
  if (credentials === undefined)
    throw new ConfigurationError("give accessToken (a token or a function) or serverToServer credentials");
  for (const key of ["accountId", "clientId", "clientSecret"] as const)
    if (typeof credentials[key] !== "string" || credentials[key].trim() === "")
      throw new ConfigurationError(`serverToServer.${key} must be a non-empty string`);
  const tokenUrl = checkedUrl("serverToServer.tokenUrl", credentials.tokenUrl ?? "https://zoom.us/oauth/token");
  return serverToServer({ ...credentials, tokenUrl }, settings);
}

/** Credentials belong in the options (in a URL they would leak into every message); the path is appended. */
function checkedUrl(name: string, value: string): string {
  if (typeof value !== "string" || !URL.canParse(value))
    throw new ConfigurationError(`${name} must be an absolute URL (http or https)`);
  const url = new URL(value);
  const shown = `${url.protocol}//${url.host}${url.pathname}`;
  if (url.protocol !== "https:" && url.protocol !== "http:")
    throw new ConfigurationError(`${name} must be an http or https URL (got ${url.protocol})`);
  // `https://id:12/secret@host` parses (host `id`, port 12), its credentials in the path: any `@` is refused.
  if (url.username || url.password || value.includes("@"))
    throw new ConfigurationError(
      `${name} must not contain a user name or password (or any @); give them as accessToken or serverToServer`,
    );
  if (/[?#]/.test(value)) throw new ConfigurationError(`${name} must not contain a query or fragment (got ${shown}…)`);
  return value;
}

/** The longest delay a timer holds (2^31−1 ms, about 24.8 days): beyond it Node and browsers fire at once. */
export const MAX_TIMER_MS = 2 ** 31 - 1;
/** More retries than this is a mistake, not a policy: 100 retries of 8 s backoff already hold a call 13 minutes. */
const MAX_RETRIES = 100;

function wholeNumber(name: string, value: number | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max)
    throw new ConfigurationError(
      `${name} must be a whole number of at least ${min} and at most ${max.toLocaleString("en-US")} (got ${String(value)})`,
    );
  return value;
}

/** A typo'd callback fails here, not in the middle of a call. */
function checkCallbacks({ fetch, logger, throttle, middleware }: ImGroupsClientOptions): void {
  const notFunction = (value: unknown) => value !== undefined && typeof value !== "function";
  // An object whose `required` are functions, and its `optional` functions or absent.
  const hasFunctions = (value: object | undefined, required: string[], optional: string[] = []) =>
    typeof value === "object" &&
    value !== null &&
    required.every((name) => typeof (value as Record<string, unknown>)[name] === "function") &&
    !optional.some((name) => notFunction((value as Record<string, unknown>)[name]));
  if (notFunction(fetch)) throw new ConfigurationError("fetch must be a function (request) => Promise<Response>");
  if (logger !== undefined && !hasFunctions(logger, ["debug", "warn"]))
    throw new ConfigurationError("logger must be an object with debug and warn functions");
  if (throttle !== undefined && !hasFunctions(throttle, ["wait"], ["settled", "retryDelayMs"]))
    throw new ConfigurationError(
      "throttle must be an object with a wait function (and optionally settled and retryDelayMs functions)",
    );
  if (middleware !== undefined && !Array.isArray(middleware))
    throw new ConfigurationError("middleware must be an array of openapi-fetch middleware objects");
}
