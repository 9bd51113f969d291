/**
 * The library's behaviour, checked the same way on every runtime (Node, Bun, Deno, Cloudflare Workers):
 * both encodings, error mapping, Server-to-Server OAuth, timeouts and abort, against the fetch-style mock
 * (`zoom-im-groups/testing/fetch`). Plain JavaScript with web APIs only, so each runtime runs it as is.
 * `lib` and `testing` are the built package's entry points.
 */
export async function runSmoke(lib, testing) {
  const results = [];
  const check = async (name, run) => {
    try {
      const problem = await run();
      results.push({ name, ok: !problem, ...(problem ? { problem } : {}) });
    } catch (error) {
      results.push({ name, ok: false, problem: `threw ${error?.name}: ${error?.message}` });
    }
  };
  const mock = testing.createMockZoom();
  const viaMock = (request) => mock.handle(request);
  const never = (request) =>
    new Promise((_, reject) => request.signal.addEventListener("abort", () => reject(request.signal.reason)));

  for (const encoding of ["multipart", "json"]) {
    await check(`create (${encoding}) through a custom fetch`, async () => {
      const client = lib.createImGroupsClient({ accessToken: "t", encoding, fetch: viaMock });
      const group = await client.createImGroup({
        name: `Runtime ${encoding}`,
        type: "restricted",
        search_by_domain: true,
      });
      const stored = mock.groups().find((g) => g.name === `Runtime ${encoding}`);
      if (group.status !== 201 || !group.id || group.id !== stored?.id) return `got ${JSON.stringify(group)}`;
      if (stored.type !== "restricted" || stored.search_by_domain !== true) return `stored ${JSON.stringify(stored)}`;
    });
  }

  await check("create through the runtime's own fetch (looked up per call)", async () => {
    const original = globalThis.fetch;
    globalThis.fetch = (input, init) => mock.handle(new Request(input, init));
    try {
      const group = await lib
        .createImGroupsClient({ accessToken: "t" })
        .createImGroup({ name: "Runtime global fetch" });
      if (group.status !== 201) return `got ${JSON.stringify(group)}`;
    } finally {
      globalThis.fetch = original;
    }
  });

  await check("409 is GroupNameConflictError naming the group", async () => {
    const client = lib.createImGroupsClient({ accessToken: "t", fetch: viaMock, maxRetries: 0 });
    const error = await client.createImGroup({ name: "Runtime multipart" }).catch((e) => e);
    if (!(error instanceof lib.GroupNameConflictError)) return `got ${error}`;
    if (!error.message.startsWith("Group name Runtime multipart is already in use.")) return error.message;
  });

  await check("a proxy's 404 is RouteNotFoundError", async () => {
    const client = lib.createImGroupsClient({
      accessToken: "t",
      maxRetries: 0,
      fetch: async () => new Response("<html>Not Found</html>", { status: 404 }),
    });
    const error = await client.createImGroup({ name: "Nowhere" }).catch((e) => e);
    if (!(error instanceof lib.RouteNotFoundError)) return `got ${error}`;
  });

  await check("a redirect is a RedirectError: asked for manually, never followed, created nothing", async () => {
    let sent = 0;
    const redirecting = async (request) => {
      sent++;
      if (request.redirect !== "manual") return new Response(null, { status: 500 });
      return new Response(null, { status: 307, headers: { location: "https://elsewhere.example/v2/im/groups" } });
    };
    const client = lib.createImGroupsClient({ accessToken: "t", fetch: redirecting });
    const error = await client.createImGroup({ name: "Redirected" }).catch((e) => e);
    if (!(error instanceof lib.RedirectError) || error.mayHaveChanged || sent !== 1)
      return `got ${error}, ${sent} sent`;
    if (!error.message.includes("https://elsewhere.example")) return error.message;
  });

  await check("an invalid body is ValidationError and nothing is sent", async () => {
    let sent = 0;
    const counting = async (request) => {
      sent++;
      return viaMock(request);
    };
    const client = lib.createImGroupsClient({ accessToken: "t", fetch: counting });
    const error = await client.createImGroup({ name: "x", type: "public" }).catch((e) => e);
    if (!(error instanceof lib.ValidationError) || sent !== 0) return `got ${error}, ${sent} sent`;
  });

  await check("Server-to-Server OAuth: one token, then the create, in the token's account", async () => {
    let tokenRequests = 0;
    const client = lib.createImGroupsClient({
      serverToServer: { accountId: "acct-runtime", clientId: "id", clientSecret: "secret-ü" },
      fetch: async (request) => {
        if (new URL(request.url).pathname === "/oauth/token") tokenRequests++;
        return mock.handle(request);
      },
    });
    await Promise.all([client.createImGroup({ name: "S2S 1" }), client.createImGroup({ name: "S2S 2" })]);
    const names = mock
      .groups("acct-runtime")
      .map((g) => g.name)
      .sort();
    if (tokenRequests !== 1 || names.join() !== "S2S 1,S2S 2") return `${tokenRequests} token requests, ${names}`;
  });

  await check("a hanging attempt times out as ZoomTimeoutError", async () => {
    const client = lib.createImGroupsClient({ accessToken: "t", timeoutMs: 50, maxRetries: 0, fetch: never });
    const error = await client.createImGroup({ name: "Slow" }).catch((e) => e);
    if (!(error instanceof lib.ZoomTimeoutError) || error.timeoutMs !== 50) return `got ${error}`;
  });

  await check("abort rejects with the signal's AbortError, not retried", async () => {
    let attempts = 0;
    const controller = new AbortController();
    // The caller aborts once the attempt is on the wire (an event, not a time).
    const counting = (request) => {
      attempts++;
      queueMicrotask(() => controller.abort());
      return never(request);
    };
    const client = lib.createImGroupsClient({ accessToken: "t", fetch: counting });
    const error = await client.createImGroup({ name: "Aborted" }, { signal: controller.signal }).catch((e) => e);
    if (error?.name !== "AbortError" || attempts !== 1) return `got ${error?.name}, ${attempts} attempts`;
  });

  await check("the mock refuses a bad body with its generated validator's field errors (no eval)", async () => {
    const response = await mock.handle(
      new Request("https://api.zoom.us/v2/im/groups", {
        method: "POST",
        headers: { Authorization: "Bearer t", "content-type": "application/json" },
        body: JSON.stringify({ name: "😀".repeat(129), type: "public", extra: true }),
      }),
    );
    const fields = (await response.json()).errors?.map((error) => error.field).join();
    if (response.status !== 400 || fields !== "extra,name,type") return `got ${response.status} ${fields}`;
  });

  await check("the mock drops a connection as a network error (fault injection)", async () => {
    const faulty = testing.createMockZoom({ faults: { dropRate: 1 } });
    const response = await faulty.handle(
      new Request("https://api.zoom.us/v2/im/groups", {
        method: "POST",
        headers: { Authorization: "Bearer t", "content-type": "application/json" },
        body: JSON.stringify({ name: "Dropped" }),
      }),
    );
    if (response.type !== "error" || faulty.groups().length !== 1) return `got ${response.type}`;
  });
  return results;
}
