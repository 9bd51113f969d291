/**
 * check:package, in a fresh project with the packed tarball installed: the package as a consumer gets it.
 * This file typechecks against the installed declarations (the @ts-expect-error lines must stay errors),
 * then runs the packed client against the two Prism servers check:package started:
 * - PROXY_URL: Prism validating spec/ in front of startMockZoom() (on MOCK_PORT): any request or answer
 *   off the spec comes back with an `sl-violations` header; an invalid body must be refused by Prism itself;
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

let last = "";
/** One create by the packed client: its outcome (a group or an error) and the answer's status and violations. */
async function create(
  baseUrl: string,
  name: string,
  { token = "paid", encoding = "json" as Encoding, prefer = "" } = {},
) {
  const seen = { status: 0, violations: null as string | null };
  const client = createImGroupsClient({
    accessToken: token,
    baseUrl,
    encoding,
    maxRetries: 0,
    middleware: [
      {
        onRequest({ request }) {
          if (prefer) request.headers.set("Prefer", prefer);
          return request;
        },
        onResponse({ response }) {
          seen.status = response.status;
          seen.violations = response.headers.get("sl-violations");
          return undefined;
        },
      },
    ],
  });
  const outcome = await client
    .createImGroup({ name, type: "shared", search_by_account: true })
    .catch((e: unknown) => e);
  last = `HTTP ${seen.status} ${outcome instanceof Error ? outcome.message : JSON.stringify(outcome)} ${seen.violations ?? ""}`;
  return { outcome: outcome as Record<string, unknown>, ...seen };
}

const cases: [string, () => Promise<boolean>][] = [];
for (const encoding of encodings as readonly Encoding[]) {
  const name = `Prism group ${encoding}`;
  const proxied = async (status: number, token: string, expected: (outcome: unknown) => boolean) => {
    const answer = await create(PROXY_URL, name, { token, encoding });
    return answer.status === status && !answer.violations && expected(answer.outcome);
  };
  cases.push(
    [
      `proxy, ${encoding}: 201 created`,
      () => proxied(201, "paid", (o) => typeof (o as { id?: unknown }).id === "string"),
    ],
    [`proxy, ${encoding}: 409 name in use`, () => proxied(409, "paid", (o) => o instanceof GroupNameConflictError)],
    [
      `proxy, ${encoding}: 200 paid account only`,
      () => proxied(200, "free", (o) => o instanceof PaidAccountRequiredError),
    ],
    [`proxy, ${encoding}: 401 invalid token`, () => proxied(401, "unknown", (o) => o instanceof AuthenticationError)],
  );
}
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
      return response.status === 422 && zoom.mock.groups("acct-paid").length === before;
    },
  ],
  [
    "upstream: 201 with the example's empty body: created, no id",
    async () => {
      const { outcome } = await create(UPSTREAM_URL, "Upstream", { prefer: "code=201" });
      return outcome.status === 201 && outcome.id === undefined;
    },
  ],
  [
    "upstream: 201 with a body generated from the schema: the group's fields, typed",
    async () => {
      const { outcome: o } = await create(UPSTREAM_URL, "Upstream", { prefer: "code=201, dynamic=true" });
      return typeof o.id === "string" && typeof o.name === "string" && Number.isInteger(o.total_members);
    },
  ],
  [
    "upstream: 200 (paid accounts only): PaidAccountRequiredError, no placeholder shown",
    async () => {
      const { outcome } = await create(UPSTREAM_URL, "Upstream", { prefer: "code=200" });
      return outcome instanceof PaidAccountRequiredError && !/[{}]/.test(outcome.message);
    },
  ],
  [
    "upstream: 404 (empty body): GroupNotFoundError",
    async () => (await create(UPSTREAM_URL, "Upstream", { prefer: "code=404" })).outcome instanceof GroupNotFoundError,
  ],
  [
    "upstream: 409 (empty body): GroupNameConflictError naming the group",
    async () => {
      const { outcome } = await create(UPSTREAM_URL, "Upstream", { prefer: "code=409" });
      return (
        outcome instanceof GroupNameConflictError &&
        outcome.message.startsWith("Group name Upstream is already in use.")
      );
    },
  ],
  [
    "upstream: multipart gets 415, as the Swagger file defines only a JSON body",
    async () => {
      const { outcome } = await create(UPSTREAM_URL, "Upstream", { prefer: "code=201", encoding: "multipart" });
      return outcome instanceof ZoomApiError && outcome.status === 415;
    },
  ],
  [
    "upstream: a wrong base URL is RouteNotFoundError, not 'group does not exist'",
    async () => (await create(`${UPSTREAM_URL}/v2`, "Upstream")).outcome instanceof RouteNotFoundError,
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
