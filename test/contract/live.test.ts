/**
 * Provider verification: the contract checked against a running server rather than MSW. `verify` creates one
 * uniquely named group (multipart), checks the answer's status, content type, body, integer headers and
 * tracking id against the spec, then that a second create of the name (JSON) gets the documented 409.
 *
 * `npm run test:live` (scripts/test-live.ts) runs this file against ZOOM_CONTRACT_BASE_URL with the CLI's
 * credentials (ZOOM_ACCESS_TOKEN, or ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID, ZOOM_CLIENT_SECRET and optionally
 * ZOOM_OAUTH_TOKEN_URL), and refuses to run without it. Against Zoom it creates one group ("zoom-im-groups
 * contract <time>"): delete it. Run by plain vitest (npm test), it verifies the mock Zoom, whatever the
 * environment holds: only ZOOM_CONTRACT_LIVE=1 (which test:live sets) sends anything to the URL.
 */
import { expect, test } from "vitest";
import { resolveTarget, type Target } from "../../src/cli/target.ts";
import { createImGroupsClient, GroupNameConflictError, type ImGroupsClientOptions } from "../../src/index.ts";
import { startMockZoom } from "../../src/testing/index.ts";
import { specOperation, validateResponseBody } from "../support/spec.ts";

/** What is off the spec in a server's answers to two creates of one new name; empty when nothing is. */
async function verify(options: ImGroupsClientOptions): Promise<string[]> {
  const problems: string[] = [];
  const name = `zoom-im-groups contract ${new Date().toISOString()} ${Math.random().toString(36).slice(2, 8)}`;
  const outcomes: { status: number | undefined; body: string; outcome: unknown }[] = [];
  for (const [label, encoding] of [
    ["first create", "multipart"],
    ["second create", "json"],
  ] as const) {
    const problem = (text: string) => problems.push(`${label}: ${text}`);
    let answer: Response | undefined;
    const client = createImGroupsClient({
      ...options,
      encoding,
      maxRetries: 0,
      middleware: [
        {
          onResponse: ({ response }) => {
            answer = response.clone();
            return undefined;
          },
        },
      ],
    });
    const outcome = await client.createImGroup({ name, type: "restricted" }).catch((error: unknown) => error);
    const body = answer ? await answer.clone().text() : "";
    outcomes.push({ status: answer?.status, body, outcome });
    if (!answer) {
      problem(`no response: ${outcome}`);
      continue;
    }
    const { status, headers } = answer;
    const text = await answer.text();
    const documented = specOperation.responses[String(status)];
    const type = headers.get("content-type")?.split(";")[0]?.trim() ?? "";
    if (!documented) problem(`HTTP ${status} is not documented`);
    else if (documented.content?.[type]?.schema) {
      try {
        const body = type === "application/json" ? JSON.parse(text) : text;
        for (const broken of validateResponseBody(status, type, body)) problem(`the ${status} body: ${broken}`);
      } catch {
        problem(`the ${status} body is not JSON: ${text.slice(0, 200)}`);
      }
    } else if (text !== "") problem(`content type ${type || "(none)"} is not documented for HTTP ${status}`);
    for (const [header, { schema }] of Object.entries(documented?.headers ?? {})) {
      const value = headers.get(header);
      if (value !== null && schema?.type === "integer" && !/^\d+$/.test(value))
        problem(`header ${header} is not an integer: ${value}`);
    }
    if (!headers.has("x-zm-trackingid")) problem("no x-zm-trackingid header");
  }
  const [first, next] = outcomes;
  const second = next?.outcome;
  const group = first?.outcome as { id?: unknown } | Error | undefined;
  const firstBody = `body: ${first?.body.slice(0, 200) || "(empty)"}`;
  if (first?.status !== 201)
    problems.push(
      `first create: expected HTTP 201, got ${first?.status === undefined ? "no answer" : `HTTP ${first.status}`}` +
        `${group instanceof Error ? `: ${group.message}` : ""}`,
    );
  else if (group instanceof Error) problems.push(`first create: HTTP 201, but the client failed: ${group.message}`);
  else if (typeof group?.id !== "string" || group.id === "")
    problems.push(`first create: HTTP 201 without the group's id (id ${JSON.stringify(group?.id)}; ${firstBody})`);
  if (!(second instanceof GroupNameConflictError && second.code === 4132))
    problems.push(
      `second create: not the documented 409, code 4132: ${second instanceof Error ? second.message : "it succeeded"}`,
    );
  return problems;
}

/**
 * The server to verify live: ZOOM_CONTRACT_BASE_URL, only when ZOOM_CONTRACT_LIVE=1 asks for it (test:live).
 * A URL left in a shell or a CI environment never sends plain vitest to Zoom; asked without a URL, it throws
 * rather than verify the mock in its place.
 */
function liveBaseUrl(env: Record<string, string | undefined>): string | undefined {
  if (env.ZOOM_CONTRACT_LIVE !== "1") return undefined;
  const url = env.ZOOM_CONTRACT_BASE_URL?.trim();
  if (!url)
    throw new Error(
      "test:live needs ZOOM_CONTRACT_BASE_URL (and the credentials): it never verifies the mock in its place",
    );
  return url;
}
const live = liveBaseUrl(process.env);

test("live checks run only when asked: a ZOOM_CONTRACT_BASE_URL alone verifies the mock", () => {
  const url = "https://api.zoom.us/v2";
  expect(liveBaseUrl({ ZOOM_CONTRACT_BASE_URL: url, ZOOM_ACCESS_TOKEN: "t" })).toBeUndefined();
  expect(liveBaseUrl({ ZOOM_CONTRACT_BASE_URL: url, ZOOM_CONTRACT_LIVE: "true" })).toBeUndefined();
  expect(liveBaseUrl({ ZOOM_CONTRACT_BASE_URL: url, ZOOM_CONTRACT_LIVE: "1" })).toBe(url);
  expect(() => liveBaseUrl({ ZOOM_CONTRACT_LIVE: "1", ZOOM_CONTRACT_BASE_URL: " " })).toThrow(
    /never verifies the mock/,
  );
});

test(`${live ?? "the mock Zoom"} passes provider verification over real HTTP`, async () => {
  const mock = live ? undefined : await startMockZoom();
  try {
    // With a base URL, resolveTarget returns the credentials it found or throws naming those missing.
    const options = mock
      ? { accessToken: "live", baseUrl: mock.url }
      : (resolveTarget(live, "json", process.env) as Target).options;
    expect(await verify(options)).toEqual([]);
  } finally {
    await mock?.close();
  }
});

test("provider verification fails a server that breaks the contract", async () => {
  const mock = await startMockZoom({ freeAccount: true });
  try {
    const problems = await verify({ accessToken: "live", baseUrl: mock.url });
    expect(problems).toContainEqual(expect.stringMatching(/^first create: expected HTTP 201, got HTTP 200: .*paid/i));
    expect(problems).toContainEqual(expect.stringMatching(/^second create: not the documented 409, code 4132/));
  } finally {
    await mock.close();
  }
});

test("a 201 without the group's id is named as such, with the body", async () => {
  const mock = await startMockZoom();
  try {
    const options = {
      accessToken: "live",
      baseUrl: mock.url,
      // The first answer as a server that drops the id would send it: 201, an empty JSON object, no Content-Location.
      fetch: async (request: Request) => {
        const response = await fetch(request);
        return response.status === 201
          ? Response.json(
              {},
              { status: 201, headers: { "x-zm-trackingid": response.headers.get("x-zm-trackingid") ?? "" } },
            )
          : response;
      },
    };
    expect(await verify(options)).toContainEqual(
      "first create: HTTP 201 without the group's id (id undefined; body: {})",
    );
  } finally {
    await mock.close();
  }
});
