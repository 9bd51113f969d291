/**
 * The caps of an API's create, planned rather than discovered: the daily cap spreads the creates over UTC days,
 * the account maximum refuses a file up front. The figures come from the spec (`capsOf`); settings the API
 * cannot set are listed, never dropped in silence.
 */
import { count, someOf } from "../text.js";
import type { ApplyApi } from "./api.js";
import type { GroupPlan } from "./plan.js";

/** Creates per UTC day, today first: `[100, 30]` for 130 at 100 a day; one day when there is no cap. */
export function daysOf(creates: number, dailyCap: number | undefined): number[] {
  if (dailyCap === undefined || creates <= dailyCap) return [creates];
  const days: number[] = [];
  for (let left = creates; left > 0; left -= dailyCap) days.push(Math.min(left, dailyCap));
  return days;
}

export const nextUtcMidnight = (now: Date) =>
  new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));

const n = (value: number) => value.toLocaleString("en-US");
const dayName = (day: number) => (day === 0 ? "today" : day === 1 ? "the next day" : `on day ${day + 1}`);

/**
 * `130 groups to create over 2 UTC days at Zoom's cap of 100 a day: 100 today, 30 the next day`, with what "today"
 * assumes, and the account maximum. Nothing for an API without caps.
 */
export function capText(
  api: ApplyApi,
  creates: number,
  existing: number,
  caps: { dailyCap?: number; accountMax?: number },
  days: readonly number[],
): string[] {
  const lines: string[] = [];
  const { dailyCap, accountMax } = caps;
  if (dailyCap !== undefined && creates > 0) {
    const spread = days.map((creates, day) => `${n(creates)} ${dayName(day)}`).join(", ");
    const cap = `${api.title} allows ${n(dailyCap)} group creates per account per UTC day`;
    lines.push(
      days.length > 1
        ? `${n(creates)} to create over ${days.length} UTC days: ${spread} (${cap}; "today" assumes none was created on this account yet today, which Zoom does not say). ` +
            "A run creates what today allows and adds their members; the same apply after 00:00 UTC does the rest."
        : `${n(creates)} to create: within today's cap (${cap}, if none was created on this account yet today).`,
    );
  }
  if (accountMax !== undefined)
    lines.push(
      `Account maximum: ${count(existing, "group")} in the account + ${n(creates)} to create = ${n(existing + creates)} of Zoom's ${n(accountMax)}.`,
    );
  return lines;
}

/** The settings the file gives that the API cannot set: listed for each group, to be set in Zoom's web portal. */
export function portalLines(plans: readonly GroupPlan[]): string[] {
  const given = plans.filter((plan) => Object.keys(plan.portal).length > 0);
  if (given.length === 0) return [];
  const fields = [...new Set(given.flatMap((plan) => Object.keys(plan.portal)))];
  const described = given.map(
    (plan) =>
      `${JSON.stringify(plan.group.name)} (${Object.entries(plan.portal)
        .map(([field, value]) => `${field} ${String(value)}`)
        .join(", ")})`,
  );
  const api = given[0]?.api.title ?? "this API";
  return [
    `Set in Zoom's web portal: ${api} has no ${fields.join(" or ")}, so apply sends none; ${count(given.length, "group")} of the file ${given.length === 1 ? "gives" : "give"} them: ${someOf(described, 10)}.`,
  ];
}
