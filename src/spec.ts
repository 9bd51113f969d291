/**
 * What a tool needs of the spec, as data: the operation, the request body's field schema with its rules,
 * the documented responses with their Zoom codes, the request media types, and the validator the client
 * uses. The CLI's flags, help and bulk-file checks are built from it; so can a form or a linter of yours.
 * An application that only creates groups needs none of it: the main entry is `zoom-im-groups`.
 * @module zoom-im-groups/spec
 */
export { type Encoding, encodings, mediaTypes } from "./encoding.js";
export type { ValidationIssue } from "./errors.js";
export type { DocumentedResponse, FieldRule, FieldSchema, RequestField, RequestSchema } from "./generated/spec.js";
export { createImGroupRequestSchema, documentedResponses, operation } from "./generated/spec.js";
export { findIssues as validateCreateImGroupBody } from "./validation.js";
