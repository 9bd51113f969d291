// Generated from spec/zoom-im-groups.openapi.yaml by scripts/generate.ts — do not edit. Run `npm run generate`.

/** One field of the request body: the JSON Schema keywords the client's validator implements, and help texts. */
export interface FieldSchema {
  /** The JSON type. */
  type: "string" | "boolean" | "integer" | "number";
  /** The spec's description. */
  description?: string;
  /** The values allowed. */
  enum?: readonly string[];
  /** Short help for each enum value, in this project's words (`x-enumDescriptions`). */
  enumDescriptions?: Readonly<Record<string, string>>;
  /** What Zoom uses when the field is left out. */
  default?: string | boolean | number;
  /** The fewest characters (Unicode code points). */
  minLength?: number;
  /** The most characters (Unicode code points). */
  maxLength?: number;
  /** The smallest value. */
  minimum?: number;
  /** The largest value. */
  maximum?: number;
  /** A regular expression (ECMAScript, `u` flag) that the whole value must match. */
  pattern?: string;
  /** What a value breaking `pattern` is told, after the field's name (`x-pattern-message`). */
  patternMessage?: string;
}

/** The keywords of a field that a value can break (what `ValidationIssue.rule` names besides required, type and additionalProperties). */
export type FieldRule = "enum" | "minLength" | "maxLength" | "minimum" | "maximum" | "pattern";

/** A field of the request body. */
export type RequestField = "name" | "type" | "search_by_domain" | "search_by_account" | "search_by_ma_account";

/** The request body's schema: what the client validates with. */
export interface RequestSchema {
  /** Always `"object"`. */
  type: "object";
  /** The spec's description. */
  description?: string;
  /** The fields that must be present. */
  required: readonly RequestField[];
  /** `false`: a field the schema does not name is refused. */
  additionalProperties: boolean;
  /** Each field's schema, in the spec's order. */
  properties: Readonly<Record<RequestField, FieldSchema>>;
}

/** One documented response of the operation. */
export interface DocumentedResponse {
  /** Zoom's error code (`x-zoom-error-code`; the first, where the status documents several). */
  zoomCode?: number;
  /** Every Zoom error code documented for the status (`x-zoom-error-code`: an integer or a list of integers). */
  zoomCodes?: readonly number[];
  /** The spec's description as one plain sentence: a template where Zoom's is (`{groupName}`). */
  message: string;
  /** The documented content types. */
  contentTypes: readonly string[];
}

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
  /** The values of a 429's `X-RateLimit-Type`: which limit was hit. */
  "rateLimitTypes": [
    "QPS",
    "Daily-limit"
  ],
  /** The request body's media types, in the spec's order. */
  "requestContentTypes": [
    "multipart/form-data",
    "application/json"
  ]
} as const;

/** The request body's schema (dereferenced, examples dropped, `x-` help renamed): what the client validates with. */
export const createImGroupRequestSchema: RequestSchema = {
  "type": "object",
  "description": "The fields of a new IM directory group.",
  "required": [
    "name"
  ],
  "additionalProperties": false,
  "properties": {
    /** `name`: The group's name, unique within the account. Required by this client: no Zoom v2 description marks it required, but Zoom's v1 error table lists "300 Missing field: name" for this call and a group without a name cannot be told apart from others. */
    "name": {
      "type": "string",
      "minLength": 1,
      "maxLength": 128,
      "pattern": "^[^\\x00-\\x1F\\x7F-\\x9F\\uD800-\\uDFFF]*$",
      "patternMessage": "must not contain control characters such as line breaks or tabs, or lone surrogates",
      "description": "The group's name, unique within the account.\n\nRequired by this client: no Zoom v2 description marks it required, but Zoom's v1 error table lists\n\"300 Missing field: name\" for this call and a group without a name cannot be told apart from others.\n"
    },
    /** `type`: Who sees the group and can search for its members. */
    "type": {
      "type": "string",
      "enum": [
        "normal",
        "shared",
        "restricted"
      ],
      "default": "normal",
      "enumDescriptions": {
        "normal": "Members see one another; people outside the group can still search for its members.",
        "shared": "Everyone in the account sees the group's members.",
        "restricted": "Only members see the group and can search for its members."
      },
      "description": "Who sees the group and can search for its members."
    },
    /** `search_by_domain`: Whether members can find others whose email is in the same domain. */
    "search_by_domain": {
      "type": "boolean",
      "default": false,
      "description": "Whether members can find others whose email is in the same domain."
    },
    /** `search_by_account`: Whether members can find others in the same account. */
    "search_by_account": {
      "type": "boolean",
      "default": false,
      "description": "Whether members can find others in the same account."
    },
    /** `search_by_ma_account`: Whether members can find others in the same master account, sub accounts included. */
    "search_by_ma_account": {
      "type": "boolean",
      "default": false,
      "description": "Whether members can find others in the same master account, sub accounts included."
    }
  }
};

/** The fields of the created group (the 201 body) and their JSON types: the client keeps exactly these. */
export const createdGroupFields: { readonly [name: string]: FieldSchema["type"] } = {
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
};

/** Every documented response: HTTP status → Zoom error code, plain message and content types. */
export const documentedResponses: { readonly [status in "200" | "201" | "400" | "401" | "404" | "409" | "410" | "413" | "415" | "429"]: DocumentedResponse } = {
  /** HTTP 200. */
  "200": {
    "zoomCode": 200,
    "zoomCodes": [
      200
    ],
    "message": "Only available for paid account:{accountId}.",
    "contentTypes": [
      "application/json",
      "text/plain"
    ]
  },
  /** HTTP 201. */
  "201": {
    "message": "IM Group created.",
    "contentTypes": [
      "application/json"
    ]
  },
  /** HTTP 400. */
  "400": {
    "zoomCode": 300,
    "zoomCodes": [
      300
    ],
    "message": "Validation failed.",
    "contentTypes": [
      "application/json"
    ]
  },
  /** HTTP 401. */
  "401": {
    "zoomCode": 124,
    "zoomCodes": [
      124
    ],
    "message": "Invalid access token.",
    "contentTypes": [
      "application/json"
    ]
  },
  /** HTTP 404. */
  "404": {
    "zoomCode": 4130,
    "zoomCodes": [
      4130
    ],
    "message": "Group does not exist:{groupId}.",
    "contentTypes": [
      "application/json",
      "text/plain"
    ]
  },
  /** HTTP 409. */
  "409": {
    "zoomCode": 4132,
    "zoomCodes": [
      4132
    ],
    "message": "Group name {groupName} is already in use.",
    "contentTypes": [
      "application/json",
      "text/plain"
    ]
  },
  /** HTTP 410. */
  "410": {
    "zoomCode": 4137,
    "zoomCodes": [
      4137
    ],
    "message": "The IM Group APIs are no longer available.",
    "contentTypes": [
      "application/json"
    ]
  },
  /** HTTP 413. */
  "413": {
    "zoomCode": 300,
    "zoomCodes": [
      300
    ],
    "message": "The body is larger than the gateway accepts.",
    "contentTypes": [
      "application/json"
    ]
  },
  /** HTTP 415. */
  "415": {
    "zoomCode": 300,
    "zoomCodes": [
      300
    ],
    "message": "The request's content type is neither of the two this operation takes.",
    "contentTypes": [
      "application/json"
    ]
  },
  /** HTTP 429. */
  "429": {
    "zoomCode": 429,
    "zoomCodes": [
      429
    ],
    "message": "Too many requests.",
    "contentTypes": [
      "application/json"
    ]
  }
};
