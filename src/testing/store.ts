/**
 * What the mock remembers: each account's groups and their members, the users Zoom would know, the pages it
 * handed out, and which account each bearer token belongs to.
 */
import type { MockGroup, MockMember } from "./types.js";

export const DEFAULT_ACCOUNT = "default";
/** A member page token lasts this long, as Zoom documents `next_page_token`. */
export const PAGE_TOKEN_MS = 15 * 60_000;

/**
 * `accounts` maps configured tokens to accounts; without it, any token is the one account `default`. Users:
 * every email is a user Zoom knows, except `unknownUsers` and any address at a `.invalid` domain (RFC 2606).
 */
export function createStore(accounts: Record<string, string> | undefined, unknownUsers: readonly string[] = []) {
  // Own keys only: an object's inherited names (`constructor`, `__proto__`…) are no tokens.
  const configured = accounts && new Map(Object.entries(accounts));
  const unknown = new Set(unknownUsers.map((email) => email.toLowerCase()));
  const issued = new Map<string, string>();
  const groupsByAccount = new Map<string, Map<string, MockGroup>>();
  const membersByGroup = new Map<string, Map<string, MockMember>>();
  const usersByEmail = new Map<string, MockMember>();
  const usersById = new Map<string, MockMember>();
  const pages = new Map<string, { groupId: string; offset: number; expiresAt: number }>();
  let lastGroup = 0;
  let lastUser = 0;
  let lastPage = 0;

  const groupsOf = (accountId: string) => {
    const groups = groupsByAccount.get(accountId) ?? new Map<string, MockGroup>();
    groupsByAccount.set(accountId, groups);
    return groups;
  };
  const membersOf = (groupId: string) => {
    const members = membersByGroup.get(groupId) ?? new Map<string, MockMember>();
    membersByGroup.set(groupId, members);
    return members;
  };

  return {
    /** The account a bearer token belongs to; undefined when the mock does not know the token. */
    accountOf: (token: string): string | undefined =>
      issued.get(token) ?? (configured ? configured.get(token) : DEFAULT_ACCOUNT),
    /** Remembers a token the mock's OAuth endpoint issued for an account. */
    issue(token: string, accountId: string): void {
      issued.set(token, accountId);
    },
    groups: (accountId: string): MockGroup[] => [...groupsOf(accountId).values()].map((group) => ({ ...group })),
    byName: (accountId: string, name: string): MockGroup | undefined => groupsOf(accountId).get(name),
    byId: (accountId: string, id: string): MockGroup | undefined =>
      [...groupsOf(accountId).values()].find((group) => group.id === id),
    /** Creates a group with the next id. */
    add(accountId: string, fields: Omit<MockGroup, "id" | "total_members">): MockGroup {
      const group = { id: `mockgrp${(++lastGroup).toString(36).padStart(6, "0")}`, total_members: 0, ...fields };
      groupsOf(accountId).set(group.name, group);
      return group;
    },
    /** Changes a group's fields (a new name moves its key). */
    update(accountId: string, group: MockGroup, changes: Partial<MockGroup>): void {
      const groups = groupsOf(accountId);
      groups.delete(group.name);
      Object.assign(group, changes);
      groups.set(group.name, group);
    },
    remove(accountId: string, group: MockGroup): void {
      groupsOf(accountId).delete(group.name);
      membersByGroup.delete(group.id);
    },
    /** The user an `{id}` or `{email}` names (the id wins); undefined for one Zoom would not know. */
    user({ id, email }: { id?: string; email?: string }): MockMember | undefined {
      if (id !== undefined) return usersById.get(id);
      const address = (email ?? "").toLowerCase();
      if (!address || unknown.has(address) || /\.invalid$/i.test(address)) return undefined;
      let user = usersByEmail.get(address);
      if (!user) {
        const local = address.split("@")[0] ?? "";
        const mockId = `mockusr${(++lastUser).toString(36).padStart(6, "0")}`;
        user = { id: mockId, email: address, first_name: local, last_name: "Mock", type: 1 };
        usersByEmail.set(address, user);
        usersById.set(mockId, user);
      }
      return user;
    },
    members: (groupId: string): MockMember[] => [...membersOf(groupId).values()],
    /** Adds users to a group (one already in it stays as it is); keeps `total_members` true. */
    addMembers(group: MockGroup, users: MockMember[]): void {
      const members = membersOf(group.id);
      for (const user of users) members.set(user.id, user);
      group.total_members = members.size;
    },
    removeMember(group: MockGroup, userId: string): boolean {
      const members = membersOf(group.id);
      const removed = members.delete(userId);
      group.total_members = members.size;
      return removed;
    },
    /** A token for the page of `groupId`'s members from `offset`, valid 15 minutes. */
    pageToken(groupId: string, offset: number): string {
      const token = `mockpage${(++lastPage).toString(36)}`;
      pages.set(token, { groupId, offset, expiresAt: Date.now() + PAGE_TOKEN_MS });
      return token;
    },
    /** Where a page token starts; undefined when unknown, expired or for another group. */
    pageOffset(groupId: string, token: string): number | undefined {
      const page = pages.get(token);
      if (!page || page.groupId !== groupId || Date.now() >= page.expiresAt) return undefined;
      return page.offset;
    },
    reset(): void {
      issued.clear();
      groupsByAccount.clear();
      membersByGroup.clear();
      usersByEmail.clear();
      usersById.clear();
      pages.clear();
      lastGroup = lastUser = lastPage = 0;
    },
  };
}
