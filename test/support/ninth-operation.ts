/**
 * The ninth operation of issue 27, as a maintainer would write it into the spec: a documented
 * `GET /im/groups/{groupId}/members/{memberId}` (retrieve one member; Light; 200 the member, 404 codes 4130 and
 * 1001, 400, 401, 410, 429 as its siblings document them). Shared by the tests that add it to a copy of the spec
 * (test/ninth-operation.test.ts, test/check-changeset.test.ts); nothing in the repository's own spec has it.
 */
import { SpecEdit } from "./spec-edit.ts";

export const NINTH_ID = "imGroupMember";
export const NINTH_PATH = "/im/groups/{groupId}/members/{memberId}";
/** The documented 200's example: what the mock answers the new path with. */
export const NINTH_EXAMPLE = {
  id: "z8dfkgJ3SS2hQ0L7Oy3LXg",
  email: "ada@example.com",
  first_name: "Ada",
  last_name: "Lovelace",
  type: 2,
};

const ref = (to: string) => ({ $ref: `#/components/${to}` });

export const NINTH_OPERATION = {
  operationId: NINTH_ID,
  summary: "Retrieve an IM directory group member",
  description:
    "Reads one member of a group.\n\n**Scopes**: `imgroup:read:admin` (granular: `contact_group:read:admin`)\n\n" +
    "**Rate Limit Label**: `Light`\n",
  tags: ["IM Groups"],
  security: [{ bearerAuth: [] }],
  "x-zoom-scopes": ["imgroup:read:admin"],
  "x-zoom-granular-scopes": ["contact_group:read:admin"],
  "x-zoom-rate-limit-label": "Light",
  "x-source": {
    operationId: ["zoom-reference"],
    "x-zoom-scopes": ["zoom-reference"],
    "x-zoom-granular-scopes": ["zoom-reference"],
    "x-zoom-rate-limit-label": ["zoom-reference"],
  },
  responses: {
    "200": {
      description: "The member.",
      "x-source": ["zoom-reference"],
      headers: { "x-zm-trackingid": ref("headers/TrackingId") },
      content: {
        "application/json": {
          "x-source": ["zoom-reference"],
          schema: ref("schemas/ImGroupMember"),
          example: NINTH_EXAMPLE,
        },
      },
    },
    "400": ref("responses/PaidAccountOrValidation"),
    "401": ref("responses/InvalidToken"),
    "404": ref("responses/GroupOrUserNotFound"),
    "410": ref("responses/Retired"),
    "429": ref("responses/RateLimited"),
  },
};

/** The spec (YAML) with the ninth operation added: one key, under a path the spec already has. */
export function withNinthOperation(yaml?: string): string {
  return new SpecEdit(yaml).add(["paths", NINTH_PATH, "get"], NINTH_OPERATION).toString();
}
