export { type MockZoomHandlersOptions, mockZoomHandlers } from "./handlers.js";
export {
  createMockZoom,
  MAX_BODY_BYTES,
  type MockGroup,
  type MockRequestLog,
  type MockZoom,
  type MockZoomOptions,
} from "./mock-zoom.js";
export { type RunningMockZoom, type StartMockZoomOptions, startMockZoom } from "./server.js";
