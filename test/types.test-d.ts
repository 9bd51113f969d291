/**
 * Compile-time contract, checked by `npm run typecheck` (tsc; vitest does not run this file). Each
 * `@ts-expect-error` covers exactly one line, so a change that makes that line compile fails the typecheck.
 */
import createClient from "openapi-fetch";
import { expectTypeOf } from "vitest";
import { operations } from "../src/generated/operations.ts";
import {
  type CreatedImGroup,
  type CreateImGroupBody,
  createImGroupsClient,
  GroupNameConflictError,
  type ImGroupsClientOptions,
  type ImGroupType,
  type paths,
  RateLimitError,
  ZoomApiError,
  type ZoomImGroupsError,
} from "../src/index.ts";
import { createImGroupRequestSchema, documentedMessage, type FieldSchema } from "../src/spec.ts";

// The body type comes from the spec: name required, type a literal union, booleans optional.
expectTypeOf<CreateImGroupBody["name"]>().toEqualTypeOf<string>();
expectTypeOf<ImGroupType>().toEqualTypeOf<"normal" | "shared" | "restricted">();
expectTypeOf<CreateImGroupBody["search_by_domain"]>().toEqualTypeOf<boolean | undefined>();
// @ts-expect-error "public" is not an IM group type
export const wrongType: CreateImGroupBody = { name: "Design", type: "public" };
// @ts-expect-error name is required
export const noName: CreateImGroupBody = { type: "shared" };
// @ts-expect-error booleans are booleans, not strings
export const stringFlag: CreateImGroupBody = { name: "Design", search_by_domain: "true" };

// The result always has its id (body, Content-Location, else the list), the location and the tracking id.
expectTypeOf<CreatedImGroup["id"]>().toEqualTypeOf<string>();
expectTypeOf<CreatedImGroup["location"]>().toEqualTypeOf<string | undefined>();
expectTypeOf<CreatedImGroup["trackingId"]>().toEqualTypeOf<string | undefined>();
expectTypeOf<CreatedImGroup["total_members"]>().toEqualTypeOf<number | undefined>();
const client = createImGroupsClient({ accessToken: "t" });
expectTypeOf(client.createImGroup).returns.resolves.toEqualTypeOf<CreatedImGroup>();
// @ts-expect-error raw is gone: a bare openapi-fetch client is createClient<paths>()
export const raw = client.raw;

// Options: exactly one of accessToken and serverToServer.
const credentials = { accountId: "a", clientId: "c", clientSecret: "s" };
export const withToken: ImGroupsClientOptions = { accessToken: async () => "t", timeoutMs: 5_000 };
export const withOAuth: ImGroupsClientOptions = { serverToServer: credentials, encoding: "json" };
// @ts-expect-error neither credential
export const neither: ImGroupsClientOptions = { baseUrl: "https://api.zoom.us/v2" };
// @ts-expect-error both credentials
export const both: ImGroupsClientOptions = { accessToken: "t", serverToServer: credentials };
// @ts-expect-error encoding is multipart or json
export const xml: ImGroupsClientOptions = { accessToken: "t", encoding: "xml" };
export const throttled: ImGroupsClientOptions = {
  accessToken: "t",
  throttle: {
    wait: async (signal: AbortSignal) => signal.throwIfAborted(),
    settled: (failure) => failure,
    retryDelayMs: (_failure, proposedMs) => Math.min(proposedMs, 100),
  },
};

// Errors: one flag for "may have created the group", on every error; subclass fields narrow.
declare const error: unknown;
if (error instanceof GroupNameConflictError) {
  expectTypeOf(error.mayHaveChanged).toEqualTypeOf<boolean>();
  expectTypeOf(error.status).toEqualTypeOf<number>();
}
if (error instanceof RateLimitError) {
  expectTypeOf(error.retryAfter).toEqualTypeOf<Date | undefined>();
  expectTypeOf(error.isDailyLimit).toEqualTypeOf<boolean>();
}
if (error instanceof ZoomApiError) {
  expectTypeOf(error.code).toEqualTypeOf<number | undefined>();
  // @ts-expect-error mayHaveSucceeded is now mayHaveChanged, on every error
  void error.mayHaveSucceeded;
}
expectTypeOf<ZoomImGroupsError["mayHaveChanged"]>().toEqualTypeOf<boolean>();

// The generator types what it writes: no cast needed to read a field's rules or a documented message.
expectTypeOf(createImGroupRequestSchema.properties.name).toEqualTypeOf<FieldSchema>();
expectTypeOf(
  operations.imGroupCreate.responses["409"].message,
).toEqualTypeOf<"Group name {groupName} is already in use.">();
expectTypeOf(documentedMessage).returns.toEqualTypeOf<string | undefined>();
// @ts-expect-error 418 is not a documented status
export const teapot = operations.imGroupCreate.responses["418"];
// @ts-expect-error a ninth operation is not in the spec
export const ninth = operations.imGroupMember;

// Every method is typed from the spec: ids are strings, bodies the spec's, lists async iterables.
expectTypeOf(client.getImGroup).parameter(0).toEqualTypeOf<string>();
expectTypeOf(client.listImGroupMembers("g")).toMatchTypeOf<AsyncIterable<{ email?: string }>>();
// @ts-expect-error an update takes the create's fields, and "public" is not a type
export const badUpdate = () => client.updateImGroup("g", { type: "public" });
// @ts-expect-error a group id is a string
export const numericId = () => client.deleteImGroup(42);
// @ts-expect-error members are named by id or email
export const badMember = () => client.addImGroupMembers("g", [{ name: "Ada" }]);

// `paths` types a bare openapi-fetch client.
const bare = createClient<paths>({ baseUrl: "https://api.zoom.us/v2" });
expectTypeOf(bare.POST).toBeFunction();
expectTypeOf(bare.GET).toBeFunction();
// @ts-expect-error the spec has no PUT on /im/groups
export const put = () => bare.PUT("/im/groups");
