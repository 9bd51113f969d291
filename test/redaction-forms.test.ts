/**
 * Redaction by form: any mix of a secret's characters and their %XX and %25XX forms (either case), JSON escapes,
 * `+` for space; the whole secret in base64 or base64url.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { redactSecrets } from "../src/redact.ts";

/** Each character as written, or its UTF-8 bytes as %XX in upper or lower case; a space also as `+`. */
function partlyEncoded(secret: string, choices: readonly number[]): string {
  return [...secret]
    .map((char, index) => {
      const choice = choices[index % choices.length] ?? 0;
      if (choice === 0) return char;
      if (char === " " && choice === 3) return "+";
      const hex = [...new TextEncoder().encode(char)].map((byte) => `%${byte.toString(16).padStart(2, "0")}`).join("");
      return choice === 1 ? hex.toUpperCase() : hex.toLowerCase();
    })
    .join("");
}

describe("a secret is redacted in any mix of its literal and percent-encoded forms", () => {
  test("the token echoed as Python's quote() does it (`/` kept, the rest encoded)", () => {
    const text = "Content-Location: /im/groups/s3cr3t/tok%2Ben%3D%3D";
    expect(redactSecrets(text, ["s3cr3t/tok+en=="])).toBe("Content-Location: /im/groups/[redacted]");
  });

  test("a space as + and as %20 in one echo", () => {
    expect(redactSecrets("x=my+secret%20value!", ["my secret value!"])).toBe("x=[redacted]");
  });

  test("property: random secrets, random partial encodings, either case: never shown", () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 8, maxLength: 40, unit: "grapheme-ascii" }),
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 40 }),
        fc.string({ maxLength: 10 }),
        (secret, choices, around) => {
          const echoed = partlyEncoded(secret, choices);
          const text = `before ${around} ${echoed} after`;
          const redacted = redactSecrets(text, [secret]);
          expect(redacted).not.toContain(echoed);
          expect(redacted).toContain("[redacted]");
        },
      ),
      { numRuns: 500 },
    );
  });

  test("property: secrets with non-ASCII characters, encoded as UTF-8 bytes", () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 8, maxLength: 20, unit: "binary" }),
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 20 }),
        (secret, choices) => {
          const echoed = partlyEncoded(secret, choices);
          expect(redactSecrets(`«${echoed}»`, [secret])).toBe("«[redacted]»");
        },
      ),
      { numRuns: 300 },
    );
  });

  const secret = "Tk/9+z=Q.ab_CD-ef~GH";
  const bytes = new TextEncoder().encode(secret);
  const base64 = btoa(String.fromCharCode(...bytes));
  test.each([
    ["double percent-encoded", encodeURIComponent(encodeURIComponent(secret))],
    ["JSON-escaped with \\/", JSON.stringify(secret).slice(1, -1).replaceAll("/", "\\/")],
    ["all \\uXXXX", [...secret].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`).join("")],
    ["base64 (the issue's tracking id)", base64],
    ["base64url", base64.replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "")],
  ])("an echo %s is redacted whole", (_form, echoed) => {
    expect(base64).toBe("VGsvOSt6PVEuYWJfQ0QtZWZ+R0g=");
    expect(redactSecrets(`tracking ${echoed} end`, [secret])).toBe("tracking [redacted] end");
  });

  test("base64 inside a longer encoded string, at any alignment, keeps no run that encodes the secret", () => {
    for (const prefix of ["", "a", "ab", "abc"]) {
      const long = btoa(`${prefix}${secret}!`);
      const redacted = redactSecrets(long, [secret]);
      expect(redacted).toContain("[redacted]");
      // What is left around it is at most the few characters that mix the secret's bytes with others.
      expect(redacted.replace("[redacted]", "").length).toBeLessThanOrEqual(long.length - 24);
    }
  });

  test("a run of whitespace collapsed to one space still matches", () => {
    expect(redactSecrets("x pass word-1 y", ["pass \t word-1"])).toBe("x [redacted] y");
  });

  test("text without the secret is unchanged", () => {
    expect(redactSecrets("Group s3cr3t-ish is fine", ["s3cr3t/tok+en=="])).toBe("Group s3cr3t-ish is fine");
  });
});
