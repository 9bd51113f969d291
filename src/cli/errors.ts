/** How the CLI shows a failure: one line for people, one JSON object for `--json` and bulk rows. */
import { ZoomApiError } from "../index.js";

export interface ErrorJson {
  name: string;
  message: string;
  status?: number;
  code?: number;
  trackingId?: string;
}

/** Never a secret the environment holds, even echoed back percent-encoded by a hostile server. */
export function redactEnvironment(text: string): string {
  let result = text;
  for (const name of ["ZOOM_ACCESS_TOKEN", "ZOOM_CLIENT_SECRET"]) {
    const secret = process.env[name];
    if (!secret || secret.length < 4) continue;
    for (const form of new Set([secret, encodeURIComponent(secret)])) result = result.split(form).join("[redacted]");
  }
  return result;
}

/** One line: a server's message with line breaks must not break the CLI's error line. */
export const oneLine = (text: string) => text.replace(/\s+/g, " ").trim();

export function errorJson(error: unknown): ErrorJson {
  const name = error instanceof Error ? error.name : "Error";
  const message = oneLine(redactEnvironment(error instanceof Error ? error.message : String(error)));
  if (error instanceof ZoomApiError) {
    return {
      name,
      message,
      status: error.status,
      ...(error.code === undefined ? {} : { code: error.code }),
      ...(error.trackingId ? { trackingId: error.trackingId } : {}),
    };
  }
  return { name, message };
}
