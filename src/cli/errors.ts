/** How the CLI shows a failure: one line for people, one JSON object for `--json` and bulk rows. */
import { redactSecrets, ZoomApiError } from "../index.js";

export interface ErrorJson {
  name: string;
  message: string;
  status?: number;
  code?: number;
  trackingId?: string;
}

/** Never a secret the environment holds, even echoed back percent-encoded by a hostile server. */
export function redactEnvironment(text: string): string {
  const secrets = [process.env.ZOOM_ACCESS_TOKEN, process.env.ZOOM_CLIENT_SECRET].filter(
    (secret): secret is string => secret !== undefined,
  );
  return redactSecrets(text, secrets);
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
