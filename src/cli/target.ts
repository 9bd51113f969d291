/**
 * Where the CLI sends: credentials and endpoints from flags and the environment, checked here so that
 * an error names what the user set (`ZOOM_OAUTH_TOKEN_URL must be an absolute URL`), never the library's
 * option names. With no credentials and no base URL: the embedded mock Zoom, over real HTTP.
 */
import { type Encoding, type ImGroupsClientOptions, operation } from "../index.js";
import { type RunningMockZoom, startMockZoom } from "../testing/index.js";
import type { Terminal } from "./io.js";
import { absoluteUrl, UsageError } from "./usage.js";

export interface Target {
  options: ImGroupsClientOptions;
  embedded?: RunningMockZoom;
}

type Env = Readonly<Record<string, string | undefined>>;
const S2S = ["ZOOM_ACCOUNT_ID", "ZOOM_CLIENT_ID", "ZOOM_CLIENT_SECRET"] as const;
const TOKEN_URL_EXAMPLE = "https://zoom.us/oauth/token";

/** The base URL the user chose (flag, else variable), checked; undefined for Zoom's default. */
export function chosenBaseUrl(flag: string | undefined, env: Env): string | undefined {
  if (flag !== undefined) return absoluteUrl(flag, "--base-url", operation.serverUrl);
  if (env.ZOOM_API_URL) return absoluteUrl(env.ZOOM_API_URL, "ZOOM_API_URL", operation.serverUrl);
  return undefined;
}

/** Checks every endpoint and credential before anything starts; the embedded mock starts only in `connect`. */
export function resolveTarget(baseUrlFlag: string | undefined, encoding: Encoding, env: Env): Target | "embedded" {
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
  if (baseUrl) {
    throw new UsageError(
      "no credentials: set ZOOM_ACCESS_TOKEN, or ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID and ZOOM_CLIENT_SECRET",
    );
  }
  return "embedded";
}

/** The target, starting the embedded mock Zoom when no credentials were set. */
export async function connect(target: Target | "embedded", encoding: Encoding, terminal: Terminal): Promise<Target> {
  if (target !== "embedded") return target;
  const embedded = await startMockZoom();
  terminal.err(
    `zoom-im-groups: no Zoom credentials set; using the embedded mock Zoom at ${embedded.url} (nothing reaches Zoom).`,
  );
  terminal.err(
    "zoom-im-groups: set ZOOM_ACCESS_TOKEN or ZOOM_ACCOUNT_ID/ZOOM_CLIENT_ID/ZOOM_CLIENT_SECRET to call the real API.",
  );
  return { options: { accessToken: "embedded-mock-token", baseUrl: embedded.url, encoding }, embedded };
}
