/**
 * The mock's answers as Zoom (or a gateway in front of it) sends them. Each travels with what the request
 * log reports of it, so nothing has to be read back out of a Response.
 */
import { documentedMessage, documentedResponses, operation } from "../spec.js";
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

/** Zoom's error codes, as the spec documents them (`x-zoom-error-code`). */
function documentedCode(status: keyof typeof documentedResponses): number {
  const code = (documentedResponses[status] as { zoomCode?: number }).zoomCode;
  if (code === undefined) throw new Error(`spec: response ${status} documents no x-zoom-error-code`);
  return code;
}
/** The spec's message for a documented answer, its placeholders (`{groupName}`) filled from `values`. */
export function specMessage(status: keyof typeof documentedResponses, values: Record<string, string> = {}): string {
  return documentedMessage(status, values) ?? "";
}

export const CODE = {
  paidAccountOnly: documentedCode("200"),
  validationFailed: documentedCode("400"),
  invalidToken: documentedCode("401"),
  nameInUse: documentedCode("409"),
  rateLimited: documentedCode("429"),
};

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

/** A 429 as Zoom sends it for each limit: a per-second one retries in a second, a daily one at UTC midnight. */
export function rateLimited(hit: LimitHit, trackingId: string): Answer {
  const common = { "X-RateLimit-Category": operation.rateLimitLabel, "X-RateLimit-Type": hit.type };
  if (hit.type === "QPS") {
    const message = "You have reached the maximum per-second rate limit for this API.";
    return zoomError(429, CODE.rateLimited, message, trackingId, { ...common, "Retry-After": "1" });
  }
  return zoomError(429, CODE.rateLimited, "You have reached the maximum daily rate limit for this API.", trackingId, {
    ...common,
    "X-RateLimit-Limit": String(hit.limit),
    "X-RateLimit-Remaining": "0",
    "Retry-After": new Date(hit.resetsAt).toISOString().replace(".000Z", "Z"),
  });
}

/** 405 names the methods the path takes (RFC 9110 requires `Allow`). */
export function methodNotAllowed(method: string, trackingId: string): Answer {
  return zoomError(405, 405, `Method ${method} is not allowed here; use ${operation.method}.`, trackingId, {
    Allow: operation.method,
  });
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
