/** Help text from the flag definitions: what a flag does is written once, beside the flag. */
import type { FlagDefs } from "./flags.js";
import { commonFlags } from "./flags.js";

const WIDTH = 80;
const COLUMN = 36;

/** Continuation lines indented to the description column. */
function wrap(text: string, indent = COLUMN): string {
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line && indent + line.length + 1 + word.length > WIDTH) {
        lines.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    if (line) lines.push(line);
  }
  return lines.join(`\n${" ".repeat(indent)}`);
}

export function flagLines(defs: FlagDefs): string[] {
  return Object.entries(defs).map(([name, def]) => {
    const usage = `${def.short ? `-${def.short}, ` : ""}--${name}${def.value ? ` ${def.value}` : ""}`;
    return `  ${usage.padEnd(COLUMN - 3)} ${wrap(def.help)}`;
  });
}

export function section(title: string, lines: string[]): string {
  return `${title}:\n${lines.join("\n")}`;
}

export const commonSection = () => section("Common", flagLines(commonFlags));

export const CREDENTIALS = section("Credentials (environment)", [
  `  ${"ZOOM_ACCESS_TOKEN".padEnd(COLUMN - 3)} a bearer token, or`,
  `  ${"ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID,".padEnd(COLUMN - 3)} Server-to-Server OAuth`,
  "  ZOOM_CLIENT_SECRET",
  `  ${"ZOOM_API_URL".padEnd(COLUMN - 3)} the API base URL (--base-url wins)`,
  `  ${"ZOOM_OAUTH_TOKEN_URL".padEnd(COLUMN - 3)} the Server-to-Server OAuth token endpoint`,
  "Without credentials create refuses to run; --mock runs it against an embedded",
  "mock Zoom over real HTTP, with no account.",
]);

export const EXIT_CODES = section("Exit codes", [
  "  0    done",
  "  1    the API or network failed (bulk: a row failed, or the run was stopped)",
  "  2    usage or validation error (nothing sent)",
  "  74   the output could not be written (disk full…); bulk: sending stopped",
  "  130  interrupted (Ctrl-C)",
  "  141  stdout was closed",
]);
