import type { components, paths as specPaths } from "./generated/openapi.js";

/** The body of `POST /im/groups`: `name` is required, the rest take Zoom's defaults when left out. */
export type CreateImGroupBody = components["schemas"]["CreateImGroupRequest"];
/** The IM group type: who can see the group and its members. */
export type ImGroupType = NonNullable<CreateImGroupBody["type"]>;
/** A group as Zoom's reference documents the 201 body. Every field may be missing (the Postman example is `{}`). */
export type ImGroup = components["schemas"]["ImGroup"];
/** Zoom's error body: `{ code, message, errors? }`. */
export type ZoomErrorBody = components["schemas"]["ZoomError"];
/** One of Zoom's field errors from a failed validation (code 300). */
export type ZoomFieldError = NonNullable<ZoomErrorBody["errors"]>[number];
/** The spec's paths, for a bare openapi-fetch client (`createClient<paths>(…)`): none of this client's checks. */
export type paths = specPaths;

/** What `createImGroup` resolves with. */
export interface CreatedImGroup extends ImGroup {
  /** The group id, from the body or else the last segment of a `Content-Location` under `/im/groups/`. */
  id?: string;
  /** The raw `Content-Location` header, when Zoom sent one. */
  location?: string;
  /** Zoom's `x-zm-trackingid`: quote it to Zoom support. */
  trackingId?: string;
  /** The HTTP status: 201, or 200 when Zoom answered 200 with a group. */
  status: number;
}
