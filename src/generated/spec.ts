// Generated from spec/zoom-im-groups.openapi.yaml by scripts/generate.ts — do not edit. Run `npm run generate`.

/** The operation this package calls, as the spec describes it. */
export const operation = {
  /** The spec's operationId. */
  "operationId": "imGroupCreate",
  /** The HTTP method. */
  "method": "POST",
  /** The path, under the server URL. */
  "path": "/im/groups",
  /** The spec's server: the client's default base URL. */
  "serverUrl": "https://api.zoom.us/v2",
  /** The operation's summary. */
  "summary": "Create an IM directory group",
  /** The OAuth scopes the call needs. */
  "scopes": [
    "imgroup:write:admin"
  ],
  /** Zoom's granular scopes for the call. */
  "granularScopes": [
    "contact_group:write:group:admin"
  ],
  /** Zoom's rate-limit label: which per-second and daily limits apply. */
  "rateLimitLabel": "Light",
  /** The request body's media types, in the spec's order. */
  "requestContentTypes": [
    "multipart/form-data",
    "application/json"
  ]
} as const;

/** The request body's JSON Schema (dereferenced, examples and x- annotations dropped): what the client validates with. */
export const createImGroupRequestSchema = {
  /** The JSON type. */
  "type": "object",
  /** The spec's description. */
  "description": "The fields of a new IM directory group.",
  /** The fields that must be present. */
  "required": [
    "name"
  ],
  /** `false`: a field the schema does not name is refused. */
  "additionalProperties": false,
  /** Each field's schema. */
  "properties": {
    /** `name`: Group name: must be unique to one account. Required by this client: no Zoom v2 description marks it required, but Zoom's v1 error table lists "300 Missing field: name" for this call and a group without a name cannot be told apart from others. */
    "name": {
      /** The JSON type. */
      "type": "string",
      /** The fewest characters (Unicode code points). */
      "minLength": 1,
      /** The most characters (Unicode code points). */
      "maxLength": 128,
      /** The spec's description. */
      "description": "Group name: must be unique to one account.\n\nRequired by this client: no Zoom v2 description marks it required, but Zoom's v1 error table lists\n\"300 Missing field: name\" for this call and a group without a name cannot be told apart from others.\n"
    },
    /** `type`: IM Group types: `normal` - Only members can see automatically see the other members of this group. Other people can search for members within this group. `shared` - Everyone under an account can see the group members automatically. `restricted` - Nobody can see the group or search for members except the members in the group. (This can only be one of normal,shared,restricted) */
    "type": {
      /** The JSON type. */
      "type": "string",
      /** The values allowed. */
      "enum": [
        "normal",
        "shared",
        "restricted"
      ],
      /** What Zoom uses when the field is left out. */
      "default": "normal",
      /** The spec's description. */
      "description": "IM Group types:<br>`normal` - Only members can see automatically see the other members of this group. Other people can search for members within this group. <br>`shared` - Everyone under an account can see the group members automatically.<br>`restricted` - Nobody can see the group or search for members except the members in the group. (This can only be one of normal,shared,restricted)"
    },
    /** `search_by_domain`: Members can search for others in the same email domain. */
    "search_by_domain": {
      /** The JSON type. */
      "type": "boolean",
      /** What Zoom uses when the field is left out. */
      "default": false,
      /** The spec's description. */
      "description": "Members can search for others in the same email domain."
    },
    /** `search_by_account`: Members can search for others under same account. */
    "search_by_account": {
      /** The JSON type. */
      "type": "boolean",
      /** What Zoom uses when the field is left out. */
      "default": false,
      /** The spec's description. */
      "description": "Members can search for others under same account."
    },
    /** `search_by_ma_account`: Members can search for others under same master account, including all sub accounts. */
    "search_by_ma_account": {
      /** The JSON type. */
      "type": "boolean",
      /** What Zoom uses when the field is left out. */
      "default": false,
      /** The spec's description. */
      "description": "Members can search for others under same master account, including all sub accounts."
    }
  }
} as const;

/** The fields of the created group (the 201 body) and their JSON types: the client keeps exactly these. */
export const createdGroupFields = {
  /** The JSON type of `id` in the 201 body. */
  "id": "string",
  /** The JSON type of `name` in the 201 body. */
  "name": "string",
  /** The JSON type of `total_members` in the 201 body. */
  "total_members": "integer",
  /** The JSON type of `search_by_domain` in the 201 body. */
  "search_by_domain": "boolean",
  /** The JSON type of `search_by_account` in the 201 body. */
  "search_by_account": "boolean",
  /** The JSON type of `search_by_ma_account` in the 201 body. */
  "search_by_ma_account": "boolean"
} as const;

/** Every documented response: HTTP status → Zoom error code, description and content types. */
export const documentedResponses = {
  /** HTTP 200. */
  "200": {
    /** Zoom's error code (`x-zoom-error-code`). */
    "zoomCode": 200,
    /** The spec's description of the response. */
    "description": "**Error Code:** `200` <br>\nOnly available for paid account:{accountId}.\n\nZoom files this refusal under HTTP 200 (a quirk of the spec): a 200 that carries no group is a failure.",
    /** The documented content types. */
    "contentTypes": [
      "application/json",
      "text/plain"
    ]
  },
  /** HTTP 201. */
  "201": {
    /** The spec's description of the response. */
    "description": "IM Group created.",
    /** The documented content types. */
    "contentTypes": [
      "application/json"
    ]
  },
  /** HTTP 400. */
  "400": {
    /** Zoom's error code (`x-zoom-error-code`). */
    "zoomCode": 300,
    /** The spec's description of the response. */
    "description": "**HTTP Status Code:** `400` <br>\n**Error Code:** `300` <br>\nValidation failed.",
    /** The documented content types. */
    "contentTypes": [
      "application/json"
    ]
  },
  /** HTTP 401. */
  "401": {
    /** Zoom's error code (`x-zoom-error-code`). */
    "zoomCode": 124,
    /** The spec's description of the response. */
    "description": "**HTTP Status Code:** `401` <br>\n**Error Code:** `124` <br>\nInvalid access token.",
    /** The documented content types. */
    "contentTypes": [
      "application/json"
    ]
  },
  /** HTTP 404. */
  "404": {
    /** Zoom's error code (`x-zoom-error-code`). */
    "zoomCode": 4130,
    /** The spec's description of the response. */
    "description": "**HTTP Status Code:** `404` <br>\n**Error Code:** `4130` <br>\nGroup does not exist:{groupId}.",
    /** The documented content types. */
    "contentTypes": [
      "application/json",
      "text/plain"
    ]
  },
  /** HTTP 409. */
  "409": {
    /** Zoom's error code (`x-zoom-error-code`). */
    "zoomCode": 4132,
    /** The spec's description of the response. */
    "description": "**HTTP Status Code:** `409` <br>\n**Error Code:** `4132` <br>\nGroup name {groupName} is already in use.",
    /** The documented content types. */
    "contentTypes": [
      "application/json",
      "text/plain"
    ]
  },
  /** HTTP 410. */
  "410": {
    /** Zoom's error code (`x-zoom-error-code`). */
    "zoomCode": 4137,
    /** The spec's description of the response. */
    "description": "**HTTP Status Code:** `410` <br>\n**Error Code:** `4137` <br>\nThe IM Group APIs are no longer available.",
    /** The documented content types. */
    "contentTypes": [
      "application/json"
    ]
  },
  /** HTTP 413. */
  "413": {
    /** Zoom's error code (`x-zoom-error-code`). */
    "zoomCode": 300,
    /** The spec's description of the response. */
    "description": "**HTTP Status Code:** `413` <br>\nThe body is larger than the gateway accepts. Not a Zoom document's answer: the mock Zoom (and API\ngateways in front of any server) send it; the body carries code 300.",
    /** The documented content types. */
    "contentTypes": [
      "application/json"
    ]
  },
  /** HTTP 415. */
  "415": {
    /** Zoom's error code (`x-zoom-error-code`). */
    "zoomCode": 300,
    /** The spec's description of the response. */
    "description": "**HTTP Status Code:** `415` <br>\nThe request's content type is neither of the two this operation takes. Not a Zoom document's\nanswer: the mock Zoom sends it (code 300), and gateways may send an `application/problem+json` body.",
    /** The documented content types. */
    "contentTypes": [
      "application/json"
    ]
  },
  /** HTTP 429. */
  "429": {
    /** Zoom's error code (`x-zoom-error-code`). */
    "zoomCode": 429,
    /** The spec's description of the response. */
    "description": "**HTTP Status Code:** `429` <br>\n**Error Code:** `429` <br>\nToo many requests. A per-second limit (`X-RateLimit-Type: QPS`) clears within a second; a daily\nlimit (`X-RateLimit-Type: Daily-limit`) carries `Retry-After` as an ISO-8601 timestamp, hours away.",
    /** The documented content types. */
    "contentTypes": [
      "application/json"
    ]
  }
} as const;
