/**
 * What a tool needs of the spec, as data: every operation as the generated table states it, what each Zoom code
 * means, the rate limits per plan, the media types and the client's validator. The CLI's flags, help and bulk
 * checks are built from it; so can a form or a linter of yours. An app that only calls Zoom needs none of it.
 * @module zoom-im-groups/spec
 */
export { type Encoding, encodings, mediaTypes } from "./encoding.js";
export type { ValidationIssue } from "./errors.js";

import { specMessage } from "./errors.js";
import type { ObjectSchema, Operation, OperationId, RequestFields, Schema } from "./generated/operations.js";
import * as generated from "./generated/operations.js";
import { fillTemplate } from "./response.js";

export type {
  AccountPlan,
  BatchShape,
  DocumentedResponse,
  ListShape,
  ObjectSchema,
  Operation,
  OperationId,
  PageSize,
  RequestFields,
  Rule,
  Schema,
} from "./generated/operations.js";
export { validateCreateImGroupBody, validateRequest } from "./validation.js";

// The generated constants, typed by their documented interfaces (their literal types are the generator's).
/** The spec's server: the client's default base URL. */
export const serverUrl: string = generated.serverUrl;
/** Every operation of the spec, keyed by operationId. */
export const operations: Readonly<Record<OperationId, Operation>> = generated.operations;
/** The rate-limit labels the operations carry: one per-second budget of the account each. */
export const rateLimitLabels: readonly string[] = generated.rateLimitLabels;
/** Zoom's per-second limits per label for each plan (`x-zoom-rate-limits`): an account's ceilings. */
export const rateLimitsByPlan: Readonly<Record<string, Readonly<Record<string, number>>>> = generated.rateLimitsByPlan;
/** What each Zoom error code means, the same on every operation: the error class's name (`x-zoom-error-codes`). */
export const zoomErrorCodes: Readonly<Record<string, string>> = generated.zoomErrorCodes;

/** The create (`imGroupCreate`) with the spec's server: what the CLI's `create` sends. */
export const operation: Operation & {
  /** The spec's server: the default base URL. */
  serverUrl: string;
} = { ...generated.operations.imGroupCreate, serverUrl };
/** A field of the create's body. */
export type RequestField = RequestFields["imGroupCreate"];
/** One field's schema (the spec's JSON Schema, with its help texts). */
export type FieldSchema = Schema;
/** The create's request body schema: the CLI's flags and bulk columns. */
export const createImGroupRequestSchema: ObjectSchema & {
  /** Each field's schema. */
  properties: Readonly<Record<RequestField, Schema>>;
} = generated.operations.imGroupCreate.requestSchema;

/**
 * The spec's message for a status an operation documents (the create's by default: `"409"` → `Group name
 * {groupName} is already in use.`), placeholders filled from `values`; one without a value is written as
 * `missing`, or left out with the punctuation that introduced it. Undefined for an undocumented status.
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
