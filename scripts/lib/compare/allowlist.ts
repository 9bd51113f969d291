/**
 * The reviewed allowlist (spec/compare-allowlist.yaml): differences from Zoom's descriptions that the spec
 * keeps on purpose, each with its reason. An id may use `*` for any run of characters; `upstreams`
 * restricts an entry to some kinds of upstream file (swagger2, openapi3, postman).
 */
import { readFile } from "node:fs/promises";
import { parse as parseYaml } from "yaml";
import type { Difference } from "./diff.ts";
import type { UpstreamKind } from "./upstream.ts";

export interface AllowlistEntry {
  id: string;
  reason: string;
  upstreams?: UpstreamKind[];
}

export async function loadAllowlist(file: string): Promise<AllowlistEntry[]> {
  const entries = parseYaml(await readFile(file, "utf8")) as unknown;
  if (!Array.isArray(entries)) throw new Error(`${file}: expected a list of {id, reason}`);
  for (const [index, entry] of entries.entries()) {
    if (typeof entry?.id !== "string" || typeof entry?.reason !== "string" || entry.reason.trim().length < 10)
      throw new Error(`${file}: entry ${index + 1} needs an id and a reason (a sentence, not a word)`);
  }
  return entries as AllowlistEntry[];
}

const pattern = (id: string) =>
  new RegExp(
    `^${id
      .split("*")
      .map((part) => part.replace(/[.+?^${}()|[\]\\/]/g, "\\$&"))
      .join(".*")}$`,
  );

export function allowedBy(
  difference: Difference,
  entries: readonly AllowlistEntry[],
  kind: UpstreamKind,
): AllowlistEntry | undefined {
  return entries.find(
    (entry) => (!entry.upstreams || entry.upstreams.includes(kind)) && pattern(entry.id).test(difference.id),
  );
}
