/**
 * Client overhead: the same loopback server answering 201, called sequentially by each variant.
 * Each round runs `callsPerRound` calls per variant, interleaved in blocks of BLOCK calls (the order
 * rotates every block) so that the machine's noise, which drifts over seconds on a shared host, hits
 * every variant alike. A variant's ratio is the median over rounds of (its time ÷ hand-written fetch's
 * time in the same round): side by side, never across rounds.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import createClient from "openapi-fetch";
import type { paths } from "../src/generated/openapi.ts";
import { createImGroupsClient } from "../src/index.ts";

export interface OverheadResult {
  callsPerRound: number;
  rounds: number;
  /** Per variant: median µs per call over rounds; median and range of its per-round ratio to hand-written fetch. */
  variants: { name: string; medianMicros: number; ratio: number; ratioRange: [number, number] }[];
}

const BLOCK = 250;

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

  /** The call as an application would write it by hand; with `signal` when it wants a timeout. */
  const handWritten = async (signal: AbortSignal | null = null) => {
    const response = await fetch(url, {
      method: "POST",
      body: formData(body),
      headers: { Authorization: `Bearer ${token}` },
      signal,
    });
    if (response.status !== 201) throw new Error(`status ${response.status}`);
    return response.json();
  };

  const variants: { name: string; call: () => Promise<unknown> }[] = [
    { name: "hand-written fetch + FormData", call: () => handWritten() },
    {
      // What abortability alone costs: a timeout needs a signal, and undici links every request to it.
      name: "hand-written fetch + FormData + 30 s timeout",
      call: async () => {
        const controller = new AbortController();
        const timer = setTimeout(() => controller.abort(), 30_000);
        try {
          return await handWritten(controller.signal);
        } finally {
          clearTimeout(timer);
        }
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

  // perRound[v][r]: µs per call of variant v in round r.
  const perRound = variants.map(() => [] as number[]);
  let rotation = 0;
  for (let round = 0; round < rounds; round++) {
    const elapsed = variants.map(() => 0);
    for (let done = 0; done < callsPerRound; done += BLOCK) {
      const calls = Math.min(BLOCK, callsPerRound - done);
      rotation++;
      for (let k = 0; k < variants.length; k++) {
        const index = (k + rotation) % variants.length;
        const variant = variants[index] as (typeof variants)[number];
        const started = performance.now();
        for (let i = 0; i < calls; i++) await variant.call();
        elapsed[index] = (elapsed[index] as number) + (performance.now() - started);
      }
    }
    for (const [v, ms] of elapsed.entries()) perRound[v]?.push((ms * 1000) / callsPerRound);
  }
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
  const baseline = perRound[0] as number[];
  const round3 = (x: number) => Math.round(x * 1000) / 1000;
  return {
    callsPerRound,
    rounds,
    variants: variants.map((v, index) => {
      const micros = perRound[index] as number[];
      const ratios = micros.map((m, r) => m / (baseline[r] as number));
      return {
        name: v.name,
        medianMicros: Math.round(median(micros) * 10) / 10,
        ratio: round3(median(ratios)),
        ratioRange: [round3(Math.min(...ratios)), round3(Math.max(...ratios))],
      };
    }),
  };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}
