/**
 * `zoom-im-groups/testing/fetch`: the mock Zoom as a fetch-style function and MSW handlers, with web APIs
 * only — for Cloudflare Workers, Deno, Bun and browsers. `zoom-im-groups/testing` adds `startMockZoom`,
 * which needs Node's `http`.
 *
 * @module zoom-im-groups/testing/fetch
 */

export { MAX_BODY_BYTES } from "./body.js";
export { type MockZoomHandlersOptions, type MswHttp, mockZoomHandlers, type Resolver } from "./handlers.js";
export { createMockZoom } from "./mock-zoom.js";
export type { MockFaults, MockGroup, MockMember, MockRequestLog, MockZoom, MockZoomOptions } from "./types.js";
