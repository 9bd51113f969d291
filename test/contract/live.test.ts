/**
 * Provider verification: the contract checked against a running server rather than MSW. `verify` creates one
 * uniquely named group (multipart), checks the answer's status, content type, body, integer headers and
 * tracking id against the spec, then that a second create of the name (JSON) gets the documented 409.
 *
 * `npm run test:live` runs this file; with ZOOM_CONTRACT_BASE_URL set, against that server with the CLI's
 * credentials (ZOOM_ACCESS_TOKEN, or ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID, ZOOM_CLIENT_SECRET and optionally
 * ZOOM_OAUTH_TOKEN_URL). Against Zoom it creates one group ("zoom-im-groups contract <time>"): delete it.
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
  const outcomes: { status: number | undefined; outcome: unknown }[] = [];
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
    outcomes.push({ status: answer?.status, outcome });
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
  if (first?.status !== 201 || group instanceof Error || typeof group?.id !== "string" || group.id === "")
    problems.push(
      `first create: not a 201 with the group's id: ${group instanceof Error ? group.message : `HTTP ${first?.status}`}`,
    );
  if (!(second instanceof GroupNameConflictError && second.code === 4132))
    problems.push(
      `second create: not the documented 409, code 4132: ${second instanceof Error ? second.message : "it succeeded"}`,
    );
  return problems;
}

/** ZOOM_CONTRACT_BASE_URL with the CLI's credentials; unset, the mock Zoom over real HTTP. */
const live = process.env.ZOOM_CONTRACT_BASE_URL;

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
    expect(problems).toContainEqual(expect.stringMatching(/^first create: not a 201 with the group's id/));
    expect(problems).toContainEqual(expect.stringMatching(/^second create: not the documented 409, code 4132/));
  } finally {
    await mock.close();
  }
});
