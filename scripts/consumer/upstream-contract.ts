/**
 * check:package: the installed tarball against Prism mocking the Swagger 2.0 upstream fixture
 * (test/fixtures/upstream/zoom-marketplace.swagger.json), JSON encoding: each answer that Zoom's own
 * description documents maps to the right result or error. `Prefer` picks Prism's answer.
 * Prints one JSON line per case; exits 1 when any case fails.
 */
import {
  createImGroupsClient,
  type Encoding,
  GroupNameConflictError,
  GroupNotFoundError,
  PaidAccountRequiredError,
  RouteNotFoundError,
  ZoomApiError,
} from "zoom-im-groups";

const prismUrl = process.env.PRISM_URL ?? "";
const name = "Upstream contract";

function client(prefer: string, { encoding = "json" as Encoding, baseUrl = prismUrl } = {}) {
  return createImGroupsClient({
    accessToken: "upstream-contract-token",
    baseUrl,
    encoding,
    maxRetries: 0,
    middleware: [
      {
        onRequest({ request }) {
          request.headers.set("Prefer", prefer);
          return request;
        },
      },
    ],
  });
}

async function outcome(prefer: string, options?: Parameters<typeof client>[1]): Promise<unknown> {
  return client(prefer, options)
    .createImGroup({ name, type: "restricted", search_by_account: true })
    .catch((error: unknown) => error);
}

const cases: [string, () => Promise<string | undefined>][] = [
  [
    "201 with the example's empty body: created, no id",
    async () => {
      const group = (await outcome("code=201")) as { status?: number; id?: string };
      return group.status === 201 && group.id === undefined ? undefined : `got ${JSON.stringify(group)}`;
    },
  ],
  [
    "201 with a body generated from the schema: the group's fields, typed",
    async () => {
      const group = (await outcome("code=201, dynamic=true")) as Record<string, unknown>;
      const ok =
        group.status === 201 &&
        typeof group.id === "string" &&
        typeof group.name === "string" &&
        Number.isInteger(group.total_members) &&
        typeof group.search_by_account === "boolean";
      return ok ? undefined : `got ${JSON.stringify(group)}`;
    },
  ],
  [
    "200 (paid accounts only): PaidAccountRequiredError, no placeholder shown",
    async () => {
      const error = await outcome("code=200");
      return error instanceof PaidAccountRequiredError && /^Only available for paid account\. /.test(error.message)
        ? undefined
        : `got ${String(error)}`;
    },
  ],
  [
    "404 (empty body): GroupNotFoundError",
    async () => {
      const error = await outcome("code=404");
      return error instanceof GroupNotFoundError && !/[{}]/.test(error.message) ? undefined : `got ${String(error)}`;
    },
  ],
  [
    "409 (empty body): GroupNameConflictError naming the group",
    async () => {
      const error = await outcome("code=409");
      return error instanceof GroupNameConflictError &&
        error.message.startsWith(`Group name ${name} is already in use.`)
        ? undefined
        : `got ${String(error)}`;
    },
  ],
  [
    "multipart: 415, as the Swagger file defines only a JSON body",
    async () => {
      const error = await outcome("code=201", { encoding: "multipart" });
      return error instanceof ZoomApiError && error.status === 415 && /Invalid content type/.test(error.message)
        ? undefined
        : `got ${String(error)}`;
    },
  ],
  [
    "a wrong base URL: RouteNotFoundError, not 'group does not exist'",
    async () => {
      const error = await outcome("code=201", { baseUrl: `${prismUrl}/v2` });
      return error instanceof RouteNotFoundError && /check the base URL/.test(error.message)
        ? undefined
        : `got ${String(error)}`;
    },
  ],
];

let failed = 0;
for (const [label, check] of cases) {
  const problem = await check().catch((error: unknown) => `threw ${String(error)}`);
  if (problem) failed++;
  console.log(JSON.stringify({ case: label, ok: !problem, ...(problem ? { problem } : {}) }));
}
process.exitCode = failed ? 1 : 0;
