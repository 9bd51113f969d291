/**
 * A typed client for Zoom's IM directory groups (`/v2/im/groups`: groups and their members), generated from an
 * OpenAPI description: start with {@link createImGroupsClient}. What it throws is below, one class per meaning.
 * @module zoom-im-groups
 */
export type { AccessToken, ServerToServerCredentials } from "./auth.js";
export { type CallOptions, createImGroupsClient, type ImGroupsClient, type ListOptions } from "./client.js";
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
  UserNotFoundError,
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
export {
  type AccountPlan,
  createPacer,
  type Pacer,
  type PacerBudget,
  type PacerClock,
  type PacerOptions,
} from "./pacer.js";
export type { ItemList } from "./pages.js";
export type * from "./types.js";
