// Generated from spec/zoom-im-groups.openapi.yaml by scripts/generate.ts — do not edit. Run `npm run generate`.

/** A JSON Schema as the spec states it (dereferenced, `x-` annotations dropped but the two the client shows). */
export interface Schema {
  /** The JSON type. */
  type?: "string" | "boolean" | "integer" | "number" | "array" | "object";
  /** The spec's description. */
  description?: string;
  /** The values allowed. */
  enum?: readonly (string | number | boolean)[];
  /** Short help for each enum value, in this project's words (`x-enumDescriptions`). */
  enumDescriptions?: Readonly<Record<string, string>>;
  /** What Zoom uses when the field is left out. */
  default?: string | boolean | number;
  /** The fewest characters (Unicode code points). */
  minLength?: number;
  /** The most characters (Unicode code points). */
  maxLength?: number;
  /** A regular expression (ECMAScript, `u` flag) that the value must match. */
  pattern?: string;
  /** What a value breaking `pattern` is told, after the field's name (`x-pattern-message`). */
  patternMessage?: string;
  /** A named format (`email`, `date-time`). */
  format?: string;
  /** The smallest value. */
  minimum?: number;
  /** The largest value. */
  maximum?: number;
  /** The fewest items of a list. */
  minItems?: number;
  /** The most items of a list. */
  maxItems?: number;
  /** The fewest fields an object names. */
  minProperties?: number;
  /** An object's fields. */
  properties?: Readonly<Record<string, Schema>>;
  /** The fields an object must name. */
  required?: readonly string[];
  /** `false`: a field the schema does not name is refused. */
  additionalProperties?: boolean;
  /** The schema of a list's items. */
  items?: Schema;
  /** Deprecated by Zoom: documented, never sent. */
  deprecated?: boolean;
}

/** An object schema with its fields: a request body. */
export interface ObjectSchema extends Schema {
  /** Its fields. */
  properties: Readonly<Record<string, Schema>>;
  /** The fields it requires. */
  required: readonly string[];
}

/** How a list operation's answer carries its items and pages. */
export interface ListShape {
  /** The answer's field that holds the items. */
  items: string;
  /** Whether `next_page_token` pages it. */
  paged: boolean;
  /** The query parameter that sizes a page, and its maximum. */
  pageSize?: PageSize;
}

/** The query parameter that sizes a page of a list. */
export interface PageSize {
  /** The parameter's name. */
  param: string;
  /** Its maximum. */
  max: number;
}

/** A request body whose one required list has a per-call maximum. */
export interface BatchShape {
  /** The list's field. */
  field: string;
  /** The most items one call takes (`maxItems`). */
  max: number;
}

/** One documented answer of an operation. */
export interface DocumentedResponse {
  /** Zoom's error code (`x-zoom-error-code`; the first, where the status documents several). */
  zoomCode?: number;
  /** Every Zoom error code documented for the status. */
  zoomCodes?: readonly number[];
  /** The spec's description as one plain sentence: a template where Zoom's is (`{groupName}`). */
  message: string;
  /** The documented content types. */
  contentTypes: readonly string[];
  /** The documented JSON example, if any (the mock answers with it on demand). */
  example?: unknown;
  /** The documented headers by name as the spec spells it (HTTP matches them in any case), with their schemas. */
  headers?: Readonly<Record<string, Schema>>;
}

/** An operation, as the spec describes it. */
export interface Operation {
  /** The spec's operationId. */
  operationId: string;
  /** The HTTP method. */
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** The path under the server URL, with `{parameters}`. */
  path: string;
  /** The operation's summary. */
  summary: string;
  /** The OAuth scopes the call needs. */
  scopes: readonly string[];
  /** Zoom's granular scopes for the call. */
  granularScopes: readonly string[];
  /** Zoom's rate-limit label: which per-second budget of the account the call draws from. */
  rateLimitLabel: string;
  /** Repeating the call changes nothing more (by method, or `x-zoom-idempotent`). */
  idempotent: boolean;
  /** Path parameters, in path order. */
  pathParams: readonly string[];
  /** Query parameters. */
  queryParams: readonly string[];
  /** The parameters' schemas, as one object: what the client validates them with. */
  params: Schema;
  /** The request body's media types, in the spec's order (none without a body). */
  requestContentTypes: readonly string[];
  /** The request body's schema (one for every media type). */
  requestSchema?: Schema;
  /** The documented success status. */
  successStatus: number;
  /** The success body's schema, where it has one. */
  successSchema?: Schema;
  /** Successful calls Zoom allows per account per UTC day (`x-zoom-daily-cap`), beyond the label's rate. */
  dailyCap?: number;
  /** The most of what the operation creates that an account may hold (`x-zoom-account-max`). */
  accountMax?: number;
  /** A list answer: the array it carries, and whether `next_page_token` pages it. */
  list?: ListShape;
  /** A request body whose required list has a per-call maximum: sent in calls of `max`. */
  batch?: BatchShape;
  /** Every documented answer by HTTP status. */
  responses: Readonly<Record<string, DocumentedResponse>>;
}

/** The spec's server: the client's default base URL. */
export const serverUrl = "https://api.zoom.us/v2";

/** Every operation of the spec, keyed by operationId. */
export const operations = {
  "imGroupCreate": {
    "operationId": "imGroupCreate",
    "method": "POST",
    "path": "/im/groups",
    "summary": "Create an IM directory group",
    "scopes": [
      "imgroup:write:admin"
    ],
    "granularScopes": [
      "contact_group:write:group:admin"
    ],
    "rateLimitLabel": "Light",
    "idempotent": false,
    "pathParams": [],
    "queryParams": [],
    "params": {
      "type": "object",
      "properties": {},
      "required": [],
      "additionalProperties": false
    },
    "requestContentTypes": [
      "multipart/form-data",
      "application/json"
    ],
    "requestSchema": {
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
          "pattern": "^[^\\x00-\\x1F\\x7F-\\x9F\\uD800-\\uDFFF]*$",
          "patternMessage": "must not contain control characters such as line breaks or tabs, or lone surrogates",
          "description": "The group's name, unique within the account.\n\nRequired by this client: no Zoom v2 description marks it required, but Zoom's v1 error table lists\n\"300 Missing field: name\" for this call and a group without a name cannot be told apart from others.\n"
        },
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
        "search_by_domain": {
          "type": "boolean",
          "default": false,
          "description": "Whether members can find others whose email is in the same domain."
        },
        "search_by_account": {
          "type": "boolean",
          "default": false,
          "description": "Whether members can find others in the same account."
        },
        "search_by_ma_account": {
          "type": "boolean",
          "default": false,
          "description": "Whether members can find others in the same master account, sub accounts included."
        }
      }
    },
    "successStatus": 201,
    "successSchema": {
      "type": "object",
      "description": "The created group as Zoom's files and current reference describe it. Nothing is required: the Postman\nitem's example body is `{}`, and Zoom may add fields.\n",
      "properties": {
        "id": {
          "type": "string",
          "description": "Group ID."
        },
        "name": {
          "type": "string",
          "description": "Group name."
        },
        "total_members": {
          "type": "integer",
          "description": "Total number of members in the group."
        },
        "type": {
          "type": "string",
          "enum": [
            "normal",
            "shared",
            "restricted"
          ],
          "description": "Who sees the group and can search for its members (read answers; the create's has none)."
        },
        "search_by_domain": {
          "type": "boolean",
          "description": "Whether members can find others whose email is in the same domain."
        },
        "search_by_account": {
          "type": "boolean",
          "description": "Whether members can find others in the same account."
        },
        "search_by_ma_account": {
          "type": "boolean",
          "description": "Whether members can find others in the same master account, sub accounts included."
        }
      }
    },
    "responses": {
      "200": {
        "zoomCode": 200,
        "zoomCodes": [
          200
        ],
        "message": "Only available for paid account:{accountId}.",
        "contentTypes": [
          "application/json",
          "text/plain"
        ],
        "example": {
          "code": 200,
          "message": "Only available for Paid account."
        },
        "headers": {
          "x-zm-trackingid": {
            "type": "string"
          }
        }
      },
      "201": {
        "message": "IM Group created.",
        "contentTypes": [
          "application/json"
        ],
        "example": {
          "id": "3Bq0qmdvRAKCVlJJ2yUxlA",
          "name": "Design team",
          "total_members": 0,
          "search_by_account": true,
          "search_by_domain": false,
          "search_by_ma_account": false
        },
        "headers": {
          "Content-Location": {
            "type": "string"
          },
          "x-zm-trackingid": {
            "type": "string"
          }
        }
      },
      "400": {
        "zoomCode": 300,
        "zoomCodes": [
          300
        ],
        "message": "Validation failed.",
        "contentTypes": [
          "application/json"
        ],
        "example": {
          "code": 300,
          "message": "Validation Failed.",
          "errors": [
            {
              "field": "type",
              "message": "Invalid field: type must be one of normal, shared, restricted."
            }
          ]
        },
        "headers": {
          "x-zm-trackingid": {
            "type": "string"
          }
        }
      },
      "401": {
        "zoomCode": 124,
        "zoomCodes": [
          124
        ],
        "message": "Invalid access token.",
        "contentTypes": [
          "application/json"
        ],
        "example": {
          "code": 124,
          "message": "Invalid access token."
        },
        "headers": {
          "x-zm-trackingid": {
            "type": "string"
          }
        }
      },
      "404": {
        "zoomCode": 4130,
        "zoomCodes": [
          4130
        ],
        "message": "Group does not exist:{groupId}.",
        "contentTypes": [
          "application/json",
          "text/plain"
        ],
        "example": {
          "code": 4130,
          "message": "Group does not exist: 3Bq0qmdvRAKCVlJJ2yUxlA."
        },
        "headers": {
          "x-zm-trackingid": {
            "type": "string"
          }
        }
      },
      "409": {
        "zoomCode": 4132,
        "zoomCodes": [
          4132
        ],
        "message": "Group name {groupName} is already in use.",
        "contentTypes": [
          "application/json",
          "text/plain"
        ],
        "example": {
          "code": 4132,
          "message": "Group name Design team is already in use."
        },
        "headers": {
          "x-zm-trackingid": {
            "type": "string"
          }
        }
      },
      "410": {
        "zoomCode": 4137,
        "zoomCodes": [
          4137
        ],
        "message": "The IM Group APIs are no longer available.",
        "contentTypes": [
          "application/json"
        ],
        "example": {
          "code": 4137,
          "message": "The IM Group APIs are no longer available."
        },
        "headers": {
          "x-zm-trackingid": {
            "type": "string"
          }
        }
      },
      "413": {
        "zoomCode": 300,
        "zoomCodes": [
          300
        ],
        "message": "The body is larger than the gateway accepts.",
        "contentTypes": [
          "application/json"
        ],
        "example": {
          "code": 300,
          "message": "The body is larger than 1048576 bytes."
        },
        "headers": {
          "x-zm-trackingid": {
            "type": "string"
          }
        }
      },
      "415": {
        "zoomCode": 300,
        "zoomCodes": [
          300
        ],
        "message": "The request's content type is neither of the two this operation takes.",
        "contentTypes": [
          "application/json"
        ],
        "example": {
          "code": 300,
          "message": "Unsupported content type \"text/csv\": send multipart/form-data or application/json."
        },
        "headers": {
          "x-zm-trackingid": {
            "type": "string"
          }
        }
      },
      "429": {
        "zoomCode": 429,
        "zoomCodes": [
          429
        ],
        "message": "Too many requests.",
        "contentTypes": [
          "application/json"
        ],
        "example": {
          "code": 429,
          "message": "You have reached the maximum per-second rate limit for this API. Try again later."
        },
        "headers": {
          "x-zm-trackingid": {
            "type": "string"
          },
          "Retry-After": {
            "type": "string"
          },
          "X-RateLimit-Category": {
            "type": "string"
          },
          "X-RateLimit-Type": {
            "type": "string",
            "enum": [
              "QPS",
              "Daily-limit"
            ]
          },
          "X-RateLimit-Limit": {
            "type": "integer"
          },
          "X-RateLimit-Remaining": {
            "type": "integer"
          }
        }
      }
    }
  },
  "imGroups": {
    "operationId": "imGroups",
    "method": "GET",
    "path": "/im/groups",
    "summary": "List IM directory groups",
    "scopes": [
      "imgroup:read:admin"
    ],
    "granularScopes": [
      "contact_group:read:admin"
    ],
    "rateLimitLabel": "Medium",
    "idempotent": true,
    "pathParams": [],
    "queryParams": [],
    "params": {
      "type": "object",
      "properties": {},
      "required": [],
      "additionalProperties": false
    },
    "requestContentTypes": [],
    "successStatus": 200,
    "successSchema": {
      "type": "object",
      "description": "The account's groups.",
      "required": [
        "groups"
      ],
      "properties": {
        "page_count": {
          "type": "integer",
          "description": "How many pages the list has."
        },
        "page_number": {
          "type": "integer",
          "description": "Which page this is (deprecated by Zoom)."
        },
        "page_size": {
          "type": "integer",
          "description": "How many records a page holds."
        },
        "total_records": {
          "type": "integer",
          "description": "How many groups the account has."
        },
        "next_page_token": {
          "type": "string",
          "description": "The next page's token, when there is one."
        },
        "groups": {
          "type": "array",
          "description": "The groups of this page.",
          "items": {
            "type": "object",
            "description": "The created group as Zoom's files and current reference describe it. Nothing is required: the Postman\nitem's example body is `{}`, and Zoom may add fields.\n",
            "properties": {
              "id": {
                "type": "string",
                "description": "Group ID."
              },
              "name": {
                "type": "string",
                "description": "Group name."
              },
              "total_members": {
                "type": "integer",
                "description": "Total number of members in the group."
              },
              "type": {
                "type": "string",
                "enum": [
                  "normal",
                  "shared",
                  "restricted"
                ],
                "description": "Who sees the group and can search for its members (read answers; the create's has none)."
              },
              "search_by_domain": {
                "type": "boolean",
                "description": "Whether members can find others whose email is in the same domain."
              },
              "search_by_account": {
                "type": "boolean",
                "description": "Whether members can find others in the same account."
              },
              "search_by_ma_account": {
                "type": "boolean",
                "description": "Whether members can find others in the same master account, sub accounts included."
              }
            }
          }
        }
      }
    },
    "list": {
      "items": "groups",
      "paged": false
    },
    "responses": {
      "200": {
        "message": "The account's IM directory groups.",
        "contentTypes": [
          "application/json"
        ],
        "headers": {
          "x-zm-trackingid": {
            "type": "string"
          }
        }
      },
      "400": {
        "zoomCode": 300,
        "zoomCodes": [
          300,
          200
        ],
        "message": "Validation failed.",
        "contentTypes": [
          "application/json"
        ],
        "example": {
          "code": 300,
          "message": "Validation Failed."
        },
        "headers": {
          "x-zm-trackingid": {
            "type": "string"
          }
        }
      },
      "401": {
        "zoomCode": 124,
        "zoomCodes": [
          124
        ],
        "message": "Invalid access token.",
        "contentTypes": [
          "application/json"
        ],
        "example": {
          "code": 124,
          "message": "Invalid access token."
        },
        "headers": {
          "x-zm-trackingid": {
            "type": "string"
          }
        }
      },
      "410": {
        "zoomCode": 4137,
        "zoomCodes": [
          4137
        ],
        "message": "The IM Group APIs are no longer available.",
        "contentTypes": [
          "application/json"
        ],
        "example": {
          "code": 4137,
          "message": "The IM Group APIs are no longer available."
        },
        "headers": {
          "x-zm-trackingid": {
            "type": "string"
          }
        }
      },
      "429": {
        "zoomCode": 429,
        "zoomCodes": [
          429
        ],
        "message": "Too many requests: a per-second limit (`X-RateLimit-Type: QPS`) or a daily one (`Daily-limit`).",
        "contentTypes": [
          "application/json"
        ],
        "example": {
          "code": 429,
          "message": "You have reached the maximum per-second rate limit for this API. Try again later."
        },
        "headers": {
          "x-zm-trackingid": {
            "type": "string"
          },
          "Retry-After": {
            "type": "string"
          },
          "X-RateLimit-Category": {
            "type": "string"
          },
          "X-RateLimit-Type": {
            "type": "string",
            "enum": [
              "QPS",
              "Daily-limit"
            ]
          }
        }
      }
    }
  },
  "imGroup": {
    "operationId": "imGroup",
    "method": "GET",
    "path": "/im/groups/{groupId}",
    "summary": "Retrieve an IM directory group",
    "scopes": [
      "imgroup:read:admin"
    ],
    "granularScopes": [
      "contact_group:read:admin"
    ],
    "rateLimitLabel": "Light",
    "idempotent": true,
    "pathParams": [
      "groupId"
    ],
    "queryParams": [],
    "params": {
      "type": "object",
      "properties": {
        "groupId": {
          "type": "string",
          "minLength": 1,
          "pattern": "^(?!\\.\\.?$)",
          "patternMessage": "must not be . or .. (an id is one path segment)"
        }
      },
      "required": [
        "groupId"
      ],
      "additionalProperties": false
    },
    "requestContentTypes": [],
    "successStatus": 200,
    "successSchema": {
      "type": "object",
      "description": "The created group as Zoom's files and current reference describe it. Nothing is required: the Postman\nitem's example body is `{}`, and Zoom may add fields.\n",
      "properties": {
        "id": {
          "type": "string",
          "description": "Group ID."
        },
        "name": {
          "type": "string",
          "description": "Group name."
        },
        "total_members": {
          "type": "integer",
          "description": "Total number of members in the group."
        },
        "type": {
          "type": "string",
          "enum": [
            "normal",
            "shared",
            "restricted"
          ],
          "description": "Who sees the group and can search for its members (read answers; the create's has none)."
        },
        "search_by_domain": {
          "type": "boolean",
          "description": "Whether members can find others whose email is in the same domain."
        },
        "search_by_account": {
          "type": "boolean",
          "description": "Whether members can find others in the same account."
        },
        "search_by_ma_account": {
          "type": "boolean",
          "description": "Whether members can find others in the same master account, sub accounts included."
        }
      }
    },
    "responses": {
      "200": {
        "message": "The group.",
        "contentTypes": [
          "application/json"
        ],
        "headers": {
          "x-zm-trackingid": {
            "type": "string"
          }
        }
      },
      "400": {
        "zoomCode": 300,
        "zoomCodes": [
          300,
          200
        ],
        "message": "Validation failed.",
        "contentTypes": [
          "application/json"
        ],
        "example": {
          "code": 300,
          "message": "Validation Failed."
        },
        "headers": {
          "x-zm-trackingid": {
            "type": "string"
          }
        }
      },
      "401": {
        "zoomCode": 124,
        "zoomCodes": [
          124
        ],
        "message": "Invalid access token.",
        "contentTypes": [
          "application/json"
        ],
        "example": {
          "code": 124,
          "message": "Invalid access token."
        },
        "headers": {
          "x-zm-trackingid": {
            "type": "string"
          }
        }
      },
      "404": {
        "zoomCode": 4130,
        "zoomCodes": [
          4130
        ],
        "message": "Group does not exist:{groupId}.",
        "contentTypes": [
          "application/json"
        ],
        "example": {
          "code": 4130,
          "message": "Group does not exist: 3Bq0qmdvRAKCVlJJ2yUxlA."
        },
        "headers": {
          "x-zm-trackingid": {
            "type": "string"
          }
        }
      },
      "410": {
        "zoomCode": 4137,
        "zoomCodes": [
          4137
        ],
        "message": "The IM Group APIs are no longer available.",
        "contentTypes": [
          "application/json"
        ],
        "example": {
          "code": 4137,
          "message": "The IM Group APIs are no longer available."
        },
        "headers": {
          "x-zm-trackingid": {
            "type": "string"
          }
        }
      },
      "429": {
        "zoomCode": 429,
        "zoomCodes": [
          429
        ],
        "message": "Too many requests: a per-second limit (`X-RateLimit-Type: QPS`) or a daily one (`Daily-limit`).",
        "contentTypes": [
          "application/json"
        ],
        "example": {
          "code": 429,
          "message": "You have reached the maximum per-second rate limit for this API. Try again later."
        },
        "headers": {
          "x-zm-trackingid": {
            "type": "string"
          },
          "Retry-After": {
            "type": "string"
          },
          "X-RateLimit-Category": {
            "type": "string"
          },
          "X-RateLimit-Type": {
            "type": "string",
            "enum": [
              "QPS",
              "Daily-limit"
            ]
          }
        }
      }
    }
  },
  "imGroupUpdate": {
    "operationId": "imGroupUpdate",
    "method": "PATCH",
    "path": "/im/groups/{groupId}",
    "summary": "Update an IM directory group",
    "scopes": [
      "imgroup:write:admin"
    ],
    "granularScopes": [
      "contact_group:write:group:admin"
    ],
    "rateLimitLabel": "Light",
    "idempotent": true,
    "pathParams": [
      "groupId"
    ],
    "queryParams": [],
    "params": {
      "type": "object",
      "properties": {
        "groupId": {
          "type": "string",
          "minLength": 1,
          "pattern": "^(?!\\.\\.?$)",
          "patternMessage": "must not be . or .. (an id is one path segment)"
        }
      },
      "required": [
        "groupId"
      ],
      "additionalProperties": false
    },
    "requestContentTypes": [
      "multipart/form-data",
      "application/json"
    ],
    "requestSchema": {
      "type": "object",
      "description": "The fields of an IM directory group to change; the ones left out keep their values.",
      "minProperties": 1,
      "additionalProperties": false,
      "properties": {
        "name": {
          "type": "string",
          "minLength": 1,
          "maxLength": 128,
          "pattern": "^[^\\x00-\\x1F\\x7F-\\x9F\\uD800-\\uDFFF]*$",
          "patternMessage": "must not contain control characters such as line breaks or tabs, or lone surrogates",
          "description": "The group's name, unique within the account.\n\nRequired by this client: no Zoom v2 description marks it required, but Zoom's v1 error table lists\n\"300 Missing field: name\" for this call and a group without a name cannot be told apart from others.\n"
        },
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
        "search_by_domain": {
          "type": "boolean",
          "default": false,
          "description": "Whether members can find others whose email is in the same domain."
        },
        "search_by_account": {
          "type": "boolean",
          "default": false,
          "description": "Whether members can find others in the same account."
        },
        "search_by_ma_account": {
          "type": "boolean",
          "default": false,
          "description": "Whether members can find others in the same master account, sub accounts included."
        }
      }
    },
    "successStatus": 204,
    "responses": {
      "204": {
        "message": "The group was updated.",
        "contentTypes": [],
        "headers": {
          "x-zm-trackingid": {
            "type": "string"
          }
        }
      },
      "400": {
        "zoomCode": 300,
        "zoomCodes": [
          300,
          200
        ],
        "message": "Validation failed.",
        "contentTypes": [
          "application/json"
        ],
        "example": {
          "code": 300,
          "message": "Validation Failed."
        },
        "headers": {
          "x-zm-trackingid": {
            "type": "string"
          }
        }
      },
      "401": {
        "zoomCode": 124,
        "zoomCodes": [
          124
        ],
        "message": "Invalid access token.",
        "contentTypes": [
          "application/json"
        ],
        "example": {
          "code": 124,
          "message": "Invalid access token."
        },
        "headers": {
          "x-zm-trackingid": {
            "type": "string"
          }
        }
      },
      "404": {
        "zoomCode": 4130,
        "zoomCodes": [
          4130
        ],
        "message": "Group does not exist:{groupId}.",
        "contentTypes": [
          "application/json"
        ],
        "example": {
          "code": 4130,
          "message": "Group does not exist: 3Bq0qmdvRAKCVlJJ2yUxlA."
        },
        "headers": {
          "x-zm-trackingid": {
            "type": "string"
          }
        }
      },
      "409": {
        "zoomCode": 4132,
        "zoomCodes": [
          4132
        ],
        "message": "Group name {groupName} is already in use.",
        "contentTypes": [
          "application/json"
        ],
        "example": {
          "code": 4132,
          "message": "Group name Design team is already in use."
        },
        "headers": {
          "x-zm-trackingid": {
            "type": "string"
          }
        }
      },
      "410": {
        "zoomCode": 4137,
        "zoomCodes": [
          4137
        ],
        "message": "The IM Group APIs are no longer available.",
        "contentTypes": [
          "application/json"
        ],
        "example": {
          "code": 4137,
          "message": "The IM Group APIs are no longer available."
        },
        "headers": {
          "x-zm-trackingid": {
            "type": "string"
          }
        }
      },
      "413": {
        "zoomCode": 300,
        "zoomCodes": [
          300
        ],
        "message": "The body is larger than the gateway accepts.",
        "contentTypes": [
          "application/json"
        ],
        "example": {
          "code": 300,
          "message": "The body is larger than 1048576 bytes."
        },
        "headers": {
          "x-zm-trackingid": {
            "type": "string"
          }
        }
      },
      "415": {
        "zoomCode": 300,
        "zoomCodes": [
          300
        ],
        "message": "The request's content type is none of those this operation takes.",
        "contentTypes": [
          "application/json"
        ],
        "example": {
          "code": 300,
          "message": "Unsupported content type \"text/csv\": send application/json."
        },
        "headers": {
          "x-zm-trackingid": {
            "type": "string"
          }
        }
      },
      "429": {
        "zoomCode": 429,
        "zoomCodes": [
          429
        ],
        "message": "Too many requests: a per-second limit (`X-RateLimit-Type: QPS`) or a daily one (`Daily-limit`).",
        "contentTypes": [
          "application/json"
        ],
        "example": {
          "code": 429,
          "message": "You have reached the maximum per-second rate limit for this API. Try again later."
        },
        "headers": {
          "x-zm-trackingid": {
            "type": "string"
          },
          "Retry-After": {
            "type": "string"
          },
          "X-RateLimit-Category": {
            "type": "string"
          },
          "X-RateLimit-Type": {
            "type": "string",
            "enum": [
              "QPS",
              "Daily-limit"
            ]
          }
        }
      }
    }
  },
  "imGroupDelete": {
    "operationId": "imGroupDelete",
    "method": "DELETE",
    "path": "/im/groups/{groupId}",
    "summary": "Delete an IM directory group",
    "scopes": [
      "imgroup:write:admin"
    ],
    "granularScopes": [
      "contact_group:write:group:admin"
    ],
    "rateLimitLabel": "Light",
    "idempotent": true,
    "pathParams": [
      "groupId"
    ],
    "queryParams": [],
    "params": {
      "type": "object",
      "properties": {
        "groupId": {
          "type": "string",
          "minLength": 1,
          "pattern": "^(?!\\.\\.?$)",
          "patternMessage": "must not be . or .. (an id is one path segment)"
        }
      },
      "required": [
        "groupId"
      ],
      "additionalProperties": false
    },
    "requestContentTypes": [],
    "successStatus": 204,
    "responses": {
      "204": {
        "message": "The group was deleted.",
        "contentTypes": [],
        "headers": {
          "x-zm-trackingid": {
            "type": "string"
          }
        }
      },
      "400": {
        "zoomCode": 300,
        "zoomCodes": [
          300,
          200
        ],
        "message": "Validation failed.",
        "contentTypes": [
          "application/json"
        ],
        "example": {
          "code": 300,
          "message": "Validation Failed."
        },
        "headers": {
          "x-zm-trackingid": {
            "type": "string"
          }
        }
      },
      "401": {
        "zoomCode": 124,
        "zoomCodes": [
          124
        ],
        "message": "Invalid access token.",
        "contentTypes": [
          "application/json"
        ],
        "example": {
          "code": 124,
          "message": "Invalid access token."
        },
        "headers": {
          "x-zm-trackingid": {
            "type": "string"
          }
        }
      },
      "404": {
        "zoomCode": 4130,
        "zoomCodes": [
          4130
        ],
        "message": "Group does not exist:{groupId}.",
        "contentTypes": [
          "application/json"
        ],
        "example": {
          "code": 4130,
          "message": "Group does not exist: 3Bq0qmdvRAKCVlJJ2yUxlA."
        },
        "headers": {
          "x-zm-trackingid": {
            "type": "string"
          }
        }
      },
      "410": {
        "zoomCode": 4137,
        "zoomCodes": [
          4137
        ],
        "message": "The IM Group APIs are no longer available.",
        "contentTypes": [
          "application/json"
        ],
        "example": {
          "code": 4137,
          "message": "The IM Group APIs are no longer available."
        },
        "headers": {
          "x-zm-trackingid": {
            "type": "string"
          }
        }
      },
      "429": {
        "zoomCode": 429,
        "zoomCodes": [
          429
        ],
        "message": "Too many requests: a per-second limit (`X-RateLimit-Type: QPS`) or a daily one (`Daily-limit`).",
        "contentTypes": [
          "application/json"
        ],
        "example": {
          "code": 429,
          "message": "You have reached the maximum per-second rate limit for this API. Try again later."
        },
        "headers": {
          "x-zm-trackingid": {
            "type": "string"
          },
          "Retry-After": {
            "type": "string"
          },
          "X-RateLimit-Category": {
            "type": "string"
          },
          "X-RateLimit-Type": {
            "type": "string",
            "enum": [
              "QPS",
              "Daily-limit"
            ]
          }
        }
      }
    }
  },
  "imGroupMembers": {
    "operationId": "imGroupMembers",
    "method": "GET",
    "path": "/im/groups/{groupId}/members",
    "summary": "List IM directory group members",
    "scopes": [
      "imgroup:read:admin"
    ],
    "granularScopes": [
      "contact_group:read:admin"
    ],
    "rateLimitLabel": "Medium",
    "idempotent": true,
    "pathParams": [
      "groupId"
    ],
    "queryParams": [
      "page_size",
      "next_page_token",
      "page_number"
    ],
    "params": {
      "type": "object",
      "properties": {
        "groupId": {
          "type": "string",
          "minLength": 1,
          "pattern": "^(?!\\.\\.?$)",
          "patternMessage": "must not be . or .. (an id is one path segment)"
        },
        "page_size": {
          "type": "integer",
          "minimum": 1,
          "maximum": 300,
          "default": 30
        },
        "next_page_token": {
          "type": "string"
        },
        "page_number": {
          "type": "integer",
          "minimum": 1,
          "deprecated": true
        }
      },
      "required": [
        "groupId"
      ],
      "additionalProperties": false
    },
    "requestContentTypes": [],
    "successStatus": 200,
    "successSchema": {
      "type": "object",
      "description": "One page of a group's members.",
      "required": [
        "members"
      ],
      "properties": {
        "page_count": {
          "type": "integer",
          "description": "How many pages the list has."
        },
        "page_number": {
          "type": "integer",
          "description": "Which page this is (deprecated by Zoom)."
        },
        "page_size": {
          "type": "integer",
          "description": "How many records a page holds."
        },
        "total_records": {
          "type": "integer",
          "description": "How many members the group has."
        },
        "next_page_token": {
          "type": "string",
          "description": "The next page's token (valid 15 minutes); empty or missing on the last page."
        },
        "members": {
          "type": "array",
          "description": "The members of this page.",
          "items": {
            "type": "object",
            "description": "A member of a group.",
            "properties": {
              "id": {
                "type": "string",
                "description": "The member's user id."
              },
              "email": {
                "type": "string",
                "description": "The member's email address."
              },
              "first_name": {
                "type": "string",
                "description": "The member's first name."
              },
              "last_name": {
                "type": "string",
                "description": "The member's last name."
              },
              "type": {
                "type": "integer",
                "description": "The member's user type (1 basic, 2 licensed…)."
              }
            }
          }
        }
      }
    },
    "list": {
      "items": "members",
      "paged": true,
      "pageSize": {
        "param": "page_size",
        "max": 300
      }
    },
    "responses": {
      "200": {
        "message": "One page of the group's members.",
        "contentTypes": [
          "application/json"
        ],
        "headers": {
          "x-zm-trackingid": {
            "type": "string"
          }
        }
      },
      "400": {
        "zoomCode": 300,
        "zoomCodes": [
          300,
          200
        ],
        "message": "Validation failed.",
        "contentTypes": [
          "application/json"
        ],
        "example": {
          "code": 300,
          "message": "Validation Failed."
        },
        "headers": {
          "x-zm-trackingid": {
            "type": "string"
          }
        }
      },
      "401": {
        "zoomCode": 124,
        "zoomCodes": [
          124
        ],
        "message": "Invalid access token.",
        "contentTypes": [
          "application/json"
        ],
        "example": {
          "code": 124,
          "message": "Invalid access token."
        },
        "headers": {
          "x-zm-trackingid": {
            "type": "string"
          }
        }
      },
      "404": {
        "zoomCode": 4130,
        "zoomCodes": [
          4130
        ],
        "message": "Group does not exist:{groupId}.",
        "contentTypes": [
          "application/json"
        ],
        "example": {
          "code": 4130,
          "message": "Group does not exist: 3Bq0qmdvRAKCVlJJ2yUxlA."
        },
        "headers": {
          "x-zm-trackingid": {
            "type": "string"
          }
        }
      },
      "410": {
        "zoomCode": 4137,
        "zoomCodes": [
          4137
        ],
        "message": "The IM Group APIs are no longer available.",
        "contentTypes": [
          "application/json"
        ],
        "example": {
          "code": 4137,
          "message": "The IM Group APIs are no longer available."
        },
        "headers": {
          "x-zm-trackingid": {
            "type": "string"
          }
        }
      },
      "429": {
        "zoomCode": 429,
        "zoomCodes": [
          429
        ],
        "message": "Too many requests: a per-second limit (`X-RateLimit-Type: QPS`) or a daily one (`Daily-limit`).",
        "contentTypes": [
          "application/json"
        ],
        "example": {
          "code": 429,
          "message": "You have reached the maximum per-second rate limit for this API. Try again later."
        },
        "headers": {
          "x-zm-trackingid": {
            "type": "string"
          },
          "Retry-After": {
            "type": "string"
          },
          "X-RateLimit-Category": {
            "type": "string"
          },
          "X-RateLimit-Type": {
            "type": "string",
            "enum": [
              "QPS",
              "Daily-limit"
            ]
          }
        }
      }
    }
  },
  "imGroupMembersCreate": {
    "operationId": "imGroupMembersCreate",
    "method": "POST",
    "path": "/im/groups/{groupId}/members",
    "summary": "Add IM directory group members",
    "scopes": [
      "imgroup:write:admin"
    ],
    "granularScopes": [
      "contact_group:write:member:admin"
    ],
    "rateLimitLabel": "Medium",
    "idempotent": true,
    "pathParams": [
      "groupId"
    ],
    "queryParams": [],
    "params": {
      "type": "object",
      "properties": {
        "groupId": {
          "type": "string",
          "minLength": 1,
          "pattern": "^(?!\\.\\.?$)",
          "patternMessage": "must not be . or .. (an id is one path segment)"
        }
      },
      "required": [
        "groupId"
      ],
      "additionalProperties": false
    },
    "requestContentTypes": [
      "application/json"
    ],
    "requestSchema": {
      "type": "object",
      "description": "The members to add to a group.",
      "required": [
        "members"
      ],
      "additionalProperties": false,
      "properties": {
        "members": {
          "type": "array",
          "minItems": 1,
          "maxItems": 10,
          "description": "Up to 10 members a call; `addImGroupMembers` sends any number in calls of that size.",
          "items": {
            "type": "object",
            "description": "A user to add, by id or by email (the id wins when both are given).",
            "minProperties": 1,
            "additionalProperties": false,
            "properties": {
              "id": {
                "type": "string",
                "minLength": 1,
                "description": "The user's id."
              },
              "email": {
                "type": "string",
                "format": "email",
                "maxLength": 128,
                "description": "The user's email address."
              }
            }
          }
        }
      }
    },
    "successStatus": 201,
    "successSchema": {
      "type": "object",
      "description": "What a member add answers.",
      "properties": {
        "ids": {
          "type": "string",
          "description": "The added members' user ids, separated by commas."
        },
        "added_at": {
          "type": "string",
          "format": "date-time",
          "description": "When they were added."
        }
      }
    },
    "batch": {
      "field": "members",
      "max": 10
    },
    "responses": {
      "201": {
        "message": "The members were added.",
        "contentTypes": [
          "application/json"
        ],
        "headers": {
          "x-zm-trackingid": {
            "type": "string"
          }
        }
      },
      "400": {
        "zoomCode": 300,
        "zoomCodes": [
          300,
          200
        ],
        "message": "Validation failed.",
        "contentTypes": [
          "application/json"
        ],
        "example": {
          "code": 300,
          "message": "Validation Failed."
        },
        "headers": {
          "x-zm-trackingid": {
            "type": "string"
          }
        }
      },
      "401": {
        "zoomCode": 124,
        "zoomCodes": [
          124
        ],
        "message": "Invalid access token.",
        "contentTypes": [
          "application/json"
        ],
        "example": {
          "code": 124,
          "message": "Invalid access token."
        },
        "headers": {
          "x-zm-trackingid": {
            "type": "string"
          }
        }
      },
      "404": {
        "zoomCode": 4130,
        "zoomCodes": [
          4130,
          1001
        ],
        "message": "Group does not exist:{groupId}.",
        "contentTypes": [
          "application/json"
        ],
        "example": {
          "code": 1001,
          "message": "User does not exist."
        },
        "headers": {
          "x-zm-trackingid": {
            "type": "string"
          }
        }
      },
      "410": {
        "zoomCode": 4137,
        "zoomCodes": [
          4137
        ],
        "message": "The IM Group APIs are no longer available.",
        "contentTypes": [
          "application/json"
        ],
        "example": {
          "code": 4137,
          "message": "The IM Group APIs are no longer available."
        },
        "headers": {
          "x-zm-trackingid": {
            "type": "string"
          }
        }
      },
      "413": {
        "zoomCode": 300,
        "zoomCodes": [
          300
        ],
        "message": "The body is larger than the gateway accepts.",
        "contentTypes": [
          "application/json"
        ],
        "example": {
          "code": 300,
          "message": "The body is larger than 1048576 bytes."
        },
        "headers": {
          "x-zm-trackingid": {
            "type": "string"
          }
        }
      },
      "415": {
        "zoomCode": 300,
        "zoomCodes": [
          300
        ],
        "message": "The request's content type is none of those this operation takes.",
        "contentTypes": [
          "application/json"
        ],
        "example": {
          "code": 300,
          "message": "Unsupported content type \"text/csv\": send application/json."
        },
        "headers": {
          "x-zm-trackingid": {
            "type": "string"
          }
        }
      },
      "429": {
        "zoomCode": 429,
        "zoomCodes": [
          429
        ],
        "message": "Too many requests: a per-second limit (`X-RateLimit-Type: QPS`) or a daily one (`Daily-limit`).",
        "contentTypes": [
          "application/json"
        ],
        "example": {
          "code": 429,
          "message": "You have reached the maximum per-second rate limit for this API. Try again later."
        },
        "headers": {
          "x-zm-trackingid": {
            "type": "string"
          },
          "Retry-After": {
            "type": "string"
          },
          "X-RateLimit-Category": {
            "type": "string"
          },
          "X-RateLimit-Type": {
            "type": "string",
            "enum": [
              "QPS",
              "Daily-limit"
            ]
          }
        }
      }
    }
  },
  "imGroupMembersDelete": {
    "operationId": "imGroupMembersDelete",
    "method": "DELETE",
    "path": "/im/groups/{groupId}/members/{memberId}",
    "summary": "Delete an IM directory group member",
    "scopes": [
      "imgroup:write:admin"
    ],
    "granularScopes": [
      "contact_group:write:member:admin"
    ],
    "rateLimitLabel": "Light",
    "idempotent": true,
    "pathParams": [
      "groupId",
      "memberId"
    ],
    "queryParams": [],
    "params": {
      "type": "object",
      "properties": {
        "groupId": {
          "type": "string",
          "minLength": 1,
          "pattern": "^(?!\\.\\.?$)",
          "patternMessage": "must not be . or .. (an id is one path segment)"
        },
        "memberId": {
          "type": "string",
          "minLength": 1,
          "pattern": "^(?!\\.\\.?$)",
          "patternMessage": "must not be . or .. (an id is one path segment)"
        }
      },
      "required": [
        "groupId",
        "memberId"
      ],
      "additionalProperties": false
    },
    "requestContentTypes": [],
    "successStatus": 204,
    "responses": {
      "204": {
        "message": "The member was removed.",
        "contentTypes": [],
        "headers": {
          "x-zm-trackingid": {
            "type": "string"
          }
        }
      },
      "400": {
        "zoomCode": 300,
        "zoomCodes": [
          300,
          200
        ],
        "message": "Validation failed.",
        "contentTypes": [
          "application/json"
        ],
        "example": {
          "code": 300,
          "message": "Validation Failed."
        },
        "headers": {
          "x-zm-trackingid": {
            "type": "string"
          }
        }
      },
      "401": {
        "zoomCode": 124,
        "zoomCodes": [
          124
        ],
        "message": "Invalid access token.",
        "contentTypes": [
          "application/json"
        ],
        "example": {
          "code": 124,
          "message": "Invalid access token."
        },
        "headers": {
          "x-zm-trackingid": {
            "type": "string"
          }
        }
      },
      "404": {
        "zoomCode": 4130,
        "zoomCodes": [
          4130,
          1001
        ],
        "message": "Group does not exist:{groupId}.",
        "contentTypes": [
          "application/json"
        ],
        "example": {
          "code": 1001,
          "message": "User does not exist."
        },
        "headers": {
          "x-zm-trackingid": {
            "type": "string"
          }
        }
      },
      "410": {
        "zoomCode": 4137,
        "zoomCodes": [
          4137
        ],
        "message": "The IM Group APIs are no longer available.",
        "contentTypes": [
          "application/json"
        ],
        "example": {
          "code": 4137,
          "message": "The IM Group APIs are no longer available."
        },
        "headers": {
          "x-zm-trackingid": {
            "type": "string"
          }
        }
      },
      "429": {
        "zoomCode": 429,
        "zoomCodes": [
          429
        ],
        "message": "Too many requests: a per-second limit (`X-RateLimit-Type: QPS`) or a daily one (`Daily-limit`).",
        "contentTypes": [
          "application/json"
        ],
        "example": {
          "code": 429,
          "message": "You have reached the maximum per-second rate limit for this API. Try again later."
        },
        "headers": {
          "x-zm-trackingid": {
            "type": "string"
          },
          "Retry-After": {
            "type": "string"
          },
          "X-RateLimit-Category": {
            "type": "string"
          },
          "X-RateLimit-Type": {
            "type": "string",
            "enum": [
              "QPS",
              "Daily-limit"
            ]
          }
        }
      }
    }
  },
  "groups": {
    "operationId": "groups",
    "method": "GET",
    "path": "/groups",
    "summary": "List groups",
    "scopes": [
      "group:read:admin"
    ],
    "granularScopes": [],
    "rateLimitLabel": "Medium",
    "idempotent": true,
    "pathParams": [],
    "queryParams": [],
    "params": {
      "type": "object",
      "properties": {},
      "required": [],
      "additionalProperties": false
    },
    "requestContentTypes": [],
    "successStatus": 200,
    "successSchema": {
      "type": "object",
      "description": "The account's groups.",
      "required": [
        "groups"
      ],
      "properties": {
        "total_records": {
          "type": "integer",
          "description": "How many groups the account has."
        },
        "groups": {
          "type": "array",
          "description": "The groups.",
          "items": {
            "type": "object",
            "description": "A group of Zoom's Groups API.",
            "properties": {
              "id": {
                "type": "string",
                "description": "Group ID."
              },
              "name": {
                "type": "string",
                "description": "Group name."
              },
              "total_members": {
                "type": "integer",
                "description": "Total number of members in the group."
              }
            }
          }
        }
      }
    },
    "list": {
      "items": "groups",
      "paged": false
    },
    "responses": {
      "200": {
        "message": "The account's groups.",
        "contentTypes": [
          "application/json"
        ],
        "headers": {
          "x-zm-trackingid": {
            "type": "string"
          }
        }
      },
      "400": {
        "zoomCode": 300,
        "zoomCodes": [
          300,
          200
        ],
        "message": "Validation failed.",
        "contentTypes": [
          "application/json"
        ],
        "example": {
          "code": 300,
          "message": "Validation Failed."
        },
        "headers": {
          "x-zm-trackingid": {
            "type": "string"
          }
        }
      },
      "401": {
        "zoomCode": 124,
        "zoomCodes": [
          124
        ],
        "message": "Invalid access token.",
        "contentTypes": [
          "application/json"
        ],
        "example": {
          "code": 124,
          "message": "Invalid access token."
        },
        "headers": {
          "x-zm-trackingid": {
            "type": "string"
          }
        }
      },
      "429": {
        "zoomCode": 429,
        "zoomCodes": [
          429
        ],
        "message": "Too many requests: a per-second limit (`X-RateLimit-Type: QPS`) or a daily one (`Daily-limit`).",
        "contentTypes": [
          "application/json"
        ],
        "example": {
          "code": 429,
          "message": "You have reached the maximum per-second rate limit for this API. Try again later."
        },
        "headers": {
          "x-zm-trackingid": {
            "type": "string"
          },
          "Retry-After": {
            "type": "string"
          },
          "X-RateLimit-Category": {
            "type": "string"
          },
          "X-RateLimit-Type": {
            "type": "string",
            "enum": [
              "QPS",
              "Daily-limit"
            ]
          }
        }
      }
    }
  },
  "groupCreate": {
    "operationId": "groupCreate",
    "method": "POST",
    "path": "/groups",
    "summary": "Create a group",
    "scopes": [
      "group:write:admin"
    ],
    "granularScopes": [],
    "rateLimitLabel": "Light",
    "idempotent": false,
    "pathParams": [],
    "queryParams": [],
    "params": {
      "type": "object",
      "properties": {},
      "required": [],
      "additionalProperties": false
    },
    "requestContentTypes": [
      "application/json"
    ],
    "requestSchema": {
      "type": "object",
      "description": "A new group of Zoom's Groups API.",
      "required": [
        "name"
      ],
      "additionalProperties": false,
      "properties": {
        "name": {
          "type": "string",
          "minLength": 1,
          "maxLength": 128,
          "pattern": "^[^\\x00-\\x1F\\x7F-\\x9F\\uD800-\\uDFFF]*$",
          "patternMessage": "must not contain control characters such as line breaks or tabs, or lone surrogates",
          "description": "The group's name, unique within the account.\n\nRequired by this client: no Zoom v2 description marks it required, but Zoom's v1 error table lists\n\"300 Missing field: name\" for this call and a group without a name cannot be told apart from others.\n"
        }
      }
    },
    "successStatus": 201,
    "successSchema": {
      "type": "object",
      "description": "A group of Zoom's Groups API.",
      "properties": {
        "id": {
          "type": "string",
          "description": "Group ID."
        },
        "name": {
          "type": "string",
          "description": "Group name."
        },
        "total_members": {
          "type": "integer",
          "description": "Total number of members in the group."
        }
      }
    },
    "dailyCap": 100,
    "accountMax": 5000,
    "responses": {
      "201": {
        "message": "Group created.",
        "contentTypes": [
          "application/json"
        ],
        "example": {
          "id": "6Tq2cHhORUK0oW4n6bJjPA",
          "name": "Design team",
          "total_members": 0
        },
        "headers": {
          "x-zm-trackingid": {
            "type": "string"
          }
        }
      },
      "400": {
        "zoomCode": 300,
        "zoomCodes": [
          300,
          200
        ],
        "message": "Validation failed, or the account already has the most groups Zoom allows (5,000).",
        "contentTypes": [
          "application/json"
        ],
        "example": {
          "code": 300,
          "message": "It has reached the maximum number of groups. You can clean up some groups then add."
        },
        "headers": {
          "x-zm-trackingid": {
            "type": "string"
          }
        }
      },
      "401": {
        "zoomCode": 124,
        "zoomCodes": [
          124
        ],
        "message": "Invalid access token.",
        "contentTypes": [
          "application/json"
        ],
        "example": {
          "code": 124,
          "message": "Invalid access token."
        },
        "headers": {
          "x-zm-trackingid": {
            "type": "string"
          }
        }
      },
      "409": {
        "zoomCode": 4132,
        "zoomCodes": [
          4132
        ],
        "message": "The group name \"{groupName}\" is already in use.",
        "contentTypes": [
          "application/json"
        ],
        "example": {
          "code": 4132,
          "message": "The group name \"Design team\" is already in use."
        },
        "headers": {
          "x-zm-trackingid": {
            "type": "string"
          }
        }
      },
      "413": {
        "zoomCode": 300,
        "zoomCodes": [
          300
        ],
        "message": "The body is larger than the gateway accepts.",
        "contentTypes": [
          "application/json"
        ],
        "example": {
          "code": 300,
          "message": "The body is larger than 1048576 bytes."
        },
        "headers": {
          "x-zm-trackingid": {
            "type": "string"
          }
        }
      },
      "415": {
        "zoomCode": 300,
        "zoomCodes": [
          300
        ],
        "message": "The request's content type is none of those this operation takes.",
        "contentTypes": [
          "application/json"
        ],
        "example": {
          "code": 300,
          "message": "Unsupported content type \"text/csv\": send application/json."
        },
        "headers": {
          "x-zm-trackingid": {
            "type": "string"
          }
        }
      },
      "429": {
        "zoomCode": 429,
        "zoomCodes": [
          429
        ],
        "message": "Too many requests: a per-second limit (`X-RateLimit-Type: QPS`) or a daily one (`Daily-limit`).",
        "contentTypes": [
          "application/json"
        ],
        "example": {
          "code": 429,
          "message": "You have reached the maximum per-second rate limit for this API. Try again later."
        },
        "headers": {
          "x-zm-trackingid": {
            "type": "string"
          },
          "Retry-After": {
            "type": "string"
          },
          "X-RateLimit-Category": {
            "type": "string"
          },
          "X-RateLimit-Type": {
            "type": "string",
            "enum": [
              "QPS",
              "Daily-limit"
            ]
          }
        }
      }
    }
  },
  "groupDelete": {
    "operationId": "groupDelete",
    "method": "DELETE",
    "path": "/groups/{groupId}",
    "summary": "Delete a group",
    "scopes": [
      "group:write:admin"
    ],
    "granularScopes": [],
    "rateLimitLabel": "Light",
    "idempotent": true,
    "pathParams": [
      "groupId"
    ],
    "queryParams": [],
    "params": {
      "type": "object",
      "properties": {
        "groupId": {
          "type": "string",
          "minLength": 1,
          "pattern": "^(?!\\.\\.?$)",
          "patternMessage": "must not be . or .. (an id is one path segment)"
        }
      },
      "required": [
        "groupId"
      ],
      "additionalProperties": false
    },
    "requestContentTypes": [],
    "successStatus": 204,
    "responses": {
      "204": {
        "message": "The group was deleted.",
        "contentTypes": [],
        "headers": {
          "x-zm-trackingid": {
            "type": "string"
          }
        }
      },
      "400": {
        "zoomCode": 300,
        "zoomCodes": [
          300,
          200
        ],
        "message": "Validation failed.",
        "contentTypes": [
          "application/json"
        ],
        "example": {
          "code": 300,
          "message": "Validation Failed."
        },
        "headers": {
          "x-zm-trackingid": {
            "type": "string"
          }
        }
      },
      "401": {
        "zoomCode": 124,
        "zoomCodes": [
          124
        ],
        "message": "Invalid access token.",
        "contentTypes": [
          "application/json"
        ],
        "example": {
          "code": 124,
          "message": "Invalid access token."
        },
        "headers": {
          "x-zm-trackingid": {
            "type": "string"
          }
        }
      },
      "404": {
        "zoomCode": 4130,
        "zoomCodes": [
          4130
        ],
        "message": "Group does not exist:{groupId}.",
        "contentTypes": [
          "application/json"
        ],
        "example": {
          "code": 4130,
          "message": "Group does not exist: 3Bq0qmdvRAKCVlJJ2yUxlA."
        },
        "headers": {
          "x-zm-trackingid": {
            "type": "string"
          }
        }
      },
      "429": {
        "zoomCode": 429,
        "zoomCodes": [
          429
        ],
        "message": "Too many requests: a per-second limit (`X-RateLimit-Type: QPS`) or a daily one (`Daily-limit`).",
        "contentTypes": [
          "application/json"
        ],
        "example": {
          "code": 429,
          "message": "You have reached the maximum per-second rate limit for this API. Try again later."
        },
        "headers": {
          "x-zm-trackingid": {
            "type": "string"
          },
          "Retry-After": {
            "type": "string"
          },
          "X-RateLimit-Category": {
            "type": "string"
          },
          "X-RateLimit-Type": {
            "type": "string",
            "enum": [
              "QPS",
              "Daily-limit"
            ]
          }
        }
      }
    }
  },
  "groupMembers": {
    "operationId": "groupMembers",
    "method": "GET",
    "path": "/groups/{groupId}/members",
    "summary": "List group members",
    "scopes": [
      "group:read:admin"
    ],
    "granularScopes": [],
    "rateLimitLabel": "Medium",
    "idempotent": true,
    "pathParams": [
      "groupId"
    ],
    "queryParams": [
      "page_size",
      "next_page_token"
    ],
    "params": {
      "type": "object",
      "properties": {
        "groupId": {
          "type": "string",
          "minLength": 1,
          "pattern": "^(?!\\.\\.?$)",
          "patternMessage": "must not be . or .. (an id is one path segment)"
        },
        "page_size": {
          "type": "integer",
          "minimum": 1,
          "maximum": 300,
          "default": 30
        },
        "next_page_token": {
          "type": "string"
        }
      },
      "required": [
        "groupId"
      ],
      "additionalProperties": false
    },
    "requestContentTypes": [],
    "successStatus": 200,
    "successSchema": {
      "type": "object",
      "description": "One page of a group's members.",
      "required": [
        "members"
      ],
      "properties": {
        "page_count": {
          "type": "integer",
          "description": "How many pages the list has."
        },
        "page_number": {
          "type": "integer",
          "description": "Which page this is (deprecated by Zoom)."
        },
        "page_size": {
          "type": "integer",
          "description": "How many records a page holds."
        },
        "total_records": {
          "type": "integer",
          "description": "How many members the group has."
        },
        "next_page_token": {
          "type": "string",
          "description": "The next page's token (valid 15 minutes); empty or missing on the last page."
        },
        "members": {
          "type": "array",
          "description": "The members of this page.",
          "items": {
            "type": "object",
            "description": "A member of a group.",
            "properties": {
              "id": {
                "type": "string",
                "description": "The member's user id."
              },
              "email": {
                "type": "string",
                "description": "The member's email address."
              },
              "first_name": {
                "type": "string",
                "description": "The member's first name."
              },
              "last_name": {
                "type": "string",
                "description": "The member's last name."
              },
              "type": {
                "type": "integer",
                "description": "The member's user type (1 basic, 2 licensed…)."
              }
            }
          }
        }
      }
    },
    "list": {
      "items": "members",
      "paged": true,
      "pageSize": {
        "param": "page_size",
        "max": 300
      }
    },
    "responses": {
      "200": {
        "message": "One page of the group's members.",
        "contentTypes": [
          "application/json"
        ],
        "headers": {
          "x-zm-trackingid": {
            "type": "string"
          }
        }
      },
      "400": {
        "zoomCode": 300,
        "zoomCodes": [
          300,
          200
        ],
        "message": "Validation failed.",
        "contentTypes": [
          "application/json"
        ],
        "example": {
          "code": 300,
          "message": "Validation Failed."
        },
        "headers": {
          "x-zm-trackingid": {
            "type": "string"
          }
        }
      },
      "401": {
        "zoomCode": 124,
        "zoomCodes": [
          124
        ],
        "message": "Invalid access token.",
        "contentTypes": [
          "application/json"
        ],
        "example": {
          "code": 124,
          "message": "Invalid access token."
        },
        "headers": {
          "x-zm-trackingid": {
            "type": "string"
          }
        }
      },
      "404": {
        "zoomCode": 4130,
        "zoomCodes": [
          4130
        ],
        "message": "Group does not exist:{groupId}.",
        "contentTypes": [
          "application/json"
        ],
        "example": {
          "code": 4130,
          "message": "Group does not exist: 3Bq0qmdvRAKCVlJJ2yUxlA."
        },
        "headers": {
          "x-zm-trackingid": {
            "type": "string"
          }
        }
      },
      "429": {
        "zoomCode": 429,
        "zoomCodes": [
          429
        ],
        "message": "Too many requests: a per-second limit (`X-RateLimit-Type: QPS`) or a daily one (`Daily-limit`).",
        "contentTypes": [
          "application/json"
        ],
        "example": {
          "code": 429,
          "message": "You have reached the maximum per-second rate limit for this API. Try again later."
        },
        "headers": {
          "x-zm-trackingid": {
            "type": "string"
          },
          "Retry-After": {
            "type": "string"
          },
          "X-RateLimit-Category": {
            "type": "string"
          },
          "X-RateLimit-Type": {
            "type": "string",
            "enum": [
              "QPS",
              "Daily-limit"
            ]
          }
        }
      }
    }
  },
  "groupMembersCreate": {
    "operationId": "groupMembersCreate",
    "method": "POST",
    "path": "/groups/{groupId}/members",
    "summary": "Add group members",
    "scopes": [
      "group:write:admin"
    ],
    "granularScopes": [],
    "rateLimitLabel": "Medium",
    "idempotent": true,
    "pathParams": [
      "groupId"
    ],
    "queryParams": [],
    "params": {
      "type": "object",
      "properties": {
        "groupId": {
          "type": "string",
          "minLength": 1,
          "pattern": "^(?!\\.\\.?$)",
          "patternMessage": "must not be . or .. (an id is one path segment)"
        }
      },
      "required": [
        "groupId"
      ],
      "additionalProperties": false
    },
    "requestContentTypes": [
      "application/json"
    ],
    "requestSchema": {
      "type": "object",
      "description": "The members to add to a group of Zoom's Groups API.",
      "required": [
        "members"
      ],
      "additionalProperties": false,
      "properties": {
        "members": {
          "type": "array",
          "minItems": 1,
          "maxItems": 30,
          "description": "Up to 30 members a call; `addGroupMembers` sends any number in calls of that size.",
          "items": {
            "type": "object",
            "description": "A user to add, by id or by email (the id wins when both are given).",
            "minProperties": 1,
            "additionalProperties": false,
            "properties": {
              "id": {
                "type": "string",
                "minLength": 1,
                "description": "The user's id."
              },
              "email": {
                "type": "string",
                "format": "email",
                "maxLength": 128,
                "description": "The user's email address."
              }
            }
          }
        }
      }
    },
    "successStatus": 201,
    "successSchema": {
      "type": "object",
      "description": "What a member add answers.",
      "properties": {
        "ids": {
          "type": "string",
          "description": "The added members' user ids, separated by commas."
        },
        "added_at": {
          "type": "string",
          "format": "date-time",
          "description": "When they were added."
        }
      }
    },
    "batch": {
      "field": "members",
      "max": 30
    },
    "responses": {
      "201": {
        "message": "The members were added.",
        "contentTypes": [
          "application/json"
        ],
        "headers": {
          "x-zm-trackingid": {
            "type": "string"
          }
        }
      },
      "400": {
        "zoomCode": 300,
        "zoomCodes": [
          300,
          200
        ],
        "message": "Validation failed.",
        "contentTypes": [
          "application/json"
        ],
        "example": {
          "code": 300,
          "message": "Validation Failed."
        },
        "headers": {
          "x-zm-trackingid": {
            "type": "string"
          }
        }
      },
      "401": {
        "zoomCode": 124,
        "zoomCodes": [
          124
        ],
        "message": "Invalid access token.",
        "contentTypes": [
          "application/json"
        ],
        "example": {
          "code": 124,
          "message": "Invalid access token."
        },
        "headers": {
          "x-zm-trackingid": {
            "type": "string"
          }
        }
      },
      "404": {
        "zoomCode": 4130,
        "zoomCodes": [
          4130,
          1001
        ],
        "message": "Group does not exist:{groupId}.",
        "contentTypes": [
          "application/json"
        ],
        "example": {
          "code": 1001,
          "message": "User does not exist."
        },
        "headers": {
          "x-zm-trackingid": {
            "type": "string"
          }
        }
      },
      "413": {
        "zoomCode": 300,
        "zoomCodes": [
          300
        ],
        "message": "The body is larger than the gateway accepts.",
        "contentTypes": [
          "application/json"
        ],
        "example": {
          "code": 300,
          "message": "The body is larger than 1048576 bytes."
        },
        "headers": {
          "x-zm-trackingid": {
            "type": "string"
          }
        }
      },
      "415": {
        "zoomCode": 300,
        "zoomCodes": [
          300
        ],
        "message": "The request's content type is none of those this operation takes.",
        "contentTypes": [
          "application/json"
        ],
        "example": {
          "code": 300,
          "message": "Unsupported content type \"text/csv\": send application/json."
        },
        "headers": {
          "x-zm-trackingid": {
            "type": "string"
          }
        }
      },
      "429": {
        "zoomCode": 429,
        "zoomCodes": [
          429
        ],
        "message": "Too many requests: a per-second limit (`X-RateLimit-Type: QPS`) or a daily one (`Daily-limit`).",
        "contentTypes": [
          "application/json"
        ],
        "example": {
          "code": 429,
          "message": "You have reached the maximum per-second rate limit for this API. Try again later."
        },
        "headers": {
          "x-zm-trackingid": {
            "type": "string"
          },
          "Retry-After": {
            "type": "string"
          },
          "X-RateLimit-Category": {
            "type": "string"
          },
          "X-RateLimit-Type": {
            "type": "string",
            "enum": [
              "QPS",
              "Daily-limit"
            ]
          }
        }
      }
    }
  },
  "groupMembersDelete": {
    "operationId": "groupMembersDelete",
    "method": "DELETE",
    "path": "/groups/{groupId}/members/{memberId}",
    "summary": "Delete a group member",
    "scopes": [
      "group:write:admin"
    ],
    "granularScopes": [],
    "rateLimitLabel": "Light",
    "idempotent": true,
    "pathParams": [
      "groupId",
      "memberId"
    ],
    "queryParams": [],
    "params": {
      "type": "object",
      "properties": {
        "groupId": {
          "type": "string",
          "minLength": 1,
          "pattern": "^(?!\\.\\.?$)",
          "patternMessage": "must not be . or .. (an id is one path segment)"
        },
        "memberId": {
          "type": "string",
          "minLength": 1,
          "pattern": "^(?!\\.\\.?$)",
          "patternMessage": "must not be . or .. (an id is one path segment)"
        }
      },
      "required": [
        "groupId",
        "memberId"
      ],
      "additionalProperties": false
    },
    "requestContentTypes": [],
    "successStatus": 204,
    "responses": {
      "204": {
        "message": "The member was removed.",
        "contentTypes": [],
        "headers": {
          "x-zm-trackingid": {
            "type": "string"
          }
        }
      },
      "400": {
        "zoomCode": 300,
        "zoomCodes": [
          300,
          200
        ],
        "message": "Validation failed.",
        "contentTypes": [
          "application/json"
        ],
        "example": {
          "code": 300,
          "message": "Validation Failed."
        },
        "headers": {
          "x-zm-trackingid": {
            "type": "string"
          }
        }
      },
      "401": {
        "zoomCode": 124,
        "zoomCodes": [
          124
        ],
        "message": "Invalid access token.",
        "contentTypes": [
          "application/json"
        ],
        "example": {
          "code": 124,
          "message": "Invalid access token."
        },
        "headers": {
          "x-zm-trackingid": {
            "type": "string"
          }
        }
      },
      "404": {
        "zoomCode": 4130,
        "zoomCodes": [
          4130,
          1001
        ],
        "message": "Group does not exist:{groupId}.",
        "contentTypes": [
          "application/json"
        ],
        "example": {
          "code": 1001,
          "message": "User does not exist."
        },
        "headers": {
          "x-zm-trackingid": {
            "type": "string"
          }
        }
      },
      "429": {
        "zoomCode": 429,
        "zoomCodes": [
          429
        ],
        "message": "Too many requests: a per-second limit (`X-RateLimit-Type: QPS`) or a daily one (`Daily-limit`).",
        "contentTypes": [
          "application/json"
        ],
        "example": {
          "code": 429,
          "message": "You have reached the maximum per-second rate limit for this API. Try again later."
        },
        "headers": {
          "x-zm-trackingid": {
            "type": "string"
          },
          "Retry-After": {
            "type": "string"
          },
          "X-RateLimit-Category": {
            "type": "string"
          },
          "X-RateLimit-Type": {
            "type": "string",
            "enum": [
              "QPS",
              "Daily-limit"
            ]
          }
        }
      }
    }
  }
} as const satisfies Record<string, Operation>;

/** An operation's id: the spec's operationId. */
export type OperationId = "imGroupCreate" | "imGroups" | "imGroup" | "imGroupUpdate" | "imGroupDelete" | "imGroupMembers" | "imGroupMembersCreate" | "imGroupMembersDelete" | "groups" | "groupCreate" | "groupDelete" | "groupMembers" | "groupMembersCreate" | "groupMembersDelete";

/** The fields of each operation's request body, by operationId. */
export interface RequestFields {
  /** The fields of `imGroupCreate`'s body. */
  imGroupCreate: "name" | "type" | "search_by_domain" | "search_by_account" | "search_by_ma_account";
  /** The fields of `imGroupUpdate`'s body. */
  imGroupUpdate: "name" | "type" | "search_by_domain" | "search_by_account" | "search_by_ma_account";
  /** The fields of `imGroupMembersCreate`'s body. */
  imGroupMembersCreate: "members";
  /** The fields of `groupCreate`'s body. */
  groupCreate: "name";
  /** The fields of `groupMembersCreate`'s body. */
  groupMembersCreate: "members";
}

/** A Zoom plan, as Zoom's rate-limit table names them: it sets each label's per-second ceiling. */
export type AccountPlan = "free" | "pro" | "business";

/** Which limit a 429 says was hit (`X-RateLimit-Type`). */
export type RateLimitType = "QPS" | "Daily-limit";

/** The rate-limit labels the operations carry: one per-second budget of the account each. */
export const rateLimitLabels = ["Light","Medium"] as const;

/** Zoom's per-second limits per label for each plan (`x-zoom-rate-limits`): an account's ceilings. */
export const rateLimitsByPlan = {
  "free": {
    "Light": 4,
    "Medium": 2,
    "Heavy": 1
  },
  "pro": {
    "Light": 30,
    "Medium": 20,
    "Heavy": 10
  },
  "business": {
    "Light": 80,
    "Medium": 60,
    "Heavy": 40
  }
} as const;

/** The values of a 429's `X-RateLimit-Type`: which limit was hit. */
export const rateLimitTypes = ["QPS","Daily-limit"] as const;

/** What each Zoom error code means, the same on every operation: the error class for it (`x-zoom-error-codes`). */
export const zoomErrorCodes = {
  "124": "AuthenticationError",
  "200": "PaidAccountRequiredError",
  "300": "BadRequestError",
  "429": "RateLimitError",
  "1001": "UserNotFoundError",
  "4130": "GroupNotFoundError",
  "4132": "GroupNameConflictError",
  "4137": "ImGroupsApiRetiredError"
} as const;

/** The keywords of the spec's request and parameter schemas that a value can break. */
export type Rule = "additionalProperties" | "enum" | "format" | "maxItems" | "maxLength" | "maximum" | "minItems" | "minLength" | "minProperties" | "minimum" | "pattern" | "required" | "type";
