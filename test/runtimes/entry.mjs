// Node, Bun and Deno: the smoke checks against the built package; prints one JSON line, exits 1 on a failure.
import * as lib from "../../dist/index.js";
import * as testing from "../../dist/testing/fetch.js";
import { runSmoke } from "./smoke.mjs";

const results = await runSmoke(lib, testing);
console.log(JSON.stringify(results));
if (results.some((result) => !result.ok)) globalThis.process?.exit?.(1) ?? globalThis.Deno?.exit(1);
