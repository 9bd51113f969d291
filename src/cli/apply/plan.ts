/**
 * The plan: what the file wants (desired.ts) against what the account holds → per group, a create or the
 * settings to change (old → new), the members to add and, with `--prune`, to remove; then the actions that do
 * it, each with the rate-limit label of its operation (from the spec's table, never restated here).
 */
import type { ImGroup, ImGroupMember, MemberToAdd } from "../../index.js";
import { type ApplyApi, addMaxOf, operationOf, settingsOf } from "./api.js";
import type { DesiredGroup } from "./desired.js";
import { memberName } from "./desired.js";

export type ActionKind = "create" | "update" | "add" | "remove";

/** The rate-limit label of a kind of action on an API: its operation's, from the spec. */
export const labelOf = (kind: ActionKind, api: ApplyApi): string => operationOf(api, kind).rateLimitLabel;

export interface Change {
  from: unknown;
  to: unknown;
}

/** What one group needs. `id` is unknown until a create has made it. */
export interface GroupPlan {
  group: DesiredGroup;
  /** The API it is provisioned through. */
  api: ApplyApi;
  /** The create's body: the name and the settings this API can set. */
  body: Record<string, unknown> & { name: string };
  /** Settings the file gives that this API cannot set (the Groups API: all of them): set in Zoom's web portal. */
  portal: Record<string, unknown>;
  id: string | undefined;
  create: boolean;
  changes: Record<string, Change>;
  add: MemberToAdd[];
  remove: ImGroupMember[];
  /** Members the file does not list, kept because `--prune` was not given. */
  kept: number;
}

export type Action =
  | { kind: "create"; plan: GroupPlan }
  | { kind: "update"; plan: GroupPlan; changes: Record<string, Change> }
  | { kind: "add"; plan: GroupPlan; members: MemberToAdd[] }
  | { kind: "remove"; plan: GroupPlan; member: ImGroupMember };

const sameMember = (wanted: MemberToAdd, held: ImGroupMember) =>
  wanted.id !== undefined
    ? wanted.id === held.id
    : wanted.email !== undefined && wanted.email.toLowerCase() === held.email?.toLowerCase();

/**
 * One group: `current` as the account's list shows it (undefined: it does not exist), `members` as its member
 * list shows them. A setting the file leaves empty is not compared; the name is how groups are matched.
 */
export function planGroup(
  group: DesiredGroup,
  current: ImGroup | undefined,
  members: readonly ImGroupMember[],
  prune: boolean,
  api: ApplyApi,
): GroupPlan {
  const settable = new Set(settingsOf(api));
  const body: GroupPlan["body"] = { name: group.name };
  const portal: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(group.body))
    if (field !== "name") (settable.has(field) ? body : portal)[field] = value;
  const shared = { group, api, body, portal };
  if (!current) return { ...shared, id: undefined, create: true, changes: {}, add: group.members, remove: [], kept: 0 };
  const changes: Record<string, Change> = {};
  for (const [field, to] of Object.entries(body)) {
    if (field === "name") continue;
    const from = (current as Record<string, unknown>)[field];
    if (from !== to) changes[field] = { from, to };
  }
  const add = group.members.filter((wanted) => !members.some((held) => sameMember(wanted, held)));
  const extra = members.filter((held) => !group.members.some((wanted) => sameMember(wanted, held)));
  return {
    ...shared,
    id: current.id,
    create: false,
    changes,
    add,
    remove: prune ? extra : [],
    kept: prune ? 0 : extra.length,
  };
}

/** A group's actions in the order they are drawn: its create or update, its removals, its adds in calls of ADD_MAX. */
export function actionsOf(plan: GroupPlan): { first: Action[]; afterCreate: Action[] } {
  const adds: Action[] = [];
  const max = addMaxOf(plan.api);
  for (let at = 0; at < plan.add.length; at += max)
    adds.push({ kind: "add", plan, members: plan.add.slice(at, at + max) });
  if (plan.create) return { first: [{ kind: "create", plan }], afterCreate: adds };
  const update: Action[] =
    Object.keys(plan.changes).length > 0 ? [{ kind: "update", plan, changes: plan.changes }] : [];
  const removes: Action[] = plan.remove.map((member) => ({ kind: "remove", plan, member }));
  return { first: [...update, ...removes, ...adds], afterCreate: [] };
}

export const changesSomething = (plan: GroupPlan) =>
  plan.create || Object.keys(plan.changes).length > 0 || plan.add.length > 0 || plan.remove.length > 0;

export interface PlanTotals {
  groups: number;
  create: number;
  update: number;
  unchanged: number;
  add: number;
  remove: number;
  kept: number;
  /** Write requests per rate-limit label. */
  requests: Record<string, number>;
}

export function totalsOf(plans: readonly GroupPlan[]): PlanTotals {
  const totals: PlanTotals = {
    groups: plans.length,
    create: 0,
    update: 0,
    unchanged: 0,
    add: 0,
    remove: 0,
    kept: 0,
    requests: {},
  };
  const count = (kind: ActionKind, api: ApplyApi, n = 1) => {
    const label = labelOf(kind, api);
    totals.requests[label] = (totals.requests[label] ?? 0) + n;
  };
  for (const plan of plans) {
    if (plan.create) totals.create++;
    else if (Object.keys(plan.changes).length > 0) totals.update++;
    if (!changesSomething(plan)) totals.unchanged++;
    totals.add += plan.add.length;
    totals.remove += plan.remove.length;
    totals.kept += plan.kept;
    const { first, afterCreate } = actionsOf(plan);
    for (const action of [...first, ...afterCreate]) count(action.kind, plan.api);
  }
  return totals;
}

/** Seconds the busiest label needs at its ceiling: labels are paced apart, so they overlap. */
export function etaSeconds(requests: Readonly<Record<string, number>>, ceilingOf: (label: string) => number): number {
  return Math.max(0, ...Object.entries(requests).map(([label, n]) => n / ceilingOf(label)));
}

const shown = (value: unknown) => (value === undefined ? "(not shown)" : String(value));
const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

/** `--plan` for people: one block per group that changes, its members named, then the totals. */
export function planText(plans: readonly GroupPlan[], totals: PlanTotals, eta: string, prune: boolean): string[] {
  const lines: string[] = [];
  for (const plan of plans) {
    if (!changesSomething(plan)) continue;
    const settings = Object.entries(plan.body).filter(([field]) => field !== "name");
    const counts = [
      ...(plan.create
        ? [`create${settings.length ? ` (${settings.map(([field, value]) => `${field} ${value}`).join(", ")})` : ""}`]
        : []),
      ...(Object.keys(plan.changes).length ? [plural(Object.keys(plan.changes).length, "setting")] : []),
      ...(plan.add.length ? [`+${plural(plan.add.length, "member")}`] : []),
      ...(plan.remove.length ? [`-${plural(plan.remove.length, "member")}`] : []),
    ];
    lines.push(`${plan.create ? "+" : "~"} ${JSON.stringify(plan.group.name)}: ${counts.join(", ")}`);
    for (const [field, { from, to }] of Object.entries(plan.changes))
      lines.push(`    ${field}: ${shown(from)} → ${shown(to)}`);
    for (const [field, value] of Object.entries(plan.portal))
      lines.push(`    ${field}: ${shown(value)} (set in Zoom's web portal: not sent)`);
    for (const member of plan.add) lines.push(`    + ${memberName(member)}`);
    for (const member of plan.remove)
      lines.push(`    - ${memberName(member)}${member.email && member.id ? ` (${member.id})` : ""}`);
  }
  if (lines.length === 0) lines.push("Nothing to change: the account holds what the file says.");
  lines.push(
    `Plan: ${plural(totals.create, "group")} to create, ${totals.update.toLocaleString("en-US")} to update; ` +
      `${plural(totals.add, "member")} to add, ${totals.remove.toLocaleString("en-US")} to remove; ` +
      `${plural(totals.unchanged, "group")} of ${totals.groups.toLocaleString("en-US")} already as the file says.`,
  );
  if (totals.kept > 0 && !prune)
    lines.push(
      `${plural(totals.kept, "member")} of these groups ${totals.kept === 1 ? "is" : "are"} not in the file and stay (--prune removes them).`,
    );
  lines.push(eta);
  return lines;
}

/** `--plan --json`: the same plan as one object. */
export function planJson(plans: readonly GroupPlan[], totals: PlanTotals, etaSecondsValue: number) {
  return {
    type: "plan",
    groups: plans.filter(changesSomething).map((plan) => ({
      name: plan.group.name,
      row: plan.group.row,
      ...(plan.id ? { id: plan.id } : {}),
      action: plan.create ? "create" : Object.keys(plan.changes).length > 0 ? "update" : "members",
      ...(plan.create ? { settings: Object.fromEntries(Object.entries(plan.body).filter(([f]) => f !== "name")) } : {}),
      ...(Object.keys(plan.changes).length > 0 ? { changes: plan.changes } : {}),
      add: plan.add.map(memberName),
      remove: plan.remove.map((member) => ({
        ...(member.id ? { id: member.id } : {}),
        ...(member.email ? { email: member.email } : {}),
      })),
    })),
    totals,
    etaSeconds: Math.round(etaSecondsValue * 10) / 10,
  };
}
