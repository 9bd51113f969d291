/** Lists as async iterables: every item of every page, following `next_page_token` as the spec documents it. */
import { type Operation, type OperationId, operations } from "./generated/operations.js";
import type { CallOptions, createRequester } from "./request.js";

/**
 * Every item of a list, page after page: `for await (const item of list)`. `page()` reads one page (the first,
 * or the one a `next_page_token` names), for callers who keep their own place. @group Client
 */
export interface ItemList<Item, Page> extends AsyncIterable<Item> {
  /** One page: the first, or the one `nextPageToken` names (tokens last 15 minutes). */
  page(nextPageToken?: string): Promise<Page>;
  /** Every page, in order. */
  pages(): AsyncIterable<Page>;
}

type Request = ReturnType<typeof createRequester>;

export function listOf<Item, Page>(
  request: Request,
  operationId: OperationId,
  params: Record<string, unknown>,
  callOptions: CallOptions | undefined,
): ItemList<Item, Page> {
  const shape = (operations[operationId] as Operation).list;
  if (!shape) throw new Error(`${operationId} is not a list in the spec`);
  const page = async (nextPageToken?: string) =>
    (await request(operationId, { params: { ...params, next_page_token: nextPageToken || undefined } }, callOptions))
      .body as Page;
  async function* pages() {
    const seen = new Set<string>();
    for (let token: string | undefined; ; ) {
      const current = await page(token);
      yield current;
      const next = (current as { next_page_token?: unknown }).next_page_token;
      // The last page has no token (or an empty one); a token seen before would loop for ever.
      if (!shape?.paged || typeof next !== "string" || next === "" || seen.has(next)) return;
      seen.add(next);
      token = next;
    }
  }
  return {
    page,
    pages,
    async *[Symbol.asyncIterator]() {
      for await (const current of pages()) {
        const items = (current as Record<string, unknown>)[shape.items];
        if (Array.isArray(items)) yield* items as Item[];
      }
    },
  };
}
