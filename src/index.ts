export type { AccessToken, ServerToServerCredentials } from "./auth.js";
export { type CallOptions, createImGroupsClient, type ImGroupsClient } from "./client.js";
export { type Encoding, encodings, fromFormFields, mediaTypes, toFormData } from "./encoding.js";
export {
  type ApiErrorInput,
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
  ValidationError,
  type ValidationIssue,
  ZoomApiError,
  ZoomConnectionError,
  ZoomImGroupsError,
  ZoomTimeoutError,
} from "./errors.js";
export { createImGroupRequestSchema, documentedResponses, operation } from "./generated/spec.js";
export { type ImGroupsClientOptions, type Logger, redactSecrets, type Throttle } from "./options.js";
export { mayHaveReachedServer } from "./retry.js";
export { retryAfterMs } from "./retry-after.js";
export type {
  CreatedImGroup,
  CreateImGroupBody,
  ImGroup,
  ImGroupType,
  ZoomErrorBody,
  ZoomFieldError,
} from "./types.js";
export { findIssues as validateCreateImGroupBody } from "./validation.js";
