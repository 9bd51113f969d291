/**
 * Reading a bulk run's input (`--file PATH`, `--file -`) and a `--resume` file: bounded in size, and every
 * read honours the run's signal (Ctrl-C, SIGTERM), so `--file /dev/zero` or an endless pipe neither grows
 * without end nor ignores a stop.
 */
import { createReadStream } from "node:fs";
import { UsageError } from "../errors.js";

/**
 * The largest input read: 100 MiB. A row is a name of at most 128 characters and a few flags; 100 MiB holds
 * about a million typical rows, more than 100 days of a Free account's daily limit and far more groups than
 * any directory keeps. Anything larger is a mistake (a wrong file, a device, an endless pipe).
 */
export const MAX_INPUT_BYTES = 100 * 1024 * 1024;

/** Every chunk of `chunks`, refused past `limit` bytes; rejects with the signal's reason as soon as it aborts. */
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

/** A file's bytes, bounded and abortable; `shown` names it in messages (never the absolute path). */
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
