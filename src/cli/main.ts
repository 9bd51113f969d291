#!/usr/bin/env node
/**
 * The `zoom-im-groups` command: create one group or many, or run the mock Zoom. A user of the library:
 * it imports only the package's public entry points.
 * Exit codes: 0 done; 1 the API or network failed; 2 usage or validation error (nothing sent);
 * 130 interrupted (Ctrl-C) after printing what was done.
 */
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import {
  type CreatedImGroup,
  createImGroupsClient,
  type Encoding,
  encodings,
  type ImGroupsClientOptions,
  operation,
  validateCreateImGroupBody,
  ZoomImGroupsError,
} from "../index.js";
import { type RunningMockZoom, startMockZoom } from "../testing/index.js";
import { findInvalidRows, type RowReport, rateLimitFeedback, runBulk } from "./bulk.js";
import { curlCommand } from "./curl.js";
import { bodyFromFlags, fieldHelp, fieldOptions } from "./fields.js";
import { Pacer } from "./pacer.js";
import { detectFormat, InputError, type InputFormat, parseRows } from "./rows.js";

class UsageError extends Error {}

const { stdout, stderr, env } = process;
const out = (line: string) => stdout.write(`${line}\n`);
const err = (line: string) => stderr.write(`${line}\n`);

async function version(): Promise<string> {
  const pkg = JSON.parse(await readFile(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
  return pkg.version;
}

const HELP = `zoom-im-groups — create Zoom IM directory groups (${operation.method} /v2${operation.path})

Usage:
  zoom-im-groups create --name NAME [field flags] [options]
  zoom-im-groups create --file groups.csv|groups.json|groups.jsonl|- [options]
  zoom-im-groups mock [--host 127.0.0.1] [--port 0] [--free-account] [--rate-limit N] [--daily-limit N]

Field flags (from the spec):
${fieldHelp().join("\n")}

Options:
  --encoding multipart|json            request body encoding (default multipart)
  --base-url URL                       API base URL (default $ZOOM_API_URL, else ${operation.serverUrl})
  --json                               print JSON (one object; with --file, one line per row)
  --dry-run                            validate and print the equivalent curl command; send nothing
  --file PATH|-                        bulk: CSV with a header of field names, a JSON array, or JSON Lines
  --format csv|json|jsonl              bulk: the format of --file - (default: detected)
  --concurrency N                      bulk: calls in flight (default: enough for 50 ms answers at --rate, at least 4)
  --rate N                             bulk: creates per second at most (default 30, Zoom's Light limit on Pro)
  --skip-invalid                       bulk: send the valid rows even if some are invalid
  --skip-existing                      bulk: count a 409 (name in use) as "exists", not a failure
  --verbose                            stack traces on errors
  -h, --help                           this help
  --version                            the version

Credentials (environment):
  ZOOM_ACCESS_TOKEN                    a bearer token, or
  ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID, ZOOM_CLIENT_SECRET   Server-to-Server OAuth
  ZOOM_API_URL, ZOOM_OAUTH_TOKEN_URL   override the endpoints
With no credentials and no base URL, create runs against an embedded mock Zoom over real HTTP.

Exit codes: 0 done, 1 the API or network failed, 2 usage or validation error (nothing sent), 130 interrupted.`;

const commonOptions: FlagSpec = {
  help: { type: "boolean", short: "h" },
  version: { type: "boolean" },
  verbose: { type: "boolean" },
};
const text = (values: Flags, name: string): string | undefined => {
  const value = values[name];
  return typeof value === "string" ? value : undefined;
};

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === "--version") {
    out(await version());
    return 0;
  }
  if (command === undefined || command === "--help" || command === "-h" || command === "help") {
    out(HELP);
    return command === undefined ? 2 : 0;
  }
  if (command === "create") return create(rest);
  if (command === "mock") return mock(rest);
  throw new UsageError(`unknown command "${command}" (commands: create, mock; see --help)`);
}

type Flags = Record<string, string | boolean | undefined>;
type FlagSpec = Record<string, { type: "string" | "boolean"; short?: string }>;

function parse(args: string[], options: FlagSpec): Flags {
  try {
    return parseArgs({ args, options: { ...commonOptions, ...options }, strict: true, allowPositionals: false })
      .values as Flags;
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify.*$/s, ""));
  }
}

function positiveInteger(name: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1)
    throw new UsageError(`--${name} must be a whole number of at least 1 (got ${String(value)})`);
  return number;
}

interface Target {
  options: ImGroupsClientOptions;
  embedded?: RunningMockZoom;
}

/** Credentials and endpoints from flags and the environment; the embedded mock when there are none. */
async function resolveTarget(baseUrlFlag: string | undefined, encoding: Encoding): Promise<Target> {
  const baseUrl = baseUrlFlag ?? env.ZOOM_API_URL;
  const endpoint = { encoding, ...(baseUrl ? { baseUrl } : {}) };
  const s2sNames = ["ZOOM_ACCOUNT_ID", "ZOOM_CLIENT_ID", "ZOOM_CLIENT_SECRET"] as const;
  if (env.ZOOM_ACCESS_TOKEN) return { options: { ...endpoint, accessToken: env.ZOOM_ACCESS_TOKEN } };
  if (s2sNames.some((name) => env[name])) {
    const missing = s2sNames.filter((name) => !env[name]);
    if (missing.length) throw new UsageError(`Server-to-Server OAuth needs ${missing.join(", ")} too`);
    const serverToServer = {
      accountId: env.ZOOM_ACCOUNT_ID as string,
      clientId: env.ZOOM_CLIENT_ID as string,
      clientSecret: env.ZOOM_CLIENT_SECRET as string,
      ...(env.ZOOM_OAUTH_TOKEN_URL ? { tokenUrl: env.ZOOM_OAUTH_TOKEN_URL } : {}),
    };
    return { options: { ...endpoint, serverToServer } };
  }
  if (baseUrl) {
    throw new UsageError(
      "no credentials: set ZOOM_ACCESS_TOKEN, or ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID and ZOOM_CLIENT_SECRET",
    );
  }
  const embedded = await startMockZoom();
  err(
    `zoom-im-groups: no Zoom credentials set; using the embedded mock Zoom at ${embedded.url} (nothing reaches Zoom).`,
  );
  err(
    "zoom-im-groups: set ZOOM_ACCESS_TOKEN or ZOOM_ACCOUNT_ID/ZOOM_CLIENT_ID/ZOOM_CLIENT_SECRET to call the real API.",
  );
  return { options: { accessToken: "embedded-mock-token", baseUrl: embedded.url, encoding }, embedded };
}

async function create(args: string[]): Promise<number> {
  const values = parse(args, {
    ...fieldOptions(),
    encoding: { type: "string" },
    "base-url": { type: "string" },
    json: { type: "boolean" },
    "dry-run": { type: "boolean" },
    file: { type: "string" },
    format: { type: "string" },
    concurrency: { type: "string" },
    rate: { type: "string" },
    "skip-invalid": { type: "boolean" },
    "skip-existing": { type: "boolean" },
  });
  if (values.help) {
    out(HELP);
    return 0;
  }
  const encoding = (text(values, "encoding") ?? "multipart") as Encoding;
  if (!encodings.includes(encoding)) throw new UsageError(`--encoding must be one of ${encodings.join(", ")}`);
  const { body, problems } = bodyFromFlags(values);
  if (problems.length) throw new UsageError(problems.join("; "));

  if (text(values, "file") !== undefined) {
    if (Object.keys(body).length > 0) throw new UsageError("give field flags or --file, not both");
    return bulk(values, encoding);
  }
  const issues = validateCreateImGroupBody(body);
  if (issues.length > 0) {
    for (const issue of issues) err(`error: ${issue.field}: ${issue.message} (rule ${issue.rule})`);
    err("Nothing was sent.");
    return 2;
  }
  if (values["dry-run"]) {
    const baseUrl = (text(values, "base-url") ?? env.ZOOM_API_URL ?? operation.serverUrl).replace(/\/+$/, "");
    out(curlCommand(`${baseUrl}${operation.path}`, body, encoding));
    return 0;
  }
  const target = await resolveTarget(text(values, "base-url"), encoding);
  try {
    const group = await createImGroupsClient(target.options).createImGroup(body as never);
    printCreated(group, body.name as string, values.json === true);
    return 0;
  } finally {
    await target.embedded?.close();
  }
}

function printCreated(group: CreatedImGroup, name: string, json: boolean): void {
  if (json) {
    out(
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
  out(`Created IM group "${group.name ?? name}"`);
  out(`  id:          ${group.id ?? "(not returned)"}`);
  out(`  location:    ${group.location ?? "(not returned)"}`);
  out(`  tracking id: ${group.trackingId ?? "(not returned)"}`);
}

async function bulk(values: Flags, encoding: Encoding): Promise<number> {
  const path = text(values, "file") as string;
  const input =
    path === "-"
      ? await readStdin()
      : await readFile(path, "utf8").catch((e: Error) => {
          throw new UsageError(`cannot read ${path}: ${e.message}`);
        });
  const format = (values.format as InputFormat | undefined) ?? detectFormat(path, input);
  if (!["csv", "json", "jsonl"].includes(format)) throw new UsageError("--format must be csv, json or jsonl");
  let rows: ReturnType<typeof parseRows>;
  try {
    rows = parseRows(input, format);
  } catch (error) {
    if (error instanceof InputError) throw new UsageError(`${path}: ${error.message}`);
    throw error;
  }
  const invalid = findInvalidRows(rows);
  for (const { row, problems } of invalid) err(`row ${row.row} (line ${row.line}): ${problems.join("; ")}`);
  if (invalid.length > 0 && !values["skip-invalid"]) {
    err(
      `${invalid.length} of ${rows.length} rows are invalid; nothing was sent (--skip-invalid sends the valid rows).`,
    );
    return 2;
  }
  if (values["dry-run"]) {
    err(`${rows.length - invalid.length} rows are valid; --dry-run sent nothing.`);
    return 0;
  }
  const rate = positiveInteger("rate", values.rate, 30);
  // The pacer can only hand a slot to a free worker: at 200/s, 4 in flight starve it whenever an answer
  // takes over 20 ms. The default keeps up with answers of up to 50 ms.
  const concurrency = positiveInteger("concurrency", values.concurrency, Math.max(4, Math.ceil(rate / 20)));
  const target = await resolveTarget(text(values, "base-url"), encoding);
  const pacer = new Pacer(rate);
  let rateLimited = 0;
  const client = createImGroupsClient({
    ...target.options,
    maxRetries: 5,
    middleware: [rateLimitFeedback(pacer, () => rateLimited++)],
  });
  const stop = new AbortController();
  let interrupts = 0;
  const onSigint = () => {
    interrupts++;
    if (interrupts > 1) process.exit(130);
    err("\nzoom-im-groups: interrupted; no new rows are sent, calls in flight finish (Ctrl-C again to quit at once).");
    stop.abort();
  };
  process.on("SIGINT", onSigint);
  const progress = stderr.isTTY ? progressBar(rows.length) : undefined;
  try {
    const summary = await runBulk({
      client,
      rows,
      invalid,
      concurrency,
      pacer,
      skipExisting: values["skip-existing"] === true,
      stop: stop.signal,
      rateLimited: () => rateLimited,
      report: (line) => {
        out(JSON.stringify(line));
        progress?.(line);
      },
    });
    if (progress) stderr.write("\n");
    out(JSON.stringify(summary));
    err(
      `summary: ${summary.rows} rows: ${summary.created} created, ${summary.exists} existed, ${summary.failed} failed, ` +
        `${summary.invalid} invalid, ${summary.notSent} not sent; ${summary.rateLimited} rate-limited answers; ${summary.elapsedMs} ms`,
    );
    if (summary.interrupted) return 130;
    return summary.failed > 0 ? 1 : 0;
  } finally {
    process.off("SIGINT", onSigint);
    await target.embedded?.close();
  }
}

function progressBar(total: number): (line: RowReport) => void {
  let done = 0;
  let failed = 0;
  return (line) => {
    done++;
    if (line.outcome === "failed") failed++;
    const width = 30;
    const filled = Math.round((done / Math.max(total, 1)) * width);
    stderr.write(
      `\r[${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total}${failed ? ` (${failed} failed)` : ""}`,
    );
  };
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

async function mock(args: string[]): Promise<number> {
  const values = parse(args, {
    host: { type: "string" },
    port: { type: "string" },
    "free-account": { type: "boolean" },
    "rate-limit": { type: "string" },
    "daily-limit": { type: "string" },
  });
  if (values.help) {
    out(HELP);
    return 0;
  }
  const port = values.port === undefined ? 0 : Number(text(values, "port"));
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new UsageError("--port must be 0–65535");
  const running = await startMockZoom({
    host: text(values, "host") ?? "127.0.0.1",
    port,
    freeAccount: values["free-account"] === true,
    ...(values["rate-limit"] === undefined
      ? {}
      : { rateLimit: positiveInteger("rate-limit", values["rate-limit"], 0) }),
    ...(values["daily-limit"] === undefined
      ? {}
      : { dailyLimit: positiveInteger("daily-limit", values["daily-limit"], 0) }),
    onRequest: (entry) => {
      const details = [
        entry.zoomCode === undefined ? "" : `Zoom code ${entry.zoomCode}`,
        entry.name === undefined ? "" : JSON.stringify(entry.name),
      ]
        .filter(Boolean)
        .join(" ");
      out(
        `${entry.method} ${entry.path} → ${entry.status}${details ? ` ${details}` : ""} (tracking id ${entry.trackingId})`,
      );
    },
  });
  out(running.url);
  err(`mock Zoom listening; token endpoint ${running.tokenUrl}; Ctrl-C stops it`);
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  await running.close();
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const verbose = process.argv.includes("--verbose");
    if (error instanceof UsageError) {
      err(`error: ${error.message}`);
      err("Run zoom-im-groups --help for usage.");
      process.exitCode = 2;
    } else if (error instanceof ZoomImGroupsError) {
      err(`error: ${error.name}: ${error.message}`);
      if (verbose && error.stack) err(error.stack);
      process.exitCode = error.name === "ValidationError" || error.name === "ConfigurationError" ? 2 : 1;
    } else {
      err(`error: ${error instanceof Error ? error.message : String(error)}`);
      if (verbose && error instanceof Error && error.stack) err(error.stack);
      process.exitCode = 1;
    }
  },
);
