/**
 * Replays every documented answer of every operation through the client method that calls it, and checks the
 * outcome by its meaning and the request against the spec (an Ajv of the test's own, test/support/spec.ts).
 * Driven by the generated operations table: a status, Zoom code or operation added to the spec becomes a case
 * here, and one this file cannot judge fails loudly. The card's four Postman answers stay explicit below.
 */
import { describe, expect, test } from "vitest";
import {
  AuthenticationError,
  BadRequestError,
  type CreatedImGroup,
  createImGroupsClient,
  type Encoding,
  GroupNameConflictError,
  GroupNotFoundError,
  ImGroupsApiRetiredError,
  PaidAccountRequiredError,
  RateLimitError,
  UserNotFoundError,
  type ZoomApiError,
} from "../../src/index.ts";
import { encodings, operations as generated, type Operation, type OperationId } from "../../src/spec.ts";
import { calls, MEMBER } from "../support/calls.ts";
import { BASE_URL, ENDPOINT, parsedRequestBody, TOKEN, useMswServer } from "../support/msw.ts";
import {
  firstLine,
  fromFormFields,
  postmanFixture,
  postmanItem,
  postmanRequestBody,
  sampleOf,
  specOperationById,
  validateRequest,
  validateRequestBody,
  validateRequestParams,
  validateResponse,
} from "../support/spec.ts";

const { requests, respondWith, answer } = useMswServer();

/** The generated table, each operation read through the one `Operation` shape. */
const operations: Readonly<Record<OperationId, Operation>> = generated;

type ErrorClass = new (...args: never[]) => ZoomApiError;
/** What each Zoom code means, on any operation (Zoom's errors page and the v1 tables; shared/zoom-api-facts.md). */
const meaningOfCode: Record<number, ErrorClass> = {
  124: AuthenticationError,
  200: PaidAccountRequiredError,
  300: BadRequestError,
  429: RateLimitError,
  1001: UserNotFoundError,
  4130: GroupNotFoundError,
  4132: GroupNameConflictError,
  4137: ImGroupsApiRetiredError,
};
/** What a documented answer without a body means (the Postman item's empty text/plain answers). */
const meaningOfEmptyAnswer: Record<number, ErrorClass> = {
  200: PaidAccountRequiredError,
  404: GroupNotFoundError,
  409: GroupNameConflictError,
};

interface Case {
  operationId: OperationId;
  status: number;
  contentType: string;
  code: number | undefined;
  body: unknown;
}

/** A documented answer's body: the spec's example; a success without one, a value of its schema (a last page). */
function bodyOf(operationId: OperationId, status: number, contentType: string, code: number | undefined): unknown {
  if (contentType === "" || contentType === "text/plain") return "";
  const documented = operations[operationId].responses[String(status)];
  const schema = specOperationById(operationId).operation.responses[String(status)]?.content?.[contentType]?.schema;
  const body = (documented?.example ?? sampleOf(schema)) as Record<string, unknown>;
  if (code !== undefined) return { ...body, code };
  return operations[operationId].list?.paged ? { ...body, next_page_token: "" } : body;
}

const cases: Case[] = Object.values(operations).flatMap((operation) =>
  Object.entries(operation.responses).flatMap(([statusText, documented]) => {
    const status = Number(statusText);
    const operationId = operation.operationId as OperationId;
    const types: readonly string[] = documented.contentTypes.length > 0 ? documented.contentTypes : [""];
    const codes: readonly (number | undefined)[] = documented.zoomCodes ?? [undefined];
    return types.flatMap((contentType) =>
      (contentType === "application/json" ? codes : [undefined]).map((code) => ({
        operationId,
        status,
        contentType,
        code,
        body: bodyOf(operationId, status, contentType, code),
      })),
    );
  }),
);

function served({ status, contentType, body }: Case): Response {
  const headers = { "x-zm-trackingid": "tracking-1" };
  if (status === 204) return new Response(null, { status, headers });
  if (contentType === "application/json") return Response.json(body, { status, headers });
  return new Response(body as string, { status, headers: { ...headers, "content-type": "text/plain" } });
}

test("every operation has a client call here, and every documented answer a case", () => {
  expect(Object.keys(calls).sort()).toEqual(Object.keys(operations).sort());
  const statuses = Object.values(operations).reduce((n, op) => n + Object.keys(op.responses).length, 0);
  expect(new Set(cases.map((c) => `${c.operationId} ${c.status}`)).size).toBe(statuses);
});

describe.each(cases)("$operationId answered $status $contentType (Zoom code $code)", (replayed) => {
  const { operationId, status, code } = replayed;
  const operation = operations[operationId];

  test("the served answer is one the spec documents", () => {
    expect(validateResponse(operationId, status, replayed.contentType, replayed.body)).toEqual([]);
  });

  test("gives the documented outcome, and the one request keeps the spec", async () => {
    answer(operation, () => served(replayed));
    const client = createImGroupsClient({ accessToken: TOKEN, maxRetries: 0 });
    const outcome = await calls[operationId](client).then(
      (value) => ({ value }),
      (error: unknown) => ({ error }),
    );

    const meaning = code === undefined ? meaningOfEmptyAnswer[status] : meaningOfCode[code];
    const succeeded = status === operation.successStatus;
    if (succeeded) {
      expect(outcome).toHaveProperty("value");
      const { value } = outcome as { value: unknown };
      if (status === 204) expect(value).toBeUndefined();
      else if (operation.list) expect(value).toEqual((replayed.body as Record<string, unknown>)[operation.list.items]);
      else if (operation.method === "POST" && !operation.batch) {
        // A create resolves with its group, the id always a string.
        expect(value).toMatchObject({ ...(replayed.body as object), status: 201 });
        expect(typeof (value as CreatedImGroup).id).toBe("string");
      } else if (operation.batch) {
        const ids = String((replayed.body as { ids: string }).ids).split(",");
        expect(value).toEqual({ added: [MEMBER], unknown: [], ids });
      } else expect(value).toEqual(replayed.body);
    } else if (operation.batch && meaning === UserNotFoundError) {
      // The method's own contract: a member Zoom does not know is reported, not thrown (src/batches.ts).
      expect(outcome).toEqual({ value: { added: [], unknown: [MEMBER], ids: [] } });
    } else {
      expect(meaning, `no documented meaning for ${status} code ${code}`).toBeDefined();
      expect(outcome).toHaveProperty("error");
      const { error } = outcome as { error: ZoomApiError };
      expect(error).toBeInstanceOf(meaning as ErrorClass);
      expect(error.status).toBe(status);
      expect(error.code).toBe(code);
      expect(error.operationId).toBe(operationId);
      expect(error.message).toContain(`${operationId}: ${operation.method} `);
      expect(error.message).toContain(`HTTP ${status}`);
      expect(error.trackingId).toBe("tracking-1");
    }

    // Exactly one request (no retry of an error, no second page), conforming to the spec.
    expect(requests).toHaveLength(1);
    const request = requests[0] as Request;
    expect(request.method).toBe(operation.method);
    expect(request.headers.get("authorization")).toBe(`Bearer ${TOKEN}`);
    expect(validateRequestParams(operationId, request.url)).toEqual([]);
    const types: readonly string[] = operation.requestContentTypes;
    if (types.length === 0) {
      expect(await request.clone().text()).toBe("");
    } else {
      const sent = await parsedRequestBody(request);
      const type = sent.contentType.split(";")[0] as string;
      expect(types).toContain(type);
      const body = Array.isArray(sent.fields) ? fromFormFields(sent.fields, operationId) : sent.fields;
      expect(validateRequest(operationId, type, body)).toEqual([]);
    }
  });
});

test("the documented answers replayed cover all eight operations and every Zoom code they name", () => {
  expect(new Set(cases.map((c) => c.operationId)).size).toBe(Object.keys(operations).length);
  const codes = new Set(cases.flatMap((c) => (c.code === undefined ? [] : [c.code])));
  expect([...codes].sort((a, b) => a - b)).toEqual(
    Object.keys(meaningOfCode)
      .map(Number)
      .sort((a, b) => a - b),
  );
});

/** The card: the Postman item's four answers to the create, in both encodings, explicit. */
const expectedErrors: Record<number, ErrorClass> = {
  200: PaidAccountRequiredError,
  404: GroupNotFoundError,
  409: GroupNameConflictError,
};

const cardCases = encodings.flatMap((encoding) => postmanItem.response.map((response) => ({ encoding, response })));

describe.each(cardCases)("the card: documented $response.code ($encoding)", ({ encoding, response }) => {
  const title = firstLine(response.name);

  test(`${response.code} "${title}" gives the documented outcome and the request keeps the contract`, async () => {
    respondWith(postmanFixture(response));
    const body = postmanRequestBody(response);
    // The documented 201's body is `{}` and its Content-Location no path: the id is found by the (unique) name.
    answer(operations.imGroups, () =>
      Response.json({
        total_records: 2,
        groups: [
          { id: "other", name: "Other" },
          { id: "found", name: body.name },
        ],
      }),
    );
    const client = createImGroupsClient({ accessToken: TOKEN, encoding: encoding as Encoding, maxRetries: 0 });

    const outcome = await client.createImGroup(body as never).then(
      (group: CreatedImGroup) => ({ group }),
      (error: unknown) => ({ error }),
    );

    if (response.code === 201) {
      expect(outcome).toHaveProperty("group");
      const group = (outcome as { group: CreatedImGroup }).group;
      expect(group.status).toBe(201);
      expect(group.location).toBe(response.header?.find((h) => h.key === "Content-Location")?.value);
      expect(group.id).toBe("found");
      expect(requests.map((r) => `${r.method} ${r.url}`)).toEqual([`POST ${ENDPOINT}`, `GET ${BASE_URL}/im/groups`]);
    } else {
      const ErrorClass = expectedErrors[response.code];
      expect(ErrorClass, `no expected outcome for documented status ${response.code}`).toBeDefined();
      expect(outcome).toHaveProperty("error");
      const error = (outcome as { error: ZoomApiError }).error;
      expect(error).toBeInstanceOf(ErrorClass);
      expect(error.status).toBe(response.code);
      expect(error.operationId).toBe("imGroupCreate");
      expect(error.message).toContain(`HTTP ${response.code}`);
      expect(requests).toHaveLength(1);
    }

    const [request] = requests;
    if (!request) throw new Error("no request recorded");
    const original = response.originalRequest;
    expect(request.method).toBe(original?.method);
    expect(request.url).toBe(ENDPOINT);
    expect(new URL(request.url).pathname).toBe(`/v2/${original?.url.path.join("/")}`);
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
