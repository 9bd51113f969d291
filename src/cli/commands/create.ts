/**
 * `zoom-im-groups create`: one group from flags, or many from a file (`--file`, see bulk/command.ts).
 */
import {
  type CreatedImGroup,
  type CreateImGroupBody,
  createImGroupsClient,
  type Encoding,
  GroupNameConflictError,
  ValidationError,
} from "../../index.js";
import { encodings, operation, operations, validateCreateImGroupBody } from "../../spec.js";
import { apiOf, apis } from "../apply/api.js";
import { runFileCommand } from "../bulk/command.js";
import { UsageError } from "../errors.js";
import { bodyFromFlags, fieldFlags, flagMessage } from "../fields.js";
import { type FlagDefs, integer, parseFlags, text } from "../flags.js";
import { CREDENTIALS, commonSection, EXIT_CODES, flagLines, section } from "../help.js";
import type { Terminal } from "../io.js";
import { groupsApiCommand, isRetired, sayRetired } from "../retired.js";
import { curlCommand } from "../shell.js";
import { connect, describeTarget, resolveTarget } from "../target.js";

const createFlags: FlagDefs = {
  api: {
    type: "string",
    value: "im|groups",
    help: "im: an IM group (default); groups: a group of Zoom's Groups API, where Zoom retired IM groups (--name only; it has no settings)",
  },
  encoding: { type: "string", value: "multipart|json", help: "request body encoding (default multipart)" },
  "base-url": {
    type: "string",
    value: "URL",
    help: `API base URL (default $ZOOM_API_URL, else ${operation.serverUrl})`,
  },
  timeout: { type: "string", value: "SECONDS", help: "how long one attempt may wait for Zoom's answer (default 30)" },
  json: { type: "boolean", help: "print JSON: one object (also on failure); with --file, one line per row" },
  "dry-run": {
    type: "boolean",
    help: "check everything and print what would be sent (a curl command; with --json, a JSON object), and where; send nothing",
  },
  mock: {
    type: "boolean",
    help: "run against an embedded mock Zoom on loopback: no account needed, nothing reaches Zoom",
  },
};

const bulkFlags: FlagDefs = {
  file: { type: "string", value: "PATH|-", help: "CSV with a header of field names, a JSON array, or JSON Lines" },
  format: {
    type: "string",
    value: "csv|json|jsonl",
    help: "the input's format; wins over the file's extension, which wins over the first character",
  },
  delimiter: {
    type: "string",
    value: "CHAR",
    help: "the CSV delimiter: , ; or tab (default: guessed from the header line)",
  },
  output: {
    type: "string",
    value: "FILE",
    help: "write the JSON lines to FILE (a new file), each as soon as its row is decided; stdout stays empty",
  },
  resume: {
    type: "string",
    value: "FILE",
    help: "a previous run's output: rows created or existing there are not sent again",
  },
  concurrency: {
    type: "string",
    value: "N",
    help: "calls in flight at most, 1–1000 (default 2 × --rate, at least 16, at most 500)",
  },
  rate: {
    type: "string",
    value: "N",
    help: "requests per second at most, retries included, 1–1000 (default 30, Zoom's Light limit on Pro); lower while Zoom answers 429 (other apps share the account)",
  },
  "skip-invalid": { type: "boolean", help: "send the valid rows even if some are invalid" },
  "skip-existing": { type: "boolean", help: 'count a 409 (name in use) as "exists", not a failure' },
  strict: { type: "boolean", help: "names that differ only in case or Unicode form are invalid rows, not a warning" },
};

export function createHelp(): string {
  return [
    `zoom-im-groups create — create Zoom IM directory groups (${operation.method} /v2${operation.path})`,
    "",
    "Usage:",
    "  zoom-im-groups create --name NAME [field flags] [options]",
    "  zoom-im-groups create --file FILE.csv|.json|.jsonl|- [bulk options] [options]",
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
  const timeoutMs = integer("timeout", flags.timeout, { min: 1, max: 3600, fallback: 30 }) * 1000;
  const { body, problems } = bodyFromFlags(flags);
  if (problems.length) throw new UsageError(problems.join("; "));
  const api = apiOf(text(flags, "api"));
  if (!api) throw new UsageError(`--api must be im or groups (got ${JSON.stringify(text(flags, "api"))})`);
  if (api.name === "groups") {
    if (text(flags, "file") !== undefined)
      throw new UsageError(
        `create --file makes IM groups; on the Groups API, \`apply --api groups --file FILE\` creates them within Zoom's cap of ${operations[apis.groups.operations.create].dailyCap} a day, planned over UTC days, and adds their members`,
      );
    const unsettable = Object.keys(body).filter((field) => field !== "name");
    if (unsettable.length > 0)
      throw new UsageError(
        `the Groups API has no ${unsettable.join(", ")}: a group's directory visibility and privacy are set in Zoom's web portal; drop ${unsettable.map((field) => `--${field.replace(/_/g, "-")}`).join(", ")}`,
      );
  }

  if (text(flags, "file") !== undefined) {
    if (Object.keys(body).length > 0) throw new UsageError("give field flags or --file, not both");
    return runFileCommand(args, flags, { encoding, timeoutMs }, terminal);
  }
  for (const name of Object.keys(bulkFlags))
    if (flags[name] !== undefined) throw new UsageError(`--${name} goes with --file`);
  const issues = api.name === "groups" && typeof body.name === "string" ? [] : validateCreateImGroupBody(body);
  // The library's ValidationError, its messages naming the flags: `--type must be one of …`.
  if (issues.length) throw new ValidationError(issues.map((issue) => ({ ...issue, message: flagMessage(issue) })));
  const { env } = terminal.io;
  const target = resolveTarget(text(flags, "base-url"), encoding, env, {
    mock: flags.mock === true,
    dryRun: flags["dry-run"] === true,
  });
  const sent = operations[api.operations.create];
  if (flags["dry-run"]) {
    terminal.err(`zoom-im-groups: --dry-run: would send to ${describeTarget(target, sent.path)}; nothing was sent.`);
    const baseUrl =
      target === "embedded" ? "http://127.0.0.1:PORT/v2" : (target.options.baseUrl ?? operation.serverUrl);
    const url = `${baseUrl.replace(/\/+$/, "")}${sent.path}`;
    // The Groups API takes JSON only: what would be sent is what the client sends.
    const as = sent.requestContentTypes.includes("multipart/form-data") ? encoding : "json";
    // --json means JSON on stdout, a dry run's too: what would be sent, as data (the token never in it).
    if (flags.json) terminal.out(JSON.stringify({ dryRun: true, method: sent.method, url, encoding: as, body }));
    else terminal.out(curlCommand(url, body, as));
    return 0;
  }
  const { options, embedded } = await connect(target, encoding, terminal);
  const { name } = body as CreateImGroupBody;
  try {
    const client = createImGroupsClient({ ...options, timeoutMs });
    const call = { signal: terminal.io.signal };
    const group =
      api.name === "groups"
        ? await client.createGroup({ name }, call)
        : await client.createImGroup(body as CreateImGroupBody, call);
    printCreated(terminal, { ...group, name: group.name ?? name }, flags.json === true, api.name);
    return 0;
  } catch (error) {
    if (isRetired(error) && !flags.json) return retired(error, args, terminal);
    // The answer was lost and the retry met 409: the group exists, and this call made it (as bulk reports it).
    if (!(error instanceof GroupNameConflictError && error.mayHaveChanged)) throw error;
    const tracking = error.trackingId ? { trackingId: error.trackingId } : {};
    printCreated(terminal, { name, ...tracking }, flags.json === true, api.name, false);
    return 0;
  } finally {
    await embedded?.close();
  }
}

type Shown = Pick<CreatedImGroup, "id" | "location" | "trackingId"> & { name: string; status: number };

/** The same create on the Groups API, without the settings it has no field for. */
function retired(error: unknown, args: readonly string[], terminal: Terminal): number {
  const imOnly = Object.keys(fieldFlags()).filter((flag) => flag !== "name" && flag !== "no-name");
  const dropped = new Set<string>();
  const words: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const flag = arg.replace(/^--/, "").split("=")[0] as string;
    if (!arg.startsWith("--") || !imOnly.includes(flag)) {
      words.push(arg);
      continue;
    }
    dropped.add(flag.replace(/^no-/, "").replace(/-/g, "_"));
    if (fieldFlags()[flag]?.type === "string" && !arg.includes("=")) i++;
  }
  return sayRetired(error, groupsApiCommand("create", words, terminal), [...dropped], terminal);
}

function printCreated(
  terminal: Terminal,
  group: Partial<Shown> & { name: string },
  json: boolean,
  api: keyof typeof apis,
  confirmed = true,
) {
  const kind = api === "groups" ? "group" : "IM group";
  if (json) {
    const { name, id, location, trackingId, status } = group;
    terminal.out(JSON.stringify({ name, id, location, trackingId, status, ...(confirmed ? {} : { confirmed }) }));
    return;
  }
  if (!confirmed) {
    terminal.out(
      `Created ${kind} "${group.name}" (unconfirmed: Zoom's answer was lost and a retry found the name in use, so the group exists; its id is unknown)`,
    );
    return;
  }
  terminal.out(`Created ${kind} "${group.name}"`);
  terminal.out(`  id:          ${group.id ?? "(not returned)"}`);
  terminal.out(`  location:    ${group.location ?? "(not returned)"}`);
  terminal.out(`  tracking id: ${group.trackingId ?? "(not returned)"}`);
}
