/**
 * The overhead guard: `createImGroup` (multipart) against the call an application would write by hand
 * (`fetch` + `FormData`), both sequential against one loopback server answering 201. Each round runs
 * `calls` calls of each, alternating every BLOCK calls, so load drifting on a shared host hits both alike;
 * the ratio is the median over rounds of each round's own ratio. Target: at most TARGET.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createImGroupsClient } from "../src/index.ts";

export const TARGET = 1.5;
const BLOCK = 250;

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  return Number.isInteger(middle)
    ? ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2
    : (sorted[Math.floor(middle)] ?? 0);
};

export async function measureOverhead(calls: number, rounds: number) {
  const server = createServer((req, res) => {
    req.resume().on("end", () => {
      res.writeHead(201, { "content-type": "application/json", "content-location": "/v2/im/groups/g1" });
      res.end('{"id":"g1","name":"Design team","total_members":0}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v2`;
  const body = { name: "Design team", type: "restricted", search_by_domain: true } as const;
  const client = createImGroupsClient({ accessToken: "bench-token", baseUrl });
  const handWritten = async () => {
    const form = new FormData();
    for (const [key, value] of Object.entries(body)) form.append(key, String(value));
    const response = await fetch(`${baseUrl}/im/groups`, {
      method: "POST",
      body: form,
      headers: { Authorization: "Bearer bench-token" },
    });
    if (response.status !== 201) throw new Error(`status ${response.status}`);
    return response.json();
  };
  const variants = [handWritten, () => client.createImGroup(body)];

  for (const call of variants) for (let i = 0; i < Math.min(200, calls); i++) await call(); // JIT, connections
  const ratios: number[] = [];
  const micros: number[][] = [[], []];
  for (let round = 0; round < rounds; round++) {
    const elapsed = [0, 0];
    for (let done = 0; done < calls; done += BLOCK) {
      for (const v of (done / BLOCK + round) % 2 ? [1, 0] : [0, 1]) {
        const started = performance.now();
        for (let i = 0; i < Math.min(BLOCK, calls - done); i++) await variants[v]?.();
        elapsed[v] = (elapsed[v] ?? 0) + performance.now() - started;
      }
    }
    const [fetchMs = 0, clientMs = 0] = elapsed;
    ratios.push(clientMs / fetchMs);
    micros[0]?.push((fetchMs * 1000) / calls);
    micros[1]?.push((clientMs * 1000) / calls);
  }
  await new Promise((resolve) => server.close(resolve).closeAllConnections());
  const round3 = (x: number) => Math.round(x * 1000) / 1000;
  return {
    calls,
    rounds,
    handWrittenMicros: round3(median(micros[0] ?? [])),
    createImGroupMicros: round3(median(micros[1] ?? [])),
    ratio: round3(median(ratios)),
    ratioRange: [round3(Math.min(...ratios)), round3(Math.max(...ratios))],
    target: TARGET,
  };
}
