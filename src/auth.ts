/** Where the bearer token comes from: a fixed string, a function asked per attempt, or Server-to-Server OAuth. */
import { AuthenticationError, ConfigurationError, ZoomApiError } from "./errors.js";
import { isRecord, jsonOrText } from "./response.js";
import { decideRetry } from "./retry.js";
import { type Destination, raceAbort, sleep, withDeadline } from "./transport.js";

/** A Server-to-Server OAuth app's credentials (Zoom App Marketplace → the app → App Credentials). */
export interface ServerToServerCredentials {
  /** The Zoom account the app belongs to (the token's account). */
  accountId: string;
  /** The Server-to-Server OAuth app's client id. */
  clientId: string;
  /** The app's client secret: sent only to the token URL, never shown in an error or log line. */
  clientSecret: string;
  /** Default `https://zoom.us/oauth/token`; http(s), with no credentials, query or fragment. */
  tokenUrl?: string;
}

/** A fixed token, or a function (sync or async) asked for one before every attempt. */
export type AccessToken = string | (() => string | Promise<string>);

export interface TokenSource {
  get(signal?: AbortSignal): Promise<string>;
  /** Forgets `stale` after a 401; true when asking again can give a different token. */
  renew(stale: string): boolean;
  /** Everything that must never be shown: tokens and credentials. */
  secrets(): readonly string[];
}

export function givenToken(accessToken: AccessToken): TokenSource {
  const seen = new Set(typeof accessToken === "string" ? [accessToken] : []);
  return {
    async get() {
      const token = typeof accessToken === "string" ? accessToken : await accessToken();
      if (typeof token !== "string" || token === "")
        throw new ConfigurationError(
          "accessToken(): the function must return a non-empty string (or a promise of one)",
        );
      // Remember recent tokens so redaction knows them; bounded so a long-lived client does not grow.
      if (seen.size > 16) seen.clear();
      seen.add(token);
      return token;
    },
    renew: () => false,
    secrets: () => [...seen],
  };
}

export function serverToServer(
  { accountId, clientId, clientSecret, tokenUrl }: Required<ServerToServerCredentials>,
  settings: Pick<Destination, "fetch" | "timeoutMs" | "redact"> & { maxRetries: number; maxRetryDelayMs: number },
): TokenSource {
  // Base64 of the UTF-8 bytes with web APIs only (no Node `Buffer`): the library runs on Workers, Deno, Bun.
  const basic = btoa(String.fromCharCode(...new TextEncoder().encode(`${clientId}:${clientSecret}`)));
  const issued = new Set<string>();
  type Token = { token: string; renewAt: number };
  let cached: Token | undefined;
  let inFlight: { promise: Promise<Token>; waiters: number; stop: AbortController } | undefined;

  const target = { ...settings, method: "POST", url: tokenUrl, endpoint: "token" as const };

  /** Retried here with the API's policy: once for every caller waiting on this flight, not once per caller. */
  async function requestTokenRetried(stop: AbortSignal): Promise<Token> {
    for (let retries = 0; ; retries++) {
      try {
        return await requestToken(stop);
      } catch (error) {
        if (stop.aborted) throw error;
        const decision = decideRetry(error, retries, settings);
        if (!decision.retry) throw error;
        await sleep(decision.delayMs, stop);
      }
    }
  }

  async function requestToken(stop: AbortSignal): Promise<Token> {
    const { response, text } = await withDeadline(target, stop, async (signal, fetch) => {
      const response = await fetch(
        new Request(tokenUrl, {
          method: "POST",
          headers: { Authorization: `Basic ${basic}`, "Content-Type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({ grant_type: "account_credentials", account_id: accountId }),
          // A token endpoint that redirects is refused: the credentials go to the token URL and nowhere else.
          redirect: "manual",
          signal,
        }),
      );
      return { response, text: await response.text() };
    });
    const input = { ...target, status: response.status, body: "", headers: response.headers };
    if (response.status === 0 || (response.status >= 300 && response.status < 400)) throw ZoomApiError.generate(input);
    const parsed = jsonOrText(text);
    const body = isRecord(parsed) ? parsed : {};
    const token = typeof body.access_token === "string" ? body.access_token : "";
    if (!response.ok || !token) {
      // Zoom's token endpoint answers {"reason": "...", "error": "invalid_client"}.
      const reason = [body.error, body.reason].filter((part) => typeof part === "string" && part).join(": ");
      // Redacted before it is cut: a cut can split a secret into a form no pattern knows.
      const detail = reason || settings.redact(text.trim()).slice(0, 200);
      const message = response.ok
        ? "The token endpoint answered without an access_token"
        : `Server-to-Server OAuth token request failed${detail ? `: ${detail}` : ""}`;
      // A 5xx or 429 is the endpoint's trouble, not the credentials': another request may well succeed. So is a
      // 2xx that is garbled (cut-off JSON, a proxy's HTML page): only a well-formed refusal is fatal.
      const transient = response.status >= 500 || response.status === 429 || (response.ok && !reason);
      throw new AuthenticationError(
        { ...input, fallbackMessage: settings.redact(message) },
        undefined,
        transient ? { retryable: true, failsEveryCall: false } : undefined,
      );
    }
    issued.add(token);
    // Renewed a minute before `expires_in` (Zoom: 3599, taken when missing) runs out, as Zoom's own SDK does;
    // clamped to two minutes (0 or less would ask per call) up to a day (an absurd one never would).
    const lifetime = typeof body.expires_in === "number" && !Number.isNaN(body.expires_in) ? body.expires_in : 3599;
    return { token, renewAt: Date.now() + Math.min(24 * 3600, Math.max(120, lifetime)) * 1000 - 60_000 };
  }

  return {
    async get(signal) {
      if (cached && Date.now() < cached.renewAt) return cached.token;
      // One token request at a time (retries included), shared by every caller; a caller's abort leaves it
      // running for the rest, and once no caller waits any more it stops (no retry wait outlives its callers).
      if (!inFlight) {
        const stop = new AbortController();
        const flight = {
          stop,
          waiters: 0,
          promise: requestTokenRetried(stop.signal)
            .then((fresh) => (cached = fresh))
            .finally(() => {
              if (inFlight === flight) inFlight = undefined;
            }),
        };
        flight.promise.catch(() => undefined); // every caller may have aborted: nobody else handles a failure
        inFlight = flight;
      }
      const flight = inFlight;
      flight.waiters++;
      try {
        return (await raceAbort(flight.promise, signal)).token;
      } finally {
        if (--flight.waiters === 0) {
          // A caller that comes next starts a flight of its own rather than join this stopped one.
          if (inFlight === flight) inFlight = undefined;
          flight.stop.abort(new Error("no caller waits for the token any more"));
        }
      }
    },
    renew(stale) {
      if (cached?.token === stale) cached = undefined;
      return true;
    },
    // The account id too: it names the customer (docs/decisions.md).
    secrets: () => [clientSecret, basic, accountId, ...issued],
  };
}
