/**
 * Replays every response the Postman item documents, in both encodings, and checks the client's outcome
 * and the request it sent. Driven by the item: a response added to it becomes a test here.
 */
import { describe, expect, test } from "vitest";
import {
  type CreatedImGroup,
  createImGroupsClient,
  type Encoding,
  GroupNameConflictError,
  GroupNotFoundError,
  PaidAccountRequiredError,
  ZoomApiError,
} from "../../src/index.ts";
import { encodings } from "../../src/spec.ts";
import { ENDPOINT, parsedRequestBody, TOKEN, useMswServer } from "../support/msw.ts";
import {
  firstLine,
  fromFormFields,
  postmanFixture,
  postmanItem,
  postmanRequestBody,
  validateRequestBody,
} from "../support/spec.ts";

const { requests, respondWith } = useMswServer();

/** What each documented status must become. A status the item adds without an entry here fails loudly. */
const expectedErrors: Record<number, new (...args: never[]) => ZoomApiError> = {
  200: PaidAccountRequiredError,
  404: GroupNotFoundError,
  409: GroupNameConflictError,
};

const cases = encodings.flatMap((encoding) => postmanItem.response.map((response) => ({ encoding, response })));

describe.each(cases)("documented $response.code ($encoding)", ({ encoding, response }) => {
  const title = firstLine(response.name);

  test(`${response.code} "${title}" gives the documented outcome and the request keeps the contract`, async () => {
    respondWith(postmanFixture(response));
    const client = createImGroupsClient({ accessToken: TOKEN, encoding: encoding as Encoding, maxRetries: 0 });
    const body = postmanRequestBody(response);

    const outcome = await client.createImGroup(body as never).then(
      (group: CreatedImGroup) => ({ group }),
      (error: unknown) => ({ error }),
    );

    if (response.code >= 200 && response.code < 300 && !(response.code in expectedErrors)) {
      expect(outcome).toHaveProperty("group");
      const group = (outcome as { group: CreatedImGroup }).group;
      expect(group.status).toBe(response.code);
      const location = response.header?.find((h) => h.key === "Content-Location")?.value;
      expect(group.location).toBe(location);
      // "quis officia in reprehenderit" is not a location under /im/groups/: no id is invented.
      expect(group.id).toBeUndefined();
    } else {
      const ErrorClass = expectedErrors[response.code];
      expect(ErrorClass, `no expected outcome for documented status ${response.code}`).toBeDefined();
      expect(outcome).toHaveProperty("error");
      const error = (outcome as { error: ZoomApiError }).error;
      expect(error).toBeInstanceOf(ErrorClass);
      expect(error).toBeInstanceOf(ZoomApiError);
      expect(error.status).toBe(response.code);
      expect(error.message).toContain(`HTTP ${response.code}`);
    }

    // Request conformance: exactly one request, shaped as the item's originalRequest.
    expect(requests).toHaveLength(1);
    const [request] = requests;
    if (!request) throw new Error("no request recorded");
    const original = response.originalRequest;
    expect(request.method).toBe(original?.method);
    expect(request.url).toBe(ENDPOINT);
    expect(new URL(request.url).pathname).toBe(`/v2/${original?.url.path.join("/")}`);
    expect(original?.header?.some((h) => h.key === "Authorization")).toBe(true);
    expect(request.headers.get("authorization")).toBe(`Bearer ${TOKEN}`);

    const sent = await parsedRequestBody(request);
    const expectedFields = (original?.body?.formdata ?? []).map((f) => [f.key, f.value ?? ""]);
    if (encoding === "multipart") {
      expect(sent.contentType).toMatch(/^multipart\/form-data; boundary=\S+$/);
      expect(sent.fields).toEqual(expectedFields);
      const typed = fromFormFields(sent.fields as [string, string][]);
      expect(validateRequestBody(typed), JSON.stringify(validateRequestBody.errors)).toBe(true);
      expect(typed).toEqual(body);
    } else {
      expect(sent.contentType).toBe("application/json");
      expect(sent.fields).toEqual(body);
      expect(validateRequestBody(sent.fields), JSON.stringify(validateRequestBody.errors)).toBe(true);
      expect(Object.keys(sent.fields)).toEqual(expectedFields.map(([key]) => key));
    }
  });
});

test("the item documents the four responses the card names", () => {
  expect(postmanItem.response.map((r) => r.code).sort()).toEqual([200, 201, 404, 409]);
});
