import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Most files wait on spawned CLIs and loopback servers: three workers keep two cores busy
    // (vitest's default on two cores is one worker, which took 52 s where three take 29 s).
    maxWorkers: 3,
    // Spawned CLI and real-HTTP tests get slack on a busy 2-core machine; nothing here measures speed.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
