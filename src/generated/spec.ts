// Generated from spec/zoom-im-groups.openapi.yaml by scripts/generate.ts — do not edit. Run `npm run generate`.

/** The operation this package calls, as the spec describes it. */
export const operation = {
  "operationId": "imGroupCreate",
  "method": "POST",
  "path": "/im/groups",
  "serverUrl": "https://api.zoom.us/v2",
  "summary": "Create an IM directory group",
  "scopes": [
    "imgroup:write:admin"
  ],
  "granularScopes": [
    "contact_group:write:group:admin"
  ],
  "rateLimitLabel": "Light",
  "requestContentTypes": [
    "multipart/form-data",
    "application/json"
  ]
} as const;

/** The request body's JSON Schema (dereferenced, examples and x- annotations dropped): what the client validates with. */
export const createImGroupRequestSchema = {
  "type": "object",
  "description": "The fields of a new IM directory group.",
  "required": [
    "name"
  ],
  "additionalProperties": false,
  "properties": {
    "name": {
      "type": "string",
      "minLength": 1,
      "maxLength": 128,
      "description": "Group name: must be unique to one account.\n\nRequired by this client: no Zoom v2 description marks it required, but Zoom's v1 error table lists\n\"300 Missing field: name\" for this call and a group without a name cannot be told apart from others.\n"
    },
    "type": {
      "type": "string",
      "enum": [
        "normal",
        "shared",
        "restricted"
      ],
      "default": "normal",
      "description": "IM Group types:<br>`normal` - Only members can see automatically see the other members of this group. Other people can search for members within this group. <br>`shared` - Everyone under an account can see the group members automatically.<br>`restricted` - Nobody can see the group or search for members except the members in the group. (This can only be one of normal,shared,restricted)"
    },
    "search_by_domain": {
      "type": "boolean",
      "default": false,
      "description": "Members can search for others in the same email domain."
    },
    "search_by_account": {
      "type": "boolean",
      "default": false,
      "description": "Members can search for others under same account."
    },
    "search_by_ma_account": {
      "type": "boolean",
      "default": false,
      "description": "Members can search for others under same master account, including all sub accounts."
    }
  }
} as const;

/** The fields of the created group (the 201 body) and their JSON types: the client keeps exactly these. */
export const createdGroupFields = {
  "id": "string",
  "name": "string",
  "total_members": "integer",
  "search_by_domain": "boolean",
  "search_by_account": "boolean",
  "search_by_ma_account": "boolean"
} as const;

/** Every documented response: HTTP status → Zoom error code, description and content types. */
export const documentedResponses = {
  "200": {
    "zoomCode": 200,
    "description": "**Error Code:** `200` <br>\nOnly available for paid account:{accountId}.\n\nZoom files this refusal under HTTP 200 (a quirk of the spec): a 200 that carries no group is a failure.",
    "contentTypes": [
      "application/json",
      "text/plain"
    ]
  },
  "201": {
    "description": "IM Group created.",
    "contentTypes": [
      "application/json"
    ]
  },
  "400": {
    "zoomCode": 300,
    "description": "**HTTP Status Code:** `400` <br>\n**Error Code:** `300` <br>\nValidation failed.",
    "contentTypes": [
      "application/json"
    ]
  },
  "401": {
    "zoomCode": 124,
    "description": "**HTTP Status Code:** `401` <br>\n**Error Code:** `124` <br>\nInvalid access token.",
    "contentTypes": [
      "application/json"
    ]
  },
  "404": {
    "zoomCode": 4130,
    "description": "**HTTP Status Code:** `404` <br>\n**Error Code:** `4130` <br>\nGroup does not exist:{groupId}.",
    "contentTypes": [
      "application/json",
      "text/plain"
    ]
  },
  "409": {
    "zoomCode": 4132,
    "description": "**HTTP Status Code:** `409` <br>\n**Error Code:** `4132` <br>\nGroup name {groupName} is already in use.",
    "contentTypes": [
      "application/json",
      "text/plain"
    ]
  },
  "410": {
    "zoomCode": 4137,
    "description": "**HTTP Status Code:** `410` <br>\n**Error Code:** `4137` <br>\nThe IM Group APIs are no longer available.",
    "contentTypes": [
      "application/json"
    ]
  },
  "413": {
    "zoomCode": 300,
    "description": "**HTTP Status Code:** `413` <br>\nThe body is larger than the gateway accepts. Not a Zoom document's answer: the mock Zoom (and API\ngateways in front of any server) send it; the body carries code 300.",
    "contentTypes": [
      "application/json"
    ]
  },
  "415": {
    "zoomCode": 300,
    "description": "**HTTP Status Code:** `415` <br>\nThe request's content type is neither of the two this operation takes. Not a Zoom document's\nanswer: the mock Zoom sends it (code 300), and gateways may send an `application/problem+json` body.",
    "contentTypes": [
      "application/json"
    ]
  },
  "429": {
    "zoomCode": 429,
    "description": "**HTTP Status Code:** `429` <br>\n**Error Code:** `429` <br>\nToo many requests. A per-second limit (`X-RateLimit-Type: QPS`) clears within a second; a daily\nlimit (`X-RateLimit-Type: Daily-limit`) carries `Retry-After` as an ISO-8601 timestamp, hours away.",
    "contentTypes": [
      "application/json"
    ]
  }
} as const;
