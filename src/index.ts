/**
 * A typed client for Zoom's "Create an IM directory group" API (`POST /v2/im/groups`), generated from an
 * OpenAPI fragment: start with {@link createImGroupsClient}. What it throws is below, one class per meaning.
 * @module zoom-im-groups
 */
export type { AccessToken, ServerToServerCredentials } from "./auth.js";
export { type CallOptions, createImGroupsClient, type ImGroupsClient } from "./client.js";
export type { Encoding } from "./encoding.js";
export {
  type ApiErrorInput,
  AuthenticationError,
  BadRequestError,
  ConfigurationError,
  type Endpoint,
  type ErrorFacts,
  GroupNameConflictError,
  GroupNotFoundError,
  ImGroupsApiRetiredError,
  isZoomApiError,
  PaidAccountRequiredError,
  PermissionDeniedError,
  RateLimitError,
  type RateLimitType,
  RedirectError,
  RouteNotFoundError,
  ServerError,
  ValidationError,
  type ValidationIssue,
  ZoomApiError,
  ZoomConnectionError,
  ZoomImGroupsError,
  ZoomTimeoutError,
} from "./errors.js";
export type {
  AccessTokenOptions,
  CommonOptions,
  ImGroupsClientOptions,
  Logger,
  ServerToServerOptions,
  Throttle,
} from "./options.js";
export { createPacer, type Pacer, type PacerClock, type PacerOptions } from "./pacer.js";
export type * from "./types.js";
