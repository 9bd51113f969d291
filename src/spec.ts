/**
 * What a tool needs of the spec, as data: every operation (method, path, parameters, request schema with its
 * rules, success status, rate-limit label, documented answers with their Zoom codes), what each Zoom code
 * means, Zoom's rate limits per plan, the request media types, and the validator the client uses. The CLI's
 * flags, help and bulk-file checks are built from it; so can a form or a linter of yours. An application
 * that only calls Zoom needs none of it: the main entry is `zoom-im-groups`.
 * @module zoom-im-groups/spec
 */
export { type Encoding, encodings, mediaTypes } from "./encoding.js";
export type { ValidationIssue } from "./errors.js";

import { specMessage } from "./errors.js";
import { type OperationId, operations, type Schema, serverUrl } from "./generated/operations.js";
import { fillTemplate } from "./response.js";

export type { DocumentedResponse, Operation, OperationId, Rule, Schema } from "./generated/operations.js";
export { operations, rateLimitLabels, rateLimitsByPlan, serverUrl, zoomErrorCodes } from "./generated/operations.js";
export { validateCreateImGroupBody, validateRequest } from "./validation.js";

/** The create (`imGroupCreate`) with the spec's server: what the CLI's `create` sends. */
export const operation = { ...operations.imGroupCreate, serverUrl };
/** A field of the create's body. */
export type RequestField = keyof typeof operations.imGroupCreate.requestSchema.properties;
/** One field's schema (the spec's JSON Schema, with its help texts). */
export type FieldSchema = Schema;
/** The create's request body schema: the CLI's flags and bulk columns. */
export const createImGroupRequestSchema: Schema & {
  properties: Readonly<Record<RequestField, Schema>>;
  required: readonly RequestField[];
} = operations.imGroupCreate.requestSchema;

/**
 * The spec's message for a status an operation documents (the create's by default: `"409"` → `Group name
 * {groupName} is already in use.`), its placeholders filled from `values`; a placeholder without a value is
 * written as `missing`, or left out with the punctuation that introduced it. Undefined for a status the spec
 * does not document.
 */
export function documentedMessage(
  status: number | string,
  values: Readonly<Record<string, string>> = {},
  missing?: string,
  operationId: OperationId = "imGroupCreate",
): string | undefined {
  const message = specMessage(status, operationId);
  return message && fillTemplate(message, values, missing);
}
