/** test:live's provider verification, run the way the suite runs it: against the mock over real HTTP. */
import { expect, test } from "vitest";
import { runLiveContract } from "../../scripts/lib/live-contract.ts";
import { startMockZoom } from "../../src/testing/index.ts";

test("the mock Zoom passes provider verification over real HTTP", async () => {
  const mock = await startMockZoom();
  try {
    const checks = await runLiveContract({ accessToken: "live", baseUrl: mock.url });
    expect(checks.filter((c) => !c.ok)).toEqual([]);
    expect(checks.length).toBeGreaterThanOrEqual(10);
  } finally {
    await mock.close();
  }
});

test("provider verification fails a server that breaks the contract", async () => {
  const mock = await startMockZoom({ freeAccount: true });
  try {
    const failed = (await runLiveContract({ accessToken: "live", baseUrl: mock.url }))
      .filter((c) => !c.ok)
      .map((c) => c.name);
    expect(failed).toContain("first create: 201 with a group");
    expect(failed).toContain("second create: the documented 409, code 4132");
  } finally {
    await mock.close();
  }
});
