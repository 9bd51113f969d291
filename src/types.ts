import type { components, paths as specPaths } from "./generated/openapi.js";

/** The body of `POST /im/groups`: `name` is required, the rest take Zoom's defaults when left out. */
export type CreateImGroupBody = components["schemas"]["CreateImGroupRequest"];
/** The body of `PATCH /im/groups/{groupId}`: the create's fields, each optional, at least one. */
export type UpdateImGroupBody = components["schemas"]["UpdateImGroupRequest"];
/** The IM group type: who can see the group and its members. */
export type ImGroupType = NonNullable<CreateImGroupBody["type"]>;
/** A group as Zoom documents it. Every field may be missing (the Postman example of the create is `{}`). */
export type ImGroup = components["schemas"]["ImGroup"];
/** One page of `GET /im/groups`. */
export type ImGroupList = components["schemas"]["ImGroupList"];
/** A member of a group, as the member list documents it. */
export type ImGroupMember = components["schemas"]["ImGroupMember"];
/** One page of `GET /im/groups/{groupId}/members`. */
export type ImGroupMemberList = components["schemas"]["ImGroupMemberList"];
/** A user to add to a group: by `id` or by `email` (the id wins when both are given). */
export type MemberToAdd = components["schemas"]["MemberToAdd"];
/** The body of `POST /groups` (Zoom's Groups API): the name. */
export type CreateGroupBody = components["schemas"]["CreateGroupRequest"];
/** A group of Zoom's Groups API. */
export type Group = components["schemas"]["Group"];
/** The answer of `GET /groups`. */
export type GroupList = components["schemas"]["GroupList"];
/** Zoom's error body: `{ code, message, errors? }`. */
export type ZoomErrorBody = components["schemas"]["ZoomError"];
/** One of Zoom's field errors from a failed validation (code 300). */
export type ZoomFieldError = NonNullable<ZoomErrorBody["errors"]>[number];
/** The spec's paths, for a bare openapi-fetch client (`createClient<paths>(…)`): none of this client's checks. */
export type paths = specPaths;

/** What `createImGroup` resolves with. */
export interface CreatedImGroup extends ImGroup {
  /** The group id: from the body, else the `Content-Location`, else the group of that name in the list. */
  id: string;
  /** The raw `Content-Location` header, when Zoom sent one. */
  location?: string;
  /** Zoom's `x-zm-trackingid`: quote it to Zoom support. */
  trackingId?: string;
  /** The HTTP status: 201, or 200 when Zoom answered 200 with a group. */
  status: number;
}

/** What `createGroup` resolves with. */
export interface CreatedGroup extends Group {
  /** The group id: from the body, else the group of that name in the list. */
  id: string;
  /** Zoom's `x-zm-trackingid`: quote it to Zoom support. */
  trackingId?: string;
  /** The HTTP status. */
  status: number;
}

/** What `addImGroupMembers` resolves with. */
export interface AddedImGroupMembers {
  /** The members Zoom accepted, as given. */
  added: MemberToAdd[];
  /** The members Zoom does not know (code 1001): not added; the others of their call were. */
  unknown: MemberToAdd[];
  /** The user ids Zoom reported added (its `ids`, split at commas). */
  ids: string[];
}
