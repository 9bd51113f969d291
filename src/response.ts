/**
 * Turns what came back into a `CreatedImGroup` or the right `ZoomApiError`. Bodies arrive as text
 * (openapi-fetch with `parseAs: "text"`) so that empty, plain-text, HTML or truncated bodies never throw here.
 */
import { type ApiErrorInput, ZoomApiError } from "./errors.js";
import { createdGroupFields, operation } from "./generated/spec.js";
import type { CreatedImGroup } from "./types.js";

export interface ResponseContext {
  url: string;
  mayHaveSucceeded: boolean;
  redact: (text: string) => string;
  /** The name this call sent: fills Zoom's message templates (`{groupName}`) if the call fails. */
  groupName: string | undefined;
}

/** openapi-fetch hands over text for 2xx, and parsed JSON or text for the rest; read both alike. */
export function parseBody(raw: unknown): unknown {
  if (typeof raw !== "string") return raw;
  try {
    // JSON.parse accepts surrounding whitespace itself: no trimmed copy of every body.
    return JSON.parse(raw);
  } catch {
    return raw.trim() === "" ? "" : raw;
  }
}

export function interpret(response: Response, raw: unknown, context: ResponseContext): CreatedImGroup {
  const body = parseBody(raw);
  const record = isRecord(body) ? body : undefined;
  const location = response.headers.get("content-location") ?? undefined;
  const id = nonEmptyString(record?.id) ?? groupIdFromLocation(location);
  // Zoom files "paid account only" under HTTP 200: a 2xx is a success only when it is a 201 or carries a
  // group, and never when it carries a Zoom error code instead of an id.
  const errorShaped = record !== undefined && typeof record.code === "number" && record.id === undefined;
  const succeeded =
    response.ok && !errorShaped && (response.status === 201 || nonEmptyString(record?.id) !== undefined);
  if (!succeeded) {
    const input: ApiErrorInput = {
      status: response.status,
      body,
      headers: response.headers,
      method: operation.method,
      url: context.url,
      mayHaveSucceeded: context.mayHaveSucceeded,
      redact: context.redact,
      ...(context.groupName === undefined ? {} : { templateValues: { groupName: context.groupName } }),
    };
    if (response.ok && !errorShaped && response.status !== 200) {
      input.fallbackMessage = `Zoom answered HTTP ${response.status} without the created group`;
    }
    throw ZoomApiError.generate(input);
  }
  const result = pickGroupFields(record, response.status);
  if (id !== undefined) result.id = id;
  if (location !== undefined) result.location = location;
  const trackingId = response.headers.get("x-zm-trackingid");
  if (trackingId) result.trackingId = trackingId;
  return result;
}

/** The id in a `Content-Location` that is a URL or path under `/im/groups/`; undefined for anything else. */
export function groupIdFromLocation(location: string | undefined): string | undefined {
  if (!location) return undefined;
  const trimmed = location.trim();
  let pathname: string;
  // The common case, a plain path, needs no URL parser (this runs on every successful call).
  if (trimmed.startsWith("/") && !/[?#%\\]|\/\.\.?(\/|$)/.test(trimmed)) {
    pathname = trimmed;
  } else {
    try {
      pathname = new URL(trimmed, "http://relative.invalid").pathname;
    } catch {
      return undefined;
    }
  }
  const match = /\/im\/groups\/([^/]+)\/?$/.exec(pathname);
  if (!match?.[1]) return undefined;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return match[1];
  }
}

const jsonTypeOf: Record<string, (value: unknown) => boolean> = {
  string: (value) => typeof value === "string",
  boolean: (value) => typeof value === "boolean",
  integer: (value) => Number.isInteger(value),
  number: (value) => typeof value === "number",
};

const groupFields = Object.entries(createdGroupFields);

/** Keeps the spec's group fields that have the spec's type; a field of the wrong type is dropped, not trusted. */
function pickGroupFields(record: Record<string, unknown> | undefined, status: number): CreatedImGroup {
  const group: Record<string, unknown> = {};
  if (record) {
    for (const [name, type] of groupFields) {
      const value = record[name];
      if (value !== undefined && jsonTypeOf[type]?.(value)) group[name] = value;
    }
  }
  group.status = status;
  return group as unknown as CreatedImGroup;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}
