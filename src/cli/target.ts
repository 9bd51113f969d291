/**
 * Where the CLI sends, checked here so that an error names what the user set (`ZOOM_API_URL must be…`),
 * never the library's option names. Missing credentials are refused, never a quiet success against the
 * embedded mock (a CI job with an unset secret): only `--mock` runs against it.
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

const CREDENTIAL_VARIABLES = "ZOOM_ACCESS_TOKEN, or ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID and ZOOM_CLIENT_SECRET";

/** Checks every endpoint and credential before anything starts; the embedded mock starts only in `connect`. */
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
  const baseUrl =
    baseUrlFlag !== undefined
      ? absoluteUrl(baseUrlFlag, "--base-url", operation.serverUrl)
      : env.ZOOM_API_URL && absoluteUrl(env.ZOOM_API_URL, "ZOOM_API_URL", operation.serverUrl);
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

/** For `--dry-run`. */
export function describeTarget(target: Target | "embedded", path: string = operation.path): string {
  if (target === "embedded") return "the embedded mock Zoom on loopback (--mock; nothing reaches Zoom)";
  const { options } = target;
  const url = `${(options.baseUrl ?? operation.serverUrl).replace(/\/+$/, "")}${path}`;
  if (target.noCredentials)
    return `${url}, but no credentials are set: a real run needs ${CREDENTIAL_VARIABLES} (or --mock)`;
  if ("serverToServer" in options && options.serverToServer) {
    const tokenUrl = options.serverToServer.tokenUrl ?? `${TOKEN_URL_EXAMPLE} (the default)`;
    return `${url} with a Server-to-Server OAuth token from ${tokenUrl}`;
  }
  return `${url} with ZOOM_ACCESS_TOKEN`;
}

/**
 * `ZOOM_MOCK_RETIRED=1` with `--mock`: the embedded mock plays an account where Zoom retired the IM-group APIs
 * (every IM-group operation answers 410, code 4137; the Groups API works), to rehearse what the CLI says there.
 */
export const MOCK_RETIRED = "ZOOM_MOCK_RETIRED";

export async function connect(target: Target | "embedded", encoding: Encoding, terminal: Terminal): Promise<Target> {
  if (target !== "embedded") return target;
  const retired = /^(1|true|yes)$/i.test(terminal.io.env[MOCK_RETIRED]?.trim() ?? "");
  const embedded = await startMockZoom(retired ? { retired } : {});
  terminal.err(
    `zoom-im-groups: --mock: using the embedded mock Zoom at ${embedded.url}${retired ? `, IM groups retired (${MOCK_RETIRED})` : ""} (nothing reaches Zoom).`,
  );
  return { options: { accessToken: "embedded-mock-token", baseUrl: embedded.url, encoding }, embedded };
}

/** As the library checks it, but naming the flag or variable; credentials in a URL are never echoed back. */
function absoluteUrl(value: string, from: string, example: string): string {
  // Never echoed: a value that does not parse, or whose password holds `/`, `?` or `#`, may show a secret anywhere.
  if (!URL.canParse(value))
    throw new UsageError(
      `${from} must be an absolute URL such as ${example} (the value is not shown: it may hold a secret)`,
    );
  const url = new URL(value);
  // `https://id:12/secret@host` parses (host `id`, port 12), its credentials in the path: any `@` is refused.
  if (url.username || url.password || value.includes("@"))
    throw new UsageError(`${from} must not carry credentials (user:password@); set them in the environment instead`);
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new UsageError(`${from} must be an http or https URL such as ${example}`);
  // A bare `?` or `#` leaves url.search and url.hash empty, but is there all the same.
  if (/[?#]/.test(value)) throw new UsageError(`${from} must not have a query string or a fragment`);
  return value;
}
