/**
 * A typed client for Zoom's IM directory groups (`/v2/im/groups`: groups and their members), generated from an
 * OpenAPI description: start with {@link createImGroupsClient}. What it throws is below, one class per meaning.
 * @module zoom-im-groups
 */
export type { AccessToken, ServerToServerCredentials } from "./auth.js";
export type { CallOptions, ImGroupsClient, ListOptions } from "./client.js";
export { createImGroupsClient } from "./client.js";
export type { Encoding } from "./encoding.js";
export type { ApiErrorInput, Endpoint, ErrorFacts, RateLimitType, ValidationIssue } from "./errors.js";
export {
  AuthenticationError,
  BadRequestError,
  ConfigurationError,
  GroupNameConflictError,
  GroupNotFoundError,
  ImGroupsApiRetiredError,
  isZoomApiError,
  PaidAccountRequiredError,
  PermissionDeniedError,
  RateLimitError,
  RedirectError,
  RouteNotFoundError,
  ServerError,
  UserNotFoundError,
  ValidationError,
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
export type { AccountPlan, Pacer, PacerBudget, PacerClock, PacerOptions } from "./pacer.js";
export { createPacer } from "./pacer.js";
export type { ItemList } from "./pages.js";
export type * from "./types.js";
