/**
 * A per-attempt deadline joined with the caller's signal. Built on setTimeout (not AbortSignal.timeout)
 * so that fake timers drive it in tests like every other wait in this package.
 */
export interface Deadline {
  readonly signal: AbortSignal;
  /** True when the deadline, not the caller, aborted. */
  readonly timedOut: boolean;
  clear(): void;
}

/** One per attempt, on the hot path: a class, not a fresh set of closures each time. */
class AttemptDeadline implements Deadline {
  readonly signal: AbortSignal;
  #expired = false;
  readonly #controller = new AbortController();
  readonly #timer: ReturnType<typeof setTimeout>;
  readonly #callerSignal: AbortSignal | undefined;

  constructor(timeoutMs: number, callerSignal: AbortSignal | undefined) {
    this.#callerSignal = callerSignal;
    this.#timer = setTimeout(() => {
      this.#expired = true;
      this.#controller.abort(new DOMException(`timed out after ${timeoutMs} ms`, "TimeoutError"));
    }, timeoutMs);
    this.signal = callerSignal ? AbortSignal.any([callerSignal, this.#controller.signal]) : this.#controller.signal;
  }

  get timedOut(): boolean {
    return this.#expired && !this.#callerSignal?.aborted;
  }

  clear(): void {
    clearTimeout(this.#timer);
  }
}

export function deadline(timeoutMs: number, callerSignal?: AbortSignal): Deadline {
  return new AttemptDeadline(timeoutMs, callerSignal);
}

/** Resolves with `promise`, or rejects with the signal's reason as soon as it aborts. */
export function raceAbort<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}
