/** Reading what came back, never throwing: the body, Zoom's error body, the created group. */
import { createdGroupFields, type FieldSchema } from "./generated/spec.js";
import type { CreatedImGroup, ZoomFieldError } from "./types.js";

/** openapi-fetch's `{data, error, response}` as one body: the JSON value, else the text, `""` when empty. */
export function bodyOf(result: { data?: unknown; error?: unknown; response: Response }): unknown {
  const value = result.response.ok ? result.data : result.error;
  if (typeof value !== "string") return value ?? "";
  // openapi-fetch has tried JSON on an error's body already.
  return !result.response.ok && value.trim() !== "" ? value : jsonOrText(value);
}

/** The JSON value of `text`, else the text itself; `""` when it is blank. */
export function jsonOrText(text: string): unknown {
  if (text.trim() === "") return "";
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Zoom's `{code, message, errors}` out of whatever the server sent; a problem+json `title`/`detail` as the message. */
export function zoomErrorBody(body: unknown): { code?: number; message?: string; errors?: ZoomFieldError[] } {
  if (typeof body === "string") {
    const text = body.trim();
    // A short plain-text body is a message; HTML or a long blob is not worth repeating.
    return text && text.length <= 300 && !text.startsWith("<") ? { message: text } : {};
  }
  if (!isRecord(body)) return {};
  const result: { code?: number; message?: string; errors?: ZoomFieldError[] } = {};
  if (typeof body.code === "number" && Number.isFinite(body.code)) result.code = body.code;
  const title = trimmed(body.title);
  const detail = trimmed(body.detail);
  const problem =
    title && detail && !detail.startsWith(title) ? `${title.replace(/[.!?]?$/, ".")} ${detail}` : detail || title;
  const message = trimmed(body.message) || problem;
  if (message) result.message = message;
  if (Array.isArray(body.errors)) {
    result.errors = body.errors
      .filter(isRecord)
      .map((error) => ({ field: String(error.field ?? ""), message: String(error.message ?? "") }));
  }
  return result;
}

/** Zoom files "paid account only" under HTTP 200: a group is a 201 or a 2xx with an id, never a Zoom code. */
export function createdGroup(
  response: Response,
  body: unknown,
  redact: (text: string) => string,
): CreatedImGroup | undefined {
  const record = isRecord(body) ? body : {};
  const bodyId = typeof record.id === "string" && record.id !== "" ? record.id : undefined;
  const errorShaped = typeof record.code === "number" && record.id === undefined;
  if (!response.ok || errorShaped || (response.status !== 201 && bodyId === undefined)) return undefined;
  const group: CreatedImGroup = { status: response.status };
  for (const [name, type] of Object.entries(createdGroupFields)) {
    const value = record[name];
    if (hasJsonType(type, value)) Object.assign(group, { [name]: typeof value === "string" ? redact(value) : value });
  }
  const location = response.headers.get("content-location") ?? undefined;
  const id = bodyId ?? groupIdFromLocation(location);
  if (id !== undefined) group.id = redact(id);
  if (location !== undefined) group.location = redact(location);
  const trackingId = response.headers.get("x-zm-trackingid");
  if (trackingId) group.trackingId = redact(trackingId);
  return group;
}

/** The id in a `Content-Location` that is a URL or path under `/im/groups/`; undefined for anything else. */
function groupIdFromLocation(location: string | undefined): string | undefined {
  const text = location?.trim() ?? "";
  const path = URL.canParse(text, "http://relative.invalid") ? new URL(text, "http://relative.invalid").pathname : "";
  const id = /\/im\/groups\/([^/]+)\/?$/.exec(path)?.[1];
  try {
    return id && decodeURIComponent(id);
  } catch {
    return id;
  }
}

/** Whether `value` has one of the spec's JSON types (an integer is a number without a fraction). */
export function hasJsonType(type: FieldSchema["type"], value: unknown): boolean {
  if (type === "integer") return Number.isInteger(value);
  if (type === "number") return typeof value === "number" && Number.isFinite(value);
  return typeof value === type;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function trimmed(value: unknown): string {
  return typeof value === "string" ? value.trim() : "";
}

/** Fills Zoom's `{groupName}`; an unknown placeholder becomes `missing`, or goes with its punctuation. */
export function fillTemplate(text: string, values: Readonly<Record<string, string>> = {}, missing?: string): string {
  return text
    .replace(/\s*:?\s*\{(\w+)\}/g, (whole, name: string) => {
      const value = values[name] ?? missing;
      if (value === undefined) return "";
      return whole.replace(`{${name}}`, value).replace(/^\s*:\s*/, ": ");
    })
    .replace(/\s+([.,;!?])/g, "$1")
    .replace(/ {2,}/g, " ")
    .trim();
}
