/**
 * `npm run test:live`: the contract against a real server. ZOOM_CONTRACT_BASE_URL plus the usual
 * credentials (ZOOM_ACCESS_TOKEN, or ZOOM_ACCOUNT_ID/ZOOM_CLIENT_ID/ZOOM_CLIENT_SECRET with
 * ZOOM_OAUTH_TOKEN_URL optional). Without a URL it runs against the mock Zoom over real HTTP.
 * Against Zoom it creates one group (named "zoom-im-groups contract <time>"): delete it afterwards.
 */
import type { ImGroupsClientOptions } from "../src/index.ts";
import { startMockZoom } from "../src/testing/index.ts";
import { runLiveContract } from "./lib/live-contract.ts";

const { env } = process;
const baseUrl = env.ZOOM_CONTRACT_BASE_URL;
let options: ImGroupsClientOptions;
let close = async () => {};
if (!baseUrl) {
  const mock = await startMockZoom();
  close = () => mock.close();
  options = { accessToken: "live-contract", baseUrl: mock.url };
  console.log(`ZOOM_CONTRACT_BASE_URL is not set: checking the mock Zoom at ${mock.url}`);
} else if (env.ZOOM_ACCESS_TOKEN) {
  options = { accessToken: env.ZOOM_ACCESS_TOKEN, baseUrl };
} else if (env.ZOOM_ACCOUNT_ID && env.ZOOM_CLIENT_ID && env.ZOOM_CLIENT_SECRET) {
  options = {
    baseUrl,
    serverToServer: {
      accountId: env.ZOOM_ACCOUNT_ID,
      clientId: env.ZOOM_CLIENT_ID,
      clientSecret: env.ZOOM_CLIENT_SECRET,
      ...(env.ZOOM_OAUTH_TOKEN_URL ? { tokenUrl: env.ZOOM_OAUTH_TOKEN_URL } : {}),
    },
  };
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
  await close();
}
