/**
 * `npm run test:live`: the contract against a real server. ZOOM_CONTRACT_BASE_URL plus the usual
 * credentials (ZOOM_ACCESS_TOKEN, or ZOOM_ACCOUNT_ID/ZOOM_CLIENT_ID/ZOOM_CLIENT_SECRET with
 * ZOOM_OAUTH_TOKEN_URL optional). Without a URL it runs against the mock Zoom over real HTTP.
 * Against Zoom it creates one group (named "zoom-im-groups contract <time>"): delete it afterwards.
 */
import type { ImGroupsClientOptions } from "../src/index.ts";
import { startMockZoom } from "../src/testing/index.ts";
import { runLiveContract } from "./lib/live-contract.ts";

const { ZOOM_CONTRACT_BASE_URL: contractUrl, ZOOM_ACCESS_TOKEN: accessToken, ...env } = process.env;
const { ZOOM_ACCOUNT_ID: accountId, ZOOM_CLIENT_ID: clientId, ZOOM_CLIENT_SECRET: clientSecret } = env;
const mock = contractUrl ? undefined : await startMockZoom();
const baseUrl = contractUrl ?? mock?.url ?? "";
let options: ImGroupsClientOptions;
if (mock) {
  console.log(`ZOOM_CONTRACT_BASE_URL is not set: checking the mock Zoom at ${mock.url}`);
  options = { accessToken: "live-contract", baseUrl };
} else if (accessToken) options = { accessToken, baseUrl };
else if (accountId && clientId && clientSecret) {
  const tokenUrl = env.ZOOM_OAUTH_TOKEN_URL;
  options = { baseUrl, serverToServer: { accountId, clientId, clientSecret, ...(tokenUrl && { tokenUrl }) } };
} else {
  console.error(
    "test:live: ZOOM_CONTRACT_BASE_URL needs ZOOM_ACCESS_TOKEN or ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID, ZOOM_CLIENT_SECRET",
  );
  process.exit(2);
}
try {
  const checks = await runLiveContract(options);
  for (const c of checks) console.log(`${c.ok ? "ok  " : "FAIL"} ${c.name}${c.ok || !c.detail ? "" : `: ${c.detail}`}`);
  const failed = checks.filter((c) => !c.ok).length;
  console.log(`test:live: ${checks.length - failed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
} finally {
  await mock?.close();
}
