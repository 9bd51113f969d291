/**
 * The verify run: every IM-group operation it can undo, in an order that undoes each, every answer checked
 * against the spec (answer.ts), and a cleanup that runs whatever happened (a failure, a violation, the signal).
 * It writes only to groups named with its prefix: its own, and those an earlier run was killed before deleting.
 */
import { type OperationId, operations, serverUrl } from "../generated/operations.js";
import {
  createImGroupsClient,
  GroupNotFoundError,
  type ImGroupsClientOptions,
  ValidationError,
  ZoomImGroupsError,
} from "../index.js";
import { validateRequest } from "../validation.js";
import { checkAnswer, type RecordedAnswer } from "./answer.js";
import { createRecorder } from "./recorder.js";
import { countChecks, type VerifyCheck, type VerifyReport } from "./report.js";

/**
 * Every group a verify run creates is named with this prefix, then the time and a random tag; a run first
 * deletes the groups with this prefix that an earlier run left (it was killed before its cleanup), and no other.
 */
export const VERIFY_PREFIX = "zoom-im-groups-verify ";

/** What a verify run does besides the client's options. */
export interface VerifyOptions {
  /**
   * A user of the account to add to the run's group, list and remove again. Without it the three member
   * operations are reported skipped.
   */
  memberEmail?: string;
  /** Send only reads: list the groups, read one, list its members. For accounts where writes are not allowed. */
  readOnly?: boolean;
  /** `im` (default): the IM-group operations; `groups`: Zoom's Groups API, where Zoom retired IM groups. */
  api?: Api;
  /** Stops the run (Ctrl-C): no further step starts, the cleanup still runs, and the report says `interrupted`. */
  signal?: AbortSignal;
  /** Hears each check as it is decided (to print progress); what it throws is ignored. */
  onCheck?: (check: VerifyCheck) => void;
}

/** Which API a run checks: IM groups, or Zoom's Groups API (their successor where Zoom retired them). */
export type Api = "im" | "groups";

/** What each step does, by the shape of its operation's path under its API's base; the Groups API has no read or update. */
const ROLES = {
  list: "GET ",
  create: "POST ",
  read: "GET /{groupId}",
  update: "PATCH /{groupId}",
  remove: "DELETE /{groupId}",
  members: "GET /{groupId}/members",
  addMember: "POST /{groupId}/members",
  removeMember: "DELETE /{groupId}/members/{memberId}",
} as const;
type Role = keyof typeof ROLES;

/** An API's operations by role, read from the spec: `/im/groups…` or `/groups…`. */
function rolesOf(api: Api): Partial<Record<Role, OperationId>> {
  const base = api === "im" ? "/im/groups" : "/groups";
  const found: Partial<Record<Role, OperationId>> = {};
  for (const operation of Object.values(operations)) {
    if (!operation.path.startsWith(base)) continue;
    const shape = `${operation.method} ${operation.path.slice(base.length)}`;
    const role = (Object.keys(ROLES) as Role[]).find((name) => ROLES[name] === shape);
    if (role) found[role] = operation.operationId as OperationId;
  }
  return found;
}

class Interrupted extends Error {}

/**
 * Checks a Zoom account, or a server that stands in for Zoom (a staging proxy, a mock), against the spec by
 * calling every IM-group operation it can undo: it creates a uniquely named group ({@link VERIFY_PREFIX}),
 * reads it, finds it in the list, updates it, adds `memberEmail`, lists and removes that member, and deletes
 * the group. Every answer is checked: its status is documented for the operation (and is the one the step
 * expects), its body keeps the schema of that status, its documented headers keep theirs; and the behaviour
 * each step relies on (the list shows the group, a read shows the update, a deleted group reads as 404).
 *
 * The account is left as it was found: the cleanup runs after a failure, a violation or `signal`, and a run
 * first deletes what an earlier killed run left. It never writes to a group it did not create. It resolves
 * with the report (`ok` false when a check failed) and rejects only when nothing could be sent: bad client
 * options (`ConfigurationError`) or a `memberEmail` the spec refuses (`ValidationError`).
 * @example
 * import { verify } from "zoom-im-groups/verify";
 * test("staging keeps Zoom's contract", async () => {
 *   const report = await verify(
 *     { accessToken: process.env.ZOOM_ACCESS_TOKEN ?? "", baseUrl: process.env.STAGING_URL },
 *     { memberEmail: "qa@example.com" },
 *   );
 *   expect(report.checks.filter((check) => check.outcome === "failed")).toEqual([]);
 * });
 */
export async function verify(clientOptions: ImGroupsClientOptions, options: VerifyOptions = {}): Promise<VerifyReport> {
  const { memberEmail, readOnly = false, signal, api = "im" } = options;
  const ids = rolesOf(api);
  const idOf = (role: Role) => ids[role] ?? role;
  const WRITES = (["create", "update", "addMember", "removeMember", "remove"] as const).flatMap(
    (role) => ids[role] ?? [],
  );
  const secrets = [
    typeof clientOptions.accessToken === "string" ? clientOptions.accessToken : "",
    clientOptions.serverToServer?.clientSecret ?? "",
  ];
  const recorder = createRecorder(secrets);
  const { redact } = recorder;
  const client = createImGroupsClient({
    ...clientOptions,
    middleware: [...(clientOptions.middleware ?? []), recorder.middleware],
  } as ImGroupsClientOptions);
  if (memberEmail !== undefined) checkMemberEmail(memberEmail, idOf("addMember") as OperationId);
  // The client's method for each role of the API (the names a person chose).
  const calls =
    api === "im"
      ? {
          list: (o: object) => client.listImGroups(o),
          create: (groupName: string, o: object) => client.createImGroup({ name: groupName, type: "restricted" }, o),
          remove: (id: string, o: object) => client.deleteImGroup(id, o),
          members: (id: string, o: object) => client.listImGroupMembers(id, o),
          addMember: (id: string, email: string, o: object) => client.addImGroupMembers(id, [{ email }], o),
          removeMember: (id: string, member: string, o: object) => client.removeImGroupMember(id, member, o),
        }
      : {
          list: (o: object) => client.listGroups(o),
          create: (groupName: string, o: object) => client.createGroup({ name: groupName }, o),
          remove: (id: string, o: object) => client.deleteGroup(id, o),
          members: (id: string, o: object) => client.listGroupMembers(id, o),
          addMember: (id: string, email: string, o: object) => client.addGroupMembers(id, [{ email }], o),
          removeMember: (id: string, member: string, o: object) => client.removeGroupMember(id, member, o),
        };

  const checks: VerifyCheck[] = [];
  const exercised = new Set<string>();
  const leftoversRemoved: string[] = [];
  const add = (check: VerifyCheck) => {
    checks.push(check);
    try {
      options.onCheck?.(check);
    } catch {
      // A listener's failure is not the account's.
    }
  };
  const skip = (step: string, operation: string, message: string) =>
    add({ step, operation, check: "call", outcome: "skipped", message });
  /** A behaviour a step relies on, beyond the schema: passed or failed, with the answer it was read from. */
  const behaviour = (
    step: string,
    answer: RecordedAnswer | undefined,
    operation: string,
    check: string,
    passed: boolean,
    message: string,
  ) => {
    const trackingId = answer?.headers.get("x-zm-trackingid");
    add({
      step,
      operation,
      check,
      outcome: passed ? "passed" : "failed",
      ...(answer ? { status: answer.status } : {}),
      ...(trackingId ? { trackingId: redact(trackingId) } : {}),
      message: redact(passed ? message : `${operation}${answer ? ` HTTP ${answer.status}` : ""}: ${message}`),
    });
  };

  /**
   * One call of a step: its answers checked as they came (each by its own operation: a create may also list),
   * a failure with no failed check of its answers reported as the call's. The signal ends the run.
   */
  async function call<T>(
    step: string,
    operationId: string,
    expectedStatus: number,
    send: (stop: AbortSignal | undefined) => Promise<T>,
    { cleanup = false, failureExpected = false } = {},
  ): Promise<{ value?: T; error?: unknown; answer?: RecordedAnswer }> {
    // The cleanup runs after a stop too: its calls take no signal.
    const stop = cleanup ? undefined : signal;
    let value: T | undefined;
    let error: unknown;
    let failed = false;
    try {
      value = await send(stop);
    } catch (caught) {
      error = caught ?? new Error("failed");
      failed = true;
    }
    const answers = recorder.take();
    const before = checks.length;
    for (const answer of answers) {
      exercised.add(answer.operationId);
      const expected = answer.operationId === operationId ? expectedStatus : successStatusOf(answer);
      for (const check of checkAnswer(step, answer, expected, redact)) add(check);
    }
    if (failed && stop?.aborted) throw new Interrupted();
    const reported = checks.slice(before).some((check) => check.outcome === "failed");
    if (failed && !failureExpected && !reported)
      add({
        step,
        operation: operationId,
        check: "call",
        outcome: "failed",
        message: redact(`${operationId}: ${answers.length === 0 ? "no answer: " : ""}${describe(error)}`),
      });
    const answer = answers.filter((recorded) => recorded.operationId === operationId).at(-1);
    return { ...(failed ? { error } : { value: value as T }), ...(answer ? { answer } : {}) };
  }

  /** Every page of a list, as the client reads it; the items of the pages whose array is an array. */
  async function listed<Item>(pages: AsyncIterable<object>, field: string): Promise<Item[]> {
    const items: Item[] = [];
    for await (const page of pages) {
      const list = (page as Record<string, unknown>)[field];
      if (Array.isArray(list)) items.push(...(list as Item[]));
    }
    return items;
  }
  type Group = { id?: unknown; name?: unknown; search_by_domain?: unknown };
  const on = (stop: AbortSignal | undefined) => (stop ? { signal: stop } : {});
  const groupsList = (stop: AbortSignal | undefined) => listed<Group>(calls.list(on(stop)).pages(), "groups");

  const name = `${VERIFY_PREFIX}${new Date().toISOString()} ${Math.random().toString(36).slice(2, 8)}`;
  const renamed = `${name} updated`;
  const state = { groupId: undefined as string | undefined, createSent: false, deleted: false };
  let interrupted = false;

  async function readOnlyRun() {
    for (const operation of WRITES) skip("write", operation, "a read-only run sends no writes");
    const { value: groups = [] } = await call("list the groups", idOf("list"), 200, groupsList);
    const first = groups.find((group): group is { id: string } => typeof group.id === "string" && group.id !== "");
    if (!first) {
      if (ids.read) skip("read a group", ids.read, "the account has no group to read");
      skip("list its members", idOf("members"), "the account has no group to read");
      return;
    }
    if (ids.read) {
      const read = await call("read a group", ids.read, 200, (stop) => client.getImGroup(first.id, on(stop)));
      if (read.value)
        behaviour(
          "read a group",
          read.answer,
          ids.read,
          "shows the listed group",
          read.value.id === first.id,
          shown(read.value.id, first.id, "id"),
        );
    }
    await call("list its members", idOf("members"), 200, (stop) =>
      listed(calls.members(first.id, on(stop)).pages(), "members"),
    );
  }

  async function writeRun() {
    // Leftovers of a run killed before its cleanup: named with the prefix, and nothing else.
    const sweep = await call("look for leftovers of earlier runs", idOf("list"), 200, groupsList);
    for (const group of sweep.value ?? []) {
      if (typeof group.name !== "string" || !group.name.startsWith(VERIFY_PREFIX) || typeof group.id !== "string")
        continue;
      const { id, name: leftover } = group as { id: string; name: string };
      const removed = await call(`remove the leftover "${leftover}"`, idOf("remove"), 204, (stop) =>
        calls.remove(id, on(stop)),
      );
      if (!removed.error) leftoversRemoved.push(leftover);
    }

    state.createSent = true;
    const step = "create the group";
    const created = await call(step, idOf("create"), 201, (stop) => calls.create(name, on(stop)));
    state.groupId = created.value?.id;
    // A create that failed before anything reached the server (a refused connection) left nothing to clean up.
    if (created.error instanceof ZoomImGroupsError && !created.error.mayHaveChanged && !created.answer)
      state.createSent = false;
    const answer = created.answer;
    if (answer && answer.status >= 200 && answer.status < 300) {
      const id = jsonField(answer.text, "id");
      // The spec leaves every field of the 201 body optional (the Postman example is `{}`), and the client finds
      // a missing id by name in the list; a caller of Zoom's API relies on it all the same (docs/decisions.md).
      behaviour(
        step,
        answer,
        idOf("create"),
        "names the new group",
        typeof id === "string" && id !== "",
        typeof id === "string" && id !== ""
          ? `id ${id}`
          : `the body has no "id" (${id === undefined ? "missing" : `got ${JSON.stringify(id)}`}): a caller cannot tell which group it created without listing them${state.groupId ? "; the client found it by name in the list" : ""}`,
      );
    }
    const id = state.groupId;
    if (!id) {
      for (const operation of WRITES.slice(1))
        skip("after the create", operation, "the create failed: no group to go on with");
      return;
    }

    if (ids.read) {
      const read = await call("read the group", ids.read, 200, (stop) => client.getImGroup(id, on(stop)));
      if (read.value)
        behaviour(
          "read the group",
          read.answer,
          ids.read,
          "shows the created group",
          read.value.id === id && read.value.name === name,
          shown(read.value.name, name, "name"),
        );
    }

    const list = await call("find the group in the list", idOf("list"), 200, groupsList);
    if (list.value)
      behaviour(
        "find the group in the list",
        list.answer,
        idOf("list"),
        "shows the group",
        list.value.some((group) => group.id === id),
        `the list shows ${list.value.some((group) => group.id === id) ? "" : "no group with "}id ${id}`,
      );

    const update = ids.update
      ? await call("update the group", ids.update, 204, (stop) =>
          client.updateImGroup(id, { name: renamed, search_by_domain: true }, on(stop)),
        )
      : { error: "the Groups API has no update" };
    if (!update.error && ids.read) {
      const after = await call("read the update", ids.read, 200, (stop) => client.getImGroup(id, on(stop)));
      if (after.value)
        behaviour(
          "read the update",
          after.answer,
          ids.read,
          "shows the update",
          after.value.name === renamed,
          shown(after.value.name, renamed, "name"),
        );
    }

    await members(id);

    const deleted = await call("delete the group", idOf("remove"), 204, (stop) => calls.remove(id, on(stop)));
    if (deleted.error) return;
    state.deleted = true;
    if (!ids.read) {
      // No read in the Groups API: the list tells whether the group is gone.
      const after = await call("list after the delete", idOf("list"), 200, groupsList);
      if (after.value) {
        const still = after.value.some((group) => group.id === id);
        behaviour(
          "list after the delete",
          after.answer,
          idOf("list"),
          "the group is gone",
          !still,
          `the list ${still ? "still shows" : "no longer shows"} id ${id}`,
        );
      }
      return;
    }
    const gone = await call("read the deleted group", ids.read, 404, (stop) => client.getImGroup(id, on(stop)), {
      failureExpected: true,
    });
    behaviour(
      "read the deleted group",
      gone.answer,
      ids.read,
      "the group is gone",
      gone.error instanceof GroupNotFoundError,
      gone.error instanceof GroupNotFoundError
        ? "GroupNotFoundError"
        : `a read of the deleted group ${gone.error ? `failed otherwise: ${describe(gone.error)}` : "still finds it"}`,
    );
  }

  async function members(groupId: string) {
    const memberOperations = [idOf("addMember"), idOf("members"), idOf("removeMember")];
    if (memberEmail === undefined) {
      for (const operation of memberOperations)
        skip("members", operation, "no member email given (memberEmail, --member-email)");
      return;
    }
    const email = memberEmail.toLowerCase();
    const added = await call("add the member", idOf("addMember"), 201, (stop) =>
      calls.addMember(groupId, memberEmail, on(stop)),
    );
    if (!added.value) return skipMembers("the member add failed");
    const known = added.value.unknown.length === 0;
    behaviour(
      "add the member",
      added.answer,
      idOf("addMember"),
      "adds the member",
      known,
      known
        ? memberEmail
        : `Zoom does not know the user ${memberEmail} (code 1001): give the email of a user of the account`,
    );
    if (!known) return skipMembers("the member was not added");
    type Member = { id?: unknown; email?: unknown };
    const listedMembers = await call("list the members", idOf("members"), 200, (stop) =>
      listed<Member>(calls.members(groupId, on(stop)).pages(), "members"),
    );
    const member = listedMembers.value?.find(
      (candidate) =>
        (typeof candidate.email === "string" && candidate.email.toLowerCase() === email) ||
        (candidate.id !== undefined && added.value?.ids.includes(String(candidate.id))),
    );
    if (listedMembers.value)
      behaviour(
        "list the members",
        listedMembers.answer,
        idOf("members"),
        "shows the member",
        member !== undefined,
        `the member list ${member ? "shows" : "does not show"} ${memberEmail}`,
      );
    const memberId = typeof member?.id === "string" && member.id !== "" ? member.id : added.value.ids[0];
    if (!memberId) return skip("remove the member", idOf("removeMember"), "no id of the member to remove");
    await call("remove the member", idOf("removeMember"), 204, (stop) =>
      calls.removeMember(groupId, memberId, on(stop)),
    );
  }
  function skipMembers(reason: string) {
    skip("list the members", idOf("members"), reason);
    skip("remove the member", idOf("removeMember"), reason);
  }

  /** After anything: the run's group goes, by id, else (its create's answer lost) by its names. */
  async function cleanup(): Promise<string[]> {
    if (readOnly || !state.createSent || state.deleted) return [];
    const step = "clean up";
    const always = { cleanup: true };
    if (state.groupId) {
      const id = state.groupId;
      const removed = await call(step, idOf("remove"), 204, () => calls.remove(id, {}), always).catch(() => ({
        error: true,
      }));
      return removed.error ? [name] : [];
    }
    const found = await call(step, idOf("list"), 200, groupsList, always).catch(() => ({ value: undefined }));
    if (!found.value) return [name];
    const left: string[] = [];
    for (const group of found.value) {
      if (typeof group.id !== "string" || (group.name !== name && group.name !== renamed)) continue;
      const id = group.id;
      const removed = await call(step, idOf("remove"), 204, () => calls.remove(id, {}), always).catch(() => ({
        error: true,
      }));
      if (removed.error) left.push(String(group.name));
    }
    return left;
  }

  let leftBehind: string[] = [];
  try {
    signal?.throwIfAborted();
    await (readOnly ? readOnlyRun() : writeRun());
  } catch (error) {
    if (!(error instanceof Interrupted) && !signal?.aborted) throw error;
    interrupted = true;
  } finally {
    leftBehind = await cleanup();
  }
  const counts = countChecks(checks);
  return {
    ok: counts.failed === 0,
    baseUrl: shownUrl(clientOptions.baseUrl),
    readOnly,
    ...(state.createSent ? { group: name } : {}),
    operations: [...exercised],
    counts,
    checks,
    leftoversRemoved,
    leftBehind,
    interrupted,
  };
}

/** A member email is checked as the spec's member add checks it, before anything is sent. */
function checkMemberEmail(email: string, operationId: OperationId): void {
  const body = { members: [{ email }] };
  const issues = validateRequest(operationId, { params: { groupId: "verify" }, body }).map((issue) => ({
    ...issue,
    field: "memberEmail",
    message: issue.message.replace(/^members\[0\]\.email/, "memberEmail"),
  }));
  if (issues.length > 0) throw new ValidationError(issues, "verify memberEmail");
}

const successStatusOf = (answer: RecordedAnswer) => operations[answer.operationId].successStatus;

const shown = (got: unknown, wanted: string, field: string) =>
  got === wanted
    ? `${field} ${wanted}`
    : `${field} is ${got === undefined ? "missing" : JSON.stringify(got)}, not ${JSON.stringify(wanted)}`;

function jsonField(text: string, field: string): unknown {
  try {
    const value = JSON.parse(text) as unknown;
    return value && typeof value === "object" ? (value as Record<string, unknown>)[field] : undefined;
  } catch {
    return undefined;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** The base URL as reported: the spec's server when none was given, never a user or password. */
function shownUrl(baseUrl: string | undefined): string {
  const url = new URL(baseUrl ?? serverUrl);
  url.username = "";
  url.password = "";
  return url.href.replace(/\/$/, "");
}
