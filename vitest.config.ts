import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Spawned CLI and real-HTTP tests get slack on a busy 2-core machine; nothing here measures speed.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
