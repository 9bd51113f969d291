/**
 * MSW handlers over the mock Zoom, for applications that test with MSW. Async so that `msw` (an optional
 * peer dependency) is loaded only by those who ask for handlers; `startMockZoom` never needs it.
 */
import { createMockZoom, type MockZoom, type MockZoomOptions } from "./mock-zoom.js";

export interface MockZoomHandlersOptions extends MockZoomOptions {
  /** The API origin to intercept. Default `https://api.zoom.us`. */
  apiOrigin?: string;
  /** The OAuth origin to intercept. Default `https://zoom.us`. */
  oauthOrigin?: string;
  /** Serve this mock (to inspect or share its state) instead of a new one. */
  mock?: MockZoom;
}

/**
 * @example
 * const server = setupServer(...(await mockZoomHandlers()));
 */
export async function mockZoomHandlers(options: MockZoomHandlersOptions = {}) {
  const { http } = await import("msw");
  const mock = options.mock ?? createMockZoom(options);
  const serve = ({ request }: { request: Request }) => mock.handle(request);
  return [
    http.all(`${options.apiOrigin ?? "https://api.zoom.us"}/v2/*`, serve),
    http.post(`${options.oauthOrigin ?? "https://zoom.us"}/oauth/token`, serve),
  ];
}
