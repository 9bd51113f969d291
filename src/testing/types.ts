/** The mock Zoom's public shapes: its options, what it logs, what it stores, and its interface. */

/** How the mock behaves: which accounts are free, its rate limits, the tokens it knows, its faults. */
export interface MockZoomOptions {
  /**
   * Creates answer Zoom's documented "Only available for paid account" (HTTP 200, code 200): `true` for
   * every account, or the ids of the free accounts.
   */
  freeAccount?: boolean | readonly string[];
  /**
   * Requests per second (a fixed UTC second) per account of the `Light` label (creates, reads of one group,
   * updates, deletes) before 429 `X-RateLimit-Type: QPS`. Default: no limit.
   */
  rateLimit?: number;
  /** Per-second limits of other labels (`{ Medium: 20 }`: the lists and member adds), each counted apart. */
  rateLimits?: Readonly<Partial<Record<string, number>>>;
  /** Every IM-group operation answers 410, code 4137, as on an account where Zoom retired them. */
  retired?: boolean;
  /** Groups API creates per account per UTC day before a daily-limit 429. Default: the spec's cap (100). */
  createsPerDay?: number;
  /** The most groups of the Groups API an account holds (then 400, code 300). Default: the spec's (5,000). */
  groupsPerAccount?: number;
  /** Emails Zoom would not know (code 1001), besides every address at a `.invalid` domain. */
  unknownUsers?: readonly string[];
  /**
   * Creates per second that the account's other apps take of `rateLimit` (Zoom's limits are per account, shared
   * by every app): each second starts with that many used, so a client gets `rateLimit - others`. Default 0.
   */
  others?: number;
  /** `Light` requests per UTC day per account before 429 `X-RateLimit-Type: Daily-limit`. Default: no limit. */
  dailyLimit?: number;
  /**
   * Bearer tokens the mock accepts, each mapped to its account id (own keys only: `toString` is no token).
   * Default: any non-empty token, one account.
   */
  accounts?: Record<string, string>;
  /** Told about every request the mock answers (the CLI's `mock` command prints these). */
  onRequest?: (entry: MockRequestLog) => void;
  /** Faults to inject into creates, to rehearse a bulk run against a misbehaving Zoom or network. */
  faults?: MockFaults;
}

/**
 * Injected faults. Each is decided by a hash of the seed, the account, the group name and how many times
 * that name was sent, so a run is repeatable whatever order concurrent requests arrive in.
 */
export interface MockFaults {
  /** Share of creates answered 500, 502 or 503 (a third of them with an HTML body) without creating. */
  failRate?: number;
  /** Share of creates that create the group and then drop the connection without answering. */
  dropRate?: number;
  /**
   * Every answer comes this long (ms, a draw in the range from the seed and the tracking id) after its
   * request arrived, each on its own timer: 1,000 concurrent requests with 300 ms all answer after about 300 ms.
   */
  latencyMs?: readonly [number, number];
  /** Default 1. */
  seed?: number;
}

/** One request the mock answered, as `onRequest` hears of it. */
export interface MockRequestLog {
  /** The request's method. */
  method: string;
  /** The request's path, without the query string or a trailing slash. */
  path: string;
  /** The HTTP status; 0 when the connection was dropped without an answer (an injected fault). */
  status: number;
  /** The injected fault, if any: `fail` or `drop`. */
  fault?: "fail" | "drop";
  /** The Zoom error code of an error answer. */
  zoomCode?: number;
  /** The group name the request sent, if it could be read. */
  name?: string;
  /** The `x-zm-trackingid` the mock answered with. */
  trackingId: string;
}

/** A user the mock knows, as a group's member list shows it. */
export interface MockMember {
  /** Its user id (`mockusr000001`…), given the first time its email was named. */
  id: string;
  /** Its email address, lower-cased. */
  email: string;
  /** The part of the email before `@`. */
  first_name: string;
  /** Always `Mock`. */
  last_name: string;
  /** Always 1 (basic). */
  type: number;
}

/** A group the mock created: the ground truth a test compares the client's reports with. */
export interface MockGroup {
  /** The id the mock gave it (`mockgrp000001`…), also in its `Content-Location`. */
  id: string;
  /** Its name, unique in its account. */
  name: string;
  /** `normal`, `shared` or `restricted` (Zoom's default `normal` when the request left it out). */
  type: string;
  /** How many members it has. */
  total_members: number;
  /** As sent; false when left out. */
  search_by_domain: boolean;
  /** As sent; false when left out. */
  search_by_account: boolean;
  /** As sent; false when left out. */
  search_by_ma_account: boolean;
}

/** The mock Zoom: one fetch-style function, and its state. */
export interface MockZoom {
  /**
   * Answers one request. Never throws: malformed input gets a Zoom-style 4xx. A dropped connection (an
   * injected fault) is `Response.error()`: MSW turns it into a network error, `startMockZoom` closes the socket.
   */
  handle(request: Request): Promise<Response>;
  /**
   * The groups created so far in one account; without `accountId`, the account "default" (any bearer token,
   * when `accounts` is not set). Groups are filed per account: a Server-to-Server client's are under its
   * `accountId`, so `groups()` is `[]` for it; ask `groups(accountId)`. `api: "groups"` lists the groups of
   * Zoom's Groups API (`/v2/groups`), which the mock keeps apart from IM groups.
   */
  groups(accountId?: string, api?: "im" | "groups"): MockGroup[];
  /** The members of a group, by the group's id. */
  members(groupId: string): MockMember[];
  /** A new UTC day: the per-second and daily counters and the Groups API's daily cap start again; nothing else changes. */
  newDay(): void;
  /**
   * Forgets every group (ids start again at `mockgrp000001`), every token it issued and every counter: the
   * per-second and daily limits and the fault draws. Tracking ids keep counting, so they stay unique across
   * a reset.
   */
  reset(): void;
}
