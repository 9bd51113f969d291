/**
 * What the account holds, read once per run: the group list, then the members of each group the file names
 * (never of another), paced under their label like every call. Nothing here writes.
 */
import type { ImGroup, ImGroupMember } from "../../index.js";
import { ZoomImGroupsError } from "../../index.js";
import type { ApiCalls } from "./api.js";
import type { DesiredGroup } from "./desired.js";
import type { LookUp } from "./execute.js";

export interface Account {
  /** By name (names are unique per account). */
  groups: Map<string, ImGroup>;
  /** By group id: the members of the named groups that exist. */
  members: Map<string, ImGroupMember[]>;
  /** Named groups whose member list could not be read, with why: they are left out of the plan. */
  unread: Map<string, unknown>;
}

const call = (signal: AbortSignal) => ({ signal });

/** Reads through one API's calls; `pageSize`: the member list's largest page (the spec's). */
export interface Reader {
  calls: ApiCalls;
  pageSize: number | undefined;
}

export async function listGroups({ calls }: Reader, signal: AbortSignal): Promise<Map<string, ImGroup>> {
  const groups = new Map<string, ImGroup>();
  for await (const group of calls.list(call(signal)))
    if (typeof group.name === "string" && typeof group.id === "string") groups.set(group.name, group);
  return groups;
}

export async function listMembers(reader: Reader, id: string, signal: AbortSignal): Promise<ImGroupMember[]> {
  const members: ImGroupMember[] = [];
  const options = reader.pageSize ? { ...call(signal), pageSize: reader.pageSize } : call(signal);
  for await (const member of reader.calls.members(id, options)) members.push(member);
  return members;
}

/**
 * `concurrency` member lists at once (the pacer keeps their label's rate); `progress` hears each one read. A
 * failure every call would meet (credentials, the API retired) ends the read; any other leaves that group unread.
 */
export async function readAccount(
  client: Reader,
  named: readonly DesiredGroup[],
  options: { signal: AbortSignal; concurrency: number; progress?: (read: number, of: number) => void },
): Promise<Account> {
  const { signal } = options;
  const groups = await listGroups(client, signal);
  const existing = named.flatMap((group) => {
    const found = groups.get(group.name);
    return found?.id ? [{ name: group.name, id: found.id }] : [];
  });
  const members = new Map<string, ImGroupMember[]>();
  const unread = new Map<string, unknown>();
  let next = 0;
  let read = 0;
  let fatal: unknown;
  options.progress?.(0, existing.length);
  async function worker(): Promise<void> {
    while (next < existing.length && fatal === undefined && !signal.aborted) {
      const { name, id } = existing[next++] as { name: string; id: string };
      try {
        members.set(id, await listMembers(client, id, signal));
      } catch (error) {
        if (signal.aborted) throw error;
        if (error instanceof ZoomImGroupsError && error.failsEveryCall) fatal = error;
        unread.set(name, error);
      }
      options.progress?.(++read, existing.length);
    }
  }
  await Promise.all(Array.from({ length: Math.min(options.concurrency, existing.length) }, worker));
  if (signal.aborted) throw signal.reason;
  if (fatal !== undefined) throw fatal;
  return { groups, members, unread };
}

/**
 * A 409's look-up: the group list once for every create that meets one meanwhile (they share a list in
 * flight), and again when that list was asked for before the group was made.
 */
export function lookUpByName(client: Reader, signal: AbortSignal): LookUp {
  let listing: Promise<Map<string, ImGroup>> | undefined;
  const shared = () => {
    listing ??= listGroups(client, signal).finally(() => {
      listing = undefined;
    });
    return listing;
  };
  return async (name) => {
    const group = (await shared()).get(name) ?? (await listGroups(client, signal)).get(name);
    if (!group?.id) return undefined;
    return { group, members: await listMembers(client, group.id, signal) };
  };
}
