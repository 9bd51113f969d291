/** The client: one typed line per operation over the one request path (src/request.ts). */

import { addInBatches } from "./batches.js";
import { ZoomImGroupsError } from "./errors.js";
import type { OperationId } from "./generated/operations.js";
import { type ImGroupsClientOptions, normalizeOptions } from "./options.js";
import { type ItemList, listOf } from "./pages.js";
import { type CallOptions, createRequester } from "./request.js";
import { createdGroup } from "./response.js";
import type {
  AddedImGroupMembers,
  CreatedGroup,
  CreatedImGroup,
  CreateGroupBody,
  CreateImGroupBody,
  Group,
  GroupList,
  ImGroup,
  ImGroupList,
  ImGroupMember,
  ImGroupMemberList,
  MemberToAdd,
  UpdateImGroupBody,
} from "./types.js";

export type { CallOptions } from "./request.js";

/** Options of a list: how many records a page holds (Zoom's default when left out). @group Client */
export interface ListOptions extends CallOptions {
  /** Records per page, up to the spec's maximum for the list (300 for members). */
  pageSize?: number;
}

/** What `createImGroupsClient` returns: one method per operation of the spec (IM groups, and Groups). @group Client */
export interface ImGroupsClient {
  /**
   * Creates an IM directory group (`POST /im/groups`) and resolves with it, its `id` always set: from the answer's
   * body, else its `Content-Location`, else the group of that (unique) name in the list. A `ValidationError` sends
   * nothing; a failure's `mayHaveChanged` says whether the group may exist all the same.
   */
  createImGroup(body: CreateImGroupBody, options?: CallOptions): Promise<CreatedImGroup>;
  /** Every group of the account (`GET /im/groups`): `for await (const group of zoom.listImGroups())`. */
  listImGroups(options?: CallOptions): ItemList<ImGroup, ImGroupList>;
  /** One group (`GET /im/groups/{groupId}`); rejects with `GroupNotFoundError` when Zoom has none of that id. */
  getImGroup(groupId: string, options?: CallOptions): Promise<ImGroup>;
  /** Changes a group's name or settings (`PATCH /im/groups/{groupId}`); fields left out keep their values. */
  updateImGroup(groupId: string, changes: UpdateImGroupBody, options?: CallOptions): Promise<void>;
  /** Deletes a group (`DELETE /im/groups/{groupId}`). Retried after a lost answer, a "not found" means done. */
  deleteImGroup(groupId: string, options?: CallOptions): Promise<void>;
  /** Every member of a group, page after page (`GET /im/groups/{groupId}/members`, `next_page_token`). */
  listImGroupMembers(groupId: string, options?: ListOptions): ItemList<ImGroupMember, ImGroupMemberList>;
  /**
   * Adds any number of members (`POST /im/groups/{groupId}/members`), all checked first, in calls of the spec's
   * per-call maximum, one after another. A member Zoom does not know (code 1001) is listed in `unknown`; the
   * others are added. Adding a member twice changes nothing.
   */
  addImGroupMembers(
    groupId: string,
    members: readonly MemberToAdd[],
    options?: CallOptions,
  ): Promise<AddedImGroupMembers>;
  /** Removes one member (`DELETE /im/groups/{groupId}/members/{memberId}`). */
  removeImGroupMember(groupId: string, memberId: string, options?: CallOptions): Promise<void>;

  /** Every group of Zoom's Groups API (`GET /groups`), the IM groups' successor where Zoom retired them. */
  listGroups(options?: CallOptions): ItemList<Group, GroupList>;
  /** Creates a group of the Groups API (`POST /groups`) and resolves with its id as `createImGroup` does. */
  createGroup(body: CreateGroupBody, options?: CallOptions): Promise<CreatedGroup>;
  /** Deletes a group of the Groups API (`DELETE /groups/{groupId}`). */
  deleteGroup(groupId: string, options?: CallOptions): Promise<void>;
  /** Every member of a group of the Groups API, page after page (`GET /groups/{groupId}/members`). */
  listGroupMembers(groupId: string, options?: ListOptions): ItemList<ImGroupMember, ImGroupMemberList>;
  /** Adds any number of members (`POST /groups/{groupId}/members`), as `addImGroupMembers` does. */
  addGroupMembers(
    groupId: string,
    members: readonly MemberToAdd[],
    options?: CallOptions,
  ): Promise<AddedImGroupMembers>;
  /** Removes one member (`DELETE /groups/{groupId}/members/{memberId}`). */
  removeGroupMember(groupId: string, memberId: string, options?: CallOptions): Promise<void>;
}

/**
 * Creates a client for Zoom's IM directory groups. Give exactly one of `accessToken` and `serverToServer`;
 * everything else has a default (see {@link CommonOptions}). The options are checked here: a bad one throws
 * `ConfigurationError` before anything is sent.
 * @group Client
 * @example
 * const zoom = createImGroupsClient({ accessToken: process.env.ZOOM_ACCESS_TOKEN ?? "" });
 * const group = await zoom.createImGroup({ name: "Design team", type: "restricted" });
 * await zoom.addImGroupMembers(group.id, [{ email: "ada@example.com" }]);
 * for await (const member of zoom.listImGroupMembers(group.id)) console.log(member.email);
 */
export function createImGroupsClient(options: ImGroupsClientOptions): ImGroupsClient {
  const settings = normalizeOptions(options);
  const request = createRequester(settings);
  const none = async () => undefined;

  /** A create's group, its id from the answer or else from `list` (names are unique per account). */
  async function create<T>(id: OperationId, list: OperationId, body: { name: string }, callOptions?: CallOptions) {
    const group = createdGroup(await request(id, { body, ...named(body) }, callOptions), settings.redact);
    if (group.id !== undefined) return group as T;
    for await (const listed of listOf<{ id?: string; name?: string }, unknown>(request, list, {}, callOptions))
      if (listed.name === body.name && listed.id) return { ...group, id: listed.id } as T;
    throw new ZoomImGroupsError(
      `Zoom created the group "${body.name}" but its answer carried no id and the group list does not show it yet; look it up later.`,
      { mayHaveChanged: true },
    );
  }
  const memberList = (id: OperationId, groupId: string, { pageSize, ...callOptions }: ListOptions = {}) =>
    listOf<ImGroupMember, ImGroupMemberList>(request, id, { groupId, page_size: pageSize }, callOptions);

  const client: ImGroupsClient = {
    createImGroup: (body, callOptions) => create<CreatedImGroup>("imGroupCreate", "imGroups", body, callOptions),
    listImGroups: (callOptions) => listOf<ImGroup, ImGroupList>(request, "imGroups", {}, callOptions),
    getImGroup: (groupId, callOptions) =>
      request("imGroup", { params: { groupId } }, callOptions).then((answer) => answer.body as ImGroup),
    updateImGroup: (groupId, changes, callOptions) =>
      request("imGroupUpdate", { params: { groupId }, body: changes, ...named(changes) }, callOptions).then(none),
    deleteImGroup: (groupId, callOptions) => request("imGroupDelete", { params: { groupId } }, callOptions).then(none),
    listImGroupMembers: (groupId, options) => memberList("imGroupMembers", groupId, options),
    addImGroupMembers: (groupId, members, callOptions) =>
      addInBatches(request, "imGroupMembersCreate", { groupId }, members, callOptions),
    removeImGroupMember: (groupId, memberId, callOptions) =>
      request("imGroupMembersDelete", { params: { groupId, memberId } }, callOptions).then(none),

    listGroups: (callOptions) => listOf<Group, GroupList>(request, "groups", {}, callOptions),
    createGroup: (body, callOptions) => create<CreatedGroup>("groupCreate", "groups", body, callOptions),
    deleteGroup: (groupId, callOptions) => request("groupDelete", { params: { groupId } }, callOptions).then(none),
    listGroupMembers: (groupId, options) => memberList("groupMembers", groupId, options),
    addGroupMembers: (groupId, members, callOptions) =>
      addInBatches(request, "groupMembersCreate", { groupId }, members, callOptions),
    removeGroupMember: (groupId, memberId, callOptions) =>
      request("groupMembersDelete", { params: { groupId, memberId } }, callOptions).then(none),
  };

  return client;
}

/** A group name for Zoom's message templates (`{groupName}`), when the body has one. */
const named = (body: { name?: unknown } | null | undefined) =>
  typeof body?.name === "string" ? { templateValues: { groupName: body.name } } : {};
