/**
 * Where the CLI sends: credentials and endpoints from flags and the environment, checked here so that
 * an error names what the user set (`ZOOM_OAUTH_TOKEN_URL must be an absolute URL`), never the library's
 * option names. With no credentials and no base URL: the embedded mock Zoom, over real HTTP.
 */
import type { Encoding, ImGroupsClientOptions } from "../index.js";
import { type RunningMockZoom, startMockZoom } from "../testing/index.js";
import type { Terminal } from "./io.js";
import { absoluteUrl, UsageError } from "./usage.js";

export interface Target {
  options: ImGroupsClientOptions;
  embedded?: RunningMockZoom;
}

const S2S = ["ZOOM_ACCOUNT_ID", "ZOOM_CLIENT_ID", "ZOOM_CLIENT_SECRET"] as const;

/** The base URL the user chose (flag, else variable), checked; undefined for Zoom's default. */
export function chosenBaseUrl(flag: string | undefined, env: NodeJS.ProcessEnv): string | undefined {
  if (flag !== undefined) return absoluteUrl(flag, "--base-url");
  if (env.ZOOM_API_URL) return absoluteUrl(env.ZOOM_API_URL, "ZOOM_API_URL");
  return undefined;
}

export async function resolveTarget(
  baseUrlFlag: string | undefined,
  encoding: Encoding,
  terminal: Terminal,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Target> {
  const baseUrl = chosenBaseUrl(baseUrlFlag, env);
  const endpoint = { encoding, ...(baseUrl ? { baseUrl } : {}) };
  if (env.ZOOM_ACCESS_TOKEN) return { options: { ...endpoint, accessToken: env.ZOOM_ACCESS_TOKEN } };
  if (S2S.some((name) => env[name])) {
    const missing = S2S.filter((name) => !env[name]);
    if (missing.length) throw new UsageError(`Server-to-Server OAuth needs ${missing.join(", ")} too`);
    const tokenUrl = env.ZOOM_OAUTH_TOKEN_URL
      ? absoluteUrl(env.ZOOM_OAUTH_TOKEN_URL, "ZOOM_OAUTH_TOKEN_URL")
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
  const embedded = await startMockZoom();
  terminal.err(
    `zoom-im-groups: no Zoom credentials set; using the embedded mock Zoom at ${embedded.url} (nothing reaches Zoom).`,
  );
  terminal.err(
    "zoom-im-groups: set ZOOM_ACCESS_TOKEN or ZOOM_ACCOUNT_ID/ZOOM_CLIENT_ID/ZOOM_CLIENT_SECRET to call the real API.",
  );
  return {
    options: { accessToken: "embedded-mock-token", baseUrl: embedded.url, encoding },
    embedded,
  };
}
