/**
 * Compile-time contract, checked by `tsc --noEmit` (part of npm test); each `@ts-expect-error` covers
 * exactly one line, so a change that makes it compile fails the typecheck.
 */
import { expect, expectTypeOf, test } from "vitest";
import {
  ConfigurationError,
  type CreatedImGroup,
  type CreateImGroupBody,
  createImGroupsClient,
  GroupNameConflictError,
  type ImGroupType,
  RateLimitError,
  ZoomApiError,
} from "../src/index.ts";

test("the body type comes from the spec: name required, type a literal union, booleans optional", () => {
  expectTypeOf<CreateImGroupBody["name"]>().toEqualTypeOf<string>();
  expectTypeOf<ImGroupType>().toEqualTypeOf<"normal" | "shared" | "restricted">();
  expectTypeOf<CreateImGroupBody["search_by_domain"]>().toEqualTypeOf<boolean | undefined>();

  // @ts-expect-error "public" is not an IM group type
  const wrongType: CreateImGroupBody = { name: "Design", type: "public" };
  // @ts-expect-error name is required
  const noName: CreateImGroupBody = { type: "shared" };
  // @ts-expect-error booleans are booleans, not strings
  const stringFlag: CreateImGroupBody = { name: "Design", search_by_domain: "true" };
  expect([wrongType, noName, stringFlag]).toHaveLength(3);
});

test("the result exposes id?: string, the location and the tracking id", () => {
  expectTypeOf<CreatedImGroup["id"]>().toEqualTypeOf<string | undefined>();
  expectTypeOf<CreatedImGroup["location"]>().toEqualTypeOf<string | undefined>();
  expectTypeOf<CreatedImGroup["trackingId"]>().toEqualTypeOf<string | undefined>();
  expectTypeOf<CreatedImGroup["total_members"]>().toEqualTypeOf<number | undefined>();
  const client = createImGroupsClient({ accessToken: "t" });
  expectTypeOf(client.createImGroup).returns.resolves.toEqualTypeOf<CreatedImGroup>();
  expect(() =>
    // @ts-expect-error encoding is multipart or json
    createImGroupsClient({ accessToken: "t", encoding: "xml" }),
  ).toThrow(ConfigurationError);
});

test("error classes narrow with instanceof", () => {
  const error: unknown = new GroupNameConflictError({
    status: 409,
    body: { code: 4132, message: "Group name Design is already in use." },
    headers: new Headers(),
    method: "POST",
    url: "https://api.zoom.us/v2/im/groups",
  });
  if (error instanceof GroupNameConflictError) {
    expectTypeOf(error.mayHaveSucceeded).toEqualTypeOf<boolean>();
    expectTypeOf(error.status).toEqualTypeOf<number>();
  }
  if (error instanceof RateLimitError) {
    expectTypeOf(error.retryAfter).toEqualTypeOf<Date | undefined>();
  }
  if (error instanceof ZoomApiError) {
    expectTypeOf(error.code).toEqualTypeOf<number | undefined>();
    // @ts-expect-error mayHaveSucceeded belongs to GroupNameConflictError only
    expect(error.mayHaveSucceeded).toBe(false);
  }
  expect(error).toBeInstanceOf(ZoomApiError);
});

test("raw is the typed openapi-fetch client for the spec's paths", () => {
  const client = createImGroupsClient({ accessToken: "t" });
  expectTypeOf(client.raw.POST).toBeFunction();
  // @ts-expect-error the spec has no GET /im/groups
  const call = () => client.raw.GET("/im/groups");
  expect(call).toBeTypeOf("function");
});
