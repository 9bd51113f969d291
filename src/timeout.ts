/**
 * Abort-aware waiting. Built on setTimeout (not AbortSignal.timeout) so that fake timers drive every wait
 * of this package in tests.
 */

/** A per-attempt deadline joined with the caller's signal. */
export function deadline(timeoutMs: number, callerSignal?: AbortSignal) {
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new DOMException(`no answer within ${timeoutMs} ms`, "TimeoutError")),
    timeoutMs,
  );
  return {
    signal: callerSignal ? AbortSignal.any([callerSignal, controller.signal]) : controller.signal,
    /** The deadline, not the caller, aborted. */
    timedOut: () => controller.signal.aborted && !callerSignal?.aborted,
    clear: () => clearTimeout(timer),
  };
}

/** Waits `ms`, or rejects with the reason of the first of `signals` to abort, as soon as it does. */
export async function sleep(ms: number, ...signals: (AbortSignal | undefined)[]): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await raceAbort(new Promise((resolve) => (timer = setTimeout(resolve, ms))), ...signals);
  } finally {
    clearTimeout(timer); // an aborted wait must not keep the process alive
  }
}

/** Resolves with `promise`, or rejects with the reason of the first of `signals` to abort, as soon as it does. */
export function raceAbort<T>(promise: Promise<T>, ...signals: (AbortSignal | undefined)[]): Promise<T> {
  const watched = signals.filter((signal): signal is AbortSignal => signal !== undefined);
  if (watched.length === 0) return promise;
  const signal = watched.length === 1 ? (watched[0] as AbortSignal) : AbortSignal.any(watched);
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}
