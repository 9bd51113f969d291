/** Options outside their range are refused at construction with a ConfigurationError naming the option and rule. */
import { describe, expect, test } from "vitest";
import { ConfigurationError, createImGroupsClient, type ImGroupsClientOptions } from "../src/index.ts";

const base = { accessToken: "token-0123456789" };

describe("options are refused outside their range, at construction", () => {
  test.each([
    ["timeoutMs", 1e12, "timeoutMs must be a whole number of at least 1 and at most 2,147,483,647 (got 1000000000000)"],
    ["timeoutMs", 2 ** 31, "timeoutMs must be a whole number of at least 1 and at most 2,147,483,647"],
    ["timeoutMs", Number.POSITIVE_INFINITY, "timeoutMs must be a whole number"],
    ["timeoutMs", "500", "timeoutMs must be a whole number"],
    ["maxRetries", 101, "maxRetries must be a whole number of at least 0 and at most 100"],
    ["maxRetries", -1, "maxRetries must be a whole number of at least 0"],
    ["maxRetryDelayMs", 2 ** 31, "maxRetryDelayMs must be a whole number of at least 0 and at most 2,147,483,647"],
    ["maxRetryDelayMs", 0.5, "maxRetryDelayMs must be a whole number"],
    ["fetch", "http://x", "fetch must be a function"],
    ["logger", console.log, "logger must be an object with debug and warn functions"],
    ["logger", { debug: () => {} }, "logger must be an object with debug and warn functions"],
    ["throttle", { wait: 5 }, "throttle must be an object with a wait function"],
    ["middleware", {}, "middleware must be an array"],
  ])("%s: %s is refused", (name, value, message) => {
    const options = { ...base, [name]: value } as unknown as ImGroupsClientOptions;
    let error: unknown;
    try {
      createImGroupsClient(options);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toContain(message);
  });

  test.each([
    ["timeoutMs", 1],
    ["timeoutMs", 2 ** 31 - 1],
    ["maxRetries", 0],
    ["maxRetries", 100],
    ["maxRetryDelayMs", 0],
  ])("%s: %s is accepted", (name, value) => {
    expect(() => createImGroupsClient({ ...base, [name]: value })).not.toThrow();
  });
});
