/**
 * Provider verification: the contract checked against a running server rather than MSW. Creates one
 * uniquely named group (multipart), validates the real answer's status, content type, body, integer headers
 * and tracking id against the spec, then checks that a second create of the name (JSON) gets the documented 409.
 */
import { Ajv } from "ajv";
import { createImGroupsClient, GroupNameConflictError, type ImGroupsClientOptions } from "../../src/index.ts";
import { loadSpec, theOperation } from "./spec.ts";

export interface LiveCheck {
  name: string;
  ok: boolean;
  detail: string;
}

export async function runLiveContract(options: ImGroupsClientOptions): Promise<LiveCheck[]> {
  const { operation } = theOperation(await loadSpec());
  const ajv = new Ajv({ strict: false, allErrors: true });
  const checks: LiveCheck[] = [];
  const check = (name: string, ok: boolean, detail = "") => checks.push({ name, ok, detail });
  type Answer = { status: number; headers: Headers; text: string };
  let last: Answer | undefined;
  const capture = {
    async onResponse({ response }: { response: Response }) {
      last = { status: response.status, headers: response.headers, text: await response.clone().text() };
      return undefined;
    },
  };

  async function create(label: string, encoding: "multipart" | "json", name: string) {
    last = undefined;
    const client = createImGroupsClient({ ...options, encoding, maxRetries: 0, middleware: [capture] });
    const outcome = await client.createImGroup({ name, type: "restricted" }).catch((error: unknown) => error);
    const answer = last as Answer | undefined; // set by the middleware during the call
    if (!answer) return check(`${label}: a response arrived`, false, String(outcome)) && outcome;
    const { status, headers, text } = answer;
    const documented = operation.responses[String(status)];
    check(`${label}: HTTP ${status} is documented`, documented !== undefined);
    const type = headers.get("content-type")?.split(";")[0]?.trim() ?? "";
    const media = documented?.content?.[type];
    check(`${label}: content type ${type || "(none)"} is documented`, media !== undefined || text === "");
    if (media?.schema) {
      let body: unknown = text;
      try {
        if (type === "application/json") body = JSON.parse(text);
      } catch {
        check(`${label}: body is JSON`, false, text.slice(0, 200));
      }
      const validate = ajv.compile(media.schema);
      check(`${label}: body matches the spec`, validate(body), ajv.errorsText(validate.errors));
    }
    for (const [header, { schema }] of Object.entries(documented?.headers ?? {})) {
      const value = headers.get(header);
      if (value !== null && schema?.type === "integer")
        check(`${label}: header ${header} is an integer`, /^\d+$/.test(value), value);
    }
    check(`${label}: carries x-zm-trackingid`, headers.get("x-zm-trackingid") !== null);
    return outcome;
  }

  const name = `zoom-im-groups contract ${new Date().toISOString()} ${Math.random().toString(36).slice(2, 8)}`;
  const group = (await create("first create", "multipart", name)) as { id?: unknown } | Error;
  const message = group instanceof Error ? group.message : "";
  check("first create: 201 with a group", last?.status === 201 && !(group instanceof Error), message);
  if (!(group instanceof Error))
    check("first create: the id is known (body or Content-Location)", typeof group.id === "string" && group.id !== "");
  const second = await create("second create", "json", name);
  check(
    "second create: the documented 409, code 4132",
    second instanceof GroupNameConflictError && second.code === 4132,
    second instanceof Error ? second.message : "it succeeded",
  );
  return checks;
}
