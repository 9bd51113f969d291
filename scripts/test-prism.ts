/**
 * `npm run test:prism`: Stoplight Prism, in validation-proxy mode (`prism proxy … --errors`), stands
 * between the client and the mock Zoom. Prism reads the spec on its own; any request or response it finds
 * invalid fails the run. A negative control proves Prism is validating, not just passing traffic through.
 */
import { relative } from "node:path";
import { createImGroupsClient, type Encoding, encodings } from "../src/index.ts";
import { startMockZoom } from "../src/testing/index.ts";
import { type RunningPrism, startPrism } from "./lib/prism.ts";
import { defaultSpecPath, repoRoot } from "./lib/spec.ts";

const mock = await startMockZoom({ accounts: { paid: "acct-paid", free: "acct-free" }, freeAccount: ["acct-free"] });
let prism: RunningPrism | undefined;
const failures: string[] = [];
let checked = 0;
try {
  prism = await startPrism(["proxy", relative(repoRoot, defaultSpecPath), mock.url, "--errors"]);
  const baseUrl = prism.url;

  const cases: { label: string; token: string; name: string; expect: number }[] = [
    { label: "201 created", token: "paid", name: "Prism group", expect: 201 },
    { label: "409 name in use", token: "paid", name: "Prism group", expect: 409 },
    { label: "200 paid account only", token: "free", name: "Free group", expect: 200 },
    { label: "401 invalid token", token: "unknown", name: "Nobody's group", expect: 401 },
  ];
  for (const encoding of encodings as readonly Encoding[]) {
    for (const { label, token, name, expect } of cases) {
      let status = 0;
      let violations: string | null = null;
      const client = createImGroupsClient({
        accessToken: token,
        baseUrl,
        encoding,
        maxRetries: 0,
        middleware: [
          {
            onResponse({ response }) {
              status = response.status;
              violations = response.headers.get("sl-violations");
              return undefined;
            },
          },
        ],
      });
      await client
        .createImGroup({ name: `${name} ${encoding}`, type: "shared", search_by_account: true })
        .catch(() => undefined);
      checked++;
      const problem =
        status !== expect
          ? `answered ${status}, expected ${expect}`
          : violations
            ? `Prism found violations: ${violations}`
            : "";
      console.log(`${problem ? "FAIL" : "ok  "} ${encoding.padEnd(9)} ${label}${problem ? `: ${problem}` : ""}`);
      if (problem) failures.push(`${encoding} ${label}: ${problem}`);
    }
  }

  // Negative control: a body that breaks the spec must be refused by Prism itself (422), never reach the mock.
  const before = mock.mock.groups("acct-paid").length;
  const control = await fetch(`${baseUrl}/im/groups`, {
    method: "POST",
    headers: { Authorization: "Bearer paid", "Content-Type": "application/json" },
    body: JSON.stringify({ name: "Control", type: "Excepteur proident innormal" }),
  });
  checked++;
  if (control.status !== 422 || mock.mock.groups("acct-paid").length !== before) {
    failures.push(`negative control: Prism answered ${control.status} to an invalid body (expected 422)`);
  }
  console.log(
    `${control.status === 422 ? "ok  " : "FAIL"} control   Prism refuses an invalid body (HTTP ${control.status})`,
  );
} catch (error) {
  failures.push(error instanceof Error ? error.message : String(error));
} finally {
  prism?.stop();
  await mock.close();
}
if (failures.length > 0) {
  console.error(`test:prism: ${failures.length} of ${checked} checks failed:\n- ${failures.join("\n- ")}`);
  process.exit(1);
}
console.log(`test:prism: ${checked} passed, 0 failed`);
