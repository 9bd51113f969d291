/** Reading what came back, never throwing: the body, Zoom's error body, the created group. */
import { operations, type Schema } from "./generated/operations.js";
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
  if (Array.isArray(body.errors))
    result.errors = body.errors
      .filter(isRecord)
      .map((error) => ({ field: String(error.field ?? ""), message: String(error.message ?? "") }));
  return result;
}

/** The created group out of a successful create's answer: the spec's fields with the spec's types, id when known. */
export function createdGroup(
  answer: { status: number; body: unknown; headers: Headers },
  redact: (text: string) => string,
): Omit<CreatedImGroup, "id"> & { id?: string } {
  const record = isRecord(answer.body) ? answer.body : {};
  const group: Omit<CreatedImGroup, "id"> & { id?: string } = { status: answer.status };
  for (const [name, field] of Object.entries<Schema>(operations.imGroupCreate.successSchema.properties)) {
    const value = record[name];
    if (field.type && hasJsonType(field.type, value))
      Object.assign(group, { [name]: typeof value === "string" ? redact(value) : value });
  }
  const location = answer.headers.get("content-location") ?? undefined;
  const bodyId = typeof record.id === "string" && record.id !== "" ? record.id : undefined;
  const id = bodyId ?? groupIdFromLocation(location);
  if (id !== undefined) group.id = redact(id);
  if (location !== undefined) group.location = redact(location);
  const trackingId = answer.headers.get("x-zm-trackingid");
  if (trackingId) group.trackingId = redact(trackingId);
  return group;
}

/** The segment after the create's path in a `Content-Location` (a URL or a path); undefined for anything else. */
function groupIdFromLocation(location: string | undefined): string | undefined {
  const text = location?.trim() ?? "";
  const path = URL.canParse(text, "http://relative.invalid") ? new URL(text, "http://relative.invalid").pathname : "";
  const under = `${operations.imGroupCreate.path}/`;
  const at = path.indexOf(under);
  const id = at < 0 ? undefined : path.slice(at + under.length).replace(/\/$/, "");
  if (!id || id.includes("/")) return undefined;
  try {
    return decodeURIComponent(id);
  } catch {
    return id;
  }
}

/** Whether `value` has one of the spec's JSON types (an integer is a number without a fraction). */
export function hasJsonType(type: NonNullable<Schema["type"]>, value: unknown): boolean {
  if (type === "integer") return Number.isInteger(value);
  if (type === "number") return typeof value === "number" && Number.isFinite(value);
  if (type === "array") return Array.isArray(value);
  if (type === "object") return isRecord(value);
  return typeof value === type;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

const trimmed = (value: unknown) => (typeof value === "string" ? value.trim() : "");

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
