/**
 * check:package's consumer, typechecked against the installed tarball's declarations (the @ts-expect-error
 * lines must stay errors), then run against the two Prisms check:package started: PROXY_URL validates spec/
 * in front of startMockZoom() on MOCK_PORT (an answer or request off the spec gets an `sl-violations` header);
 * UPSTREAM_URL mocks Zoom's Swagger 2.0 description, `Prefer` picking the answer. Prints a line per case.
 */
import {
  AuthenticationError,
  BadRequestError,
  ConfigurationError,
  type CreateImGroupBody,
  createImGroupsClient,
  type Encoding,
  GroupNameConflictError,
  GroupNotFoundError,
  ImGroupsApiRetiredError,
  PaidAccountRequiredError,
  PermissionDeniedError,
  RateLimitError,
  RedirectError,
  RouteNotFoundError,
  ServerError,
  ValidationError,
  ZoomApiError,
  ZoomConnectionError,
  ZoomImGroupsError,
  ZoomTimeoutError,
} from "zoom-im-groups";
import { encodings } from "zoom-im-groups/spec";
import { startMockZoom } from "zoom-im-groups/testing";

// @ts-expect-error "public" is not an IM group type
const wrong: CreateImGroupBody = { name: "x", type: "public" };
const credentials = { accountId: "a", clientId: "c", clientSecret: "s" };
// @ts-expect-error exactly one of accessToken and serverToServer: neither
const neither = () => createImGroupsClient({});
// @ts-expect-error exactly one of accessToken and serverToServer: both
const both = () => createImGroupsClient({ accessToken: "t", serverToServer: credentials });
void [wrong, neither, both];

/** Every documented failure caught by its class, as an application would; a daily limit told by its type. */
function whatToDo(error: unknown): string {
  if (error instanceof ValidationError) return `fix ${error.issues.map((issue) => issue.field).join(", ")}`;
  if (error instanceof ConfigurationError) return "fix the client's options";
  if (error instanceof GroupNameConflictError) return error.mayHaveChanged ? "it exists: made by this call" : "taken";
  if (error instanceof RateLimitError) {
    const type: "QPS" | "Daily-limit" | undefined = error.rateLimitType;
    // @ts-expect-error rateLimitType is the spec's two values, nothing else
    const burst = error.rateLimitType === "Burst";
    void burst;
    return type === "Daily-limit" ? `wait until ${error.retryAfter?.toISOString()}` : "slow down";
  }
  if (error instanceof PaidAccountRequiredError) return "upgrade the account";
  if (error instanceof AuthenticationError || error instanceof PermissionDeniedError) return "fix the credentials";
  if (error instanceof GroupNotFoundError || error instanceof RouteNotFoundError) return "check the base URL";
  if (error instanceof ImGroupsApiRetiredError || error instanceof RedirectError) return "stop: nothing will work";
  if (error instanceof BadRequestError) return `Zoom refused: ${error.errors?.length ?? 0} field errors`;
  if (error instanceof ServerError || error instanceof ZoomTimeoutError || error instanceof ZoomConnectionError)
    return error.retryable ? "try again later" : "give up";
  if (error instanceof ZoomApiError) return `HTTP ${error.status}`;
  if (error instanceof ZoomImGroupsError) return error.failsEveryCall ? "stop" : "skip it";
  return "unknown";
}

const { PROXY_URL = "", UPSTREAM_URL = "", MOCK_PORT = "0" } = process.env;
const zoom = await startMockZoom({
  port: Number(MOCK_PORT),
  accounts: { paid: "acct-paid", free: "acct-free" },
  freeAccount: ["acct-free"],
});

type Outcome = Record<string, unknown>;
type Call = { baseUrl: string; name?: string; token?: string; encoding?: Encoding; prefer?: string };
const is = (type: abstract new (...args: never[]) => unknown) => (outcome: Outcome) => outcome instanceof type;

/** One create by the packed client; the problem, unless the answer has `status`, no violation and `expected` holds. */
async function create(status: number, expected: (outcome: Outcome) => boolean, call: Call): Promise<string | null> {
  const { baseUrl, name = "Upstream", token = "paid", encoding = "json", prefer } = call;
  const seen = { status: 0, violations: "" };
  const client = createImGroupsClient({
    accessToken: token,
    baseUrl,
    encoding,
    maxRetries: 0,
    middleware: [
      {
        // The create's answer is the case; a list the client reads after it (to find a missing id) is Prism's own.
        onRequest: ({ request }) => {
          if (prefer && request.method === "POST") request.headers.set("Prefer", prefer);
          return request;
        },
        onResponse: ({ request, response }) => {
          if (request.method !== "POST") return undefined;
          seen.status = response.status;
          seen.violations = response.headers.get("sl-violations") ?? "";
          return undefined;
        },
      },
    ],
  });
  const outcome = await client.createImGroup({ name, type: "shared", search_by_account: true }).catch((e) => e);
  const handled = !(outcome instanceof Error) || whatToDo(outcome) !== "unknown";
  if (seen.status === status && !seen.violations && expected(outcome) && handled) return null;
  return `HTTP ${seen.status} ${outcome instanceof Error ? outcome.message : JSON.stringify(outcome)} ${seen.violations}`;
}

const upstream = (prefer: string, encoding: Encoding = "json"): Call => ({ baseUrl: UPSTREAM_URL, prefer, encoding });
const cases: [string, () => Promise<string | null>][] = [
  ...encodings.flatMap((encoding): typeof cases => {
    const proxied = (token: string) => ({ baseUrl: PROXY_URL, name: `Prism group ${encoding}`, token, encoding });
    return [
      [`proxy, ${encoding}: 201 created`, () => create(201, (o) => "id" in o, proxied("paid"))],
      [`proxy, ${encoding}: 409 name in use`, () => create(409, is(GroupNameConflictError), proxied("paid"))],
      [`proxy, ${encoding}: 200 paid account only`, () => create(200, is(PaidAccountRequiredError), proxied("free"))],
      [`proxy, ${encoding}: 401 invalid token`, () => create(401, is(AuthenticationError), proxied("none"))],
    ];
  }),
  [
    "proxy: Prism itself refuses a body off the spec (422), the mock never sees it",
    async () => {
      const before = zoom.mock.groups("acct-paid").length;
      const response = await fetch(`${PROXY_URL}/im/groups`, {
        method: "POST",
        headers: { Authorization: "Bearer paid", "Content-Type": "application/json" },
        body: JSON.stringify({ name: "Control", type: "Excepteur proident innormal" }),
      });
      return response.status === 422 && zoom.mock.groups("acct-paid").length === before
        ? null
        : `HTTP ${response.status}`;
    },
  ],
  [
    "upstream: 201 with the example's empty body: the id looked up by name; not listed, the group may exist",
    () =>
      create(
        201,
        (o) => typeof o.id === "string" || (o instanceof ZoomImGroupsError && o.mayHaveChanged),
        upstream("code=201"),
      ),
  ],
  [
    "upstream: 201 with a body generated from the schema: the group's fields, typed",
    () =>
      create(
        201,
        (o) => typeof o.id === "string" && Number.isInteger(o.total_members),
        upstream("code=201, dynamic=true"),
      ),
  ],
  [
    "upstream: 200 (paid accounts only): PaidAccountRequiredError, no placeholder shown",
    () => create(200, (o) => o instanceof PaidAccountRequiredError && !/[{}]/.test(o.message), upstream("code=200")),
  ],
  ["upstream: 404 (empty body): GroupNotFoundError", () => create(404, is(GroupNotFoundError), upstream("code=404"))],
  [
    "upstream: 409 (empty body): GroupNameConflictError naming the group",
    () =>
      create(
        409,
        (o) => o instanceof GroupNameConflictError && o.message.startsWith("Group name Upstream is already in use."),
        upstream("code=409"),
      ),
  ],
  [
    "upstream: multipart gets 415, as the Swagger file defines only a JSON body",
    () => create(415, is(ZoomApiError), upstream("code=201", "multipart")),
  ],
  [
    "upstream: a wrong base URL is RouteNotFoundError, not 'group does not exist'",
    () => create(404, is(RouteNotFoundError), { baseUrl: `${UPSTREAM_URL}/v2` }),
  ],
];

const results: [string, string | null][] = [];
try {
  for (const [label, check] of cases) results.push([label, await check().catch(String)]);
} finally {
  await zoom.close();
}
for (const [label, problem] of results) console.log(problem === null ? `ok   ${label}` : `FAIL ${label}: ${problem}`);
const failed = results.filter(([, problem]) => problem !== null).length;
console.log(`check:package: ${results.length - failed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
