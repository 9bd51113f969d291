/**
 * A list body sent in calls of the spec's per-call maximum (`maxItems`), one after another. Every item is
 * checked before the first call. A call refused for one item Zoom does not know (a `UserNotFoundError`) is
 * split in halves until that item stands alone: the others are added, the unknown ones reported.
 */
import { UserNotFoundError, ValidationError } from "./errors.js";
import { type Operation, type OperationId, operations } from "./generated/operations.js";
import type { CallOptions, createRequester } from "./request.js";
import type { AddedImGroupMembers, MemberToAdd } from "./types.js";
import { validateRequest } from "./validation.js";

type Request = ReturnType<typeof createRequester>;

export async function addInBatches(
  request: Request,
  operationId: OperationId,
  params: Record<string, unknown>,
  items: readonly MemberToAdd[],
  callOptions: CallOptions | undefined,
): Promise<AddedImGroupMembers> {
  const batch = (operations[operationId] as Operation).batch;
  if (!batch) throw new Error(`${operationId} takes no list in the spec`);
  const { field, max } = batch;
  const result: AddedImGroupMembers = { added: [], unknown: [], ids: [] };
  if (!Array.isArray(items)) throw new ValidationError([{ field, rule: "type", message: `${field} must be a list` }]);
  const chunks: MemberToAdd[][] = [];
  for (let start = 0; start < items.length; start += max) chunks.push(items.slice(start, start + max));
  // Each call's body is checked as the spec states it, its item numbers shifted to the whole list's.
  const issues = chunks.flatMap((chunk, index) =>
    validateRequest(operationId, { params, body: { [field]: chunk } }).map((issue) => shift(issue, field, index * max)),
  );
  if (issues.length > 0) throw new ValidationError(issues, `${operationId} request`);

  async function send(chunk: MemberToAdd[]): Promise<void> {
    try {
      const answer = await request(operationId, { params, body: { [field]: chunk } }, callOptions);
      const ids = (answer.body as { ids?: unknown }).ids;
      result.added.push(...chunk);
      if (typeof ids === "string") result.ids.push(...ids.split(",").filter(Boolean));
    } catch (error) {
      if (!(error instanceof UserNotFoundError)) throw error;
      if (chunk.length === 1) {
        result.unknown.push(chunk[0] as MemberToAdd);
        return;
      }
      const half = Math.ceil(chunk.length / 2);
      await send(chunk.slice(0, half));
      await send(chunk.slice(half));
    }
  }
  for (const chunk of chunks) await send(chunk);
  return result;
}

function shift<T extends { field: string; message: string }>(issue: T, field: string, by: number): T {
  const pattern = new RegExp(`(^|\\s)${field}\\[(\\d+)\\]`, "g");
  const renumber = (text: string) => text.replace(pattern, (_, before, at) => `${before}${field}[${Number(at) + by}]`);
  return { ...issue, field: renumber(issue.field), message: renumber(issue.message) };
}
