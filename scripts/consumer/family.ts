/**
 * check:package's second consumer: every operation of the spec, through the packed client, against Prism
 * validating spec/ in front of startMockZoom() (PROXY_URL, MOCK_PORT; run after consumer.ts, which closes its
 * mock). A request or answer off the spec gets an `sl-violations` header (or Prism's own 422). Both encodings;
 * each operation's documented success, and the errors the mock gives on its own (404 of a deleted group, 404
 * code 1001 of an unknown member, 409). Prints a line per operation and encoding.
 */
import { createImGroupsClient, type Encoding } from "zoom-im-groups";
import { encodings, operations } from "zoom-im-groups/spec";
import { startMockZoom } from "zoom-im-groups/testing";

const { PROXY_URL = "", MOCK_PORT = "0" } = process.env;
const zoom = await startMockZoom({ port: Number(MOCK_PORT) });

/** Each answer Prism passed on: the operation (by method and path template), its status, its violations. */
interface Seen {
  operationId: string;
  status: number;
  violations: string;
}

const templates = Object.values(operations).map((operation) => ({
  operationId: operation.operationId,
  method: operation.method,
  pattern: new RegExp(`^${operation.path.replace(/\{\w+\}/g, "[^/]+")}$`),
}));
const operationOf = (method: string, url: string) =>
  templates.find((t) => t.method === method && t.pattern.test(new URL(url).pathname))?.operationId ?? "?";

async function exercise(encoding: Encoding): Promise<Seen[]> {
  const seen: Seen[] = [];
  const client = createImGroupsClient({
    accessToken: "paid",
    baseUrl: PROXY_URL,
    encoding,
    maxRetries: 0,
    middleware: [
      {
        onResponse: ({ request, response }) => {
          const violations = response.headers.get("sl-violations") ?? "";
          seen.push({ operationId: operationOf(request.method, request.url), status: response.status, violations });
          return undefined;
        },
      },
    ],
  });
  const name = `Prism family ${encoding}`;
  const group = await client.createImGroup({ name, type: "restricted", search_by_account: true });
  await client.createImGroup({ name }).catch(() => undefined); // 409
  for await (const _ of client.listImGroups());
  await client.getImGroup(group.id);
  await client.updateImGroup(group.id, { name: `${name} 2`, search_by_domain: true });
  const members = [...Array.from({ length: 12 }, (_, i) => ({ email: `u${i}@example.com` })), { email: "x@y.invalid" }];
  await client.addImGroupMembers(group.id, members); // 404 code 1001 for the unknown one, then its halves
  for await (const _ of client.listImGroupMembers(group.id, { pageSize: 5 }));
  const [member] = zoom.mock.members(group.id);
  await client.removeImGroupMember(group.id, member?.id ?? "none");
  await client.removeImGroupMember(group.id, member?.id ?? "none").catch(() => undefined); // 404 code 1001
  await client.deleteImGroup(group.id);
  await client.getImGroup(group.id).catch(() => undefined); // 404 code 4130
  // Zoom's Groups API, where Zoom retired IM groups.
  const team = await client.createGroup({ name: `${name} team` });
  await client.createGroup({ name: `${name} team` }).catch(() => undefined); // 409
  for await (const _ of client.listGroups());
  await client.addGroupMembers(team.id, members); // 404 code 1001 for the unknown one, then its halves
  for await (const _ of client.listGroupMembers(team.id, { pageSize: 5 }));
  const [teammate] = zoom.mock.members(team.id);
  await client.removeGroupMember(team.id, teammate?.id ?? "none");
  await client.deleteGroup(team.id);
  return seen;
}

const results: [string, string | null][] = [];
try {
  for (const encoding of encodings) {
    const seen = await exercise(encoding).catch((error: unknown) => [
      { operationId: "?", status: 0, violations: String(error) },
    ]);
    for (const operationId of Object.keys(operations)) {
      const mine = seen.filter((s) => s.operationId === operationId);
      const success = (operations as Record<string, { successStatus: number }>)[operationId]?.successStatus;
      const problems = [
        ...(mine.some((s) => s.status === success) ? [] : [`no ${success} seen`]),
        ...mine.filter((s) => s.violations || s.status === 422).map((s) => `HTTP ${s.status} ${s.violations}`),
      ];
      const statuses = [...new Set(mine.map((s) => s.status))].join(", ");
      results.push([`proxy, ${encoding}: ${operationId} (${statuses || "none"})`, problems.join("; ") || null]);
    }
    for (const stray of seen.filter((s) => s.operationId === "?"))
      results.push([`proxy, ${encoding}: a request of no operation`, `HTTP ${stray.status} ${stray.violations}`]);
  }
} finally {
  await zoom.close();
}
for (const [label, problem] of results) console.log(problem === null ? `ok   ${label}` : `FAIL ${label}: ${problem}`);
const failed = results.filter(([, problem]) => problem !== null).length;
console.log(`check:package (every operation through Prism): ${results.length - failed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
