/**
 * `npm run test:live [-- --member-email EMAIL …]`: `zoom-im-groups verify` against ZOOM_CONTRACT_BASE_URL, with
 * the CLI's credentials; further arguments go to verify. Unset or empty, it refuses (exit 2) rather than check
 * something else: a CI job whose secret is missing must not pass. verify says where its calls and token
 * requests go before it sends anything, and leaves the account as it found it. The mock is checked by plain
 * vitest (test/contract/live.test.ts), or by `npx zoom-im-groups verify --mock`.
 */
import { run } from "../src/cli/run.ts";

const base = process.env.ZOOM_CONTRACT_BASE_URL;
if (base === undefined || base.trim() === "") {
  console.error(
    `test:live: ZOOM_CONTRACT_BASE_URL is ${base === undefined ? "not set" : "set but empty"}: set it to the server ` +
      "to verify (https://api.zoom.us/v2, or a staging URL), and ZOOM_ACCESS_TOKEN or ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID " +
      "and ZOOM_CLIENT_SECRET. To verify the bundled mock instead: npx zoom-im-groups verify --mock",
  );
  process.exit(2);
}
// As main.ts: the first Ctrl-C stops verify, which cleans up; a second quits.
const interrupt = new AbortController();
const onSignal = () =>
  interrupt.signal.aborted ? process.exit(130) : interrupt.abort(new DOMException("interrupted", "AbortError"));
process.on("SIGINT", onSignal);
process.on("SIGTERM", onSignal);
process.exitCode = await run(["verify", "--base-url", base, ...process.argv.slice(2)], {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
  invokedAs: "npx zoom-im-groups",
  signal: interrupt.signal,
});
