/**
 * `zoom-im-groups mock`: the mock Zoom on a port, with its rate limits, the Groups API's caps, a retired mode for IM
 * groups and injected faults. A line `new-day` on stdin starts a new UTC day (the daily caps and limits reset).
 */
import { operations, rateLimitLabels } from "../../spec.js";
import { startMockZoom } from "../../testing/index.js";
import { UsageError } from "../errors.js";
import { type FlagDefs, integer, parseFlags, probability, text, texts } from "../flags.js";
import { commonSection, flagLines, section } from "../help.js";
import type { Terminal } from "../io.js";
import { rateFlags } from "./apply.js";

const mockFlags: FlagDefs = {
  host: { type: "string", value: "HOST", help: "interface to listen on (default 127.0.0.1)" },
  port: { type: "string", value: "PORT", help: "port to listen on (default 0: a free one)" },
  "free-account": {
    type: "boolean",
    help: 'answer every create with Zoom\'s "only available for paid account" (HTTP 200, code 200)',
  },
  "rate-limit": {
    type: "string",
    multiple: true,
    value: "N|LABEL=N",
    help: `requests per second per account of a rate-limit label (${rateLimitLabels.join(", ")}) before 429 X-RateLimit-Type: QPS; repeat it per label; a bare N is Light`,
  },
  others: {
    type: "string",
    value: "N",
    help: "creates per second the account's other apps take of --rate-limit (fewer than it)",
  },
  retired: {
    type: "boolean",
    help: "play an account where Zoom retired the IM-group APIs: every /v2/im/groups operation answers 410, code 4137; the Groups API (/v2/groups) works",
  },
  "creates-per-day": {
    type: "string",
    value: "N",
    help: `Groups API creates per account per UTC day before a daily-limit 429 (default Zoom's ${operations.groupCreate.dailyCap}); a line "new-day" on stdin starts a new day`,
  },
  "groups-per-account": {
    type: "string",
    value: "N",
    help: `the most groups of the Groups API an account holds, then 400 code 300 (default Zoom's ${operations.groupCreate.accountMax})`,
  },
  "daily-limit": {
    type: "string",
    value: "N",
    help: "creates per UTC day per account before 429 X-RateLimit-Type: Daily-limit (Retry-After: next midnight)",
  },
  "fail-rate": {
    type: "string",
    value: "P",
    help: "share of creates answered 500, 502 or 503 (some with an HTML body) without creating (0–1 or 10%)",
  },
  "drop-rate": {
    type: "string",
    value: "P",
    help: "share of creates that create the group, then drop the connection without answering",
  },
  latency: { type: "string", value: "MS[-MS]", help: "delay every answer by MS, or by a random MS-MS" },
  seed: { type: "string", value: "N", help: "seed of the faults: the same seed and names give the same faults" },
};

export function mockHelp(): string {
  return [
    "zoom-im-groups mock — a mock Zoom on loopback (/v2/im/groups, /v2/groups and /oauth/token)",
    "",
    "Usage:",
    "  zoom-im-groups mock [options]",
    "",
    "Prints its base URL as the first line of stdout, then one line per request;",
    'a line "new-day" on stdin starts a new UTC day (daily caps and limits reset);',
    "Ctrl-C stops it.",
    "",
    section("Options", flagLines(mockFlags)),
    "",
    commonSection(),
  ].join("\n");
}

function latency(value: string | undefined): [number, number] | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d+)(?:-(\d+))?$/.exec(value.trim());
  const low = Number(match?.[1]);
  const high = match?.[2] === undefined ? low : Number(match[2]);
  if (!match || high < low || high > 60_000)
    throw new UsageError(`--latency must be MS or MS-MS, the smaller first, at most 60000 (got ${value})`);
  return [low, high];
}

/** Only what was given, so the mock's own defaults apply to the rest. */
const given = <T extends object>(values: T) =>
  Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
const isLoopback = (host: string) => /^(127\.\d+\.\d+\.\d+|::1|\[::1\]|localhost)$/i.test(host);

export async function mock(args: string[], terminal: Terminal): Promise<number> {
  const flags = parseFlags(args, mockFlags, "mock");
  if (flags.help) {
    terminal.out(mockHelp());
    return 0;
  }
  const optional = (name: string, min: number, max: number) =>
    flags[name] === undefined ? undefined : integer(name, flags[name], { min, max, fallback: 0 });
  const port = integer("port", flags.port, { min: 0, max: 65_535, fallback: 0 });
  const seed = optional("seed", 0, 2 ** 32);
  const host = text(flags, "host") ?? "127.0.0.1";
  const failRate = probability("fail-rate", text(flags, "fail-rate"));
  const dropRate = probability("drop-rate", text(flags, "drop-rate"));
  const faults = given({ failRate, dropRate, latencyMs: latency(text(flags, "latency")), seed });
  const { Light: rateLimit, ...otherLabels } = rateFlags(texts(flags, "rate-limit"), "rate-limit", 1_000_000);
  const others = optional("others", 0, 1_000_000) ?? 0;
  if (others > 0 && (rateLimit === undefined || others >= rateLimit))
    throw new UsageError(
      `--others must be fewer than --rate-limit: other apps take part of the account's per-second limit (got --others ${others}${rateLimit === undefined ? " without --rate-limit" : ` --rate-limit ${rateLimit}`})`,
    );
  const dailyLimit = optional("daily-limit", 1, 1_000_000);
  const createsPerDay = optional("creates-per-day", 0, 1_000_000);
  const groupsPerAccount = optional("groups-per-account", 0, 1_000_000);
  const running = await startMockZoom({
    host,
    port,
    freeAccount: flags["free-account"] === true,
    ...(flags.retired ? { retired: true } : {}),
    ...(Object.keys(otherLabels).length > 0 ? { rateLimits: otherLabels } : {}),
    ...given({ rateLimit, others: others > 0 ? others : undefined, dailyLimit, createsPerDay, groupsPerAccount }),
    // --seed alone is passed on too (it seeds nothing yet, but is never silently dropped).
    ...(Object.keys(faults).length ? { faults } : {}),
    // A closed stdout (`| head`) only drops these lines: the mock keeps serving.
    onRequest: (entry) => {
      const details = [
        entry.zoomCode === undefined ? "" : `Zoom code ${entry.zoomCode}`,
        entry.name === undefined ? "" : JSON.stringify(entry.name),
        entry.fault ? `[${entry.fault}]` : "",
      ]
        .filter(Boolean)
        .join(" ");
      terminal.out(
        `${entry.method} ${entry.path} → ${entry.status === 0 ? "dropped" : entry.status}${details ? ` ${details}` : ""} (tracking id ${entry.trackingId})`,
      );
    },
  });
  terminal.out(running.url);
  terminal.err(
    `mock Zoom listening${flags.retired ? " (IM groups retired: 410/4137; the Groups API works)" : ""}; token endpoint ${running.tokenUrl}; "new-day" on stdin starts a new UTC day; Ctrl-C stops it`,
  );
  if (!isLoopback(host))
    terminal.err(
      `warning: listening on ${host}, beyond loopback: anyone who can reach this machine can use this mock (it checks no credentials)`,
    );
  const { signal } = terminal.io;
  void newDays(terminal, () => {
    running.mock.newDay();
    terminal.err("mock Zoom: a new UTC day: the daily caps and limits start again.");
  });
  await new Promise<void>((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener("abort", () => resolve(), { once: true });
  });
  await running.close();
  return 0;
}

/** Each line `new-day` on stdin: a new UTC day for the mock. stdin at its end (or `< /dev/null`) changes nothing. */
async function newDays(terminal: Terminal, newDay: () => void): Promise<void> {
  const { stdin, signal } = terminal.io;
  let partial = "";
  try {
    for await (const chunk of stdin) {
      if (signal.aborted) return;
      partial += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
      const lines = partial.split("\n");
      partial = lines.pop() ?? "";
      for (const line of lines) if (line.trim().toLowerCase() === "new-day") newDay();
    }
  } catch {
    // A stdin that cannot be read only means no new day by hand.
  }
}
