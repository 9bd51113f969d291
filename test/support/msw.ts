/** An MSW server that records every request it answers, following msw's own test layout. */
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll } from "vitest";

export const BASE_URL = "https://api.zoom.us/v2";
export const ENDPOINT = `${BASE_URL}/im/groups`;
/** A canary: it must never appear in any error, log line or JSON output. */
export const TOKEN = "canary-token-5f1d2e9c";

export function useMswServer() {
  const server = setupServer();
  const requests: Request[] = [];
  server.events.on("request:start", ({ request }) => {
    requests.push(request.clone());
  });
  beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
  afterEach(() => {
    server.resetHandlers();
    requests.length = 0;
  });
  afterAll(() => server.close());

  /** Answers every create with the responses given, in turn; the last one repeats. */
  function respondWith(...responses: (Response | (() => Response | Promise<Response>))[]) {
    let index = 0;
    server.use(
      http.post(ENDPOINT, async () => {
        const next = responses[Math.min(index++, responses.length - 1)];
        if (!next) return HttpResponse.json({}, { status: 500 });
        return typeof next === "function" ? next() : next.clone();
      }),
    );
  }
  /** Answers one operation's method and path (`{groupId}` matches one segment) with `resolver`. */
  function answer(
    operation: { method: string; path: string },
    resolver: (request: Request) => Response | Promise<Response>,
  ) {
    const method = operation.method.toLowerCase() as "get" | "post" | "patch" | "delete";
    server.use(http[method](`${BASE_URL}${mswPath(operation.path)}`, ({ request }) => resolver(request)));
  }
  return { server, requests, respondWith, answer };
}

/** A spec path as MSW writes it: `/im/groups/{groupId}` → `/im/groups/:groupId`. */
export const mswPath = (path: string) => path.replace(/\{(\w+)\}/g, ":$1");

/** Reads a request body back the way Zoom would: multipart fields or JSON. */
export async function parsedRequestBody(
  request: Request,
): Promise<{ contentType: string; fields: [string, string][] | Record<string, unknown> }> {
  const contentType = request.headers.get("content-type") ?? "";
  if (contentType.startsWith("multipart/form-data")) {
    const form = await request.clone().formData();
    return { contentType, fields: [...form.entries()].map(([k, v]): [string, string] => [k, String(v)]) };
  }
  return { contentType, fields: (await request.clone().json()) as Record<string, unknown> };
}
