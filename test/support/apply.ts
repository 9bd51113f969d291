/**
 * Files for `apply` and what a mock account holds, compared the same way: per group its settings and its
 * members (lower-cased emails, sorted). A seeded generator, so a failing case can be run again.
 */
import { spawn } from "node:child_process";
import type { RunningMockZoom } from "../../src/testing/index.ts";
import { COMMAND } from "./cli.ts";

export interface FileGroup {
  name: string;
  type?: "normal" | "shared" | "restricted";
  search_by_domain?: boolean;
  members: string[];
}

/** mulberry32: small, seeded, good enough to pick sizes and members. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `groups` groups of `min`–`max` members drawn from a pool of `people` users, settings varied. */
export function groupsFile(seed: number, groups: number, min: number, max: number, people = 200): FileGroup[] {
  const next = random(seed);
  const types = ["normal", "shared", "restricted"] as const;
  return Array.from({ length: groups }, (_, index) => {
    const size = min + Math.floor(next() * (max - min + 1));
    const members = new Set<string>();
    while (members.size < Math.min(size, people)) members.add(`user${Math.floor(next() * people)}@example.com`);
    return {
      name: `Team ${index + 1}`,
      type: types[index % 3] as NonNullable<FileGroup["type"]>,
      search_by_domain: next() < 0.5,
      members: [...members],
    };
  });
}

/** As a spreadsheet saves it: members in one cell, separated by `;`. */
export function csvOf(groups: readonly FileGroup[]): string {
  const lines = groups.map((group) =>
    [group.name, group.type ?? "", group.search_by_domain ?? "", `"${group.members.join(";")}"`].join(","),
  );
  return `name,type,search_by_domain,members\n${lines.join("\n")}\n`;
}

export const jsonOf = (groups: readonly FileGroup[]) => JSON.stringify(groups, null, 2);

export interface Held {
  type: string;
  search_by_domain: boolean;
  members: string[];
}

/** What the mock's default account holds, by group name. */
export function heldBy(running: RunningMockZoom): Record<string, Held> {
  const held: Record<string, Held> = {};
  for (const group of running.mock.groups())
    held[group.name] = {
      type: group.type,
      search_by_domain: group.search_by_domain,
      members: running.mock
        .members(group.id)
        .map((member) => member.email)
        .sort(),
    };
  return held;
}

/** What the file says the account holds (settings it leaves out are not compared: pass `defaults`). */
export function wanted(groups: readonly FileGroup[]): Record<string, Held> {
  return Object.fromEntries(
    groups.map((group) => [
      group.name,
      {
        type: group.type ?? "normal",
        search_by_domain: group.search_by_domain ?? false,
        members: group.members.map((member) => member.toLowerCase()).sort(),
      },
    ]),
  );
}

/** Requests per method the mock answered (tests count, never time). */
export function methods(log: readonly { method: string }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { method } of log) counts[method] = (counts[method] ?? 0) + 1;
  return counts;
}

/** The CLI spawned from source (or ZOOM_CLI_BIN) with `env` alone; stderr collected, `onStderr` told of it. */
export function start(args: string[], env: Record<string, string>, onStderr?: (text: string) => void) {
  const [command, ...prefix] = COMMAND as [string, ...string[]];
  const child = spawn(command, [...prefix, ...args], {
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stdout.resume();
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk;
    onStderr?.(stderr);
  });
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
    child.on("close", (code, signal) => resolve({ code, signal, stderr })),
  );
  return { child, ended };
}
