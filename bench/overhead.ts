/**
 * Client overhead: the same loopback server answering 201, called sequentially by four variants,
 * interleaved in rounds (the order rotates each round) so that machine noise hits all of them alike.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import createClient from "openapi-fetch";
import type { paths } from "../src/generated/openapi.ts";
import { createImGroupsClient } from "../src/index.ts";

export interface OverheadResult {
  callsPerRound: number;
  rounds: number;
  variants: { name: string; medianMicros: number; ratio: number }[];
}

const body = { name: "Design team", type: "restricted" as const, search_by_domain: true };

export async function measureOverhead(callsPerRound: number, rounds: number): Promise<OverheadResult> {
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      res.writeHead(201, {
        "content-type": "application/json",
        "content-location": "/v2/im/groups/g1",
        "x-zm-trackingid": "t",
      });
      res.end('{"id":"g1","name":"Design team","total_members":0}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v2`;
  const url = `${baseUrl}/im/groups`;
  const token = "bench-token";

  const multipart = createImGroupsClient({ accessToken: token, baseUrl, encoding: "multipart" });
  const json = createImGroupsClient({ accessToken: token, baseUrl, encoding: "json" });
  const bare = createClient<paths>({ baseUrl });
  const formData = (b: Record<string, unknown>) => {
    const form = new FormData();
    for (const [key, value] of Object.entries(b)) form.append(key, String(value));
    return form;
  };

  const variants: { name: string; call: () => Promise<unknown> }[] = [
    {
      name: "hand-written fetch + FormData",
      call: async () => {
        const response = await fetch(url, {
          method: "POST",
          body: formData(body),
          headers: { Authorization: `Bearer ${token}` },
        });
        if (response.status !== 201) throw new Error(`status ${response.status}`);
        return response.json();
      },
    },
    {
      name: "bare openapi-fetch + FormData",
      call: async () => {
        const { data, error } = await bare.POST("/im/groups", {
          body,
          bodySerializer: formData,
          headers: { Authorization: `Bearer ${token}` },
        });
        if (error) throw new Error("failed");
        return data;
      },
    },
    { name: "createImGroup (multipart)", call: () => multipart.createImGroup(body) },
    { name: "createImGroup (json)", call: () => json.createImGroup(body) },
  ];

  // Warm up every path (JIT, connection pool) before measuring.
  for (const variant of variants) for (let i = 0; i < Math.min(200, callsPerRound); i++) await variant.call();

  const samples = new Map<string, number[]>(variants.map((v) => [v.name, []]));
  for (let round = 0; round < rounds; round++) {
    const order = variants.map((_, i) => variants[(i + round) % variants.length] as (typeof variants)[number]);
    for (const variant of order) {
      const started = performance.now();
      for (let i = 0; i < callsPerRound; i++) await variant.call();
      samples.get(variant.name)?.push(((performance.now() - started) * 1000) / callsPerRound);
    }
  }
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
  const medians = variants.map((v) => ({ name: v.name, medianMicros: median(samples.get(v.name) ?? []) }));
  const baseline = medians[0]?.medianMicros ?? 1;
  return {
    callsPerRound,
    rounds,
    variants: medians.map((m) => ({
      ...m,
      medianMicros: Math.round(m.medianMicros * 10) / 10,
      ratio: Math.round((m.medianMicros / baseline) * 1000) / 1000,
    })),
  };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}
