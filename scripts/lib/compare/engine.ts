/**
 * A second opinion from a maintained diff engine, openapi-diff (set-theory comparison of JSON schemas).
 * It says whether a request or response body became incompatible, but not which rule did it (an enum
 * value removed and a limit tightened are one "request.body.scope.remove"); diff.ts itemizes. Here the
 * two are reconciled: a body the engine finds broken, where no itemized breaking difference explains it,
 * becomes a breaking difference of its own, so a rule the itemizer does not know can never pass unseen.
 */
import openapiDiff from "openapi-diff";
import { type OperationObject, withoutAnnotations } from "../spec.ts";
import type { Difference } from "./diff.ts";

type Json = Record<string, unknown>;

const bodySchema = (schema: unknown) => withoutAnnotations(schema, ["description"]);

/** The operation's JSON bodies only, on one path, so the engine compares schemas and nothing else. */
function bodiesOnly(operation: OperationObject, statuses: string[]): string {
  const content = operation.requestBody?.content ?? {};
  const request = content["application/json"]?.schema ?? Object.values(content)[0]?.schema;
  const responses: Json = {};
  for (const status of statuses) {
    const media = Object.entries(operation.responses[status]?.content ?? {}).find(([type]) => /json/.test(type));
    responses[status] = {
      description: "-",
      ...(media?.[1].schema ? { content: { "application/json": { schema: bodySchema(media[1].schema) } } } : {}),
    };
  }
  return JSON.stringify({
    openapi: "3.0.0",
    info: { title: "-", version: "-" },
    paths: {
      "/operation": {
        post: {
          ...(request ? { requestBody: { content: { "application/json": { schema: bodySchema(request) } } } } : {}),
          responses,
        },
      },
    },
  });
}

export interface EngineFinding {
  area: string;
  code: string;
  location: string;
}

/** The engine's breaking findings, each placed in an area: `request` or `response.<status>`. */
export async function engineFindings(ours: OperationObject, upstream: OperationObject): Promise<EngineFinding[]> {
  const statuses = Object.keys(ours.responses).filter((status) => status in upstream.responses);
  const result = await openapiDiff.diffSpecs({
    sourceSpec: { content: bodiesOnly(ours, statuses), location: "spec", format: "openapi3" },
    destinationSpec: { content: bodiesOnly(upstream, statuses), location: "upstream", format: "openapi3" },
  });
  if (!result.breakingDifferencesFound) return [];
  return result.breakingDifferences.map((difference) => {
    const location =
      difference.sourceSpecEntityDetails[0]?.location ?? difference.destinationSpecEntityDetails[0]?.location ?? "";
    const status = /\.responses\.(\d{3})/.exec(location)?.[1];
    return { area: status ? `response.${status}` : "request", code: difference.code, location };
  });
}

/** Engine findings that no itemized breaking difference of the same area explains. */
export function unexplained(findings: EngineFinding[], differences: Difference[]): Difference[] {
  return findings
    .filter(
      (finding) =>
        !differences.some(
          (difference) => difference.classification === "breaking" && difference.id.startsWith(`${finding.area}.`),
        ),
    )
    .map((finding) => ({
      id: `engine.${finding.area}.${finding.code}`,
      classification: "breaking" as const,
      message: `openapi-diff finds the ${finding.area.replace(".", " ")} body incompatible (${finding.code}) and no itemized rule explains it`,
    }));
}
