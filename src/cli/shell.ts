/** Shell words, quoted once here for every command the CLI prints (curl, resume hints). */
import type { Encoding } from "../index.js";

/** A word a POSIX shell reads back as itself: left bare when it is safe, else single-quoted. */
function quote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

export const commandLine = (words: readonly string[]) => words.map(quote).join(" ");

/** `--dry-run`: the token left as `$ZOOM_ACCESS_TOKEN`; `--form-string`, so a value starting with @ is not a file. */
export function curlCommand(url: string, body: Record<string, unknown>, encoding: Encoding): string {
  const lines = [`curl -X POST ${quote(url)}`, `  -H "Authorization: Bearer $ZOOM_ACCESS_TOKEN"`];
  if (encoding === "json")
    lines.push(`  -H 'Content-Type: application/json'`, `  --data ${quote(JSON.stringify(body))}`);
  else
    for (const [name, value] of Object.entries(body))
      lines.push(`  --form-string ${quote(`${name}=${String(value)}`)}`);
  return lines.join(" \\\n");
}
