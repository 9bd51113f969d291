/**
 * The mock's answers as Zoom (or a gateway in front of it) sends them. Each travels with what the request
 * log reports of it, so nothing has to be read back out of a Response.
 */
import { documentedMessage, type OperationId, operations } from "../spec.js";
import type { LimitHit } from "./limits.js";
import type { MockRequestLog } from "./types.js";

/** A response, and what the request log says of it beyond method, path and status. */
export interface Answer extends Pick<MockRequestLog, "zoomCode" | "fault" | "name"> {
  response: Response;
}

/** A field error in Zoom's shape (`errors[]` of a 400). */
export interface FieldError {
  field: string;
  message: string;
}

type Documented = { zoomCode?: number; zoomCodes?: readonly number[]; message: string; example?: unknown };
const documented = (operationId: OperationId, status: number | string): Documented | undefined =>
  (operations[operationId].responses as Readonly<Record<string, Documented | undefined>>)[status];

/** Zoom's error code for a documented answer of an operation (the `index`th where the status lists several). */
export function codeOf(operationId: OperationId, status: number, index = 0): number {
  const code = documented(operationId, status)?.zoomCodes?.[index];
  if (code === undefined) throw new Error(`spec: ${operationId} ${status} documents no x-zoom-error-code #${index}`);
  return code;
}

/** The spec's message for a documented answer, its placeholders (`{groupName}`) filled from `values`. */
export function specMessage(operationId: OperationId, status: number, values: Record<string, string> = {}): string {
  return documentedMessage(status, values, undefined, operationId) ?? "";
}

/** Zoom's error body `{code, message, errors?}` with the tracking id header. */
export function zoomError(
  status: number,
  code: number,
  message: string,
  trackingId: string,
  headers: Record<string, string> = {},
  errors?: FieldError[],
): Answer {
  const body = errors ? { code, message, errors } : { code, message };
  return {
    response: Response.json(body, { status, headers: { ...headers, "x-zm-trackingid": trackingId } }),
    zoomCode: code,
  };
}

/** A documented answer as the spec's example shows it (`X-Mock-Status`): what contract tests replay. */
export function documentedAnswer(operationId: OperationId, status: number, trackingId: string): Answer | undefined {
  const answer = documented(operationId, status);
  if (!answer) return undefined;
  const headers = { "x-zm-trackingid": trackingId };
  if (answer.example === undefined)
    return {
      response: new Response(null, { status, headers }),
      ...(answer.zoomCode ? { zoomCode: answer.zoomCode } : {}),
    };
  return {
    response: Response.json(answer.example, { status, headers }),
    ...(answer.zoomCode ? { zoomCode: answer.zoomCode } : {}),
  };
}

/** A 429 as Zoom sends it for each limit: a per-second one retries in a second, a daily one at UTC midnight. */
export function rateLimited(hit: LimitHit, label: string, code: number, trackingId: string): Answer {
  const common = { "X-RateLimit-Category": label, "X-RateLimit-Type": hit.type };
  if (hit.type === "QPS") {
    const message = "You have reached the maximum per-second rate limit for this API.";
    return zoomError(429, code, message, trackingId, { ...common, "Retry-After": "1" });
  }
  return zoomError(429, code, "You have reached the maximum daily rate limit for this API.", trackingId, {
    ...common,
    "X-RateLimit-Limit": String(hit.limit),
    "X-RateLimit-Remaining": "0",
    "Retry-After": new Date(hit.resetsAt).toISOString().replace(".000Z", "Z"),
  });
}

/** 405 names the methods the path takes (RFC 9110 requires `Allow`). */
export function methodNotAllowed(method: string, allowed: readonly string[], trackingId: string): Answer {
  const allow = allowed.join(", ");
  return zoomError(405, 405, `Method ${method} is not allowed here; use ${allow}.`, trackingId, { Allow: allow });
}

/** A 500, 502 or 503 as a failing Zoom or a gateway in front of it sends them: JSON, or an HTML page. */
export function serverFailure(status: 500 | 502 | 503, trackingId: string): Answer {
  if (status === 502) {
    const response = new Response("<html><body><h1>502 Bad Gateway</h1></body></html>", {
      status,
      headers: { "content-type": "text/html", "x-zm-trackingid": trackingId },
    });
    return { response, fault: "fail" };
  }
  const message = status === 503 ? "Service temporarily unavailable." : "Internal server error.";
  return { ...zoomError(status, status, message, trackingId), fault: "fail" };
}
