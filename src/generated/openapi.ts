// Generated from spec/zoom-im-groups.openapi.yaml by scripts/generate.ts — do not edit. Run `npm run generate`.
export interface paths {
    "/im/groups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create an IM directory group
         * Create an [IM directory group](https://support.zoom.us/hc/en-us/articles/203749815-IM-Management) under your account.
         *
         *     **Scopes**: `imgroup:write:admin` (granular: `contact_group:write:group:admin`)
         *
         *     **Rate Limit Label**: `Light`
         */
        post: operations["imGroupCreate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** The fields of a new IM directory group. */
        CreateImGroupRequest: {
            /**
             * The group's name, unique within the account.
             *
             *     Required by this client: no Zoom v2 description marks it required, but Zoom's v1 error table lists
             *     "300 Missing field: name" for this call and a group without a name cannot be told apart from others.
             * @example Design team
             */
            name: string;
            /**
             * Who sees the group and can search for its members.
             * @default normal
             * @example normal
             * @enum {string}
             */
            type?: "normal" | "shared" | "restricted";
            /**
             * Whether members can find others whose email is in the same domain.
             * @default false
             * @example false
             */
            search_by_domain?: boolean;
            /**
             * Whether members can find others in the same account.
             * @default false
             * @example true
             */
            search_by_account?: boolean;
            /**
             * Whether members can find others in the same master account, sub accounts included.
             * @default false
             * @example false
             */
            search_by_ma_account?: boolean;
        };
        /**
         * The created group as Zoom's files and current reference describe it. Nothing is required: the Postman
         *     item's example body is `{}`, and Zoom may add fields.
         */
        ImGroup: {
            /** Group ID. */
            id?: string;
            /** Group name. */
            name?: string;
            /** Total number of members in the group. */
            total_members?: number;
            /** Whether members can find others whose email is in the same domain. */
            search_by_domain?: boolean;
            /** Whether members can find others in the same account. */
            search_by_account?: boolean;
            /** Whether members can find others in the same master account, sub accounts included. */
            search_by_ma_account?: boolean;
        };
        /** Zoom's error body. */
        ZoomError: {
            /** Zoom's error code. */
            code: number;
            /** What went wrong. */
            message: string;
            /** Field errors of a failed validation (code 300). */
            errors?: {
                /** The field Zoom refused. */
                field: string;
                /** Why Zoom refused it. */
                message: string;
            }[];
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: {
        /** Zoom's tracking id for the request; Zoom support asks for it. */
        TrackingId: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    imGroupCreate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The same fields in either encoding; what each source defines:
         *
         *     - `multipart/form-data`: the Postman item sends it (a form-data body). Zoom's two Swagger 2.0
         *       files name it only in their file-wide `consumes` list; the operation itself defines no form
         *       parameters, so a validator built from those files (Prism) refuses a multipart request with 415.
         *     - `application/json`: the operation's own body in both Swagger 2.0 files (an `in: body` parameter
         *       with a JSON schema) and the only request type of Zoom's current reference. It is the one encoding
         *       that Zoom's machine-readable files let a tool check.
         *
         *     This package sends multipart by default because the Postman item, the contract this project comes
         *     from, does (docs/decisions.md, "Multipart is the default encoding").
         */
        requestBody: {
            content: {
                "multipart/form-data": components["schemas"]["CreateImGroupRequest"];
                "application/json": components["schemas"]["CreateImGroupRequest"];
            };
        };
        responses: {
            /**
             * **Error Code:** `200` <br>
             *     Only available for paid account:{accountId}.
             *
             *     Zoom files this refusal under HTTP 200 (a quirk of the spec): a 200 that carries no group is a failure.
             */
            200: {
                headers: {
                    "x-zm-trackingid": components["headers"]["TrackingId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": 200,
                     *       "message": "Only available for Paid account."
                     *     }
                     */
                    "application/json": components["schemas"]["ZoomError"];
                    /** @example  */
                    "text/plain": string;
                };
            };
            /** IM Group created. */
            201: {
                headers: {
                    /** Location of created IM Group */
                    "Content-Location"?: string;
                    "x-zm-trackingid": components["headers"]["TrackingId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImGroup"];
                };
            };
            /**
             * **HTTP Status Code:** `400` <br>
             *     **Error Code:** `300` <br>
             *     Validation failed.
             */
            400: {
                headers: {
                    "x-zm-trackingid": components["headers"]["TrackingId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": 300,
                     *       "message": "Validation Failed.",
                     *       "errors": [
                     *         {
                     *           "field": "type",
                     *           "message": "Invalid field: type must be one of normal, shared, restricted."
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ZoomError"];
                };
            };
            /**
             * **HTTP Status Code:** `401` <br>
             *     **Error Code:** `124` <br>
             *     Invalid access token.
             */
            401: {
                headers: {
                    "x-zm-trackingid": components["headers"]["TrackingId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": 124,
                     *       "message": "Invalid access token."
                     *     }
                     */
                    "application/json": components["schemas"]["ZoomError"];
                };
            };
            /**
             * **HTTP Status Code:** `404` <br>
             *     **Error Code:** `4130` <br>
             *     Group does not exist:{groupId}.
             */
            404: {
                headers: {
                    "x-zm-trackingid": components["headers"]["TrackingId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": 4130,
                     *       "message": "Group does not exist: 3Bq0qmdvRAKCVlJJ2yUxlA."
                     *     }
                     */
                    "application/json": components["schemas"]["ZoomError"];
                    /** @example  */
                    "text/plain": string;
                };
            };
            /**
             * **HTTP Status Code:** `409` <br>
             *     **Error Code:** `4132` <br>
             *     Group name {groupName} is already in use.
             */
            409: {
                headers: {
                    "x-zm-trackingid": components["headers"]["TrackingId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": 4132,
                     *       "message": "Group name Design team is already in use."
                     *     }
                     */
                    "application/json": components["schemas"]["ZoomError"];
                    /** @example  */
                    "text/plain": string;
                };
            };
            /**
             * **HTTP Status Code:** `410` <br>
             *     **Error Code:** `4137` <br>
             *     The IM Group APIs are no longer available.
             */
            410: {
                headers: {
                    "x-zm-trackingid": components["headers"]["TrackingId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": 4137,
                     *       "message": "The IM Group APIs are no longer available."
                     *     }
                     */
                    "application/json": components["schemas"]["ZoomError"];
                };
            };
            /**
             * **HTTP Status Code:** `413` <br>
             *     The body is larger than the gateway accepts. Not a Zoom document's answer: the mock Zoom (and API
             *     gateways in front of any server) send it; the body carries code 300.
             */
            413: {
                headers: {
                    "x-zm-trackingid": components["headers"]["TrackingId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": 300,
                     *       "message": "The body is larger than 1048576 bytes."
                     *     }
                     */
                    "application/json": components["schemas"]["ZoomError"];
                };
            };
            /**
             * **HTTP Status Code:** `415` <br>
             *     The request's content type is neither of the two this operation takes. Not a Zoom document's
             *     answer: the mock Zoom sends it (code 300), and gateways may send an `application/problem+json` body.
             */
            415: {
                headers: {
                    "x-zm-trackingid": components["headers"]["TrackingId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": 300,
                     *       "message": "Unsupported content type \"text/csv\": send multipart/form-data or application/json."
                     *     }
                     */
                    "application/json": components["schemas"]["ZoomError"];
                };
            };
            /**
             * **HTTP Status Code:** `429` <br>
             *     **Error Code:** `429` <br>
             *     Too many requests. A per-second limit (`X-RateLimit-Type: QPS`) clears within a second; a daily
             *     limit (`X-RateLimit-Type: Daily-limit`) carries `Retry-After` as an ISO-8601 timestamp, hours away.
             */
            429: {
                headers: {
                    "x-zm-trackingid": components["headers"]["TrackingId"];
                    /** Seconds, an HTTP date, or (daily limit) an ISO-8601 timestamp. */
                    "Retry-After"?: string;
                    /** The rate-limit label of the operation. */
                    "X-RateLimit-Category"?: string;
                    /** Which limit was hit. */
                    "X-RateLimit-Type"?: "QPS" | "Daily-limit";
                    /** The daily limit. */
                    "X-RateLimit-Limit"?: number;
                    /** Requests left today. */
                    "X-RateLimit-Remaining"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": 429,
                     *       "message": "You have reached the maximum per-second rate limit for this API. Try again later."
                     *     }
                     */
                    "application/json": components["schemas"]["ZoomError"];
                };
            };
        };
    };
}
