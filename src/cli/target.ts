/**
 * Where the CLI sends: credentials and endpoints from flags and the environment, checked here so that
 * an error names what the user set (`ZOOM_OAUTH_TOKEN_URL must be an absolute URL`), never the library's
 * option names. `--mock` (and only it) runs against the embedded mock Zoom, over real HTTP: a run whose
 * credentials are missing is refused, never a quiet success against a stand-in (a CI job with an unset secret).
 */
import type { Encoding, ImGroupsClientOptions } from "../index.js";
import { operation } from "../spec.js";
import { type RunningMockZoom, startMockZoom } from "../testing/index.js";
import { UsageError } from "./errors.js";
import type { Terminal } from "./io.js";

export interface Target {
  options: ImGroupsClientOptions;
  embedded?: RunningMockZoom;
  /** `--dry-run` without credentials: what a real run would refuse, said instead of refused. */
  noCredentials?: true;
}

type Env = Readonly<Record<string, string | undefined>>;
const S2S = ["ZOOM_ACCOUNT_ID", "ZOOM_CLIENT_ID", "ZOOM_CLIENT_SECRET"] as const;
const TOKEN_URL_EXAMPLE = "https://zoom.us/oauth/token";

/** The base URL the user chose (flag, else variable), checked; undefined for Zoom's default. */
function chosenBaseUrl(flag: string | undefined, env: Env): string | undefined {
  if (flag !== undefined) return absoluteUrl(flag, "--base-url", operation.serverUrl);
  if (env.ZOOM_API_URL) return absoluteUrl(env.ZOOM_API_URL, "ZOOM_API_URL", operation.serverUrl);
  return undefined;
}

const CREDENTIAL_VARIABLES = "ZOOM_ACCESS_TOKEN, or ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID and ZOOM_CLIENT_SECRET";

/**
 * Checks every endpoint and credential before anything starts; with `mock`, the embedded mock Zoom, which
 * starts only in `connect`.
 */
export function resolveTarget(
  baseUrlFlag: string | undefined,
  encoding: Encoding,
  env: Env,
  { mock = false, dryRun = false } = {},
): Target | "embedded" {
  if (mock) {
    if (baseUrlFlag !== undefined) throw new UsageError("--mock runs against the embedded mock Zoom: drop --base-url");
    return "embedded";
  }
  const baseUrl = chosenBaseUrl(baseUrlFlag, env);
  const endpoint = { encoding, ...(baseUrl ? { baseUrl } : {}) };
  // Set but empty (`ZOOM_ACCESS_TOKEN=` in a script whose secret was not filled in) is a mistake, never
  // a quiet run against the embedded mock.
  const empty = ["ZOOM_ACCESS_TOKEN", ...S2S].filter((name) => env[name] === "");
  if (empty.length) throw new UsageError(`${empty.join(", ")} ${empty.length === 1 ? "is" : "are"} set but empty`);
  if (env.ZOOM_ACCESS_TOKEN) return { options: { ...endpoint, accessToken: env.ZOOM_ACCESS_TOKEN } };
  if (S2S.some((name) => env[name])) {
    const missing = S2S.filter((name) => !env[name]);
    if (missing.length) throw new UsageError(`Server-to-Server OAuth needs ${missing.join(", ")} too`);
    const tokenUrl = env.ZOOM_OAUTH_TOKEN_URL
      ? absoluteUrl(env.ZOOM_OAUTH_TOKEN_URL, "ZOOM_OAUTH_TOKEN_URL", TOKEN_URL_EXAMPLE)
      : undefined;
    const serverToServer = {
      accountId: env.ZOOM_ACCOUNT_ID as string,
      clientId: env.ZOOM_CLIENT_ID as string,
      clientSecret: env.ZOOM_CLIENT_SECRET as string,
      ...(tokenUrl ? { tokenUrl } : {}),
    };
    return { options: { ...endpoint, serverToServer } };
  }
  if (dryRun) return { options: { ...endpoint, accessToken: "" }, noCredentials: true };
  throw new UsageError(
    `no Zoom credentials: set ${CREDENTIAL_VARIABLES}; or add --mock to try it against an embedded mock Zoom (nothing reaches Zoom)`,
  );
}

/** Where a run would send, for `--dry-run`: the URL and the credentials it would use. */
export function describeTarget(target: Target | "embedded"): string {
  if (target === "embedded") return "the embedded mock Zoom on loopback (--mock; nothing reaches Zoom)";
  const { options } = target;
  const url = `${(options.baseUrl ?? operation.serverUrl).replace(/\/+$/, "")}${operation.path}`;
  if (target.noCredentials)
    return `${url}, but no credentials are set: a real run needs ${CREDENTIAL_VARIABLES} (or --mock)`;
  if ("serverToServer" in options && options.serverToServer) {
    const tokenUrl = options.serverToServer.tokenUrl ?? `${TOKEN_URL_EXAMPLE} (the default)`;
    return `${url} with a Server-to-Server OAuth token from ${tokenUrl}`;
  }
  return `${url} with ZOOM_ACCESS_TOKEN`;
}

/** The target, starting the embedded mock Zoom for `--mock`. */
export async function connect(target: Target | "embedded", encoding: Encoding, terminal: Terminal): Promise<Target> {
  if (target !== "embedded") return target;
  const embedded = await startMockZoom();
  terminal.err(`zoom-im-groups: --mock: using the embedded mock Zoom at ${embedded.url} (nothing reaches Zoom).`);
  return { options: { accessToken: "embedded-mock-token", baseUrl: embedded.url, encoding }, embedded };
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
