/**
 * What a tool needs of the spec, as data: the operation, the request body's field schema with its rules,
 * the documented responses with their Zoom codes, the request media types, and the validator the client
 * uses. The CLI's flags, help and bulk-file checks are built from it; so can a form or a linter of yours.
 * An application that only creates groups needs none of it: the main entry is `zoom-im-groups`.
 * @module zoom-im-groups/spec
 */
export { type Encoding, encodings, mediaTypes } from "./encoding.js";
export type { ValidationIssue } from "./errors.js";

import { specMessage } from "./errors.js";
import { fillTemplate } from "./response.js";

export type { DocumentedResponse, FieldRule, FieldSchema, RequestField, RequestSchema } from "./generated/spec.js";
export { createImGroupRequestSchema, documentedResponses, operation } from "./generated/spec.js";
export { validateCreateImGroupBody } from "./validation.js";

/**
 * The spec's message for a documented status (`"409"` → `Group name {groupName} is already in use.`), its
 * placeholders filled from `values`; a placeholder without a value is written as `missing`, or left out with
 * the punctuation that introduced it. Undefined for a status the spec does not document.
 */
export function documentedMessage(
  status: number | string,
  values: Readonly<Record<string, string>> = {},
  missing?: string,
): string | undefined {
  const message = specMessage(status);
  return message && fillTemplate(message, values, missing);
}
