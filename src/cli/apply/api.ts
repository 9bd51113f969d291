/**
 * The two APIs `apply` provisions through, as data: per API, which operation lists, creates, updates, lists members,
 * adds and removes them. Everything else — rate-limit labels, the per-call maximum of an add, the member page size,
 * the settings a create can carry, the daily cap and the account maximum — is read from the spec's table of those
 * operations, never restated here. The client's methods are bound once, per API, in `callsOf`.
 */
import type { ImGroup, ImGroupMember, ImGroupsClient, MemberToAdd } from "../../index.js";
import { type OperationId, operations } from "../../spec.js";

export type ApiName = "im" | "groups";
export const apiNames: readonly ApiName[] = ["im", "groups"];

/** What apply does, each an operation. `update` is absent where the API has no update (Groups). */
export type Step = "list" | "create" | "update" | "members" | "add" | "remove";

export interface ApplyApi {
  name: ApiName;
  /** As people call the groups: `IM groups`, `groups`. */
  groups: string;
  /** As people call the API: `the IM-group API`, `Zoom's Groups API`. */
  title: string;
  operations: Readonly<Partial<Record<Step, OperationId>> & Record<Exclude<Step, "update">, OperationId>>;
}

export const apis: Readonly<Record<ApiName, ApplyApi>> = {
  im: {
    name: "im",
    groups: "IM groups",
    title: "the IM-group API",
    operations: {
      list: "imGroups",
      create: "imGroupCreate",
      update: "imGroupUpdate",
      members: "imGroupMembers",
      add: "imGroupMembersCreate",
      remove: "imGroupMembersDelete",
    },
  },
  groups: {
    name: "groups",
    groups: "groups",
    title: "Zoom's Groups API",
    operations: {
      list: "groups",
      create: "groupCreate",
      members: "groupMembers",
      add: "groupMembersCreate",
      remove: "groupMembersDelete",
    },
  },
};

export const operationOf = (api: ApplyApi, step: Step) => {
  const id = api.operations[step];
  if (id === undefined) throw new Error(`the ${api.name} API has no ${step} operation`);
  return operations[id];
};

/** The settings (fields besides `name`) this API's create takes: from the spec's request schema. */
export function settingsOf(api: ApplyApi): string[] {
  const properties = operationOf(api, "create").requestSchema?.properties ?? {};
  return Object.keys(properties).filter((field) => field !== "name");
}

/** Members per add call: the spec's per-call maximum of this API's member add. */
export const addMaxOf = (api: ApplyApi): number => operationOf(api, "add").batch?.max ?? 1;
/** Members per page of the member list: the spec's maximum `page_size`. */
export const memberPageSizeOf = (api: ApplyApi): number | undefined => operationOf(api, "members").list?.pageSize?.max;

/** The create's caps (the Groups API's 100 a day and 5,000 an account): the spec's, where it states them. */
export function capsOf(api: ApplyApi): { dailyCap?: number; accountMax?: number } {
  const { dailyCap, accountMax } = operationOf(api, "create");
  return { ...(dailyCap === undefined ? {} : { dailyCap }), ...(accountMax === undefined ? {} : { accountMax }) };
}

/** The client's methods for one API: the only place apply names them. */
export interface ApiCalls {
  list(options: { signal: AbortSignal }): AsyncIterable<ImGroup>;
  create(
    body: Record<string, unknown> & { name: string },
    options: object,
  ): Promise<{ id: string; trackingId?: string }>;
  update?(id: string, changes: Record<string, unknown>, options: object): Promise<void>;
  members(id: string, options: { signal: AbortSignal; pageSize?: number }): AsyncIterable<ImGroupMember>;
  add(id: string, members: readonly MemberToAdd[], options: object): Promise<{ unknown: readonly MemberToAdd[] }>;
  remove(id: string, memberId: string, options: object): Promise<void>;
}

export function callsOf(api: ApplyApi, client: ImGroupsClient): ApiCalls {
  if (api.name === "groups")
    return {
      list: (options) => client.listGroups(options),
      create: (body, options) => client.createGroup(body, options),
      members: (id, options) => client.listGroupMembers(id, options),
      add: (id, members, options) => client.addGroupMembers(id, members, options),
      remove: (id, memberId, options) => client.removeGroupMember(id, memberId, options),
    };
  return {
    list: (options) => client.listImGroups(options),
    create: (body, options) => client.createImGroup(body, options),
    update: (id, changes, options) => client.updateImGroup(id, changes, options),
    members: (id, options) => client.listImGroupMembers(id, options),
    add: (id, members, options) => client.addImGroupMembers(id, members, options),
    remove: (id, memberId, options) => client.removeImGroupMember(id, memberId, options),
  };
}

/** `--api im|groups`. */
export function apiOf(value: string | undefined): ApplyApi | undefined {
  if (value === undefined) return apis.im;
  return apis[value.trim().toLowerCase() as ApiName];
}
