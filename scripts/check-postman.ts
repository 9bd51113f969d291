/** `npm run check:postman`: fails when the spec drifts from the vendored Postman item it is derived from. */
import { readFile } from "node:fs/promises";
import { findPostmanDrift, type PostmanItem } from "./lib/postman-drift.ts";
import { loadSpec, postmanItemPath } from "./lib/spec.ts";

const item = JSON.parse(await readFile(postmanItemPath, "utf8")) as PostmanItem;
const problems = findPostmanDrift(item, await loadSpec());
if (problems.length > 0) {
  console.error(`The spec has drifted from spec/postman/create-im-group.postman.json:\n- ${problems.join("\n- ")}`);
  process.exitCode = 1;
} else {
  const keys = item.request.body.formdata.length;
  console.log(`spec matches the Postman item (${keys} form keys, ${item.response.length} documented responses)`);
}
