/**
 * Where Zoom retired the IM-group APIs (410, code 4137, `ImGroupsApiRetiredError`), the command that works on the
 * account is the same one through the Groups API: `--api groups`. It is printed as it runs (its words quoted once,
 * with the settings the Groups API cannot take left out), beside the error's own words.
 */
import { ImGroupsApiRetiredError } from "../index.js";
import { withoutFlags } from "./bulk/hint.js";
import { errorJson } from "./errors.js";
import type { Terminal } from "./io.js";
import { commandLine } from "./shell.js";

/** Also across realms (a bundled copy of the package): by name, as ky's guards do. */
export const isRetired = (error: unknown): error is ImGroupsApiRetiredError =>
  error instanceof ImGroupsApiRetiredError || (error as { name?: unknown } | null)?.name === "ImGroupsApiRetiredError";

/**
 * `words`: the command's arguments as it runs on the Groups API (the caller drops what that API cannot take);
 * `--api` is set to `groups`. Returns the command.
 */
export function groupsApiCommand(command: string, words: readonly string[], terminal: Terminal): string {
  const kept = withoutFlags(words, ["--api"], []);
  const line = `${terminal.io.invokedAs} ${command} ${commandLine([...kept, "--api", "groups"])}`;
  return kept.includes("-") ? `… | ${line}` : line;
}

/** Says what happened, in the error's terms, and the command that works on this account. Exit 1. */
export function sayRetired(error: unknown, command: string, dropped: readonly string[], terminal: Terminal): number {
  const json = errorJson(error);
  terminal.err(`error: ${json.name}: ${json.message}`);
  if (dropped.length > 0)
    terminal.err(
      `The Groups API has no ${dropped.join(", ")}: set ${dropped.length === 1 ? "it" : "them"} in Zoom's web portal.`,
    );
  terminal.err(`On this account, run it on the Groups API: ${command}`);
  return 1;
}
