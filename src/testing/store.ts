/** What the mock remembers: the groups of each account, and which account each bearer token belongs to. */
import type { MockGroup } from "./types.js";

export const DEFAULT_ACCOUNT = "default";

/** `accounts` maps configured tokens to accounts; without it, any token is the one account `default`. */
export function createStore(accounts: Record<string, string> | undefined) {
  // Own keys only: an object's inherited names (`constructor`, `__proto__`…) are no tokens.
  const configured = accounts && new Map(Object.entries(accounts));
  const issued = new Map<string, string>();
  const groupsByAccount = new Map<string, Map<string, MockGroup>>();
  let lastGroup = 0;

  const groupsOf = (accountId: string) => {
    const groups = groupsByAccount.get(accountId) ?? new Map<string, MockGroup>();
    groupsByAccount.set(accountId, groups);
    return groups;
  };

  return {
    /** The account a bearer token belongs to; undefined when the mock does not know the token. */
    accountOf: (token: string): string | undefined =>
      issued.get(token) ?? (configured ? configured.get(token) : DEFAULT_ACCOUNT),
    /** Remembers a token the mock's OAuth endpoint issued for an account. */
    issue(token: string, accountId: string): void {
      issued.set(token, accountId);
    },
    groups: (accountId: string): MockGroup[] => [...groupsOf(accountId).values()],
    has: (accountId: string, name: string): boolean => groupsOf(accountId).has(name),
    /** Creates a group with the next id. */
    add(accountId: string, fields: Omit<MockGroup, "id">): MockGroup {
      const group = { id: `mockgrp${(++lastGroup).toString(36).padStart(6, "0")}`, ...fields };
      groupsOf(accountId).set(group.name, group);
      return group;
    },
    reset(): void {
      issued.clear();
      groupsByAccount.clear();
      lastGroup = 0;
    },
  };
}
