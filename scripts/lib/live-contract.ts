/**
 * Provider verification: the contract checked against a running server rather than MSW. Creates one
 * uniquely named group, validates the real response's status, headers and body against the spec, then
 * checks that a second create of the same name gives the documented 409.
 */
import { Ajv } from "ajv";
import {
  type CreatedImGroup,
  createImGroupsClient,
  GroupNameConflictError,
  type ImGroupsClientOptions,
} from "../../src/index.ts";
import { loadSpec, theOperation } from "./spec.ts";

export interface LiveCheck {
  name: string;
  ok: boolean;
  detail: string;
}

interface Captured {
  status: number;
  headers: Headers;
  text: string;
}

export async function runLiveContract(options: ImGroupsClientOptions): Promise<LiveCheck[]> {
  const { operation } = theOperation(await loadSpec());
  const ajv = new Ajv({ strict: false, allErrors: true });
  const checks: LiveCheck[] = [];
  const check = (name: string, ok: boolean, detail = ""): void => {
    checks.push({ name, ok, detail });
  };
  let last: Captured | undefined;
  const capture = {
    async onResponse({ response }: { response: Response }) {
      last = { status: response.status, headers: response.headers, text: await response.clone().text() };
      return undefined;
    },
  };

  function conforms(label: string, captured: Captured | undefined): void {
    if (!captured) {
      check(`${label}: a response arrived`, false, "no response");
      return;
    }
    const documented = operation.responses[String(captured.status)];
    check(`${label}: HTTP ${captured.status} is documented`, documented !== undefined);
    if (!documented) return;
    const contentType = captured.headers.get("content-type")?.split(";")[0]?.trim() ?? "";
    const media = documented.content?.[contentType];
    check(
      `${label}: content type ${contentType || "(none)"} is documented`,
      media !== undefined || captured.text === "",
    );
    if (media?.schema) {
      let body: unknown = captured.text;
      if (contentType === "application/json") {
        try {
          body = JSON.parse(captured.text);
        } catch {
          check(`${label}: body is JSON`, false, captured.text.slice(0, 200));
          return;
        }
      }
      const validate = ajv.compile(media.schema);
      const valid = validate(body);
      check(`${label}: body matches the spec`, valid, valid ? "" : ajv.errorsText(validate.errors));
    }
    for (const [name, header] of Object.entries(documented.headers ?? {})) {
      const value = captured.headers.get(name);
      if (value !== null && header.schema?.type === "integer") {
        check(`${label}: header ${name} is an integer`, /^\d+$/.test(value), value);
      }
    }
    check(`${label}: carries x-zm-trackingid`, captured.headers.get("x-zm-trackingid") !== null);
  }

  const name = `zoom-im-groups contract ${new Date().toISOString()} ${Math.random().toString(36).slice(2, 8)}`;
  const multipart = createImGroupsClient({ ...options, encoding: "multipart", maxRetries: 0, middleware: [capture] });
  const group: CreatedImGroup | Error = await multipart
    .createImGroup({ name, type: "restricted" })
    .catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
  conforms("first create", last);
  check(
    "first create: 201 with a group",
    last?.status === 201 && !(group instanceof Error),
    group instanceof Error ? group.message : "",
  );
  if (!(group instanceof Error)) {
    check(
      "first create: the id is known (body or Content-Location)",
      typeof group.id === "string" && group.id !== "",
      String(group.location),
    );
  }

  last = undefined;
  const json = createImGroupsClient({ ...options, encoding: "json", maxRetries: 0, middleware: [capture] });
  const second = await json.createImGroup({ name }).catch((error: unknown) => error);
  conforms("second create", last);
  check(
    "second create: the documented 409, code 4132",
    second instanceof GroupNameConflictError && second.code === 4132,
    second instanceof Error ? second.message : "it succeeded",
  );
  return checks;
}
