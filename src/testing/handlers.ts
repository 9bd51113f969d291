/**
 * MSW handlers over the mock Zoom, for applications that test with MSW: one per documented operation (and the
 * OAuth token endpoint), so every other request passes through to the application's own handlers. The caller
 * passes msw's `http` namespace, so this package neither imports msw nor names its types: consumers without
 * msw still install and typecheck, and the handlers are whatever their own msw version makes.
 */
import { operations } from "../generated/operations.js";
import { createMockZoom } from "./mock-zoom.js";
import type { MockZoom, MockZoomOptions } from "./types.js";

export interface MockZoomHandlersOptions extends MockZoomOptions {
  /** The API origin to intercept. Default `https://api.zoom.us`. */
  apiOrigin?: string;
  /** The OAuth origin to intercept. Default `https://zoom.us`. */
  oauthOrigin?: string;
  /** Serve this mock (to inspect or share its state) instead of a new one. */
  mock?: MockZoom;
}

/** What msw calls with each intercepted request. */
export type Resolver = (info: { request: Request }) => Promise<Response>;

/** The part of msw's `http` namespace this needs: one function per HTTP method the spec uses. */
export interface MswHttp<Handler> {
  /** A handler for GET on `path`. */
  get(path: string, resolver: Resolver): Handler;
  /** A handler for POST on `path`. */
  post(path: string, resolver: Resolver): Handler;
  /** A handler for PATCH on `path`. */
  patch(path: string, resolver: Resolver): Handler;
  /** A handler for DELETE on `path`. */
  delete(path: string, resolver: Resolver): Handler;
}

/**
 * @example
 * import { http } from "msw";
 * import { setupServer } from "msw/node";
 * const server = setupServer(...mockZoomHandlers(http));
 */
export function mockZoomHandlers<Handler>(http: MswHttp<Handler>, options: MockZoomHandlersOptions = {}): Handler[] {
  const mock = options.mock ?? createMockZoom(options);
  const serve: Resolver = ({ request }) => mock.handle(request);
  const api = `${options.apiOrigin ?? "https://api.zoom.us"}/v2`;
  return [
    ...Object.values(operations).map((operation) =>
      http[operation.method.toLowerCase() as keyof MswHttp<Handler>](
        api + operation.path.replace(/\{(\w+)\}/g, ":$1"),
        serve,
      ),
    ),
    http.post(`${options.oauthOrigin ?? "https://zoom.us"}/oauth/token`, serve),
  ];
}
