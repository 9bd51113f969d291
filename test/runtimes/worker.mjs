// Cloudflare Workers (workerd): the smoke checks inside a Worker, answered as JSON. Bundled by
// scripts/test-runtimes.ts with the package's modules; no Node compatibility flag is set.
import * as lib from "../../dist/index.js";
import * as testing from "../../dist/testing/fetch.js";
import { runSmoke } from "./smoke.mjs";

export default {
  async fetch() {
    return Response.json(await runSmoke(lib, testing));
  },
};
