/**
 * Every answer the client gets, as it got it (status, headers, body text), through openapi-fetch middleware:
 * verify checks what came over the wire, not what the client made of it. It also learns the bearer tokens
 * sent, so that nothing a server echoes of them reaches a report.
 */
import type { Middleware } from "openapi-fetch";
import { type OperationId, operations } from "../generated/operations.js";
import { redactSecrets } from "../redact.js";
import type { RecordedAnswer } from "./answer.js";

export function createRecorder(secrets: readonly string[]) {
  const known = new Set(secrets.filter((secret) => secret.trim() !== ""));
  let pending: (RecordedAnswer & { key: string })[] = [];

  const middleware: Middleware = {
    async onResponse({ request, response, schemaPath }) {
      const token = /^Bearer +(.+)$/i.exec(request.headers.get("authorization") ?? "")?.[1];
      if (token) known.add(token);
      const operation = Object.values(operations).find(
        (candidate) => candidate.path === schemaPath && candidate.method === request.method,
      );
      if (!operation) return undefined;
      const text = await response
        .clone()
        .text()
        .catch(() => "");
      const key = `${request.method} ${request.url}`;
      // An earlier answer to the same request was retried: this one replaces it, and remembers its status.
      const earlier = pending.filter((answer) => answer.key === key);
      pending = pending.filter((answer) => answer.key !== key);
      pending.push({
        key,
        operationId: operation.operationId as OperationId,
        method: request.method,
        url: request.url,
        status: response.status,
        headers: new Headers(response.headers),
        text,
        retried: earlier.flatMap((answer) => [...answer.retried, answer.status]),
      });
      return undefined;
    },
  };

  return {
    middleware,
    /** The answers since the last take, each request's final one (the statuses it retried recorded on it). */
    take(): RecordedAnswer[] {
      const taken = pending.map(({ key: _key, ...answer }) => answer);
      pending = [];
      return taken;
    },
    /** Every secret's every form replaced: the configured ones and each token sent so far. */
    redact: (text: string) => redactSecrets(text, [...known]),
  };
}
