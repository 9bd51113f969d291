/** `--dry-run`: the equivalent curl command, with the token left as `$ZOOM_ACCESS_TOKEN`. */
import type { Encoding } from "../index.js";
import { quote } from "./shell.js";

export function curlCommand(url: string, body: Record<string, unknown>, encoding: Encoding): string {
  const lines = [`curl -X POST ${quote(url)}`, `  -H "Authorization: Bearer $ZOOM_ACCESS_TOKEN"`];
  if (encoding === "json") {
    lines.push(`  -H 'Content-Type: application/json'`, `  --data ${quote(JSON.stringify(body))}`);
  } else {
    // --form-string: a value starting with @ or < is text, not a file to upload.
    for (const [name, value] of Object.entries(body))
      lines.push(`  --form-string ${quote(`${name}=${String(value)}`)}`);
  }
  return lines.join(" \\\n");
}
