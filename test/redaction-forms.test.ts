/** Redaction by form: any mix of a secret's characters and their %XX forms (either case), `+` for space. */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { redactSecrets } from "../src/options.ts";

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

  test("text without the secret is unchanged", () => {
    expect(redactSecrets("Group s3cr3t-ish is fine", ["s3cr3t/tok+en=="])).toBe("Group s3cr3t-ish is fine");
  });
});
