/**
 * `npm run test:live`: provider verification (test/contract/live.test.ts) against the server named by
 * ZOOM_CONTRACT_BASE_URL, with the CLI's credentials. Unset or empty, it refuses (exit 2) rather than check
 * the bundled mock and print what a real run prints: a CI job whose secret is missing must not pass. Before
 * anything is sent it prints where the calls and the token request go. It alone sets ZOOM_CONTRACT_LIVE=1, the
 * switch without which the test file verifies the mock whatever ZOOM_CONTRACT_BASE_URL says (so plain vitest
 * never goes live); the mock is `npx vitest run test/contract/live.test.ts` (npm test runs it).
 */
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { resolveTarget } from "../src/cli/target.ts";
import { repoRoot } from "./lib/spec.ts";

/** The library's default token endpoint (src/options.ts), used when ZOOM_OAUTH_TOKEN_URL is not set. */
const DEFAULT_TOKEN_URL = "https://zoom.us/oauth/token";
const CREDENTIALS =
  "ZOOM_ACCESS_TOKEN, or ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID and ZOOM_CLIENT_SECRET (with ZOOM_OAUTH_TOKEN_URL " +
  `unless tokens come from ${DEFAULT_TOKEN_URL})`;

function refuse(message: string): never {
  console.error(`test:live: ${message}`);
  process.exit(2);
}

/** A URL as printed: without any user or password it may carry. */
const shown = (url: string) => {
  const parsed = new URL(url);
  parsed.username = "";
  parsed.password = "";
  return parsed.href;
};

const base = process.env.ZOOM_CONTRACT_BASE_URL?.trim() ?? "";
if (base === "")
  refuse(
    `ZOOM_CONTRACT_BASE_URL is ${process.env.ZOOM_CONTRACT_BASE_URL === undefined ? "not set" : "set but empty"}: ` +
      `set it to the server to verify (https://api.zoom.us/v2, or a staging URL) and the credentials: ${CREDENTIALS}. ` +
      "To verify the bundled mock instead: npx vitest run test/contract/live.test.ts",
  );
if (!URL.canParse(base) || !/^https?:$/.test(new URL(base).protocol))
  refuse(
    `ZOOM_CONTRACT_BASE_URL must be an absolute http(s) URL such as https://api.zoom.us/v2, not ${JSON.stringify(base)}`,
  );
let target: ReturnType<typeof resolveTarget>;
try {
  target = resolveTarget(base, "json", process.env);
} catch (error) {
  refuse(`${(error as Error).message} (for ZOOM_CONTRACT_BASE_URL ${shown(base)})`);
}
if (target === "embedded") refuse(`no credentials: set ${CREDENTIALS}`);
const { serverToServer } = target.options;
console.log(`test:live: base URL  ${shown(base)}`);
console.log(
  serverToServer
    ? `test:live: token URL ${shown(serverToServer.tokenUrl ?? DEFAULT_TOKEN_URL)}${serverToServer.tokenUrl ? "" : " (the default: ZOOM_OAUTH_TOKEN_URL is not set)"}`
    : "test:live: token     ZOOM_ACCESS_TOKEN (no token request)",
);
console.log('test:live: creates one group ("zoom-im-groups contract <time>"); delete it afterwards');
const vitest = spawnSync(resolve(repoRoot, "node_modules/.bin/vitest"), ["run", "test/contract/live.test.ts"], {
  cwd: repoRoot,
  stdio: "inherit",
  // The explicit opt-in the test file requires: without it, it verifies the mock.
  env: { ...process.env, ZOOM_CONTRACT_LIVE: "1" },
});
process.exitCode = vitest.status ?? 1;
