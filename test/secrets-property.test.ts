/**
 * Issue 31's property: secrets drawn from the full printable range (headers carry only Latin-1, so tokens are
 * drawn from printable Latin-1), echoed by Zoom in every form (as written, percent-encoded once and twice,
 * JSON-escaped, `\uXXXX`, base64, base64url) and through a fetch's cause chain, never survive in any place a
 * message is built: the error's message, `toJSON`, `util.inspect` of the whole cause chain, the logger, and the
 * CLI's stderr, `--json` and ledger.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { inspect } from "node:util";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { createImGroupsClient } from "../src/index.ts";
import { cli, csv, useCliWorkspace } from "./support/cli.ts";

const workspace = useCliWorkspace("zoom-secrets-property-");

const utf8 = (text: string) => new TextEncoder().encode(text);
const base64 = (text: string) => btoa(String.fromCharCode(...utf8(text)));
const hex4 = (unit: number) => unit.toString(16).padStart(4, "0");

/** Every form of point 5 of the issue, and the secret as written. */
function forms(secret: string): string[] {
  return [
    secret,
    encodeURIComponent(secret),
    encodeURIComponent(encodeURIComponent(secret)),
    JSON.stringify(secret).slice(1, -1).replaceAll("/", "\\/"),
    Array.from({ length: secret.length }, (_, i) => `\\u${hex4(secret.charCodeAt(i))}`).join(""),
    base64(secret),
    base64(secret).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, ""),
  ];
}
/** The forms a header can carry (ASCII). */
const headerForms = (secret: string) => forms(secret).filter((form) => /^[\x20-\x7e]*$/.test(form));

/**
 * Printable: no control, format, surrogate, private-use or unassigned code point; no whitespace at either end.
 * Not a lone lower-case word: fast-check favours words such as `property`, which the CLI prints in its own text
 * (a real secret is random, and a word in the CLI's own sentences is no echo of one).
 */
const printable = (unit: "binary" | fc.Arbitrary<string>) =>
  fc
    .string({ unit, minLength: 8, maxLength: 24 })
    .filter(
      (text) => /^\P{C}+$/u.test(text) && text.trim() === text && text.trim().length >= 8 && !/^[a-z]+$/.test(text),
    );
const latin1 = fc.oneof(
  fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)),
  fc.integer({ min: 0xa1, max: 0xff }).map((code) => String.fromCharCode(code)),
);
const secrets = fc.record({
  token: printable(latin1),
  clientSecret: printable("binary"),
  accountId: printable("binary"),
  issued: printable(latin1),
});
type Secrets = { token: string; clientSecret: string; accountId: string; issued: string };
const CLIENT_ID = "client-id-1";
const basicOf = (s: Secrets) => base64(`${CLIENT_ID}:${s.clientSecret}`);
const all = (s: Secrets) => [s.token, s.clientSecret, s.accountId, s.issued, basicOf(s)];

/** Zoom's 400 echoing every form of every secret in its message, field errors and tracking id. */
function echoing(s: Secrets): Response {
  const echoed = all(s).flatMap(forms).join(" | ");
  return Response.json(
    { code: 300, message: `echo ${echoed}`, errors: [{ field: "name", message: echoed }] },
    { status: 400, headers: { "x-zm-trackingid": all(s).flatMap(headerForms).join(" ") } },
  );
}

/** What a person or a log could see of an error: message, toJSON, util.inspect of it and of each cause. */
function visible(error: unknown, lines: readonly string[]): string {
  const parts = [String(error), JSON.stringify(error), inspect(error, { depth: Number.POSITIVE_INFINITY }), ...lines];
  for (let cause = (error as Error)?.cause; cause; cause = (cause as Error).cause)
    parts.push(String(cause), inspect(cause, { depth: Number.POSITIVE_INFINITY, showHidden: true }));
  return parts.join("\n");
}

/** The forms of what the client was given (a static token; or the Server-to-Server secrets) found in `text`. */
const leaks = (text: string, known: readonly string[]) => known.flatMap(forms).filter((form) => text.includes(form));
const oauth = (s: Secrets) => [s.clientSecret, s.accountId, s.issued, basicOf(s)];

describe("no secret survives, in any form, anywhere a message is built", () => {
  test("the library: API echoes and a fetch's cause chain, with a static token and with Server-to-Server OAuth", async () => {
    await fc.assert(
      fc.asyncProperty(secrets, fc.boolean(), async (s, throws) => {
        const lines: string[] = [];
        const fetch = async (request: Request) => {
          if (request.url.endsWith("/oauth/token")) return Response.json({ access_token: s.issued, expires_in: 3599 });
          if (!throws) return echoing(s);
          const echoed = all(s).flatMap(forms).join(" ");
          throw new TypeError("fetch failed", {
            cause: new AggregateError([new Error(`proxy: ${echoed}`, { cause: new Error(echoed) })], echoed),
          });
        };
        const logger = { debug: (line: string) => lines.push(line), warn: (line: string) => lines.push(line) };
        for (const [credentials, known] of [
          [{ accessToken: s.token }, [s.token]],
          [{ serverToServer: { accountId: s.accountId, clientId: CLIENT_ID, clientSecret: s.clientSecret } }, oauth(s)],
        ] as const) {
          const error = await createImGroupsClient({ ...credentials, fetch, logger, maxRetries: 0 })
            .createImGroup({ name: "Design" })
            .catch((e: unknown) => e);
          expect(error).toBeInstanceOf(Error);
          expect(leaks(visible(error, lines), known)).toEqual([]);
        }
      }),
      { numRuns: 60 },
    );
  });

  test("the CLI: stderr, --json and the ledger", async () => {
    let current: Secrets | undefined;
    const origin = await workspace.listen((req, res) => {
      req.resume();
      req.on("end", async () => {
        const s = current as Secrets;
        const answer = req.url?.endsWith("/oauth/token")
          ? Response.json({ access_token: s.issued, expires_in: 3599 })
          : echoing(s);
        res.writeHead(answer.status, Object.fromEntries(answer.headers));
        res.end(Buffer.from(await answer.arrayBuffer()));
      });
    });
    const input = await workspace.file("secrets.csv", csv(["Design", "Sales"]));
    let run = 0;
    await fc.assert(
      fc.asyncProperty(secrets, async (s) => {
        current = s;
        const env = {
          ZOOM_API_URL: `${origin}/v2`,
          ZOOM_OAUTH_TOKEN_URL: `${origin}/oauth/token`,
          ZOOM_ACCOUNT_ID: s.accountId,
          ZOOM_CLIENT_ID: CLIENT_ID,
          ZOOM_CLIENT_SECRET: s.clientSecret,
        };
        const single = await cli(["create", "--name", "Design", "--json"], env);
        const output = `ledger-${++run}.jsonl`;
        const bulk = await cli(["create", "--file", input, "--output", output], env, { cwd: workspace.dir });
        const ledger = readFileSync(join(workspace.dir, output), "utf8");
        expect(single.code).toBe(1);
        expect(ledger).toContain('"outcome":"failed"');
        expect(leaks([single.stdout, single.stderr, bulk.stdout, bulk.stderr, ledger].join("\n"), oauth(s))).toEqual(
          [],
        );
        const tokenEnv = { ZOOM_API_URL: `${origin}/v2`, ZOOM_ACCESS_TOKEN: s.token };
        const withToken = await cli(["create", "--name", "Design", "--json"], tokenEnv);
        expect(leaks(withToken.stdout + withToken.stderr, [s.token])).toEqual([]);
      }),
      { numRuns: 15 },
    );
    // Fifteen spawned CLI runs: slack for a busy machine, not a bound (nothing measures time).
  }, 180_000);
});
