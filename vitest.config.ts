import { defineConfig } from "vitest/config";
import type { Reporter } from "vitest/reporters";

/** One plain closing line after vitest's summary, `vitest: N passed, N failed`, for CI logs and `npm test`. */
const closingLine: Reporter = {
  onTestRunEnd(modules) {
    const states = modules.flatMap((module) => [...module.children.allTests()].map((test) => test.result().state));
    // A file that fails to load has no failed test of its own: count it as one.
    const broken = modules.filter((module) => module.errors().length > 0).length;
    const failed = states.filter((state) => state === "failed").length + broken;
    console.log(`vitest: ${states.filter((state) => state === "passed").length} passed, ${failed} failed`);
  },
};

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    reporters: ["default", closingLine],
    // Most files wait on spawned CLIs and loopback servers rather than compute: vitest's default on two
    // cores (one worker) leaves both cores idle while they wait.
    maxWorkers: 3,
    // Slack for spawned processes and real HTTP on a busy 2-core machine. No test asserts elapsed time (counts,
    // order and simulated clocks instead); a test whose behaviour is missing may hang until this timeout,
    // which is its failure. Figures come from `npm run bench`.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
