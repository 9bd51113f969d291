/** Abort-aware waiting, on setTimeout (not AbortSignal.timeout) so that fake timers drive every wait in tests. */

/** A per-attempt deadline joined with the caller's signal. */
export function deadline(timeoutMs: number, callerSignal?: AbortSignal) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DOMException("no answer in time", "TimeoutError")), timeoutMs);
  return {
    signal: anyOf(callerSignal, controller.signal),
    /** The deadline, not the caller, aborted. */
    timedOut: () => controller.signal.aborted && !callerSignal?.aborted,
    clear: () => clearTimeout(timer),
  };
}

/** One signal that aborts when any of `signals` does; with none given, one that never aborts. */
export function anyOf(...signals: (AbortSignal | undefined)[]): AbortSignal {
  const given = signals.filter((signal): signal is AbortSignal => signal !== undefined);
  return given.length === 1 ? (given[0] as AbortSignal) : AbortSignal.any(given);
}

/** Waits `ms`, or rejects with the signal's reason as soon as it aborts. */
export async function sleep(ms: number, signal: AbortSignal): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await raceAbort(new Promise((resolve) => (timer = setTimeout(resolve, ms))), signal);
  } finally {
    clearTimeout(timer); // an aborted wait must not keep the process alive
  }
}

/** Resolves with `promise`, or rejects with the signal's reason as soon as it aborts. */
export function raceAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}
