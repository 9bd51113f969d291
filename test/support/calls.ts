/** Each operation of the spec through the client method that calls it: the table family-wide tests iterate. */
import type { ImGroupsClient } from "../../src/index.ts";
import type { OperationId } from "../../src/spec.ts";

/** Every item of an async iterable (Node 20 has no `Array.fromAsync`). */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

export const GROUP_ID = "3Bq0qmdvRAKCVlJJ2yUxlA";
export const MEMBER = { email: "ada@example.com" };

/**
 * One call per operation, lists read whole. Keyed by OperationId, so a ninth operation in the spec is a compile
 * error here until it has its line (and the tests that check this table covers `operations` fail at run time).
 */
export const calls: Record<OperationId, (client: ImGroupsClient, groupId?: string) => Promise<unknown>> = {
  imGroupCreate: (client) => client.createImGroup({ name: "Design team", type: "restricted" }),
  imGroups: (client) => collect(client.listImGroups()),
  imGroup: (client, groupId = GROUP_ID) => client.getImGroup(groupId),
  imGroupUpdate: (client, groupId = GROUP_ID) =>
    client.updateImGroup(groupId, { name: "Design team 2", search_by_domain: true }),
  imGroupDelete: (client, groupId = GROUP_ID) => client.deleteImGroup(groupId),
  imGroupMembers: (client, groupId = GROUP_ID) => collect(client.listImGroupMembers(groupId)),
  imGroupMembersCreate: (client, groupId = GROUP_ID) => client.addImGroupMembers(groupId, [MEMBER]),
  imGroupMembersDelete: (client, groupId = GROUP_ID) => client.removeImGroupMember(groupId, "u1"),
  groups: (client) => collect(client.listGroups()),
  groupCreate: (client) => client.createGroup({ name: "Design team" }),
  groupDelete: (client, groupId = GROUP_ID) => client.deleteGroup(groupId),
  groupMembers: (client, groupId = GROUP_ID) => collect(client.listGroupMembers(groupId)),
  groupMembersCreate: (client, groupId = GROUP_ID) => client.addGroupMembers(groupId, [MEMBER]),
  groupMembersDelete: (client, groupId = GROUP_ID) => client.removeGroupMember(groupId, "u1"),
};
