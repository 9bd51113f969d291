// Generated from spec/zoom-im-groups.openapi.yaml by scripts/generate.ts — do not edit. Run `npm run generate`.
export interface paths {
    "/im/groups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List IM directory groups
         * Lists the account's IM directory groups.
         *
         *     **Scopes**: `imgroup:read:admin` (granular: `contact_group:read:admin`)
         *
         *     **Rate Limit Label**: `Medium`
         */
        get: operations["imGroups"];
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
    "/im/groups/{groupId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** The group's id (`id` in the create's answer or the group list). */
                groupId: components["parameters"]["GroupId"];
            };
            cookie?: never;
        };
        /**
         * Retrieve an IM directory group
         * Reads one IM directory group of the account.
         *
         *     **Scopes**: `imgroup:read:admin` (granular: `contact_group:read:admin`)
         *
         *     **Rate Limit Label**: `Light`
         */
        get: operations["imGroup"];
        put?: never;
        post?: never;
        /**
         * Delete an IM directory group
         * Deletes an IM directory group. The account's default group cannot be deleted (400, code 300).
         *
         *     **Scopes**: `imgroup:write:admin` (granular: `contact_group:write:group:admin`)
         *
         *     **Rate Limit Label**: `Light`
         */
        delete: operations["imGroupDelete"];
        options?: never;
        head?: never;
        /**
         * Update an IM directory group
         * Changes the name or settings of an IM directory group; fields left out keep their values.
         *
         *     **Scopes**: `imgroup:write:admin` (granular: `contact_group:write:group:admin`)
         *
         *     **Rate Limit Label**: `Light`
         */
        patch: operations["imGroupUpdate"];
        trace?: never;
    };
    "/im/groups/{groupId}/members": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** The group's id (`id` in the create's answer or the group list). */
                groupId: components["parameters"]["GroupId"];
            };
            cookie?: never;
        };
        /**
         * List IM directory group members
         * Lists a group's members a page at a time; `next_page_token` reads the next page (it lasts 15 minutes).
         *
         *     **Scopes**: `imgroup:read:admin` (granular: `contact_group:read:admin`)
         *
         *     **Rate Limit Label**: `Medium`
         */
        get: operations["imGroupMembers"];
        put?: never;
        /**
         * Add IM directory group members
         * Adds members to a group, each named by user id or email (the id wins when both are given). Adding a
         *     member who is already in the group changes nothing, so a repeated call is safe to retry.
         *
         *     **Scopes**: `imgroup:write:admin` (granular: `contact_group:write:member:admin`)
         *
         *     **Rate Limit Label**: `Medium`
         */
        post: operations["imGroupMembersCreate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/im/groups/{groupId}/members/{memberId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** The group's id (`id` in the create's answer or the group list). */
                groupId: components["parameters"]["GroupId"];
                /** The member's user id (`id` in the member list). */
                memberId: components["parameters"]["MemberId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete an IM directory group member
         * Removes one member from a group.
         *
         *     **Scopes**: `imgroup:write:admin` (granular: `contact_group:write:member:admin`)
         *
         *     **Rate Limit Label**: `Light`
         */
        delete: operations["imGroupMembersDelete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/groups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List groups
         * Lists the account's groups (Zoom's Groups API, the successor of IM directory groups on accounts in
         *     Zoom's new admin experience).
         *
         *     **Scopes**: `group:read:admin`
         *
         *     **Rate Limit Label**: `Medium`
         */
        get: operations["groups"];
        put?: never;
        /**
         * Create a group
         * Creates a group. Zoom allows at most 100 group creates per account per day (a daily-limit 429 after
         *     them) and at most 5,000 groups in an account (400, code 300). Whether the group shows in the directory,
         *     and its privacy, are set in Zoom's web portal.
         *
         *     **Scopes**: `group:write:admin`
         *
         *     **Rate Limit Label**: `Light`
         */
        post: operations["groupCreate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/groups/{groupId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** The group's id (`id` in the create's answer or the group list). */
                groupId: components["parameters"]["GroupId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete a group
         * Deletes a group.
         *
         *     **Scopes**: `group:write:admin`
         *
         *     **Rate Limit Label**: `Light`
         */
        delete: operations["groupDelete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/groups/{groupId}/members": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** The group's id (`id` in the create's answer or the group list). */
                groupId: components["parameters"]["GroupId"];
            };
            cookie?: never;
        };
        /**
         * List group members
         * Lists a group's members a page at a time; `next_page_token` reads the next page.
         *
         *     **Scopes**: `group:read:admin`
         *
         *     **Rate Limit Label**: `Medium`
         */
        get: operations["groupMembers"];
        put?: never;
        /**
         * Add group members
         * Adds up to 30 members to a group, each named by user id or email. Adding a member who is already in
         *     the group changes nothing.
         *
         *     **Scopes**: `group:write:admin`
         *
         *     **Rate Limit Label**: `Medium`
         */
        post: operations["groupMembersCreate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/groups/{groupId}/members/{memberId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** The group's id (`id` in the create's answer or the group list). */
                groupId: components["parameters"]["GroupId"];
                /** The member's user id (`id` in the member list). */
                memberId: components["parameters"]["MemberId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete a group member
         * Removes one member from a group.
         *
         *     **Scopes**: `group:write:admin`
         *
         *     **Rate Limit Label**: `Light`
         */
        delete: operations["groupMembersDelete"];
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
            /**
             * Who sees the group and can search for its members (read answers; the create's has none).
             * @enum {string}
             */
            type?: "normal" | "shared" | "restricted";
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
        /** The fields of an IM directory group to change; the ones left out keep their values. */
        UpdateImGroupRequest: {
            name?: components["schemas"]["CreateImGroupRequest"]["name"];
            type?: components["schemas"]["CreateImGroupRequest"]["type"];
            search_by_domain?: components["schemas"]["CreateImGroupRequest"]["search_by_domain"];
            search_by_account?: components["schemas"]["CreateImGroupRequest"]["search_by_account"];
            search_by_ma_account?: components["schemas"]["CreateImGroupRequest"]["search_by_ma_account"];
        };
        /** The account's groups. */
        ImGroupList: {
            /** How many pages the list has. */
            page_count?: number;
            /** Which page this is (deprecated by Zoom). */
            page_number?: number;
            /** How many records a page holds. */
            page_size?: number;
            /** How many groups the account has. */
            total_records?: number;
            /** The next page's token, when there is one. */
            next_page_token?: string;
            /** The groups of this page. */
            groups: components["schemas"]["ImGroup"][];
        };
        /** A member of a group. */
        ImGroupMember: {
            /** The member's user id. */
            id?: string;
            /** The member's email address. */
            email?: string;
            /** The member's first name. */
            first_name?: string;
            /** The member's last name. */
            last_name?: string;
            /** The member's user type (1 basic, 2 licensed…). */
            type?: number;
        };
        /** One page of a group's members. */
        ImGroupMemberList: {
            /** How many pages the list has. */
            page_count?: number;
            /** Which page this is (deprecated by Zoom). */
            page_number?: number;
            /** How many records a page holds. */
            page_size?: number;
            /** How many members the group has. */
            total_records?: number;
            /** The next page's token (valid 15 minutes); empty or missing on the last page. */
            next_page_token?: string;
            /** The members of this page. */
            members: components["schemas"]["ImGroupMember"][];
        };
        /** A user to add, by id or by email (the id wins when both are given). */
        MemberToAdd: {
            /** The user's id. */
            id?: string;
            /**
             * Format: email
             * The user's email address.
             */
            email?: string;
        };
        /** The members to add to a group. */
        AddImGroupMembersRequest: {
            /** Up to 10 members a call; `addImGroupMembers` sends any number in calls of that size. */
            members: components["schemas"]["MemberToAdd"][];
        };
        /** What a member add answers. */
        AddedMembers: {
            /** The added members' user ids, separated by commas. */
            ids?: string;
            /**
             * Format: date-time
             * When they were added.
             */
            added_at?: string;
        };
        /** A new group of Zoom's Groups API. */
        CreateGroupRequest: {
            name: components["schemas"]["CreateImGroupRequest"]["name"];
        };
        /** A group of Zoom's Groups API. */
        Group: {
            /** Group ID. */
            id?: string;
            /** Group name. */
            name?: string;
            /** Total number of members in the group. */
            total_members?: number;
        };
        /** The account's groups. */
        GroupList: {
            /** How many groups the account has. */
            total_records?: number;
            /** The groups. */
            groups: components["schemas"]["Group"][];
        };
        /** The members to add to a group of Zoom's Groups API. */
        AddGroupMembersRequest: {
            /** Up to 30 members a call; `addGroupMembers` sends any number in calls of that size. */
            members: components["schemas"]["MemberToAdd"][];
        };
    };
    responses: {
        /**
         * **HTTP Status Code:** `413` <br>
         *     The body is larger than the gateway accepts. Not a Zoom document's answer: the mock Zoom (and API
         *     gateways in front of any server) send it; the body carries code 300.
         */
        TooLarge: {
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
         *     The request's content type is none of those this operation takes. Not a Zoom document's answer: the
         *     mock Zoom sends it (code 300), and gateways may send an `application/problem+json` body.
         */
        UnsupportedType: {
            headers: {
                "x-zm-trackingid": components["headers"]["TrackingId"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "code": 300,
                 *       "message": "Unsupported content type \"text/csv\": send application/json."
                 *     }
                 */
                "application/json": components["schemas"]["ZoomError"];
            };
        };
        /**
         * **HTTP Status Code:** `400` <br>
         *     **Error Code:** `300` <br>
         *     Validation failed.
         *
         *     **Error Code:** `200` <br>
         *     Only available for paid account:{accountId}.
         */
        PaidAccountOrValidation: {
            headers: {
                "x-zm-trackingid": components["headers"]["TrackingId"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "code": 300,
                 *       "message": "Validation Failed."
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
        InvalidToken: {
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
        GroupNotFound: {
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
            };
        };
        /**
         * **HTTP Status Code:** `404` <br>
         *     **Error Code:** `4130` <br>
         *     Group does not exist:{groupId}.
         *
         *     **Error Code:** `1001` <br>
         *     User does not exist: a member names a user Zoom does not know.
         */
        GroupOrUserNotFound: {
            headers: {
                "x-zm-trackingid": components["headers"]["TrackingId"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "code": 1001,
                 *       "message": "User does not exist."
                 *     }
                 */
                "application/json": components["schemas"]["ZoomError"];
            };
        };
        /**
         * **HTTP Status Code:** `409` <br>
         *     **Error Code:** `4132` <br>
         *     Group name {groupName} is already in use.
         */
        NameInUse: {
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
            };
        };
        /**
         * **HTTP Status Code:** `410` <br>
         *     **Error Code:** `4137` <br>
         *     The IM Group APIs are no longer available.
         */
        Retired: {
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
         * **HTTP Status Code:** `429` <br>
         *     **Error Code:** `429` <br>
         *     Too many requests: a per-second limit (`X-RateLimit-Type: QPS`) or a daily one (`Daily-limit`).
         */
        RateLimited: {
            headers: {
                "x-zm-trackingid": components["headers"]["TrackingId"];
                /** Seconds, an HTTP date, or (daily limit) an ISO-8601 timestamp. */
                "Retry-After"?: string;
                /** The rate-limit label of the operation. */
                "X-RateLimit-Category"?: string;
                /** Which limit was hit. */
                "X-RateLimit-Type"?: "QPS" | "Daily-limit";
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
    parameters: {
        /** The group's id (`id` in the create's answer or the group list). */
        GroupId: string;
        /** The member's user id (`id` in the member list). */
        MemberId: string;
        /** How many records one page holds. */
        PageSize: number;
        /** The token of the next page, from the previous page's answer; it expires after 15 minutes. */
        NextPageToken: string;
        /**
         * @deprecated
         * Deprecated by Zoom in favour of `next_page_token`; the client never sends it.
         */
        PageNumber: number;
    };
    requestBodies: never;
    headers: {
        /** Zoom's tracking id for the request; Zoom support asks for it. */
        TrackingId: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    imGroups: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** The account's IM directory groups. */
            200: {
                headers: {
                    "x-zm-trackingid": components["headers"]["TrackingId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImGroupList"];
                };
            };
            400: components["responses"]["PaidAccountOrValidation"];
            401: components["responses"]["InvalidToken"];
            410: components["responses"]["Retired"];
            429: components["responses"]["RateLimited"];
        };
    };
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
    imGroup: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** The group's id (`id` in the create's answer or the group list). */
                groupId: components["parameters"]["GroupId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** The group. */
            200: {
                headers: {
                    "x-zm-trackingid": components["headers"]["TrackingId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImGroup"];
                };
            };
            400: components["responses"]["PaidAccountOrValidation"];
            401: components["responses"]["InvalidToken"];
            404: components["responses"]["GroupNotFound"];
            410: components["responses"]["Retired"];
            429: components["responses"]["RateLimited"];
        };
    };
    imGroupDelete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** The group's id (`id` in the create's answer or the group list). */
                groupId: components["parameters"]["GroupId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** The group was deleted. */
            204: {
                headers: {
                    "x-zm-trackingid": components["headers"]["TrackingId"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["PaidAccountOrValidation"];
            401: components["responses"]["InvalidToken"];
            404: components["responses"]["GroupNotFound"];
            410: components["responses"]["Retired"];
            429: components["responses"]["RateLimited"];
        };
    };
    imGroupUpdate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** The group's id (`id` in the create's answer or the group list). */
                groupId: components["parameters"]["GroupId"];
            };
            cookie?: never;
        };
        /** The fields to change, in either encoding (as the create takes them). */
        requestBody: {
            content: {
                "multipart/form-data": components["schemas"]["UpdateImGroupRequest"];
                "application/json": components["schemas"]["UpdateImGroupRequest"];
            };
        };
        responses: {
            /** The group was updated. */
            204: {
                headers: {
                    "x-zm-trackingid": components["headers"]["TrackingId"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["PaidAccountOrValidation"];
            401: components["responses"]["InvalidToken"];
            404: components["responses"]["GroupNotFound"];
            409: components["responses"]["NameInUse"];
            410: components["responses"]["Retired"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedType"];
            429: components["responses"]["RateLimited"];
        };
    };
    imGroupMembers: {
        parameters: {
            query?: {
                /** How many records one page holds. */
                page_size?: components["parameters"]["PageSize"];
                /** The token of the next page, from the previous page's answer; it expires after 15 minutes. */
                next_page_token?: components["parameters"]["NextPageToken"];
                /**
                 * @deprecated
                 * Deprecated by Zoom in favour of `next_page_token`; the client never sends it.
                 */
                page_number?: components["parameters"]["PageNumber"];
            };
            header?: never;
            path: {
                /** The group's id (`id` in the create's answer or the group list). */
                groupId: components["parameters"]["GroupId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** One page of the group's members. */
            200: {
                headers: {
                    "x-zm-trackingid": components["headers"]["TrackingId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImGroupMemberList"];
                };
            };
            400: components["responses"]["PaidAccountOrValidation"];
            401: components["responses"]["InvalidToken"];
            404: components["responses"]["GroupNotFound"];
            410: components["responses"]["Retired"];
            429: components["responses"]["RateLimited"];
        };
    };
    imGroupMembersCreate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** The group's id (`id` in the create's answer or the group list). */
                groupId: components["parameters"]["GroupId"];
            };
            cookie?: never;
        };
        /** The members to add; JSON only (a list of objects has no form encoding in any source). */
        requestBody: {
            content: {
                "application/json": components["schemas"]["AddImGroupMembersRequest"];
            };
        };
        responses: {
            /** The members were added. */
            201: {
                headers: {
                    "x-zm-trackingid": components["headers"]["TrackingId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AddedMembers"];
                };
            };
            400: components["responses"]["PaidAccountOrValidation"];
            401: components["responses"]["InvalidToken"];
            404: components["responses"]["GroupOrUserNotFound"];
            410: components["responses"]["Retired"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedType"];
            429: components["responses"]["RateLimited"];
        };
    };
    imGroupMembersDelete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** The group's id (`id` in the create's answer or the group list). */
                groupId: components["parameters"]["GroupId"];
                /** The member's user id (`id` in the member list). */
                memberId: components["parameters"]["MemberId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** The member was removed. */
            204: {
                headers: {
                    "x-zm-trackingid": components["headers"]["TrackingId"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["PaidAccountOrValidation"];
            401: components["responses"]["InvalidToken"];
            404: components["responses"]["GroupOrUserNotFound"];
            410: components["responses"]["Retired"];
            429: components["responses"]["RateLimited"];
        };
    };
    groups: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** The account's groups. */
            200: {
                headers: {
                    "x-zm-trackingid": components["headers"]["TrackingId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GroupList"];
                };
            };
            400: components["responses"]["PaidAccountOrValidation"];
            401: components["responses"]["InvalidToken"];
            429: components["responses"]["RateLimited"];
        };
    };
    groupCreate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The new group's name. */
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateGroupRequest"];
            };
        };
        responses: {
            /** Group created. */
            201: {
                headers: {
                    "x-zm-trackingid": components["headers"]["TrackingId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "6Tq2cHhORUK0oW4n6bJjPA",
                     *       "name": "Design team",
                     *       "total_members": 0
                     *     }
                     */
                    "application/json": components["schemas"]["Group"];
                };
            };
            /**
             * **HTTP Status Code:** `400` <br>
             *     **Error Code:** `300` <br>
             *     Validation failed, or the account already has the most groups Zoom allows (5,000).
             *
             *     **Error Code:** `200` <br>
             *     Only available for paid account:{accountId}.
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
                     *       "message": "It has reached the maximum number of groups. You can clean up some groups then add."
                     *     }
                     */
                    "application/json": components["schemas"]["ZoomError"];
                };
            };
            401: components["responses"]["InvalidToken"];
            /**
             * **HTTP Status Code:** `409` <br>
             *     **Error Code:** `4132` <br>
             *     The group name "{groupName}" is already in use.
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
                     *       "message": "The group name \"Design team\" is already in use."
                     *     }
                     */
                    "application/json": components["schemas"]["ZoomError"];
                };
            };
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedType"];
            429: components["responses"]["RateLimited"];
        };
    };
    groupDelete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** The group's id (`id` in the create's answer or the group list). */
                groupId: components["parameters"]["GroupId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** The group was deleted. */
            204: {
                headers: {
                    "x-zm-trackingid": components["headers"]["TrackingId"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["PaidAccountOrValidation"];
            401: components["responses"]["InvalidToken"];
            404: components["responses"]["GroupNotFound"];
            429: components["responses"]["RateLimited"];
        };
    };
    groupMembers: {
        parameters: {
            query?: {
                /** How many records one page holds. */
                page_size?: components["parameters"]["PageSize"];
                /** The token of the next page, from the previous page's answer; it expires after 15 minutes. */
                next_page_token?: components["parameters"]["NextPageToken"];
            };
            header?: never;
            path: {
                /** The group's id (`id` in the create's answer or the group list). */
                groupId: components["parameters"]["GroupId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** One page of the group's members. */
            200: {
                headers: {
                    "x-zm-trackingid": components["headers"]["TrackingId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImGroupMemberList"];
                };
            };
            400: components["responses"]["PaidAccountOrValidation"];
            401: components["responses"]["InvalidToken"];
            404: components["responses"]["GroupNotFound"];
            429: components["responses"]["RateLimited"];
        };
    };
    groupMembersCreate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** The group's id (`id` in the create's answer or the group list). */
                groupId: components["parameters"]["GroupId"];
            };
            cookie?: never;
        };
        /** The members to add. */
        requestBody: {
            content: {
                "application/json": components["schemas"]["AddGroupMembersRequest"];
            };
        };
        responses: {
            /** The members were added. */
            201: {
                headers: {
                    "x-zm-trackingid": components["headers"]["TrackingId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AddedMembers"];
                };
            };
            400: components["responses"]["PaidAccountOrValidation"];
            401: components["responses"]["InvalidToken"];
            404: components["responses"]["GroupOrUserNotFound"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedType"];
            429: components["responses"]["RateLimited"];
        };
    };
    groupMembersDelete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** The group's id (`id` in the create's answer or the group list). */
                groupId: components["parameters"]["GroupId"];
                /** The member's user id (`id` in the member list). */
                memberId: components["parameters"]["MemberId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** The member was removed. */
            204: {
                headers: {
                    "x-zm-trackingid": components["headers"]["TrackingId"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["PaidAccountOrValidation"];
            401: components["responses"]["InvalidToken"];
            404: components["responses"]["GroupOrUserNotFound"];
            429: components["responses"]["RateLimited"];
        };
    };
}
