/**
 * The mock's injected faults, as bulk rehearsals use them: failures that create nothing, drops that create
 * and answer nothing, latency, and a seed that makes a run repeat whatever order requests arrive in.
 */
import { describe, expect, test, vi } from "vitest";
import { createMockZoom } from "../src/testing/index.ts";
import { names, useCliWorkspace } from "./support/cli.ts";

const { mockZoom } = useCliWorkspace("zoom-mock-faults-");

describe("fault injection in the mock", () => {
  const post = (name: string) =>
    new Request("http://mock/v2/im/groups", {
      method: "POST",
      headers: { Authorization: "Bearer t", "content-type": "application/json" },
      body: JSON.stringify({ name }),
    });

  test("--fail-rate answers 500/502/503 (some HTML) without creating; the mock's state stays the truth", async () => {
    const mock = createMockZoom({ faults: { failRate: 1, seed: 2 } });
    const statuses = new Set<number>();
    const types = new Set<string>();
    for (const name of names(30, "Fail")) {
      const response = await mock.handle(post(name));
      statuses.add(response.status);
      types.add(response.headers.get("content-type") ?? "");
    }
    expect([...statuses].sort()).toEqual([500, 502, 503]);
    expect(types).toContain("text/html");
    expect(mock.groups()).toEqual([]);
  });

  test("--drop-rate creates, then answers nothing (a network error)", async () => {
    const mock = createMockZoom({ faults: { dropRate: 1 } });
    const response = await mock.handle(post("Dropped"));
    expect(response.type).toBe("error");
    expect(mock.groups().map((g) => g.name)).toEqual(["Dropped"]);
    const { running } = await mockZoom({ faults: { dropRate: 1 } });
    await expect(
      fetch(`${running.url}/im/groups`, {
        method: "POST",
        headers: { Authorization: "Bearer t", "content-type": "application/json" },
        body: '{"name":"Over HTTP"}',
      }),
    ).rejects.toThrow();
    expect(running.mock.groups().map((g) => g.name)).toEqual(["Over HTTP"]);
  });

  test("--seed makes the faults repeatable whatever order the names arrive in", async () => {
    const outcome = async (seed: number, order: string[]) => {
      const mock = createMockZoom({ faults: { failRate: 0.3, dropRate: 0.3, seed } });
      const result = new Map<string, string>();
      for (const name of order) {
        const response = await mock.handle(post(name));
        result.set(name, response.type === "error" ? "drop" : String(response.status));
      }
      return [...result.entries()].sort();
    };
    const order = names(40, "Seeded");
    expect(await outcome(5, order)).toEqual(await outcome(5, [...order].reverse()));
    expect(await outcome(5, order)).not.toEqual(await outcome(6, order));
  });

  test("--latency delays answers", async () => {
    const mock = createMockZoom({ faults: { latencyMs: [60, 80] } });
    // On a fake clock: no answer while less than the least latency has passed, an answer once the most has.
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    try {
      let answered = false;
      const pending = mock.handle(post("Slow")).then(() => {
        answered = true;
      });
      await vi.advanceTimersByTimeAsync(59);
      for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
      expect(answered).toBe(false);
      await vi.advanceTimersByTimeAsync(21);
      await pending;
      expect(answered).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});
