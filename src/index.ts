/**
 * A typed client for Zoom's "Create an IM directory group" API (`POST /v2/im/groups`), generated from an
 * OpenAPI fragment: start with {@link createImGroupsClient}.
 * @module zoom-im-groups
 */
export type { AccessToken, ServerToServerCredentials } from "./auth.js";
export { type CallOptions, createImGroupsClient, type ImGroupsClient } from "./client.js";
export { type Encoding, encodings, mediaTypes, toFormData } from "./encoding.js";
export * from "./errors.js";
export type { DocumentedResponse, FieldRule, FieldSchema, RequestField, RequestSchema } from "./generated/spec.js";
export { createImGroupRequestSchema, documentedResponses, operation } from "./generated/spec.js";
export type {
  AccessTokenOptions,
  CommonOptions,
  ImGroupsClientOptions,
  Logger,
  ServerToServerOptions,
  Throttle,
} from "./options.js";
export { redactSecrets } from "./options.js";
export { createPacer, type Pacer, type PacerClock, type PacerOptions } from "./pacer.js";
export { isRetryable } from "./retry.js";
export type * from "./types.js";
export { findIssues as validateCreateImGroupBody } from "./validation.js";
