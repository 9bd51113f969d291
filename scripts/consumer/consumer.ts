/**
 * check:package, in a fresh project with the packed tarball installed: the package as a consumer gets it.
 * This file typechecks against the installed declarations (the @ts-expect-error lines must stay errors),
 * then runs the packed client against the two Prism servers check:package started:
 * - PROXY_URL: Prism validating spec/ in front of startMockZoom() (on MOCK_PORT): an answer or request off
 *   the spec comes back with an `sl-violations` header, and Prism itself refuses an invalid body;
 * - UPSTREAM_URL: Prism mocking Zoom's Swagger 2.0 description (test/fixtures/upstream): each answer it
 *   documents maps to the right result or error (`Prefer` picks the answer).
 * Prints one JSON line per case: {case, ok, problem?}.
 */
import {
  AuthenticationError,
  type CreateImGroupBody,
  createImGroupsClient,
  type Encoding,
  encodings,
  GroupNameConflictError,
  GroupNotFoundError,
  PaidAccountRequiredError,
  RouteNotFoundError,
  ZoomApiError,
} from "zoom-im-groups";
import { startMockZoom } from "zoom-im-groups/testing";

// @ts-expect-error "public" is not an IM group type
const wrong: CreateImGroupBody = { name: "x", type: "public" };
void wrong;

const { PROXY_URL = "", UPSTREAM_URL = "", MOCK_PORT = "0" } = process.env;
const accounts = { paid: "acct-paid", free: "acct-free" };
const zoom = await startMockZoom({ port: Number(MOCK_PORT), accounts, freeAccount: ["acct-free"] });

type Outcome = Record<string, unknown>;
let last = "";
/** One create by the packed client; false unless the answer has `status`, no violation and `expected` holds. */
async function create(
  baseUrl: string,
  status: number,
  expected: (outcome: Outcome) => boolean,
  { name = "Upstream", token = "paid", encoding = "json" as Encoding, prefer = "" } = {},
): Promise<boolean> {
  const seen = { status: 0, violations: "" };
  const client = createImGroupsClient({
    accessToken: token,
    baseUrl,
    encoding,
    maxRetries: 0,
    middleware: [
      {
        onRequest: ({ request }) => {
          if (prefer) request.headers.set("Prefer", prefer);
          return request;
        },
        onResponse: ({ response }) => {
          seen.status = response.status;
          seen.violations = response.headers.get("sl-violations") ?? "";
          return undefined;
        },
      },
    ],
  });
  const outcome = await client.createImGroup({ name, type: "shared", search_by_account: true }).catch((e) => e);
  last = `HTTP ${seen.status} ${outcome instanceof Error ? outcome.message : JSON.stringify(outcome)} ${seen.violations}`;
  return seen.status === status && !seen.violations && expected(outcome);
}

const cases: [string, () => Promise<boolean>][] = (encodings as readonly Encoding[]).flatMap((encoding) => {
  const proxied = (token: string) => ({ name: `Prism group ${encoding}`, token, encoding });
  return [
    [`proxy, ${encoding}: 201 created`, () => create(PROXY_URL, 201, (o) => "id" in o, proxied("paid"))],
    [
      `proxy, ${encoding}: 409 name in use`,
      () => create(PROXY_URL, 409, (o) => o instanceof GroupNameConflictError, proxied("paid")),
    ],
    [
      `proxy, ${encoding}: 200 paid account only`,
      () => create(PROXY_URL, 200, (o) => o instanceof PaidAccountRequiredError, proxied("free")),
    ],
    [
      `proxy, ${encoding}: 401 invalid token`,
      () => create(PROXY_URL, 401, (o) => o instanceof AuthenticationError, proxied("none")),
    ],
  ] as [string, () => Promise<boolean>][];
});
const upstream =
  (prefer: string, status: number, expected: (outcome: Outcome) => boolean, encoding: Encoding = "json") =>
  () =>
    create(UPSTREAM_URL, status, expected, { prefer, encoding });
cases.push(
  [
    "proxy: Prism itself refuses a body off the spec (422), the mock never sees it",
    async () => {
      const before = zoom.mock.groups("acct-paid").length;
      const response = await fetch(`${PROXY_URL}/im/groups`, {
        method: "POST",
        headers: { Authorization: "Bearer paid", "Content-Type": "application/json" },
        body: JSON.stringify({ name: "Control", type: "Excepteur proident innormal" }),
      });
      last = `HTTP ${response.status}`;
      return response.status === 422 && zoom.mock.groups("acct-paid").length === before;
    },
  ],
  [
    "upstream: 201 with the example's empty body: created, no id",
    upstream("code=201", 201, (o) => !("id" in o) || o.id === undefined),
  ],
  [
    "upstream: 201 with a body generated from the schema: the group's fields, typed",
    upstream("code=201, dynamic=true", 201, (o) => typeof o.id === "string" && Number.isInteger(o.total_members)),
  ],
  [
    "upstream: 200 (paid accounts only): PaidAccountRequiredError, no placeholder shown",
    upstream("code=200", 200, (o) => o instanceof PaidAccountRequiredError && !/[{}]/.test(o.message)),
  ],
  ["upstream: 404 (empty body): GroupNotFoundError", upstream("code=404", 404, (o) => o instanceof GroupNotFoundError)],
  [
    "upstream: 409 (empty body): GroupNameConflictError naming the group",
    upstream(
      "code=409",
      409,
      (o) => o instanceof GroupNameConflictError && o.message.startsWith("Group name Upstream is already in use."),
    ),
  ],
  [
    "upstream: multipart gets 415, as the Swagger file defines only a JSON body",
    upstream("code=201", 415, (o) => o instanceof ZoomApiError, "multipart"),
  ],
  [
    "upstream: a wrong base URL is RouteNotFoundError, not 'group does not exist'",
    () => create(`${UPSTREAM_URL}/v2`, 404, (o) => o instanceof RouteNotFoundError),
  ],
);

try {
  for (const [label, check] of cases) {
    last = "";
    const ok = await check().catch((error: unknown) => {
      last = String(error);
      return false;
    });
    console.log(JSON.stringify({ case: label, ok, ...(!ok && { problem: last }) }));
  }
} finally {
  await zoom.close();
}
