/**
 * `zoom-im-groups create`: one group from flags, or many from a file (`--file`, see bulk/command.ts).
 */
import {
  type CreatedImGroup,
  createImGroupsClient,
  type Encoding,
  encodings,
  operation,
  validateCreateImGroupBody,
} from "../../index.js";
import { runFileCommand } from "../bulk/command.js";
import { curlCommand } from "../curl.js";
import { errorJson } from "../errors.js";
import { bodyFromFlags, fieldFlags, flagMessage } from "../fields.js";
import { CREDENTIALS, commonSection, EXIT_CODES, flagLines, section } from "../help.js";
import type { Terminal } from "../io.js";
import { chosenBaseUrl, resolveTarget } from "../target.js";
import { type FlagDefs, parseFlags, text, UsageError } from "../usage.js";

export const createFlags: FlagDefs = {
  encoding: { type: "string", value: "multipart|json", help: "request body encoding (default multipart)" },
  "base-url": {
    type: "string",
    value: "URL",
    help: `API base URL (default $ZOOM_API_URL, else ${operation.serverUrl})`,
  },
  json: { type: "boolean", help: "print JSON: one object (also on failure); with --file, one line per row" },
  "dry-run": { type: "boolean", help: "validate and print the equivalent curl command; send nothing" },
};

export const bulkFlags: FlagDefs = {
  file: { type: "string", value: "PATH|-", help: "CSV with a header of field names, a JSON array, or JSON Lines" },
  format: {
    type: "string",
    value: "csv|json|jsonl",
    help: "the input's format; wins over the file's extension, which wins over the first character",
  },
  resume: {
    type: "string",
    value: "FILE",
    help: "a previous run's output: rows created or existing there are not sent again",
  },
  concurrency: {
    type: "string",
    value: "N",
    help: "calls in flight (default: enough for 50 ms answers at --rate, at least 4)",
  },
  rate: { type: "string", value: "N", help: "creates per second at most (default 30, Zoom's Light limit on Pro)" },
  "skip-invalid": { type: "boolean", help: "send the valid rows even if some are invalid" },
  "skip-existing": { type: "boolean", help: 'count a 409 (name in use) as "exists", not a failure' },
};

export function createHelp(): string {
  return [
    `zoom-im-groups create — create Zoom IM directory groups (${operation.method} /v2${operation.path})`,
    "",
    "Usage:",
    "  zoom-im-groups create --name NAME [field flags] [options]",
    "  zoom-im-groups create --file groups.csv|groups.json|groups.jsonl|- [bulk options] [options]",
    "",
    section("Field flags (from the spec)", flagLines(fieldFlags())),
    "",
    section("Options", flagLines(createFlags)),
    "",
    section("Bulk (--file)", flagLines(bulkFlags)),
    "",
    commonSection(),
    "",
    CREDENTIALS,
    "",
    EXIT_CODES,
  ].join("\n");
}

export async function create(args: string[], terminal: Terminal): Promise<number> {
  const flags = parseFlags(args, { ...fieldFlags(), ...createFlags, ...bulkFlags }, "create");
  if (flags.help) {
    terminal.out(createHelp());
    return 0;
  }
  const encoding = (text(flags, "encoding") ?? "multipart") as Encoding;
  if (!encodings.includes(encoding)) throw new UsageError(`--encoding must be one of ${encodings.join(", ")}`);
  const { body, problems } = bodyFromFlags(flags);
  if (problems.length) throw new UsageError(problems.join("; "));

  if (text(flags, "file") !== undefined) {
    if (Object.keys(body).length > 0) throw new UsageError("give field flags or --file, not both");
    return runFileCommand(flags, encoding, terminal);
  }
  for (const name of Object.keys(bulkFlags)) {
    if (flags[name] !== undefined) throw new UsageError(`--${name} goes with --file`);
  }
  const json = flags.json === true;
  const issues = validateCreateImGroupBody(body);
  if (issues.length > 0) {
    const message = issues.map(flagMessage).join("; ");
    if (json)
      terminal.out(JSON.stringify({ error: { name: "ValidationError", message: `${message}. Nothing was sent.` } }));
    for (const issue of issues) terminal.err(`error: ${flagMessage(issue)}`);
    terminal.err("Nothing was sent.");
    return 2;
  }
  if (flags["dry-run"]) {
    const baseUrl = (chosenBaseUrl(text(flags, "base-url"), process.env) ?? operation.serverUrl).replace(/\/+$/, "");
    terminal.out(curlCommand(`${baseUrl}${operation.path}`, body, encoding));
    return 0;
  }
  const target = await resolveTarget(text(flags, "base-url"), encoding, terminal);
  try {
    const group = await createImGroupsClient(target.options).createImGroup(body as never);
    printCreated(terminal, group, body.name as string, json);
    return 0;
  } catch (error) {
    // --json prints one object on failure too (gh's rule); the one-line error still goes to stderr.
    if (json) terminal.out(JSON.stringify({ error: errorJson(error) }));
    throw error;
  } finally {
    await target.embedded?.close();
  }
}

function printCreated(terminal: Terminal, group: CreatedImGroup, name: string, json: boolean): void {
  if (json) {
    terminal.out(
      JSON.stringify({
        name: group.name ?? name,
        id: group.id,
        location: group.location,
        trackingId: group.trackingId,
        status: group.status,
      }),
    );
    return;
  }
  terminal.out(`Created IM group "${group.name ?? name}"`);
  terminal.out(`  id:          ${group.id ?? "(not returned)"}`);
  terminal.out(`  location:    ${group.location ?? "(not returned)"}`);
  terminal.out(`  tracking id: ${group.trackingId ?? "(not returned)"}`);
}
