/**
 * `npm run check:postman`: fails when the vendored Postman item (spec/postman/), the contract the spec is
 * derived from, says something the spec does not: a form key, an enum value, an example of another type,
 * a documented response, its Zoom code, header or content type, another route. It is spec:compare's reading
 * of the item; what the spec says beyond the item (limits, more responses, descriptions) is not drift.
 */
import { pathToFileURL } from "node:url";
import { postmanItemPath } from "./lib/spec.ts";
import { compareWithSpec } from "./spec-compare.ts";

export async function postmanDrift(itemPath = postmanItemPath): Promise<string[]> {
  const { differences } = await compareWithSpec(itemPath);
  return differences
    .filter(({ id, classification }) => id.endsWith(".added") || (id.endsWith(".changed") && classification !== "docs"))
    .map(({ id, message }) => `${id}: ${message}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const problems = await postmanDrift();
  if (problems.length > 0) {
    console.error(`check:postman: the Postman item says what the spec does not:\n- ${problems.join("\n- ")}`);
    process.exitCode = 1;
  } else console.log("check:postman: the spec says everything the Postman item says");
}
