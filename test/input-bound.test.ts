/** A bulk run's input has a bound, and its reads honour Ctrl-C and SIGTERM (the Io's signal). */
import { describe, expect, it } from "vitest";
import { MAX_INPUT_BYTES } from "../src/cli/bulk/input.ts";
import { type Io, run } from "../src/cli/run.ts";
import { recorder } from "./support/cli.ts";

function io(stdin: Io["stdin"], signal = new AbortController().signal) {
  const stdout = recorder();
  const stderr = recorder();
  return {
    stdout,
    stderr,
    io: { stdin, stdout, stderr, env: { PATH: "" }, cwd: process.cwd(), invokedAs: "zoom-im-groups", signal } as Io,
  };
}

describe("input has a bound", () => {
  it("an endless stdin is refused with exit 2 once past the bound, naming stdin; counted in chunks read", async () => {
    let chunks = 0;
    const endless = (async function* () {
      for (;;) {
        chunks++;
        yield Buffer.alloc(1024 * 1024, "a,b\n");
      }
    })();
    const { io: given, stderr } = io(endless);
    expect(await run(["create", "--file", "-", "--dry-run"], given)).toBe(2);
    expect(stderr.text).toMatch(/stdin is larger than 100 MiB/);
    // It stopped reading at the bound: no more than one chunk past it.
    expect(chunks).toBeLessThanOrEqual(MAX_INPUT_BYTES / (1024 * 1024) + 1);
  });

  it("--file /dev/zero is refused with exit 2 naming the file", async () => {
    const { io: given, stderr } = io((async function* () {})());
    expect(await run(["create", "--file", "/dev/zero", "--dry-run"], given)).toBe(2);
    expect(stderr.text).toContain("/dev/zero is larger than 100 MiB");
  });
});

describe("reads honour the run's signal", () => {
  it("a stdin that never ends nor answers: Ctrl-C (the signal) ends the read, exit 130", async () => {
    const interrupt = new AbortController();
    let reads = 0;
    const silent: AsyncIterable<Uint8Array> = {
      [Symbol.asyncIterator]: () => ({
        next: () => {
          reads++;
          if (reads === 1) return Promise.resolve({ done: false, value: Buffer.from("name\n") });
          queueMicrotask(() => interrupt.abort(new DOMException("interrupted", "AbortError")));
          return new Promise<IteratorResult<Uint8Array>>(() => {});
        },
      }),
    };
    const { io: given } = io(silent, interrupt.signal);
    expect(await run(["create", "--file", "-", "--dry-run"], given)).toBe(130);
    expect(reads).toBe(2);
  });

  it("a stdin that keeps giving: a SIGTERM mid-read stops reading at once, exit 130", async () => {
    const interrupt = new AbortController();
    let chunks = 0;
    const endless = (async function* () {
      for (;;) {
        if (++chunks === 10) interrupt.abort(new DOMException("interrupted", "AbortError"));
        await new Promise((resolve) => setImmediate(resolve));
        yield Buffer.from("a,b\n".repeat(1000));
      }
    })();
    const { io: given } = io(endless, interrupt.signal);
    expect(await run(["create", "--file", "-", "--dry-run"], given)).toBe(130);
    expect(chunks).toBeLessThanOrEqual(11);
  });
});
