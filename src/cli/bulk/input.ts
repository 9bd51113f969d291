/** Bounded and abortable, so `--file /dev/zero` or an endless pipe neither grows without end nor ignores a stop. */
import { createReadStream } from "node:fs";
import { UsageError } from "../errors.js";

/** About a million typical rows, far more groups than any directory keeps: anything larger is a mistake. */
export const MAX_INPUT_BYTES = 100 * 1024 * 1024;

export async function readBounded(
  chunks: AsyncIterable<Uint8Array | string>,
  shown: string,
  signal: AbortSignal,
  limit = MAX_INPUT_BYTES,
): Promise<Buffer> {
  const iterator = chunks[Symbol.asyncIterator]();
  const parts: Buffer[] = [];
  let size = 0;
  try {
    for (;;) {
      const next = await untilAborted(iterator.next(), signal);
      if (next.done) break;
      const chunk = Buffer.from(next.value);
      size += chunk.length;
      if (size > limit)
        throw new UsageError(
          `${shown} is larger than ${limit / 1024 / 1024} MiB, the most zoom-im-groups reads from one file; nothing was sent` +
            (limit === MAX_INPUT_BYTES ? " (split the rows into several files of about a million rows)" : ""),
          false,
        );
      parts.push(chunk);
    }
  } finally {
    // Not awaited: a read that never ends (a terminal, a stalled pipe) must not hold the stop up.
    void iterator.return?.()?.catch?.(() => undefined);
  }
  return Buffer.concat(parts);
}

/** `shown` names it in messages, never the absolute path. */
export async function readFileBounded(
  absolute: string,
  shown: string,
  signal: AbortSignal,
  limit = MAX_INPUT_BYTES,
): Promise<Buffer> {
  const stream = createReadStream(absolute);
  try {
    return await readBounded(stream, shown, signal, limit);
  } catch (error) {
    if (error instanceof UsageError || signal.aborted) throw error;
    throw new UsageError(`cannot read ${shown}: ${(error as Error).message.replace(absolute, shown)}`);
  } finally {
    stream.destroy();
  }
}

function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}
