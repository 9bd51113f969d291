/** How the CLI fails: usage errors (exit 2, nothing sent), and one JSON object for `--json` and bulk rows. */
import { ZoomApiError, ZoomTimeoutError } from "../index.js";

export class UsageError extends Error {
  override name = "UsageError";
  /** `helps`: false when the input, not the command line, is wrong; pointing to --help would not help. */
  constructor(
    message: string,
    readonly helps = true,
  ) {
    super(message);
  }
}

export interface ErrorJson {
  name: string;
  message: string;
  status?: number;
  code?: number;
  trackingId?: string;
  /** This failed call may nonetheless have created the group (an attempt may have reached Zoom). */
  mayHaveChanged?: true;
}

/** The error as one JSON object; its message is one line (a server's line breaks must not break a log line). */
export function errorJson(error: unknown): ErrorJson {
  const name = error instanceof Error ? error.name : "Error";
  let message = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, " ").trim();
  // The library's advice names no option; the CLI's own flag sets the per-attempt timeout.
  if (error instanceof ZoomTimeoutError) message = `${message.replace(/\.$/, "")} (--timeout SECONDS).`;
  const json: ErrorJson = { name, message };
  if (error instanceof ZoomApiError) {
    json.status = error.status;
    if (error.code !== undefined) json.code = error.code;
    if (error.trackingId) json.trackingId = error.trackingId;
  }
  if ((error as { mayHaveChanged?: unknown })?.mayHaveChanged === true) json.mayHaveChanged = true;
  return json;
}
