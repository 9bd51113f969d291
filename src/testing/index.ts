/**
 * `zoom-im-groups/testing`: the mock Zoom for tests — fetch-style (`createMockZoom`), as MSW handlers
 * (`mockZoomHandlers`), and as a real HTTP server on loopback (`startMockZoom`, Node only).
 *
 * @module zoom-im-groups/testing
 */
export * from "./fetch.js";
export { type RunningMockZoom, type StartMockZoomOptions, startMockZoom } from "./server.js";
